import type { Kysely } from "kysely";
import type { ProvinceBoundary } from "../../app/domain/boundaries";
import type { PolygonGeometry } from "../../app/domain/geo";
import type { Database } from "../schema";

export interface BoundarySource {
  source: string;
  license: string;
}

/** Replaces every province boundary at once: a failed import leaves the old set in place. */
export async function replaceBoundaries(
  db: Kysely<Database>,
  boundaries: ProvinceBoundary[],
  origin: BoundarySource,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("region_boundaries").execute();
    for (const b of boundaries) {
      await trx
        .insertInto("region_boundaries")
        .values({
          region_code: b.regionCode,
          geometry: JSON.stringify(b.geometry),
          min_lng: b.bbox[0],
          min_lat: b.bbox[1],
          max_lng: b.bbox[2],
          max_lat: b.bbox[3],
          source: origin.source,
          license: origin.license,
        })
        .execute();
    }
  });
}

export interface StoredBoundary {
  regionCode: string;
  geometry: PolygonGeometry;
  source: string;
  license: string;
}

export async function listBoundaries(db: Kysely<Database>): Promise<StoredBoundary[]> {
  const rows = await db.selectFrom("region_boundaries").selectAll().orderBy("region_code").execute();
  return rows.map((r) => ({
    regionCode: r.region_code,
    geometry: r.geometry,
    source: r.source,
    license: r.license,
  }));
}

/** The credit lines to show for the loaded boundaries, if any. */
export async function boundaryCredits(db: Kysely<Database>): Promise<BoundarySource[]> {
  return db.selectFrom("region_boundaries").select(["source", "license"]).distinct().execute();
}
