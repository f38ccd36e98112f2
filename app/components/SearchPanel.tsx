import { Form, Link, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { Button, Notice, SearchField, SelectField, type SelectOption } from "./ui";
import { PointButtons } from "./PointButtons";
import { useEffect, useRef, useState } from "react";
import { useKeepFocus } from "./useKeepFocus";
import { PAVITT_CLASSES, type FacilityKind } from "~/domain/types";
import type { Lang, Translate } from "~/i18n";
import type { ExplorerSearch } from "~/map/explorer.server";
import { KIND_COLORS } from "~/map/features";
import { escapeHtml } from "~/search/text";

const RADII_KM = [5, 10, 30, 50, 100];
const DEFAULT_RADIUS_KM = 30;
const TYPING_PAUSE_MS = 250;

interface Option {
  code: string;
  nameKo: string;
  nameEn: string;
}

export interface SearchPanelProps {
  lang: Lang;
  t: Translate;
  search: ExplorerSearch;
  kinds: FacilityKind[];
  regions: Option[];
  divisions: Option[];
  picking: boolean;
  onPickingChange: (picking: boolean) => void;
  /** The last point picked on the map; a new one becomes the search point. */
  pickedPoint: { lat: number; lng: number } | null;
  onHighlight: (facilityId: string | null) => void;
  onSelect: (facilityId: string) => void;
}

/**
 * The search form and its results. A plain GET form, so it works without
 * JavaScript; with it, results follow typing (debounced), and Remix cancels a
 * pending search when a newer one starts. Everything lives in the URL.
 */
export function SearchPanel({
  lang,
  t,
  search,
  kinds,
  regions,
  divisions,
  picking,
  onPickingChange,
  pickedPoint,
  onHighlight,
  onSelect,
}: SearchPanelProps) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const submit = useSubmit();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLInputElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();
  const noteFocus = useKeepFocus(formRef);
  const [locating, setLocating] = useState(false);
  const [geoFailed, setGeoFailed] = useState(false);
  const q = params.get("q") ?? "";
  const near = params.get("near") ?? "";
  const facets = search.active && search.response ? search.response.facets : {};
  const count = (facet: string, value: string) =>
    search.active && search.response ? ` (${t.format.number(facets[facet]?.[value] ?? 0)})` : "";
  const counted = (facet: string, value: string, label: string): SelectOption => ({
    value,
    label: `${label}${count(facet, value)}`,
  });
  // The facets in the order they show; each counts the hits it would leave.
  const filters: { name: string; label: string; options: SelectOption[]; anyLabel?: string; disabled?: boolean }[] = [
    {
      name: "type",
      label: t("filterType"),
      options: [counted("type", "facility", t("typeFacility")), counted("type", "program", t("typeProgram"))],
    },
    {
      name: "kind",
      label: t("filterKind"),
      options: kinds.map((kind) => counted("kind", kind, t.label("facilityKind", kind))),
    },
    {
      name: "region",
      label: t("filterRegion"),
      options: regions.map((region) => counted("regionCode", region.code, t.nameOf(region))),
    },
    {
      name: "sector",
      label: t("filterSector"),
      options: divisions.map((d) => counted("sector", d.code, `${d.code} ${t.nameOf(d)}`)),
    },
    {
      name: "pavittClass",
      label: t("filterPavitt"),
      options: PAVITT_CLASSES.map((cls) => counted("pavittClass", cls, t.label("pavittClass", cls))),
    },
    {
      name: "radiusKm",
      label: t("radius"),
      anyLabel: t("noRadius"),
      disabled: near === "",
      options: RADII_KM.map((km) => ({ value: String(km), label: t("radiusKm", { km }) })),
    },
  ];

  // Links and the back button change the URL: the box follows unless someone is typing in it.
  useEffect(() => {
    if (textRef.current && document.activeElement !== textRef.current) textRef.current.value = q;
  }, [q]);

  const submitNow = () => {
    clearTimeout(typingTimer.current);
    if (!formRef.current) return;
    noteFocus();
    // Empty fields stay out of the URL, so shared links are short.
    const filled = new URLSearchParams();
    for (const [key, value] of new FormData(formRef.current))
      if (typeof value === "string" && value.trim() !== "") filled.append(key, value);
    submit(filled, { method: "get", action: "/", replace: true, preventScrollReset: true });
  };
  const submitSoon = () => {
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(submitNow, TYPING_PAUSE_MS);
  };
  const setNear = (point: { lat: number; lng: number } | null) => {
    const field = formRef.current?.elements.namedItem("near") as HTMLInputElement | null;
    if (!field) return;
    field.value = point ? `${point.lat.toFixed(4)},${point.lng.toFixed(4)}` : "";
    const radius = formRef.current?.elements.namedItem("radiusKm") as HTMLSelectElement | null;
    if (radius) {
      radius.disabled = !point;
      if (point && radius.value === "") radius.value = String(DEFAULT_RADIUS_KM);
    }
    submitNow();
  };
  const locateMe = () => {
    setGeoFailed(false);
    if (!("geolocation" in navigator)) return setGeoFailed(true);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setNear({ lat: position.coords.latitude, lng: position.coords.longitude });
      },
      () => {
        setLocating(false);
        setGeoFailed(true);
      },
      { timeout: 10_000, maximumAge: 60_000 },
    );
  };
  const setNearRef = useRef(setNear);
  setNearRef.current = setNear;
  useEffect(() => {
    if (pickedPoint) setNearRef.current(pickedPoint);
  }, [pickedPoint]);

  return (
    <section aria-labelledby="search-heading" className="search">
      <h2 id="search-heading" className="visually-hidden">
        {t("searchHeading")}
      </h2>
      <Form
        method="get"
        role="search"
        ref={formRef}
        className="search-form"
        onChange={(event) => ((event.target as HTMLElement).tagName === "SELECT" ? submitNow() : undefined)}
      >
        {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        <SearchField
          ref={textRef}
          id="searchpanel-q"
          name="q"
          label={t("searchLabel")}
          hideLabel
          buttonLabel={t("searchButton")}
          defaultValue={q}
          placeholder={t("searchPlaceholder")}
          autoComplete="off"
          maxLength={200}
          onInput={submitSoon}
          testId="search-input"
        />
        <div className="search-filters">
          {filters.map((filter) => (
            <SelectField
              key={`${filter.name}-${params.get(filter.name)}-${filter.disabled ? "off" : "on"}`}
              id={`searchpanel-${filter.name}`}
              label={filter.label}
              name={filter.name}
              defaultValue={params.get(filter.name) ?? ""}
              disabled={filter.disabled}
              placeholder={filter.anyLabel ?? t("anyOption")}
              options={filter.options}
            />
          ))}
        </div>
        <input type="hidden" name="near" defaultValue={near} key={`near-${near}`} />
        <PointButtons
          labels={{ locate: t("nearMe"), pick: t("pickOnMap"), clear: t("clearNear") }}
          picking={picking}
          onPickingChange={onPickingChange}
          onLocate={locateMe}
          onClear={near ? () => setNear(null) : undefined}
          pickTestId="pick-point"
        >
          {search.active ? <Link to={lang === "en" ? "/?lang=en" : "/"}>{t("searchClear")}</Link> : null}
        </PointButtons>
        {locating ? (
          <p className="hint" role="status">
            {t("locating")}
          </p>
        ) : null}
        {geoFailed ? <Notice tone="error">{t("geolocationFailed")}</Notice> : null}
        {near ? (
          <p className="hint">{t("nearPoint", { lat: near.split(",")[0] ?? "", lng: near.split(",")[1] ?? "" })}</p>
        ) : null}
      </Form>
      {search.active ? (
        <SearchResults
          lang={lang}
          t={t}
          search={search}
          params={params}
          busy={navigation.state === "loading"}
          onHighlight={onHighlight}
          onSelect={onSelect}
          regions={regions}
        />
      ) : null}
    </section>
  );
}

