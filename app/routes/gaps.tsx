import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Button, Notice, Range, SelectField, Table, Tag } from "~/components/ui";
import { useCallback, useMemo, useRef, useState } from "react";
import { GapMap } from "~/components/GapMap";
import { DemandSection } from "~/components/DemandSection";
import { useKeepFocus } from "~/components/useKeepFocus";
import { isSmallCell, type GapRow } from "~/domain/gaps/figures";
import { PAVITT_CLASSES } from "~/domain/types";
import { loadGapsPage } from "~/gaps/page.server";
import { MAX_RADIUS_KM } from "~/gaps/limits";
import { gapViewer } from "~/gaps/viewer.server";
import { hangulLang, type Formatter } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import { RegionOptions } from "~/components/RegionOptions";
import { COVERAGE_RAMP } from "~/map/style";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("pageTitleGaps") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await gapViewer(request, context.services);
  const page = await loadGapsPage(context.services.database.db, new URL(request.url).searchParams, viewer);
  return { ...page, basemap: context.services.config.basemap };
}

/** The drill-down's firm table, by catalogue key. */
const FIRM_COLUMNS = ["gapsFirmName", "gapsSector", "gapsClass", "gapsEmployees", "gapsNearest"] as const;

/** Query string for the current filters, for links and downloads. */
function queryString(
  query: { radiusKm: number; pavittClass?: string; sector?: string; regionCode?: string },
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  params.set("radiusKm", String(query.radiusKm));
  if (query.pavittClass) params.set("pavittClass", query.pavittClass);
  if (query.sector) params.set("sector", query.sector);
  if (query.regionCode) params.set("region", query.regionCode);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export default function GapsPage() {
  const data = useLoaderData<typeof loader>();
  const {
    query,
    report,
    overview,
    regions,
    divisions,
    badParameter,
    firms,
    firmsAllowed,
    boundariesLoaded,
    canImport,
    basemap,
    demand,
  } = data;
  const t = useT();
  const lang = t.lang;
  const f = t.format;
  const percent = (ratio: number) => f.percent(ratio);
  const km = (value: number | null, none: string) =>
    value === null ? none : f.number(value, { maximumFractionDigits: 1 });
  const count = (value: number) => f.number(value);
  const submit = useSubmit();
  const navigation = useNavigation();
  const filters = useRef<HTMLFormElement>(null);
  const noteFocus = useKeepFocus(filters);
  const regionName = useMemo(() => new Map(regions.map((r) => [r.code, t.nameOf(r)])), [regions, t]);
  const divisionName = useMemo(() => new Map(divisions.map((d) => [d.code, t.nameOf(d)])), [divisions, t]);
  const classLabel = useCallback((cls: string) => t.label("pavittClass", cls), [t]);
  const totals = report.rows.reduce((sum, row) => ({ smes: sum.smes + row.smes, covered: sum.covered + row.covered }), {
    smes: 0,
    covered: 0,
  });
  const regionCoverage = useMemo(() => {
    const byRegion = new Map<string, { smes: number; covered: number }>();
    for (const row of overview.rows) {
      const entry = byRegion.get(row.regionCode) ?? { smes: 0, covered: 0 };
      byRegion.set(row.regionCode, { smes: entry.smes + row.smes, covered: entry.covered + row.covered });
    }
    // Regions with too few firms stay uncoloured, as their rates stay unshown elsewhere.
    return [...byRegion]
      .filter(([, entry]) => !isSmallCell(entry.smes))
      .map(([regionCode, entry]) => ({ regionCode, coverageRatio: entry.covered / entry.smes }));
  }, [overview]);
  const langParam: Record<string, string> = lang === "en" ? { lang: "en" } : {};
  const ratio = (value: number | null) => (value === null ? "—" : percent(value));
  const rate = (total: number, part: number) => (isSmallCell(total) ? "—" : percent(part / total));
  const hasSector = report.rows.some((row) => row.sector !== undefined);
  const columns: { key: SortKey; label: string; numeric?: boolean }[] = [
    { key: "region", label: t("gapsRegion") },
    { key: "class", label: t("gapsClass") },
    ...(hasSector ? [{ key: "sector" as const, label: t("gapsSector") }] : []),
    { key: "smes", label: t("gapsSmes"), numeric: true },
    { key: "covered", label: t("gapsCovered"), numeric: true },
    { key: "uncovered", label: t("gapsUncovered"), numeric: true },
    { key: "coverageRatio", label: t("gapsRatio"), numeric: true },
    { key: "facilities", label: t("gapsFacilities"), numeric: true },
    { key: "facilitiesPer1000", label: t("gapsPer1000"), numeric: true },
    { key: "medianNearestKm", label: t("gapsMedian"), numeric: true },
  ];
  // The server sends the rows with the largest gap first; a header click reorders them in the page.
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "uncovered", descending: true });
  const sortedRows = useMemo(
    () => sortRows(report.rows, sort, (row) => regionName.get(row.regionCode) ?? row.regionCode, classLabel),
    [report.rows, sort, regionName, classLabel],
  );
  const drillRegion = query.regionCode;

  return (
    <main className="page gaps" data-loading={navigation.state !== "idle" ? "true" : "false"}>
      <h1>{t("gapsTitle")}</h1>
      <p>{t("gapsIntro")}</p>
      {report.population.synthetic > 0 ? (
        <p className="synthetic-badge" data-testid="synthetic-badge" role="note">
          {t("gapsSynthetic", { total: count(report.population.total), synthetic: count(report.population.synthetic) })}
        </p>
      ) : null}
      {report.population.total === 0 ? <Notice>{t("gapsNoFirms")}</Notice> : null}
      {badParameter ? <Notice tone="error">{t("gapsBadParameter", { parameter: badParameter })}</Notice> : null}

      <Form
        method="get"
        className="gap-filters"
        ref={filters}
        onChange={(event) => {
          noteFocus();
          submit(event.currentTarget, { replace: true, preventScrollReset: true });
        }}
      >
        {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        <Range
          id="gaps-radiusKm"
          name="radiusKm"
          label={t("gapsRadius")}
          hint={t("gapsRadiusHint")}
          min={1}
          max={MAX_RADIUS_KM}
          defaultValue={query.radiusKm}
          formatValue={(value) => t("radiusKm", { km: value })}
          testId="radius-value"
        />
        <SelectField
          key={`class-${query.pavittClass ?? ""}`}
          id="gaps-pavittClass"
          label={t("gapsClass")}
          name="pavittClass"
          defaultValue={query.pavittClass ?? ""}
          placeholder={t("gapsAll")}
          options={PAVITT_CLASSES.map((cls) => ({ value: cls, label: classLabel(cls) }))}
        />
        <SelectField
          key={`sector-${query.sector ?? ""}`}
          id="gaps-sector"
          label={t("gapsSector")}
          name="sector"
          defaultValue={query.sector ?? ""}
          placeholder={t("gapsAll")}
          options={divisions.map((d) => ({ value: d.code, label: `${d.code} ${t.nameOf(d)}` }))}
        />
        <SelectField
          key={`region-${drillRegion ?? ""}`}
          id="gaps-region"
          label={t("gapsRegion")}
          name="region"
          defaultValue={drillRegion ?? ""}
          placeholder={t("gapsAll")}
        >
          <RegionOptions regions={regions} lang={lang} />
        </SelectField>
        <Button type="submit">{t("gapsApply")}</Button>
      </Form>

      <section className="gap-summary" aria-label={t("gapsHeadline", { km: query.radiusKm })}>
        <div className="figure headline" data-testid="gap-total">
          <span className="label">{t("gapsHeadline", { km: query.radiusKm })}</span>
          <strong className="big" data-testid="gap-total-uncovered">
            {count(totals.smes - totals.covered)}
          </strong>{" "}
          {t("gapsHeadlineShare", {
            total: count(totals.smes),
            share: rate(totals.smes, totals.smes - totals.covered),
          })}
          <span className="label">
            {t("gapsCovered")}: <strong data-testid="gap-total-covered">{count(totals.covered)}</strong> (
            {rate(totals.smes, totals.covered)})
          </span>
        </div>
        {report.areas
          .filter((area) => area.smes > 0)
          .map((area) => (
            <div className="figure" key={area.area} data-testid={`area-${area.area}`}>
              <span className="label">{area.area === "capital" ? t("gapsCapital") : t("gapsRest")}</span>
              <strong>{count(area.uncovered)}</strong> {t("gapsUncovered")} · {t("gapsRatio")}{" "}
              {ratio(area.coverageRatio)} · {count(area.covered)} / {count(area.smes)} · {t("gapsPer1000")}{" "}
              {area.facilitiesPer1000 === null ? "—" : count(area.facilitiesPer1000)} · {t("gapsMedian")}{" "}
              {km(area.medianNearestKm, t("gapsNone"))}
            </div>
          ))}
      </section>

      <p className="exports">
        {t("gapsExport")}:{" "}
        <a href={`/api/gaps.csv?${queryString(query, { ...(drillRegion ? { bySector: "true" } : {}), lang })}`}>
          {t("gapsExportRows")}
        </a>{" "}
        ·{" "}
        <a
          href={`/api/gaps.csv?${queryString(query, { ...(drillRegion ? { bySector: "true" } : {}), lang, table: "areas" })}`}
        >
          {t("gapsExportAreas")}
        </a>{" "}
        · <a href={`/api/gaps.csv?${queryString(query, { lang, table: "hotspots" })}`}>{t("gapsExportHotspots")}</a> ·{" "}
        <a href={`/api/gaps.geojson?${queryString(query, drillRegion ? { bySector: "true" } : {})}`}>
          {t("gapsExportGeoJson")}
        </a>{" "}
        · <a href={`/api/gaps?${queryString(query, drillRegion ? { bySector: "true" } : {})}`}>JSON</a>
        {canImport ? (
          <>
            {" · "}
            <Link to={lang === "en" ? "/gaps/import?lang=en" : "/gaps/import"}>{t("gapsImportLink")}</Link>
          </>
        ) : null}
      </p>

      <section aria-labelledby="gap-map-title">
        <h2 id="gap-map-title">
          {t("gapsMapTitle")} <small>({t("gapsHotspots", { count: report.hotspots.length })})</small>
        </h2>
        <GapMap
          hotspots={data.hexagons}
          coverage={regionCoverage}
          regions={regions}
          lang={lang}
          t={t}
          provincesUrl={boundariesLoaded ? "/map/provinces.json" : undefined}
          basemap={basemap}
          focus={drillRegion ? regions.find((r) => r.code === drillRegion)?.labelPoint : undefined}
          demand={demand.unmetByRegion}
        />
      </section>

      <DemandSection
        demand={demand}
        regionName={regionName}
        divisionName={divisionName}
        csvHref={`/api/gaps/demand.csv?${queryString(query)}`}
      />

      {drillRegion ? (
        <p>
          <Link to={`/gaps?${queryString({ ...query, regionCode: undefined }, langParam)}`}>{t("gapsBackToAll")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="gap-table-title">
        <h2 id="gap-table-title">
          {drillRegion
            ? t("gapsDrillDown", { region: regionName.get(drillRegion) ?? drillRegion })
            : t("gapsTableTitle")}
        </h2>
        <Table
          variant="figures"
          testId="gap-table"
          columns={columns}
          sort={sort}
          onSort={(key) => setSort(nextSort(sort, key))}
          sortLabel={(column) => t("gapsSortBy", { column })}
        >
          {sortedRows.map((row: GapRow) => (
            <tr key={`${row.regionCode}-${row.pavittClass}-${row.sector ?? ""}`}>
              <td>
                <Link to={`/gaps?${queryString({ ...query, regionCode: row.regionCode }, langParam)}`}>
                  {regionName.get(row.regionCode) ?? row.regionCode}
                </Link>
              </td>
              <td>{classLabel(row.pavittClass)}</td>
              {row.sector !== undefined ? (
                <td>{`${row.sector} ${divisionName.get(row.sector) ?? ""}`}</td>
              ) : report.rows.some((r) => r.sector !== undefined) ? (
                <td />
              ) : null}
              <td className="num">{count(row.smes)}</td>
              <td className="num">{count(row.covered)}</td>
              <td className="num">{count(row.uncovered)}</td>
              <td className="num">{ratio(row.coverageRatio)}</td>
              <td className="num">{count(row.facilities)}</td>
              <td className="num">{row.facilitiesPer1000 === null ? "—" : count(row.facilitiesPer1000)}</td>
              <td className="num">{km(row.medianNearestKm, t("gapsNone"))}</td>
            </tr>
          ))}
        </Table>
        <p className="caption">{t("gapsSmallCell")}</p>
      </section>

      <section aria-labelledby="gap-charts-title">
        <h2 id="gap-charts-title">{t("gapsChartsTitle")}</h2>
        <div className="gap-charts" data-testid="gap-charts">
          {regions
            .filter((r) => overview.rows.some((row) => row.regionCode === r.code))
            .map((r) => (
              <RegionChart
                key={r.code}
                title={t.nameOf(r)}
                rows={overview.rows.filter((row) => row.regionCode === r.code)}
                classLabel={classLabel}
                format={f}
              />
            ))}
        </div>
      </section>

      {drillRegion ? (
        <section aria-labelledby="gap-firms-title">
          <h2 id="gap-firms-title">{t("gapsFirmsTitle")}</h2>
          {!firmsAllowed || firms === null ? (
            <Notice data-testid="firms-hidden">{t("gapsFirmsHidden")}</Notice>
          ) : firms.length === 0 ? (
            <p>{t("gapsFirmsEmpty")}</p>
          ) : (
            <Table
              variant="figures"
              testId="gap-firms"
              columns={FIRM_COLUMNS.map((key) => ({
                key,
                label: t(key),
                numeric: key === "gapsEmployees" || key === "gapsNearest",
              }))}
            >
              {firms.map((firm) => (
                <tr key={firm.id}>
                  <td>
                    <span lang={hangulLang(lang, firm.name)}>{firm.name}</span>{" "}
                    {firm.synthetic ? <Tag tone="synthetic">{t("gapsSyntheticBadge")}</Tag> : null}
                  </td>
                  <td>{`${firm.ksicDivision} ${divisionName.get(firm.ksicDivision) ?? ""}`}</td>
                  <td>{classLabel(firm.pavittClass)}</td>
                  <td className="num">{count(firm.employees)}</td>
                  <td className="num">
                    {km(firm.nearestKm === null ? null : Math.round(firm.nearestKm * 10) / 10, t("gapsNone"))}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      ) : null}

      <section aria-labelledby="gap-how-title">
        <h2 id="gap-how-title">{t("gapsHowTitle")}</h2>
        <p>{t("gapsHow")}</p>
        <p className="caption">{t("gapsComputedAt", { time: f.dateTime(report.generatedAt) })}</p>
      </section>
    </main>
  );
}

/** Coverage of each firm type in one region, as horizontal bars. */
function RegionChart({
  title,
  rows,
  classLabel,
  format,
}: {
  title: string;
  rows: GapRow[];
  classLabel: (cls: string) => string;
  format: Formatter;
}) {
  const barWidth = 120;
  const rowHeight = 16;
  const present = PAVITT_CLASSES.filter((cls) => rows.some((row) => row.pavittClass === cls));
  return (
    <figure className="region-chart">
      <figcaption>{title}</figcaption>
      <svg width={barWidth + 130} height={present.length * rowHeight + 4} role="img" aria-label={title}>
        {present.map((cls, index) => {
          const row = rows.find((r) => r.pavittClass === cls) as GapRow;
          const y = index * rowHeight + 2;
          return (
            <g key={cls}>
              <text x={0} y={y + 11} fontSize={10}>
                {classLabel(cls)}
              </text>
              <rect x={80} y={y} width={barWidth} height={rowHeight - 4} fill="#e6e8ea" />
              {row.coverageRatio === null ? null : (
                <rect
                  x={80}
                  y={y}
                  width={barWidth * row.coverageRatio}
                  height={rowHeight - 4}
                  fill={COVERAGE_RAMP[2]}
                />
              )}
              <text x={84 + barWidth} y={y + 11} fontSize={10}>
                {row.coverageRatio === null ? "—" : format.percent(row.coverageRatio)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

type SortKey =
  | "region"
  | "class"
  | "sector"
  | "smes"
  | "covered"
  | "uncovered"
  | "coverageRatio"
  | "facilities"
  | "facilitiesPer1000"
  | "medianNearestKm";

/** A second click on the same header reverses it; numbers start with the largest, names with A/가. */
function nextSort(current: { key: SortKey; descending: boolean }, key: SortKey): { key: SortKey; descending: boolean } {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: !["region", "class", "sector"].includes(key) };
}

function sortRows(
  rows: GapRow[],
  sort: { key: SortKey; descending: boolean },
  regionLabel: (row: GapRow) => string,
  classLabel: (cls: string) => string,
): GapRow[] {
  const text = (row: GapRow): string =>
    sort.key === "region" ? regionLabel(row) : sort.key === "class" ? classLabel(row.pavittClass) : (row.sector ?? "");
  const numeric = (row: GapRow): number | null =>
    sort.key === "region" || sort.key === "class" || sort.key === "sector" ? null : row[sort.key];
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [numeric(a), numeric(b)];
    if (sort.key === "region" || sort.key === "class" || sort.key === "sector")
      return direction * text(a).localeCompare(text(b), "ko");
    // Suppressed or missing figures sort last either way.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return direction * (x - y);
  });
}

export { PageError as ErrorBoundary } from "~/components/PageError";
