import type { Kysely } from "kysely";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import type { Database } from "../../db/schema";
import { PAVITT_CLASSES } from "~/domain/types";
import { enumParam, numberParam, ParameterError } from "~/http.server";
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM, type GapQuery } from "./report.server";

/** Reads `radiusKm`, `pavittClass`, `sector`, `region` and `bySector`; a bad value throws a ParameterError naming it. */
export async function parseGapQuery(db: Kysely<Database>, params: URLSearchParams): Promise<GapQuery> {
  const radiusKm = numberParam(params, "radiusKm", { min: 1, max: MAX_RADIUS_KM, integer: true }) ?? DEFAULT_RADIUS_KM;
  const pavittClass = enumParam(params, "pavittClass", PAVITT_CLASSES);
  const [regions, divisions] = await Promise.all([listRegions(db), listKsicDivisions(db)]);
  const regionCode = enumParam(params, "region", regions.map((region) => region.code));
  const sector = enumParam(params, "sector", divisions.map((division) => division.code));
  const bySectorText = params.get("bySector");
  if (bySectorText !== null && !["", "true", "false", "1", "0"].includes(bySectorText)) throw new ParameterError("bySector", "must be true or false");
  return { radiusKm, pavittClass, sector, regionCode, bySector: bySectorText === "true" || bySectorText === "1" };
}