/** The engine's highlight when it marks the name shown in this language (it is HTML-escaped apart from the marks). */
function HitName({ title, highlight }: { title: string; highlight?: string }) {
  if (highlight && highlight.replace(/<\/?mark>/g, "") === escapeHtml(title))
    return <span dangerouslySetInnerHTML={{ __html: highlight }} />;
  return <>{title}</>;
}

function SearchResults({
  lang,
  t,
  search,
  params,
  busy,
  regions,
  onHighlight,
  onSelect,
}: {
  lang: Lang;
  t: Translate;
  search: Extract<ExplorerSearch, { active: true }>;
  params: URLSearchParams;
  busy: boolean;
  regions: Option[];
  onHighlight: (id: string | null) => void;
  onSelect: (id: string) => void;
}) {
  const regionName = (code: string | null) => {
    const region = regions.find((r) => r.code === code);
    return region ? t.nameOf(region) : "";
  };
  const { response } = search;
  if (!response) {
    return <Notice tone="error">{t("searchInvalid", { parameter: search.invalidParameter ?? "" })}</Notice>;
  }
  const linkWithout = (...names: string[]) => {
    const next = new URLSearchParams(params);
    for (const n of names) next.delete(n);
    return `/?${next}`;
  };
  return (
    <section aria-labelledby="results-heading" aria-busy={busy} className="results">
      <h2 id="results-heading">
        {t("resultsHeading")}{" "}
        <small data-testid="results-total">({t("resultsCount", { count: response.total })})</small>
      </h2>
      {busy ? (
        <p className="busy-indicator" role="status">
          {t("searching")}
        </p>
      ) : null}
      {response.unmatchedTerms.length > 0 && response.total > 0 ? (
        <Notice data-testid="unmatched-terms">
          {t("unmatchedTerms", { terms: response.unmatchedTerms.join(", ") })}
        </Notice>
      ) : null}
      {response.degraded ? <Notice live>{t("degradedNotice")}</Notice> : null}
      {response.place ? (
        <p className="hint">{t("placeNotice", { place: t.nameOf(response.place), km: response.place.radiusKm })}</p>
      ) : null}
      {response.total === 0 ? (
        <div className="empty" data-testid="search-empty">
          <p>{t("noResults")}</p>
          <p>{t("relaxHint")}</p>
          <ul>
            {params.get("q") ? (
              <li>
                <Link to={linkWithout("q")}>{t("relaxText")}</Link>
              </li>
            ) : null}
            {(
              [
                ["type", "filterType"],
                ["kind", "filterKind"],
                ["region", "filterRegion"],
                ["sector", "filterSector"],
                ["pavittClass", "filterPavitt"],
              ] as const
            )
              .filter(([param]) => params.get(param))
              .map(([param, label]) => (
                <li key={param}>
                  <Link to={linkWithout(param)}>{t("relaxFilter", { name: t(label) })}</Link>
                </li>
              ))}
            {params.get("radiusKm") && Number(params.get("radiusKm")) < 100 ? (
              <li>
                <Link to={`/?${new URLSearchParams({ ...Object.fromEntries(params), radiusKm: "100" })}`}>
                  {t("widenRadius", { km: 100 })}
                </Link>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      <ol className="facility-list results-list" data-testid="search-results">
        {response.hits.map((hit) => {
          const title = t.nameOf(hit);
          const isFacility = hit.type === "facility";
          return (
            <li
              key={`${hit.type}:${hit.id}`}
              data-hit-id={hit.id}
              data-hit-type={hit.type}
              onMouseEnter={isFacility ? () => onHighlight(hit.id) : undefined}
              onMouseLeave={isFacility ? () => onHighlight(null) : undefined}
              onFocus={isFacility ? () => onHighlight(hit.id) : undefined}
            >
              <span
                className="swatch"
                style={{ background: isFacility ? KIND_COLORS[hit.kind as FacilityKind] : "#868e96" }}
                aria-hidden="true"
              />
              <div>
                {isFacility ? (
                  <Link to={`/facilities/${encodeURIComponent(hit.id)}${lang === "en" ? "?lang=en" : ""}`}>
                    <HitName title={title} highlight={hit.highlight} />
                  </Link>
                ) : (
                  <strong>
                    <HitName title={title} highlight={hit.highlight} />
                  </strong>
                )}
                <div className="meta">
                  {isFacility ? t.label("facilityKind", hit.kind) : t("typeProgram")}
                  {hit.regionCode ? ` · ${regionName(hit.regionCode)}` : isFacility ? "" : ` · ${t("nationwide")}`}
                  {hit.distanceKm !== undefined ? ` · ${t("distanceKm", { km: hit.distanceKm })}` : ""}
                </div>
              </div>
              {isFacility ? (
                <Button type="button" onClick={() => onSelect(hit.id)} aria-label={`${t("showOnMap")}: ${title}`}>
                  {t("showOnMap")}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
