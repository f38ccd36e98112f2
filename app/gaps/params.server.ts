import type { Kysely } from "kysely";
import { z } from "zod";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import type { Database } from "../../db/schema";
import { PAVITT_CLASSES } from "~/domain/types";
import { field } from "~/validation";
import { queryOrThrow } from "~/validation/request.server";
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM, type GapQuery } from "./report.server";

/** The parameters of /gaps and /api/gaps*, with the codes that exist. */
export function gapQuerySchema(known: { regionCodes: string[]; divisions: string[] }) {
  return z.object({
    radiusKm: field.number({ min: 1, max: MAX_RADIUS_KM, integer: true }),
    pavittClass: field.choice(PAVITT_CLASSES),
    region: field.choice(known.regionCodes),
    sector: field.choice(known.divisions),
    bySector: field.flag(),
  });
}

async function knownCodes(db: Kysely<Database>) {
  const [regions, divisions] = await Promise.all([listRegions(db), listKsicDivisions(db)]);
  return { regionCodes: regions.map((region) => region.code), divisions: divisions.map((division) => division.code) };
}

/** Reads `radiusKm`, `pavittClass`, `sector`, `region` and `bySector`; a bad value throws an InputError naming it. */
export async function parseGapQuery(db: Kysely<Database>, params: URLSearchParams): Promise<GapQuery> {
  const value = queryOrThrow(params, gapQuerySchema(await knownCodes(db)));
  return {
    radiusKm: value.radiusKm ?? DEFAULT_RADIUS_KM,
    pavittClass: value.pavittClass,
    sector: value.sector,
    regionCode: value.region,
    bySector: value.bySector,
  };
}

/** The firm-level list: one region (required), the report's filters, `uncovered` and `limit`. */
export async function parseFirmListQuery(db: Kysely<Database>, params: URLSearchParams, maxFirms: number) {
  const known = await knownCodes(db);
  const schema = gapQuerySchema(known).extend({
    region: field.choice(known.regionCodes, { required: true }),
    uncovered: field.flag(),
    limit: field.number({ min: 1, max: maxFirms, integer: true }),
  });
  const value = queryOrThrow(params, schema);
  return {
    query: {
      radiusKm: value.radiusKm ?? DEFAULT_RADIUS_KM,
      pavittClass: value.pavittClass,
      sector: value.sector,
      regionCode: value.region,
      bySector: false,
    } satisfies GapQuery,
    uncovered: value.uncovered,
    limit: value.limit ?? 1000,
  };
}
