import { sql, type Kysely } from "kysely";

/**
 * A draft says what it changes: the listing's fields ('edit'), or its status
 * ('archive', 'restore'), so that hiding a listing from the public map goes
 * through the same review as any other change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("listing_drafts")
    .addColumn("change", "text", (c) =>
      c
        .notNull()
        .defaultTo("edit")
        .check(sql`change in ('edit', 'archive', 'restore')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("listing_drafts").dropColumn("change").execute();
}
