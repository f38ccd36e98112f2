import type { Feature, FeatureCollection } from "geojson";
import { csvCell, type CsvValue } from "~/csv";
import { hexagonPolygon } from "./hexagon";
import type { GapReport } from "./report.server";

const CSV_COLUMNS = ["regionCode", "pavittClass", "sector", "smes", "covered", "coverageRatio", "facilities", "facilitiesPer1000", "medianNearestKm"] as const;

/** The report's rows, then its hotspots, as CSV (UTF-8 with BOM so spreadsheets read Hangul). */
export function gapReportCsv(report: GapReport): string {
  const lines: string[] = [
    ["radiusKm", report.radiusKm, "generatedAt", report.generatedAt, "populationTotal", report.population.total, "populationSynthetic", report.population.synthetic]
      .map(csvCell)
      .join(","),
    CSV_COLUMNS.join(","),
    ...report.rows.map((row) => CSV_COLUMNS.map((column) => csvCell((row as unknown as Record<string, CsvValue>)[column])).join(",")),
    "",
    "h3,smes,nearestKm",
    ...report.hotspots.map((spot) => [spot.h3, spot.smes, spot.nearestKm].map(csvCell).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
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
    geometry: boundaries.get(row.regionCode) ?? { type: "Point", coordinates: points.get(row.regionCode) ?? [127.8, 36.2] },
    properties: { layer: "region", ...row, radiusKm: report.radiusKm, synthetic },
  }));
  const spotFeatures: Feature[] = report.hotspots.map((spot) => ({
    type: "Feature",
    geometry: hexagonPolygon(spot.h3),
    properties: { layer: "hotspot", ...spot, radiusKm: report.radiusKm, synthetic },
  }));
  return { type: "FeatureCollection", features: [...rowFeatures, ...spotFeatures] };
}
