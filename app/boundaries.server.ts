import type { Kysely } from "kysely";
import { listBoundaries, replaceBoundaries, type BoundarySource } from "../db/queries/boundaries";
import { listRegions } from "../db/queries/regions";
import type { Database } from "../db/schema";
import { parseProvinceBoundaries } from "./domain/boundaries";

export const DEFAULT_BOUNDARY_SOURCE: BoundarySource = {
  source: "통계청 통계지리정보서비스(SGIS) 시·도 경계 (via github.com/southkorea/southkorea-maps)",
  license: "KOGL Type 1 (공공누리 제1유형: 출처표시)",
};

export type BoundaryImportResult =
  { ok: true; provinces: number; codeSystem: string } | { ok: false; problems: string[] };

/** Validates a boundary file and, only when every check passes, replaces the stored boundaries. */
export async function importBoundaries(
  db: Kysely<Database>,
  fileText: string,
  origin: BoundarySource = DEFAULT_BOUNDARY_SOURCE,
): Promise<BoundaryImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(fileText.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const regions = await listRegions(db);
  const parsed = parseProvinceBoundaries(json, regions);
  if (!parsed.ok) return parsed;
  await replaceBoundaries(db, parsed.boundaries, origin);
  return { ok: true, provinces: parsed.boundaries.length, codeSystem: parsed.codeSystem };
}

/** The imported province boundaries as GeoJSON features, or null before any are imported. */
export async function provinceCollection(db: Kysely<Database>) {
  const boundaries = await listBoundaries(db);
  if (boundaries.length === 0) return null;
  return {
    type: "FeatureCollection",
    features: boundaries.map((b) => ({
      type: "Feature",
      properties: { regionCode: b.regionCode },
      geometry: b.geometry,
    })),
  };
}
