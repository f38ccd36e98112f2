import type { Kysely } from "kysely";

/**
 * Sign-in counters, one row per key ("pair:<email> <address>" or
 * "address:<address>"), updated under a row lock so that parallel attempts
 * are counted one after another in every process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("login_throttles")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_attempt_at", "timestamptz")
    .execute();
  await db.schema.createIndex("login_throttles_last_attempt").on("login_throttles").column("last_attempt_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("login_throttles").ifExists().execute();
}
