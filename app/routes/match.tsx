import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import {
  Button,
  ButtonLink,
  Card,
  CheckboxGroup,
  ErrorSummary,
  FieldError,
  Notice,
  RadioGroup,
  SearchField,
  SelectField,
  TextField,
} from "~/components/ui";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { OfflineNotice, PageError } from "~/components/PageError";
import { keepLastData } from "~/offline";
import { useEffect, useMemo, useState } from "react";
import { FacilityMap } from "~/components/FacilityMap";
import {
  APPROPRIATIONS,
  CERTIFICATIONS,
  FACILITY_KINDS,
  INNOVATION_FOCUSES,
  NEEDS,
  TECH_SOURCES,
  type FacilityKind,
  type PavittQuestion,
} from "~/domain/types";
import type { Lang, MessageKey, Translate } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import type { RenderedReason } from "~/i18n/reasons";
import type { MapFacility } from "~/map/features";
import { loadMatchPage } from "~/match/page.server";
import { groupReasons, ownReasons, REGIONS_NAMED, scoreBand, sharedReasons } from "~/match/present";
import type { MatchedItem, MatchResponse } from "~/match/service.server";
import { PointButtons } from "~/components/PointButtons";
import { RegionOptions } from "~/components/RegionOptions";
import { FIRM_APPLICANT_TYPES } from "~/domain/programs/types";
import { inquiryHref, type ProfileHint } from "~/inquiries/link";
import { matchesIndustry } from "~/search/industry-choice";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("matchTitle")} — ${t("appName")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const data = await loadMatchPage(context.services, new URL(request.url).searchParams);
  return { ...data, basemap: context.services.config.basemap };
}

/** Every kind gets its map layer up front: the map outlives navigations between profiles. */
const MAP_KINDS: FacilityKind[] = [...FACILITY_KINDS];

/** The three questions on how the firm innovates, each with its answers and "not sure". */
const INNOVATION_QUESTIONS: { name: PavittQuestion; label: MessageKey; options: readonly string[] }[] = [
  { name: "techSource", label: "matchTechSource", options: TECH_SOURCES },
  { name: "appropriation", label: "matchAppropriation", options: APPROPRIATIONS },
  { name: "innovationFocus", label: "matchInnovationFocus", options: INNOVATION_FOCUSES },
];

/** A figure the form asks for as a number; amounts in 억 won take a tenth (`step` 0.1). */
interface Figure {
  name: string;
  label: MessageKey;
  required?: boolean;
  step?: string;
}

const SIZE_FIGURES: readonly Figure[] = [
  { name: "employees", label: "matchEmployees", required: true },
  { name: "capitalEok", label: "matchCapital", step: "0.1" },
  { name: "salesEok", label: "matchSales", step: "0.1" },
];

const CAPABILITY_FIGURES: readonly Figure[] = [
  { name: "researchers", label: "matchResearchers" },
  { name: "rndEok", label: "matchRndSpend", step: "0.1" },
  { name: "patents", label: "matchPatents" },
];

const BREAKDOWN_LABELS: Record<string, MessageKey & `breakdown${string}`> = {
  proximity: "breakdownProximity",
  industry: "breakdownIndustry",
  stance: "breakdownStance",
  level: "breakdownLevel",
  delivery: "breakdownDelivery",
  needs: "breakdownNeeds",
};

