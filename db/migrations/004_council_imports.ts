import { sql, type Kysely } from "kysely";

/**
 * Council imports, after 002 shipped: drafts remember whether they came from
 * a form or an import (published imports are managed_by 'import'), and rows of
 * a running import wait in import_staging, written in small transactions so
 * that the database stays available, until one short transaction moves them
 * all into drafts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("listing_drafts")
    .addColumn("origin", "text", (c) =>
      c
        .notNull()
        .defaultTo("form")
        .check(sql`origin in ('form', 'import')`),
    )
    .execute();

  await db.schema
    .createTable("import_staging")
    .addColumn("job_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull().check(sql`action in ('create', 'update_live', 'update_draft')`))
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("draft_id", "bigint")
    .addColumn("draft_version", "integer")
    .addColumn("base_version", "integer")
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("before", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("import_staging_pk", ["job_id", "seq"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("import_staging").ifExists().execute();
  await db.schema.alterTable("listing_drafts").dropColumn("origin").execute();
}
