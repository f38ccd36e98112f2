import { sql, type Kysely } from "kysely";

/**
 * Support calls imported from the announcement portals (기업마당, K-Startup). A call is a row of
 * `programs` (managed_by 'import', so search, matching and pages treat it as any program) with its
 * announcement facts in `program_calls`; `program_sources` holds each portal record it came from
 * (the same call on both portals is one program with two sources); `program_sync_runs` is the
 * report of every import and sync.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("program_calls")
    .addColumn("program_id", "text", (c) => c.primaryKey().references("programs.id").onDelete("cascade"))
    .addColumn("dedupe_key", "text", (c) => c.notNull())
    .addColumn("window_kind", "text", (c) => c.notNull().check(sql`window_kind in ('dated', 'open_ended', 'unknown')`))
    .addColumn("window_start", "date")
    .addColumn("window_end", "date")
    .addColumn("applicant_types", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("business_age", "jsonb", (c) => c.notNull())
    .addColumn("region_basis", "jsonb")
    .addColumn("applicant_field", "text")
    .addColumn("age_field", "text")
    .addColumn("detail_url", "text")
    .addColumn("apply_url", "text")
    .addColumn("agency", "text")
    .addColumn("executing_agency", "text")
    .addColumn("support_field", "text")
    .addColumn("eligibility_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("attachments", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("readings", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("content_hash", "text", (c) => c.notNull())
    // Set when a complete sync of every source no longer returns it; cleared if it comes back.
    .addColumn("withdrawn_at", "timestamptz")
    // Set once the last day of application has passed (for the run report; status reads the dates).
    .addColumn("closed_at", "timestamptz")
    .addColumn("last_synced_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("program_calls_window", sql`(window_kind = 'dated') = (window_end is not null)`)
    .execute();
  await db.schema.createIndex("program_calls_dedupe").on("program_calls").column("dedupe_key").execute();
  await sql`create index program_calls_open on program_calls (window_end) where closed_at is null`.execute(db);

  await db.schema
    .createTable("program_sources")
    .addColumn("portal", "text", (c) => c.notNull().check(sql`portal in ('bizinfo', 'kstartup')`))
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("program_id", "text", (c) => c.notNull().references("programs.id").onDelete("cascade"))
    .addColumn("url", "text")
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("first_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_run_id", "bigint")
    .addColumn("withdrawn_at", "timestamptz")
    .addPrimaryKeyConstraint("program_sources_pk", ["portal", "source_id"])
    .execute();
  await db.schema.createIndex("program_sources_program").on("program_sources").column("program_id").execute();

  await db.schema
    .createTable("program_sync_runs")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("portal", "text", (c) => c.notNull().check(sql`portal in ('bizinfo', 'kstartup')`))
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode in ('file', 'sync')`))
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    // A complete run saw every record of its source, so what it did not see is withdrawn.
    .addColumn("complete", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("fetched_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("new_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("changed_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("unchanged_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("closed_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rejected_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("errors", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema.createIndex("program_sync_runs_portal").on("program_sync_runs").columns(["portal", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["program_sync_runs", "program_sources", "program_calls"])
    await db.schema.dropTable(table).ifExists().execute();
}