export default function MatchPage() {
  const loaderData = useLoaderData<typeof clientLoader>();
  const { divisions, regions, errors, result, basemap, offline } = loaderData;
  // The results to keep on screen if the next match fails for the network, the server-rendered ones first.
  useEffect(() => keepLastResults.remember(loaderData), [loaderData]);
  const t = useT();
  const lang = t.lang;
  const location = useLocation();
  const navigation = useNavigation();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [industryFilter, setIndustryFilter] = useState("");
  const [picking, setPicking] = useState(false);
  const [point, setPoint] = useState(() => pointOf(params));
  useEffect(() => setPoint(pointOf(params)), [params]);
  const [locateFailed, setLocateFailed] = useState(false);

  const selectedDivision = params.get("ksic") ?? "";
  // A division shows when its code, its name or a word of its KSIC classes (염색 → 13) holds what is typed.
  const shownDivisions = divisions.filter((d) => d.code === selectedDivision || matchesIndustry(d, industryFilter));
  const errorFor = (field: string) => (errors[field] ? errors[field][lang] : null);
  const errorList = Object.entries(errors);

  const centers = useMemo(() => result?.centers ?? [], [result]);
  const mapFacilities = useMemo(
    () =>
      centers.flatMap((c): MapFacility[] =>
        c.location
          ? [
              {
                id: c.id,
                kind: c.kind,
                nameKo: c.nameKo,
                nameEn: c.nameEn,
                regionCode: c.regionCode ?? "",
                lat: c.location.lat,
                lng: c.location.lng,
                precision: "",
                anchorGroup: null,
                sectors: [],
              },
            ]
          : [],
      ),
    [centers],
  );
  const firmPoint = result ? { lat: result.firm.location.lat, lng: result.firm.location.lng } : point;

  const locateMe = () => {
    setLocateFailed(false);
    navigator.geolocation?.getCurrentPosition(
      (position) => setPoint({ lat: position.coords.latitude, lng: position.coords.longitude }),
      () => setLocateFailed(true),
      { timeout: 10_000 },
    );
  };

  return (
    <main className="match-page" data-has-result={result ? "true" : undefined}>
      <section className="match-form-panel" aria-labelledby="match-title">
        <h1 id="match-title">{t("matchTitle")}</h1>
        <p className="hint">{t("matchIntro")}</p>
        <ErrorSummary
          title={t("matchErrorsTitle")}
          compact
          focusOn={errors}
          data-testid="match-errors"
          items={errorList.map(([field, message]) => ({ key: field, href: `#field-${field}`, text: message[lang] }))}
        />
        <Form method="get" className="match-form" noValidate>
          {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
          <fieldset>
            <legend>{t("matchIndustry")}</legend>
            {hydrated ? (
              <SearchField
                id="match-industry-filter"
                label={t("matchIndustryFilter")}
                value={industryFilter}
                onChange={(event) => setIndustryFilter(event.currentTarget.value)}
                testId="industry-filter"
              />
            ) : null}
            <SelectField
              id="field-ksic"
              label={t("matchIndustryChoose")}
              error={errorFor("ksic")}
              name="ksic"
              defaultValue={selectedDivision}
              required
              placeholder="—"
              options={shownDivisions.map((d) => ({ value: d.code, label: `${d.code} ${t.nameOf(d)}` }))}
            />
          </fieldset>

          <fieldset>
            <legend>{t("matchSize")}</legend>
            <NumberFields figures={SIZE_FIGURES} params={params} errorFor={errorFor} />
            <p className="hint">{t("matchSizeHint")}</p>
          </fieldset>

          <fieldset>
            <legend>{t("matchCallsLegend")}</legend>
            <TextField
              id="field-founded"
              label={t("matchFoundedOn")}
              error={errorFor("founded")}
              name="founded"
              defaultValue={params.get("founded") ?? ""}
              placeholder="2024-08-01"
              inputMode="numeric"
            />
            <SelectField
              id="field-applicant"
              label={t("matchApplicantType")}
              name="applicant"
              defaultValue={params.get("applicant") ?? ""}
              placeholder={t("matchApplicantAuto")}
              options={FIRM_APPLICANT_TYPES.map((type) => ({ value: type, label: t.label("applicantType", type) }))}
            />
            <p className="hint">{t("matchCallsHint")}</p>
          </fieldset>

          <fieldset id="field-location">
            <legend>{t("matchLocation")}</legend>
            <TextField
              id="field-address"
              label={t("matchAddress")}
              error={errorFor("address")}
              name="address"
              defaultValue={params.get("address") ?? ""}
              placeholder={t("matchAddressPlaceholder")}
              maxLength={200}
              autoComplete="street-address"
            />
            {result?.firm.place ? (
              <p className="hint" role="status" data-testid="match-address-place">
                {t("matchPlacedByAddress", {
                  place: result.firm.place.label[lang],
                  precision: t(`precision_${result.firm.place.precision}`),
                })}
              </p>
            ) : null}
            <SelectField
              id="field-region"
              label={t("matchRegion")}
              name="region"
              defaultValue={params.get("region") ?? ""}
              placeholder={t("matchRegionChoose")}
            >
              <RegionOptions regions={regions} lang={lang} />
            </SelectField>
            <input type="hidden" name="lat" value={point ? point.lat.toFixed(5) : ""} />
            <input type="hidden" name="lng" value={point ? point.lng.toFixed(5) : ""} />
            <PointButtons
              labels={{ locate: t("matchUseMyLocation"), pick: t("matchPickOnMap"), clear: t("matchLocationClear") }}
              picking={picking}
              onPickingChange={setPicking}
              onLocate={locateMe}
              onClear={point ? () => setPoint(null) : undefined}
              pickTestId="match-pick"
            />
            {locateFailed ? <Notice>{t("geolocationFailed")}</Notice> : null}
            {point ? (
              <p className="hint" data-testid="match-point">
                {t("matchLocationSet", { lat: point.lat.toFixed(4), lng: point.lng.toFixed(4) })}
              </p>
            ) : null}
            <p className="hint">{t("matchLocationHint")}</p>
            {(errorFor("location") ?? errorFor("region")) ? (
              <FieldError id="error-location">{errorFor("location") ?? errorFor("region")}</FieldError>
            ) : null}
          </fieldset>

          <fieldset>
            <legend>{t("matchQuestions")}</legend>
            {INNOVATION_QUESTIONS.map(({ name, label, options }) => (
              <RadioGroup
                key={name}
                id={`field-${name}`}
                name={name}
                legend={t(label)}
                defaultValue={params.get(name) ?? ""}
                error={errorFor(name)}
                options={[
                  ...options.map((option) => ({ value: option, label: t.label(name, option) })),
                  { value: "", label: t("matchNotSure") },
                ]}
              />
            ))}
          </fieldset>

          <fieldset>
            <legend>{t("matchCapability")}</legend>
            <NumberFields figures={CAPABILITY_FIGURES} params={params} errorFor={errorFor} />
            <CheckboxGroup
              id="field-cert"
              name="cert"
              legend={t("matchCertifications")}
              defaultValues={params.getAll("cert")}
              options={CERTIFICATIONS.map((c) => ({ value: c, label: t.label("certification", c) }))}
            />
          </fieldset>

          <CheckboxGroup
            id="field-need"
            name="need"
            legend={t("matchNeeds")}
            className="match-needs"
            defaultValues={params.getAll("need")}
            options={NEEDS.map((need) => ({ value: need, label: t.label("need", need) }))}
          />
          <Button type="submit" className="primary" disabled={navigation.state === "loading"}>
            {t("matchSubmit")}
          </Button>
        </Form>
      </section>

      <section className="match-results" aria-labelledby="results-title" aria-busy={navigation.state === "loading"}>
        {navigation.state === "loading" ? (
          <p className="busy-indicator" role="status">
            {t("loading")}
          </p>
        ) : null}
        {offline ? <OfflineNotice /> : null}
        {result ? (
          <a href="#match-title" className="jump-to-form button">
            {t("matchChangeAnswers")}
          </a>
        ) : null}
        <FacilityMap
          facilities={mapFacilities}
          kinds={MAP_KINDS}
          visibleKinds={MAP_KINDS}
          fitToFacilities
          regions={regions}
          lang={lang}
          t={t}
          basemap={basemap}
          near={firmPoint}
          picking={picking}
          onPickPoint={(picked) => {
            setPicking(false);
            setPoint(picked);
          }}
        />
        {result ? <MatchResults result={result} lang={lang} t={t} regions={regions} params={params} /> : null}
      </section>
    </main>
  );
}

function pointOf(params: URLSearchParams): { lat: number; lng: number } | null {
  const lat = Number(params.get("lat"));
  const lng = Number(params.get("lng"));
  return params.get("lat") && params.get("lng") && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

/** The figures of one fieldset, each a number field named by the form parameter it sends. */
function NumberFields({
  figures,
  params,
  errorFor,
}: {
  figures: readonly Figure[];
  params: URLSearchParams;
  errorFor: (field: string) => string | null;
}) {
  const t = useT();
  return figures.map(({ name, label, required, step }) => (
    <TextField
      key={name}
      id={`field-${name}`}
      label={t(label)}
      error={errorFor(name)}
      type="number"
      inputMode="decimal"
      name={name}
      min="0"
      step={step ?? "1"}
      defaultValue={params.get(name) ?? ""}
      required={required}
    />
  ));
}

function Reasons({ reasons, lang }: { reasons: RenderedReason[]; lang: Lang }) {
  return (
    <ul className="reasons">
      {reasons.map((reason, i) => (
        <li key={`${reason.rule}-${i}`} data-rule={reason.rule}>
          {reason[lang]}
        </li>
      ))}
    </ul>
  );
}

/** "· closes in N days" for an open call, "· opens on …" for an upcoming one. */
function statusNote(t: Translate, item: MatchedItem): string {
  if (
    (item.status === "open" || item.status === "closing_soon") &&
    item.daysLeft !== null &&
    item.daysLeft !== undefined
  ) {
    return ` · ${item.daysLeft === 0 ? t("program.closesToday") : t("program.closesIn", { count: item.daysLeft })}`;
  }
  if (item.status === "upcoming" && item.window?.start)
    return ` · ${t("program.opensOn", { start: item.window.start })}`;
  return "";
}

/** The profile's parameters, for links that carry it (a program page, the feed); the page's own `program` is dropped. */
function profileQueryOf(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("program");
  return params.toString();
}

function MatchResults({
  result,
  lang,
  t,
  regions,
  params,
}: {
  result: MatchResponse;
  lang: Lang;
  t: Translate;
  regions: { code: string; nameKo: string; nameEn: string }[];
  params: URLSearchParams;
}) {
  const c = result.classification;
  const profileQuery = profileQueryOf(useLocation().search);
  const profile: ProfileHint = {
    ksic: params.get("ksic"),
    sizeBand: c.sizeBand,
    region: result.firm.regionCode,
    pavittClass: c.pavittClass,
    needs: params.getAll("need"),
  };
  const regionName = (code: string | null) => {
    const region = regions.find((r) => r.code === code);
    return region ? t.nameOf(region) : "";
  };
  // A program for many regions names them up to REGIONS_NAMED, then counts them.
  const programRegionsLabel = (item: MatchedItem) => {
    const codes = item.regionCodes ?? [];
    if (item.nationwide || (codes.length === 0 && !item.regionCode)) return t("nationwide");
    if (codes.length === 0) return regionName(item.regionCode);
    return codes.length <= REGIONS_NAMED
      ? codes.map((code) => regionName(code)).join(", ")
      : t("matchRegionsCount", { count: codes.length });
  };
  const fromRegionCentre = result.firm.locationBasis === "region_label";
  const confidence = { high: t("confidenceHigh"), medium: t("confidenceMedium"), low: t("confidenceLow") }[
    c.confidence
  ];
  const sme =
    result.eligibility.isSme === null
      ? t("matchSmeUnknown")
      : result.eligibility.isSme
        ? t("matchSmeYes")
        : t("matchSmeNo");
  return (
    <div className="match-output" data-testid="match-results">
      <h2 id="results-title">{t("matchResults")}</h2>
      <p className="hint print-hidden">
        {t("matchShare")}{" "}
        <Button type="button" onClick={() => window.print()}>
          {t("matchPrint")}
        </Button>
      </p>
      <Card
        as="article"
        className="classification"
        data-testid="classification"
        data-pavitt-class={c.pavittClass}
        data-is-sme={String(result.eligibility.isSme)}
      >
        <h3>{t("matchClassification")}</h3>
        <dl className="facts">
          <dt>{t("matchPavittClass")}</dt>
          <dd>
            <strong>{t.label("pavittClass", c.pavittClass)}</strong> ({t("matchConfidence")}: {confidence})
          </dd>
          <dt>{t("matchCapabilityLevel")}</dt>
          <dd>{t.label("capability", c.capability)}</dd>
          <dt>{t("matchSizeBand")}</dt>
          <dd>{t.label("sizeBand", c.sizeBand)}</dd>
          <dt>{t("matchIsSme")}</dt>
          <dd>
            <strong>{sme}</strong>
          </dd>
        </dl>
        <h4>{t("matchMeaningTitle")}</h4>
        <p className="meaning" data-testid="classification-meaning">
          {t.dynamic(`matchMeaning_${c.pavittClass}`)}
        </p>
        <h4>{t("matchWhy")}</h4>
        <Reasons reasons={[...c.reasons, ...c.capabilityReasons, ...result.eligibility.reasons]} lang={lang} />
        <h4>{t("matchCooperation")}</h4>
        <Reasons reasons={c.cooperation.reasons} lang={lang} />
      </Card>

      <h3>{t("matchCenters")}</h3>
      {result.firm.locationBasis === "region_label" ? (
        <p className="hint" data-testid="match-region-basis">
          {t("matchRegionBasisNote", { region: regionName(result.firm.regionCode) })}
        </p>
      ) : null}
      <RankedList
        items={result.centers}
        testId="match-centers"
        fromRegionCentre={fromRegionCentre}
        describe={(item) => ({
          regionName: regionName(item.regionCode),
          link: `/facilities/${encodeURIComponent(item.id)}${lang === "en" ? "?lang=en" : ""}`,
          kindLabel: t.label("facilityKind", item.kind),
          askHref: inquiryHref({ type: "facility", id: item.id }, profile, lang),
        })}
      />

      <h3>{t("matchPrograms")}</h3>
      <p className="print-hidden">
        <a href={`/programs/feed.atom?${profileQuery}`} type="application/atom+xml" data-testid="match-feed">
          {t("programs.feed.subscribe")}
        </a>
      </p>
      {result.programs.length === 0 ? <p>{t("matchNoPrograms")}</p> : null}
      <RankedList
        items={result.programs}
        testId="match-programs"
        fromRegionCentre={fromRegionCentre}
        describe={(item) => ({
          regionName: programRegionsLabel(item),
          kindLabel:
            item.status && item.window
              ? `${t("typeProgram")} · ${t.label("programStatus", item.status)}${statusNote(t, item)}`
              : t("typeProgram"),
          link: `/programs/${encodeURIComponent(item.id)}?${profileQuery}&program=${encodeURIComponent(item.id)}`,
          askHref: inquiryHref({ type: "program", id: item.id }, profile, lang),
        })}
      />
    </div>
  );
}

/**
 * One ranked list: the reasons all its items give, said once above it, then each item with its
 * own; `describe` says where an item lies, what it is, where it links and where to ask for help.
 */
function RankedList({
  items,
  testId,
  fromRegionCentre,
  describe,
}: {
  items: MatchedItem[];
  testId: string;
  fromRegionCentre: boolean;
  describe: (item: MatchedItem) => Pick<RankedItemProps, "regionName" | "link" | "kindLabel" | "askHref">;
}) {
  const t = useT();
  const lang = t.lang;
  const shared = sharedReasons(items.map((item) => item.reasons));
  return (
    <>
      <SharedReasons reasons={shared} lang={lang} t={t} testId={`${testId}-shared`} />
      <ol className="ranked" data-testid={testId}>
        {items.map((item) => (
          <RankedItem
            key={item.id}
            item={item}
            lang={lang}
            t={t}
            reasons={ownReasons(item.reasons, shared)}
            fromRegionCentre={fromRegionCentre}
            {...describe(item)}
          />
        ))}
      </ol>
    </>
  );
}

/** Reasons every result in a list gives, said once above it. */
function SharedReasons({
  reasons,
  lang,
  t,
  testId,
}: {
  reasons: RenderedReason[];
  lang: Lang;
  t: Translate;
  testId: string;
}) {
  if (reasons.length === 0) return null;
  return (
    <div className="shared-reasons" data-testid={testId}>
      <strong>{t("matchSharedReasons")}</strong>
      <Reasons reasons={reasons} lang={lang} />
    </div>
  );
}

function distanceText(t: Translate, km: number, fromRegionCentre: boolean): string {
  if (km < 1) return t(fromRegionCentre ? "matchDistanceNearRegion" : "matchDistanceNear");
  const rounded = Math.round(km);
  return fromRegionCentre ? t("matchDistanceFromRegion", { km: rounded }) : t("matchDistance", { km: rounded });
}

interface RankedItemProps {
  item: MatchedItem;
  reasons: RenderedReason[];
  fromRegionCentre: boolean;
  lang: Lang;
  t: Translate;
  regionName: string;
  link?: string;
  kindLabel: string;
  askHref: string;
}

function RankedItem({
  item,
  reasons,
  fromRegionCentre,
  lang,
  t,
  regionName,
  link,
  kindLabel,
  askHref,
}: RankedItemProps) {
  const title = t.nameOf(item);
  const band = scoreBand(item.score);
  return (
    <li data-item-id={item.id}>
      <div className="ranked-head">
        {link ? <Link to={link}>{title}</Link> : <strong>{title}</strong>}
        <span className="score" data-band={band}>
          {t.dynamic(`matchScoreBand_${band}`)} · {t("matchScore", { score: Math.round(item.score) })}
        </span>
      </div>
      <div className="meta">
        {kindLabel}
        {regionName ? ` · ${regionName}` : ""}
        {item.distanceKm !== null ? ` · ${distanceText(t, item.distanceKm, fromRegionCentre)}` : ""}
      </div>
      {groupReasons(reasons).map(({ group, reasons: inGroup }) => (
        <div key={group} className="reason-group" data-group={group}>
          <span className="reason-group-title">{t.dynamic(`matchReasonGroup_${group}`)}</span>
          <Reasons reasons={inGroup} lang={lang} />
        </div>
      ))}
      <p className="print-hidden">
        <ButtonLink to={askHref} data-testid="ask-for-help">
          {t("inquiryAsk")}
        </ButtonLink>
      </p>
      <details>
        <summary>{t("matchScoreBreakdown")}</summary>
        <ul className="breakdown">
          {item.breakdown.map((line) => (
            <li key={line.component}>
              {t(BREAKDOWN_LABELS[line.component] ?? "breakdownNeeds")}:{" "}
              {t.format.number(line.points, { maximumFractionDigits: 1 })} / {line.maxPoints}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

const keepLastResults = keepLastData<SerializeFrom<typeof loader>>();

/** A search that fails for the network keeps the last results on screen, with a notice (`offline`). */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  return keepLastResults(() => serverLoader<typeof loader>());
}

export { PageError as ErrorBoundary };
