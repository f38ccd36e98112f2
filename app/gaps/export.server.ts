import type { Kysely } from "kysely";
import { z } from "zod";
import { listBoundaries } from "../../db/queries/boundaries";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import type { Database } from "../../db/schema";
import { resolveLang, translator } from "~/i18n";
import { field } from "~/validation";
import { queryOrThrow } from "~/validation/request.server";
import { demandFeatures, demandReport } from "./demand.server";
import { GAP_TABLES, gapReportCsv, gapReportGeoJson } from "./export";
import { parseGapQuery } from "./params.server";
import { gapReport } from "./report.server";

const tableSchema = z.object({ table: field.choice(GAP_TABLES) });

/** Reads the report's filters, the table and the language from the request and writes that CSV. */
export async function gapCsv(db: Kysely<Database>, request: Request): Promise<{ csv: string; filename: string }> {
  const params = new URL(request.url).searchParams;
  const table = queryOrThrow(params, tableSchema).table ?? "rows";
  const { lang } = resolveLang(request);
  const t = translator(lang);
  const [report, regions, divisions] = await Promise.all([
    gapReport(db, await parseGapQuery(db, params)),
    listRegions(db),
    listKsicDivisions(db),
  ]);
  const regionNames = new Map(
    regions.map((region) => [region.code, t.nameOf({ nameKo: region.nameKoShort, nameEn: region.nameEn })]),
  );
  const divisionNames = new Map(divisions.map((division) => [division.code, t.nameOf(division)]));
  const csv = gapReportCsv(report, table, {
    t,
    region: (code) => regionNames.get(code) ?? code,
    division: (code) => divisionNames.get(code) ?? code,
  });
  return { csv, filename: `coverage-gaps-${table}-${report.radiusKm}km-${lang}.csv` };
}

/** The report for the filters in the URL as GeoJSON: regions (boundaries when imported), hotspot hexagons and unmet requests for help per region. */
export async function gapGeoJson(db: Kysely<Database>, params: URLSearchParams) {
  const query = await parseGapQuery(db, params);
  const report = await gapReport(db, query);
  const [regions, boundaries, demand] = await Promise.all([
    listRegions(db),
    listBoundaries(db),
    demandReport(db, {
      by: "region",
      regionCode: query.regionCode,
      pavittClass: query.pavittClass,
      sector: query.sector,
    }),
  ]);
  const collection = gapReportGeoJson(
    report,
    regions,
    new Map(boundaries.map((b) => [b.regionCode, b.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon])),
  );
  collection.features.push(...demandFeatures(demand));
  return { collection, radiusKm: report.radiusKm };
}
