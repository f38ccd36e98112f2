import { sql, type Kysely } from "kysely";
import { editableColumns, listingColumns, sqlList } from "./shared";

/*
 * The value lists as this migration checks them. Later migrations that check them again (003) or
 * change them (007) start from these, so they must stay as they are: the live lists are in app/domain.
 */
export const PAVITT_CLASSES: readonly string[] = [
  "supplier_dominated",
  "specialized_supplier",
  "science_based",
  "scale_intensive",
];
export const FACILITY_KINDS: readonly string[] = [
  "innovation_center",
  "techno_park",
  "industrial_complex",
  "research_complex",
  "business_incubator",
  "university_tlo",
];
export const COORD_PRECISIONS: readonly string[] = ["address", "district", "region"];

const textArray = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(", ")}]::text[]`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists cube`.execute(db);
  await sql`create extension if not exists earthdistance`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable("regions")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("kostat_code", "text", (c) => c.notNull().unique())
    .addColumn("iso_3166_2", "text", (c) => c.notNull())
    .addColumn("name_ko", "text", (c) => c.notNull())
    .addColumn("name_ko_short", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_en_full", "text", (c) => c.notNull())
    .addColumn("capital_area", "boolean", (c) => c.notNull())
    .addColumn("label_lng", "float8", (c) => c.notNull())
    .addColumn("label_lat", "float8", (c) => c.notNull())
    .addColumn("coord_precision", "text", (c) =>
      c.notNull().check(sql`coord_precision in (${sqlList(COORD_PRECISIONS)})`),
    )
    .addColumn("strategic_industries", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("strategic_industries_note", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .$call(editableColumns)
    .execute();

  await db.schema
    .createTable("region_boundaries")
    .addColumn("region_code", "text", (c) => c.primaryKey().references("regions.code").onDelete("cascade"))
    .addColumn("geometry", "jsonb", (c) => c.notNull())
    .addColumn("min_lng", "float8", (c) => c.notNull())
    .addColumn("min_lat", "float8", (c) => c.notNull())
    .addColumn("max_lng", "float8", (c) => c.notNull())
    .addColumn("max_lat", "float8", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("license", "text", (c) => c.notNull())
    .addColumn("imported_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("ksic_sections")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name_ko", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("ksic_divisions")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("section_code", "text", (c) => c.notNull().references("ksic_sections.code"))
    .addColumn("name_ko", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("default_pavitt_class", "text", (c) =>
      c.check(sql`default_pavitt_class is null or default_pavitt_class in (${sqlList(PAVITT_CLASSES)})`),
    )
    .addColumn("pavitt_basis", "text", (c) => c.notNull())
    .addColumn("pavitt_note", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .$call(editableColumns)
    .execute();

  await db.schema
    .createTable("anchor_groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("name_ko", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("sectors", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("sector_note_en", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .$call(editableColumns)
    .execute();

  await db.schema
    .createTable("facilities")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in (${sqlList(FACILITY_KINDS)})`))
    .addColumn("subtype", "text")
    .addColumn("name_ko", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("aliases", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("lat", "float8", (c) => c.notNull().check(sql`lat between 33 and 38.7`))
    .addColumn("lng", "float8", (c) => c.notNull().check(sql`lng between 124.5 and 132`))
    .addColumn("coord_precision", "text", (c) =>
      c.notNull().check(sql`coord_precision in (${sqlList(COORD_PRECISIONS)})`),
    )
    .addColumn("location_note", "text")
    .addColumn("anchor_group_id", "text", (c) => c.references("anchor_groups.id"))
    .addColumn("co_anchor_group_ids", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("industries", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("industries_note_ko", "text")
    .addColumn("industries_note_en", "text")
    .addColumn("services", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("delivery_modes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("contacts", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("opened", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("verification", "text")
    .$call(listingColumns)
    .execute();
  await db.schema.createIndex("facilities_region_kind").on("facilities").columns(["region_code", "kind"]).execute();
  await sql`create index facilities_earth on facilities using gist (ll_to_earth(lat, lng))`.execute(db);

  await db.schema
    .createTable("programs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name_ko", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("summary_ko", "text")
    .addColumn("summary_en", "text")
    .addColumn("provider_facility_id", "text", (c) => c.references("facilities.id"))
    .addColumn("provider_agency_ko", "text")
    .addColumn("provider_agency_en", "text")
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("target_pavitt_classes", sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'`)
        .check(sql`target_pavitt_classes <@ ${textArray(PAVITT_CLASSES)}`),
    )
    .addColumn("target_capabilities", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("diffusion_level", "smallint", (c) => c.check(sql`diffusion_level between 1 and 3`))
    .addColumn("diffusion_type", "text")
    .addColumn("delivery_mode", "text")
    .addColumn("region_scope", "text", (c) => c.notNull().check(sql`region_scope in ('national', 'regional')`))
    .addColumn("region_codes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("sme_only", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("max_employees", "integer")
    .addColumn("required_certifications", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("sectors", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("cost_share_note_en", "text")
    .addColumn("period_start", "date")
    .addColumn("period_end", "date")
    .addColumn("period_note_en", "text")
    .addColumn("url", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .$call(listingColumns)
    .execute();
  await db.schema.createIndex("programs_provider").on("programs").column("provider_facility_id").execute();

  await db.schema
    .createTable("sme_size_rules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("sector_name_ko", "text", (c) => c.notNull())
    .addColumn("sector_name_en", "text", (c) => c.notNull())
    .addColumn("ksic_sections", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("ksic_divisions", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("max_employees_exclusive", "integer", (c) => c.notNull().check(sql`max_employees_exclusive > 0`))
    .addColumn("threshold_kind", "text", (c) => c.notNull().check(sql`threshold_kind in ('capital', 'sales')`))
    .addColumn("threshold_max_krw", "bigint", (c) => c.notNull().check(sql`threshold_max_krw > 0`))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_note", "text")
    .$call(editableColumns)
    .execute();

  await db.schema
    .createTable("search_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("entity_type", "text", (c) => c.notNull().check(sql`entity_type in ('facility', 'program')`))
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("delivered_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();
  await sql`create index search_outbox_pending on search_outbox (id) where delivered_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "search_outbox",
    "sme_size_rules",
    "programs",
    "facilities",
    "anchor_groups",
    "ksic_divisions",
    "ksic_sections",
    "region_boundaries",
    "regions",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
