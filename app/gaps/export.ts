import type { Feature, FeatureCollection } from "geojson";
import { csvCell, type CsvValue } from "~/csv";
import { hexagonPolygon } from "./hexagon";
import type { GapFigures } from "~/domain/gaps/figures";
import type { Translator } from "~/i18n";
import type { GapReport } from "./report.server";

export const GAP_TABLES = ["rows", "areas", "hotspots"] as const;
export type GapTable = (typeof GAP_TABLES)[number];

/** Names beside the codes, in the export's language. */
export interface GapNames {
  t: Translator;
  region: (code: string) => string;
  division: (code: string) => string;
}

/** A suppressed rate is written as the page shows it. */
const figure = (value: number | null): CsvValue => (value === null ? "—" : value);

/**
 * One table of the report as CSV (UTF-8 with BOM so spreadsheets read Hangul): headers in the
 * chosen language, region, type and industry names beside their codes, rates of small cells as "—".
 */
export function gapReportCsv(report: GapReport, table: GapTable, names: GapNames): string {
  const { t } = names;
  const figures = [
    t("gapsSmes"),
    t("gapsCovered"),
    t("gapsUncovered"),
    t("gapsRatio"),
    t("gapsFacilities"),
    t("gapsPer1000"),
    t("gapsMedian"),
  ];
  const figureCells = (row: GapFigures): CsvValue[] => [
    row.smes,
    row.covered,
    row.uncovered,
    figure(row.coverageRatio),
    row.facilities,
    figure(row.facilitiesPer1000),
    row.medianNearestKm,
  ];
  let lines: CsvValue[][];
  if (table === "areas") {
    lines = [
      [t("gapsColumnArea"), ...figures],
      ...report.areas.map((area) => [area.area === "capital" ? t("gapsCapital") : t("gapsRest"), ...figureCells(area)]),
    ];
  } else if (table === "hotspots") {
    lines = [
      [t("gapsColumnH3"), t("gapsSmes"), t("gapsColumnNearestKm")],
      ...report.hotspots.map((spot) => [spot.h3, spot.smes, spot.nearestKm]),
    ];
  } else {
    const bySector = report.rows.some((row) => row.sector !== undefined);
    const sectorHeader = bySector ? [t("gapsColumnSectorCode"), t("gapsSector")] : [];
    lines = [
      [
        t("gapsColumnRegionCode"),
        t("gapsRegion"),
        t("gapsColumnClassCode"),
        t("gapsClass"),
        ...sectorHeader,
        ...figures,
      ],
      ...report.rows.map((row) => [
        row.regionCode,
        names.region(row.regionCode),
        row.pavittClass,
        t.label("pavittClass", row.pavittClass),
        ...(bySector ? [row.sector ?? "", row.sector ? names.division(row.sector) : ""] : []),
        ...figureCells(row),
      ]),
    ];
  }
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * Rows as features at each region's label point, or its boundary when imported, and
 * hotspots as hexagons. Every feature says whether the population is synthetic.
 */
export function gapReportGeoJson(
  report: GapReport,
  regions: { code: string; labelPoint: [number, number] }[],
  boundaries: Map<string, GeoJSON.Polygon | GeoJSON.MultiPolygon>,
): FeatureCollection {
  const synthetic = report.population.synthetic > 0;
  const points = new Map(regions.map((region) => [region.code, region.labelPoint]));
  const rowFeatures: Feature[] = report.rows.map((row) => ({
    type: "Feature",
    geometry: boundaries.get(row.regionCode) ?? {
      type: "Point",
      coordinates: points.get(row.regionCode) ?? [127.8, 36.2],
    },
    properties: { layer: "region", ...row, radiusKm: report.radiusKm, synthetic },
  }));
  const spotFeatures: Feature[] = report.hotspots.map((spot) => ({
    type: "Feature",
    geometry: hexagonPolygon(spot.h3),
    properties: { layer: "hotspot", ...spot, radiusKm: report.radiusKm, synthetic },
  }));
  return { type: "FeatureCollection", features: [...rowFeatures, ...spotFeatures] };
}
