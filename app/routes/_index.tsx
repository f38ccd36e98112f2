import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, ButtonLink } from "~/components/ui";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { OfflineNotice, PageError } from "~/components/PageError";
import { keepLastData } from "~/offline";
import { useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { FacilityMap } from "~/components/FacilityMap";
import { FACILITY_KINDS, type FacilityKind } from "~/domain/types";
import { metaT, useT } from "~/i18n/react";
import { KIND_COLORS, kindsPresent } from "~/map/features";
import { SearchPanel } from "~/components/SearchPanel";
import { loadExplorer, loadExplorerSearch, type ExplorerSearch } from "~/map/explorer.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("pageTitleMap") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const [explorer, search] = await Promise.all([
    loadExplorer(context.services.database.db),
    loadExplorerSearch(context.services, params),
  ]);
  const kinds = kindsPresent(explorer.facilities);
  // The legend posts the kinds to show; without a legend submission every kind is shown.
  const shown = params.has("legend")
    ? params
        .getAll("show")
        .flatMap((value) => value.split(","))
        .filter((k): k is FacilityKind => (FACILITY_KINDS as readonly string[]).includes(k))
    : kinds;
  return { ...explorer, search, kinds, shown, basemap: context.services.config.basemap };
}

export default function MapPage() {
  const loaderData = useLoaderData<typeof clientLoader>();
  const { facilities, regions, divisions, search, kinds, shown, boundaryCredits, basemap, offline } = loaderData;
  // The results to keep on screen if the next search fails for the network, the server-rendered ones first.
  useEffect(() => keepLastResults.remember(loaderData), [loaderData]);
  const t = useT();
  const lang = t.lang;
  const [visibleKinds, setVisibleKinds] = useState<FacilityKind[]>(shown);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [pickedPoint, setPickedPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [searchParams, setSearchParams] = useSearchParams();
  // On a phone the list and the map take turns; the switch appears once JavaScript runs.
  const [view, setView] = useState<"list" | "map" | undefined>(undefined);
  useEffect(() => setView("list"), []);
  const showMap = (on: boolean) => setView(on ? "map" : "list");
  const near = parseNear(searchParams.get("near"), searchParams.get("radiusKm")) ?? placeOf(search);
  // While searching, the map shows the places found; otherwise every place.
  const mapFacilities = useMemo(() => {
    if (!search.active || !search.response) return facilities;
    const found = new Set(search.response.hits.filter((h) => h.type === "facility").map((h) => h.id));
    return facilities.filter((f) => found.has(f.id));
  }, [facilities, search]);
  const regionNames = useMemo(() => new Map(regions.map((r) => [r.code, t.nameOf(r)])), [regions, t]);
  const listed = facilities.filter((f) => visibleKinds.includes(f.kind as FacilityKind));
  const [listAll, setListAll] = useState(searchParams.get("list") === "all");
  const listRef = useRef<HTMLUListElement>(null);
  const showAllParams = new URLSearchParams(searchParams);
  showAllParams.set("list", "all");
  if (lang === "en") showAllParams.set("lang", "en");

  const toggle = (kind: string, on: boolean) => {
    const next = kinds.filter((k) => (k === kind ? on : visibleKinds.includes(k)));
    setVisibleKinds(next);
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        params.delete("show");
        if (next.length === kinds.length) params.delete("legend");
        else {
          params.set("legend", "1");
          for (const k of next) params.append("show", k);
        }
        return params;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  return (
    <main className="explorer" data-view={picking ? "map" : view}>
      <h1 className="visually-hidden">{t("homeHeading")}</h1>
      <FacilityMap
        {...{ kinds, regions, lang, t, basemap }}
        facilities={mapFacilities}
        visibleKinds={visibleKinds}
        selectedId={selectedId}
        highlightedId={highlightedId}
        near={near}
        fitToFacilities={search.active && mapFacilities.length > 0}
        legendToggle={{
          name: "show",
          marker: ["legend", "1"],
          onChange: toggle,
          hiddenFields: [
            ...(lang === "en" ? [["lang", "en"] as const] : []),
            ...CARRIED_PARAMS.flatMap((name) => searchParams.getAll(name).map((value) => [name, value] as const)),
          ],
          submitLabel: t("applyFilters"),
        }}
        picking={picking}
        onPickPoint={(point) => {
          setPicking(false);
          setPickedPoint(point);
        }}
      />
      <aside className="side">
        {view ? (
          <div className="view-switch" role="group" aria-label={t("viewSwitchLabel")}>
            <Button
              type="button"
              className="small"
              aria-pressed={view === "list" && !picking}
              onClick={() => showMap(false)}
            >
              {t("viewList")}
            </Button>
            <Button
              type="button"
              className="small"
              aria-pressed={view === "map" || picking}
              onClick={() => showMap(true)}
            >
              {t("viewMap")}
            </Button>
          </div>
        ) : null}
        {offline ? <OfflineNotice /> : null}
        <SearchPanel
          {...{ kinds, regions, lang, t, search, divisions }}
          picking={picking}
          onPickingChange={setPicking}
          pickedPoint={pickedPoint}
          onHighlight={setHighlightedId}
          onSelect={setSelectedId}
        />
        {search.active ? null : (
          <section aria-labelledby="facility-list-title" className="facility-section">
            <h2 id="facility-list-title">
              {t("listHeading")} <small>({t("listCount", { count: listed.length })})</small>
            </h2>
            {listed.length === 0 ? <p>{t("listEmpty")}</p> : null}
            <ul className="facility-list" id="facility-list" data-testid="facility-list" ref={listRef}>
              {(listAll ? listed : listed.slice(0, LIST_FIRST)).map((f) => (
                <li key={f.id} data-facility-id={f.id}>
                  <span
                    className="swatch"
                    style={{ background: KIND_COLORS[f.kind as FacilityKind] }}
                    aria-hidden="true"
                  />
                  <div>
                    <Link to={`/facilities/${encodeURIComponent(f.id)}${lang === "en" ? "?lang=en" : ""}`}>
                      {t.nameOf(f)}
                    </Link>
                    <div className="meta">
                      {t.label("facilityKind", f.kind)} · {regionNames.get(f.regionCode)}
                      {f.anchorGroup ? ` · ${t.nameOf(f.anchorGroup)}` : ""}
                    </div>
                  </div>
                  <Button
                    type="button"
                    className="small"
                    onClick={() => {
                      setSelectedId(f.id);
                      showMap(true);
                    }}
                    aria-label={`${t("showOnMap")}: ${t.nameOf(f)}`}
                  >
                    {t("showOnMap")}
                  </Button>
                </li>
              ))}
            </ul>
            {!listAll && listed.length > LIST_FIRST ? (
              <ButtonLink
                variant="secondary"
                to={`?${showAllParams}`}
                preventScrollReset
                onClick={(event) => {
                  // The link alone reloads the page with the whole list; here the list grows in place.
                  event.preventDefault();
                  flushSync(() => setListAll(true));
                  listRef.current?.querySelectorAll("a")[LIST_FIRST]?.focus();
                }}
              >
                {t("listShowAll", { count: listed.length })}
              </ButtonLink>
            ) : null}
          </section>
        )}

        <footer className="credits">
          <h2>{t("credits")}</h2>
          <ul>
            <li>{t("creditLand")}</li>
            {basemap.kind === "offline" ? <li>{t("creditBoundaries")}</li> : null}
            {basemap.kind === "offline" ? <li>{t("creditPlaces")}</li> : null}
            <li>{t("creditListings")}</li>
            {basemap.kind === "offline" ? null : <li>{t("creditBasemap")}</li>}
            {boundaryCredits.map((c) => (
              <li key={c.source}>{t("boundaryCredit", { source: c.source, license: c.license })}</li>
            ))}
          </ul>
        </footer>
      </aside>
    </main>
  );
}

/**
 * Places listed before "show all": the map shows every one, the list starts short, so the page stays
 * quick to read and to load (a statistics import brings some 1,300 industrial complexes).
 */
const LIST_FIRST = 30;

/** What a legend submission without JavaScript carries along: the search and the whole list. */
const CARRIED_PARAMS = ["q", "type", "kind", "region", "sector", "pavittClass", "near", "radiusKm", "list"];

function parseNear(
  near: string | null,
  radiusKm: string | null,
): { lat: number; lng: number; radiusKm?: number } | null {
  const [lat, lng] = (near ?? "").split(",").map(Number);
  if (
    lat === undefined ||
    lng === undefined ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lng) ||
    near === null ||
    near === ""
  )
    return null;
  const radius = Number(radiusKm);
  return { lat, lng, ...(radiusKm && Number.isFinite(radius) && radius > 0 ? { radiusKm: radius } : {}) };
}

function placeOf(search: ExplorerSearch): { lat: number; lng: number; radiusKm: number } | null {
  const place = search.active ? search.response?.place : undefined;
  return place ? { lat: place.lat, lng: place.lng, radiusKm: place.radiusKm } : null;
}

const keepLastResults = keepLastData<SerializeFrom<typeof loader>>();

/** A search that fails for the network keeps the last results on screen, with a notice (`offline`). */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  return keepLastResults(() => serverLoader<typeof loader>());
}

export { PageError as ErrorBoundary };
