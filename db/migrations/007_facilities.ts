import { sql, type Kysely } from "kysely";
import * as foundation from "./001_foundation";
import { sqlList } from "./shared";

const FACILITY_KINDS = [...foundation.FACILITY_KINDS, "production_institute", "kitech_division"];
/** How precisely a point is known: a map click or a cited coordinate, or the centroid of an area. */
const COORD_PRECISIONS = ["exact", "eupmyeondong", "sigungu", "region"];
const RENAMED: [string, string][] = [
  ["address", "exact"],
  ["district", "sigungu"],
];

/**
 * Facilities where they really are: the administrative areas the geocoder
 * reads (data/areas.csv), precisions named after the area a point stands for,
 * two new kinds of intermediary, and per-fact sources.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("areas")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('region', 'sigungu', 'eupmyeondong')`))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("sigungu_code", "text", (c) => c.notNull())
    .addColumn("name_ko", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("lat", "float8", (c) => c.notNull())
    .addColumn("lng", "float8", (c) => c.notNull())
    .addColumn("current", "boolean", (c) => c.notNull())
    .addColumn("successors", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("kostat_code", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source", "text", (c) => c.notNull())
    .execute();

  for (const table of ["facilities"]) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_coord_precision_check`)}`.execute(db);
    for (const [from, to] of RENAMED)
      await sql`update ${sql.table(table)} set coord_precision = ${to} where coord_precision = ${from}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_coord_precision_check`)} check (coord_precision in (${sqlList(COORD_PRECISIONS)}))`.execute(
      db,
    );
  }
  for (const table of ["listing_drafts", "import_staging"])
    for (const [from, to] of RENAMED)
      await sql`update ${sql.table(table)} set payload = jsonb_set(payload, '{coordPrecision}', to_jsonb(${to}::text)) where payload->>'coordPrecision' = ${from}`.execute(
        db,
      );

  await sql`alter table facilities drop constraint facilities_kind_check`.execute(db);
  await sql`alter table facilities add constraint facilities_kind_check check (kind in (${sqlList(FACILITY_KINDS)}))`.execute(
    db,
  );

  await db.schema
    .alterTable("facilities")
    // The area the point stands for: a 10-digit eupmyeondong or sigungu code, when placed by the geocoder.
    .addColumn("area_code", "text")
    // Where each shown fact comes from: { address, phone, website, openingHours, location } → citation.
    .addColumn("fact_sources", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Figures an importer reads, e.g. a complex's tenants and operating firms (KICOX statistics).
    .addColumn("figures", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.alterTable("facilities").addColumn("location_note_ko", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("facilities")
    .dropColumn("location_note_ko")
    .dropColumn("figures")
    .dropColumn("fact_sources")
    .dropColumn("area_code")
    .execute();
  await sql`alter table facilities drop constraint facilities_kind_check`.execute(db);
  await sql`alter table facilities add constraint facilities_kind_check check (kind in (${sqlList(foundation.FACILITY_KINDS)}))`.execute(
    db,
  );
  for (const table of ["facilities"]) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_coord_precision_check`)}`.execute(db);
    for (const [from, to] of RENAMED)
      await sql`update ${sql.table(table)} set coord_precision = ${from} where coord_precision = ${to}`.execute(db);
    await sql`update ${sql.table(table)} set coord_precision = 'district' where coord_precision = 'eupmyeondong'`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_coord_precision_check`)} check (coord_precision in (${sqlList(foundation.COORD_PRECISIONS)}))`.execute(
      db,
    );
  }
  await db.schema.dropTable("areas").ifExists().execute();
}
