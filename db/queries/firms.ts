import { sql, type Kysely } from "kysely";
import type { FirmRecordInput as FirmRecord } from "../../app/domain/gaps/firm-record";
import type { Database, Executor } from "../schema";

/** Rows per statement: one JSON parameter, so the count is not bound by the parameter limit. */
const BATCH = 10_000;

async function insertBatch(db: Executor, firms: readonly FirmRecord[]): Promise<void> {
  const records = firms.map((firm) => ({
    name: firm.name,
    ksic_division: firm.ksicDivision,
    employees: firm.employees,
    region_code: firm.regionCode,
    lat: firm.lat,
    lng: firm.lng,
    coord_precision: firm.coordPrecision,
    pavitt_class: firm.pavittClass,
    h3_cell: firm.h3Cell,
    synthetic: firm.synthetic,
    source: firm.source,
  }));
  await sql`insert into firms (name, ksic_division, employees, region_code, lat, lng, coord_precision, pavitt_class, h3_cell, synthetic, source)
    select name, ksic_division, employees, region_code, lat, lng, coord_precision, pavitt_class, h3_cell, synthetic, source
    from json_to_recordset(${JSON.stringify(records)}::json) as x(name text, ksic_division text, employees int, region_code text,
      lat float8, lng float8, coord_precision text, pavitt_class text, h3_cell text, synthetic boolean, source text)`.execute(
    db,
  );
}

async function insertAll(
  db: Executor,
  firms: Iterable<FirmRecord>,
  onProgress?: (done: number) => void,
): Promise<number> {
  let batch: FirmRecord[] = [];
  let done = 0;
  for (const firm of firms) {
    batch.push(firm);
    if (batch.length === BATCH) {
      await insertBatch(db, batch);
      done += batch.length;
      onProgress?.(done);
      batch = [];
    }
  }
  if (batch.length > 0) {
    await insertBatch(db, batch);
    done += batch.length;
    onProgress?.(done);
  }
  return done;
}

/** Replaces the synthetic population in one transaction; imported firms are left as they are. */
export async function replaceSyntheticFirms(
  db: Kysely<Database>,
  firms: Iterable<FirmRecord>,
  onProgress?: (done: number) => void,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("firms").where("synthetic", "=", true).execute();
    return insertAll(trx, firms, onProgress);
  });
}

/** Stores an imported register all at once; with `replace`, earlier imported firms go in the same transaction. */
export async function storeImportedFirms(
  db: Kysely<Database>,
  firms: readonly FirmRecord[],
  options: { replace: boolean },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (options.replace) await trx.deleteFrom("firms").where("synthetic", "=", false).execute();
    return insertAll(trx, firms);
  });
}

export async function countFirms(db: Executor): Promise<{ total: number; synthetic: number }> {
  const row = await db
    .selectFrom("firms")
    .select([
      sql<number>`count(*)::int`.as("total"),
      sql<number>`(count(*) filter (where synthetic))::int`.as("synthetic"),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), synthetic: Number(row.synthetic) };
}

/** Reference data the synthetic generator and the register import read. */
export async function firmReferenceData(db: Executor) {
  const [regions, divisions, complexes, boundaries] = await Promise.all([
    db
      .selectFrom("regions")
      .select(["code", "capital_area", "label_lat", "label_lng", "strategic_industries"])
      .orderBy("code")
      .execute(),
    db.selectFrom("ksic_divisions").select(["code", "default_pavitt_class"]).orderBy("code").execute(),
    db
      .selectFrom("facilities")
      .select(["region_code", "lat", "lng", "industries"])
      .where("kind", "=", "industrial_complex")
      .where("status", "=", "published")
      .orderBy("id")
      .execute(),
    db.selectFrom("region_boundaries").select(["region_code", "geometry"]).orderBy("region_code").execute(),
  ]);
  return {
    regions: regions.map((r) => ({
      code: r.code,
      capitalArea: r.capital_area,
      labelPoint: { lat: r.label_lat, lng: r.label_lng },
      strategicIndustries: r.strategic_industries,
    })),
    divisions: new Map(divisions.map((d) => [d.code, d.default_pavitt_class])),
    complexes: complexes.map((c) => ({
      regionCode: c.region_code,
      point: { lat: c.lat, lng: c.lng },
      industries: c.industries,
    })),
    boundaries: boundaries.map((b) => ({ regionCode: b.region_code, geometry: b.geometry })),
  };
}
