import type { Kysely } from "kysely";
import { boundaryCredits } from "../../db/queries/boundaries";
import type { FirmReach } from "../../db/queries/gaps";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import type { Database } from "../../db/schema";
import { canSeeFirms, type GapViewer } from "~/domain/gaps/access";
import { InputError } from "~/validation/request.server";
import { demandReport } from "./demand.server";
import { parseGapQuery } from "./params.server";
import { DEFAULT_RADIUS_KM, gapReport, regionFirms, type GapQuery } from "./report.server";

/** Firms listed in a region drill-down; the CSV of the report has the full figures. */
export const FIRM_LIST_LIMIT = 200;

/** Everything the /gaps page shows; a bad parameter falls back to the defaults and is named. */
export async function loadGapsPage(db: Kysely<Database>, params: URLSearchParams, viewer: GapViewer | null) {
  let query: GapQuery;
  let badParameter: string | null = null;
  try {
    query = await parseGapQuery(db, params);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    badParameter = error.issues[0]?.field ?? "";
    query = { radiusKm: DEFAULT_RADIUS_KM, bySector: false };
  }
  const drillDown = query.regionCode !== undefined;
  const [report, overview, regions, divisions, credits, demand] = await Promise.all([
    gapReport(db, { ...query, bySector: drillDown }),
    gapReport(db, { ...query, regionCode: undefined, bySector: false }),
    listRegions(db),
    listKsicDivisions(db),
    boundaryCredits(db),
    demandReport(db, {
      by: "region_class_industry",
      regionCode: query.regionCode,
      pavittClass: query.pavittClass,
      sector: query.sector,
    }),
  ]);
  let firms: FirmReach[] | null = null;
  const firmsAllowed = query.regionCode !== undefined && canSeeFirms(viewer, query.regionCode);
  if (firmsAllowed && query.regionCode !== undefined) {
    firms = await regionFirms(
      db,
      { regionCode: query.regionCode, pavittClass: query.pavittClass, sector: query.sector },
      { uncoveredWithinKm: query.radiusKm, limit: FIRM_LIST_LIMIT },
    );
  }
  return {
    query,
    badParameter,
    report,
    overview,
    regions: regions.map((r) => ({
      code: r.code,
      nameKo: r.nameKoShort,
      nameEn: r.nameEn,
      capitalArea: r.capitalArea,
      labelPoint: r.labelPoint,
    })),
    divisions: divisions.map((d) => ({ code: d.code, nameKo: d.nameKo, nameEn: d.nameEn })),
    boundariesLoaded: credits.length > 0,
    boundaryCredits: credits,
    demand,
    firms,
    firmsAllowed,
    canImport: viewer !== null && (viewer.role === "admin" || viewer.role === "official"),
  };
}
