import type { Kysely } from "kysely";
import {
  distanceCounts,
  eligibleFacilityRefs,
  gapPopulation,
  hotspots,
  readGapState,
  firmsWithReach,
  recomputeGaps,
  type FirmReach,
  type GapFilter,
  type GapState,
  type Hotspot,
} from "../../db/queries/gaps";
import { listRegions } from "../../db/queries/regions";
import type { Database } from "../../db/schema";
import { areaFigures, gapRows, type AreaFigures, type GapRow } from "~/domain/gaps/figures";
import type { PavittClass } from "~/domain/types";

export { DEFAULT_RADIUS_KM, MAX_RADIUS_KM } from "./limits";
export const HOTSPOT_LIMIT = 100;

export interface GapQuery {
  radiusKm: number;
  pavittClass?: PavittClass;
  sector?: string;
  regionCode?: string;
  /** One row per industry as well (always when a sector is chosen). */
  bySector: boolean;
}

export interface GapReport {
  radiusKm: number;
  generatedAt: string;
  population: { total: number; synthetic: number };
  filters: { pavittClass: PavittClass | null; sector: string | null; regionCode: string | null };
  rows: GapRow[];
  areas: AreaFigures[];
  hotspots: Hotspot[];
}

interface Cache {
  version: number;
  reports: Map<string, GapReport>;
  refreshing: Promise<GapState> | null;
}

/** Reports kept per database and data version; a change to firms or facilities starts a new version. */
const caches = new WeakMap<Kysely<Database>, Cache>();
const MAX_CACHED_REPORTS = 500;

function cacheFor(db: Kysely<Database>): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { version: -1, reports: new Map(), refreshing: null };
    caches.set(db, cache);
  }
  return cache;
}

/** The stored figures, recomputed first when firms or facilities changed since they were computed. */
export async function freshGapState(db: Kysely<Database>): Promise<GapState> {
  const state = await readGapState(db);
  if (state.computedVersion === state.dataVersion) return state;
  const cache = cacheFor(db);
  cache.refreshing ??= recomputeGaps(db).finally(() => {
    cache.refreshing = null;
  });
  return cache.refreshing;
}

/** A region's firms with the distance to their nearest eligible facility, read once the figures are fresh. */
export async function regionFirms(
  db: Kysely<Database>,
  filter: GapFilter & { regionCode: string },
  options: { uncoveredWithinKm?: number; limit: number },
): Promise<FirmReach[]> {
  await freshGapState(db);
  return firmsWithReach(db, filter, options);
}

const keyOf = (query: GapQuery) =>
  [
    query.radiusKm,
    query.pavittClass ?? "",
    query.sector ?? "",
    query.regionCode ?? "",
    query.bySector || query.sector !== undefined,
  ].join("|");

export async function gapReport(db: Kysely<Database>, query: GapQuery): Promise<GapReport> {
  const state = await freshGapState(db);
  const cache = cacheFor(db);
  const version = state.computedVersion ?? 0;
  if (cache.version !== version) {
    cache.version = version;
    cache.reports.clear();
  }
  const key = keyOf(query);
  const cached = cache.reports.get(key);
  if (cached) return cached;
  const report = await buildReport(db, query, state);
  if (cache.version === version) {
    if (cache.reports.size >= MAX_CACHED_REPORTS) cache.reports.delete(cache.reports.keys().next().value as string);
    cache.reports.set(key, report);
  }
  return report;
}

async function buildReport(db: Kysely<Database>, query: GapQuery, state: GapState): Promise<GapReport> {
  const filter = { pavittClass: query.pavittClass, sector: query.sector, regionCode: query.regionCode };
  const bySector = query.bySector || query.sector !== undefined;
  const [counts, eligible, population, spots, regions] = await Promise.all([
    distanceCounts(db, filter, bySector),
    eligibleFacilityRefs(db),
    gapPopulation(db),
    hotspots(db, filter, query.radiusKm, HOTSPOT_LIMIT),
    listRegions(db),
  ]);
  const capital = new Set(regions.filter((region) => region.capitalArea).map((region) => region.code));
  return {
    radiusKm: query.radiusKm,
    generatedAt: (state.computedAt ?? new Date()).toISOString(),
    population,
    filters: {
      pavittClass: query.pavittClass ?? null,
      sector: query.sector ?? null,
      regionCode: query.regionCode ?? null,
    },
    rows: gapRows(counts, eligible, query.radiusKm),
    areas: areaFigures(counts, eligible, capital, query.radiusKm),
    hotspots: spots,
  };
}
