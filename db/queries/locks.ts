import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

/**
 * Runs a task only where this process holds the PostgreSQL advisory lock `key`; another process
 * holding it makes this call return `{ ran: false }` at once. Lock and unlock go through one
 * connection (advisory locks belong to a session), and the task gets that connection for its own
 * work, so it needs no second one from a pool that may have only one (PGlite's). Any number of
 * app processes on one database run the task at most once at a time.
 */
export async function withAdvisoryLock<T>(db: Kysely<Database>, key: number, task: (connection: Kysely<Database>) => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}::bigint) as locked`.execute(connection);
    if (!rows[0]?.locked) return { ran: false } as const;
    try {
      return { ran: true, value: await task(connection) } as const;
    } finally {
      await sql`select pg_advisory_unlock(${key}::bigint)`.execute(connection);
    }
  });
}
