import { sql, type Kysely } from "kysely";

/**
 * A daily sync writes the sighting (`last_seen_at`, `last_run_id`) of every source it sees
 * unchanged. With full pages each such update wrote a new row version on another page and an
 * entry in both indexes; with half of each page kept free the new version fits on the row's own
 * page and, as no index covers the sighting, it is a heap-only update that touches no index
 * (renewing 20,000: 11–14 ms per 1,000 records before, about 3 after; see
 * docs/decisions/program-calls.md). The free half is reclaimed by pruning a page's old versions
 * when it is next read, so it holds without vacuum (PGlite runs none). CLUSTER rewrites the rows
 * already stored so they get that room now rather than after their first move; unlike VACUUM
 * FULL it may run inside the migration's transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table program_sources set (fillfactor = 50)`.execute(db);
  await sql`cluster program_sources using program_sources_pk`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table program_sources reset (fillfactor)`.execute(db);
}
