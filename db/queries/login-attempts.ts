import { sql, type Kysely } from "kysely";
import { admitAttempt, type ThrottlePolicy } from "../../app/domain/login-throttle";
import type { Database, Executor } from "../schema";

export async function recordLoginAttempt(
  db: Executor,
  attempt: { email: string; address: string; succeeded: boolean },
): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values({ email: attempt.email, address: attempt.address, succeeded: attempt.succeeded })
    .execute();
}

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export type Reservation = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Counts one sign-in attempt against every key, or none of them: the rows are
 * locked (in key order, so two attempts never wait on each other crosswise)
 * and read, the rule decides, and the counts are written before the lock is
 * released. Parallel attempts, in one process or many, are thus counted one
 * after another and none can pass the limit.
 */
export async function reserveLoginAttempt(db: Kysely<Database>, keys: readonly ThrottleKey[]): Promise<Reservation> {
  const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("login_throttles")
      .values(ordered.map((k) => ({ key: k.key, failures: 0, last_attempt_at: null })))
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const rows = await trx
      .selectFrom("login_throttles")
      .select(["key", "failures", "last_attempt_at"])
      .where(
        "key",
        "in",
        ordered.map((k) => k.key),
      )
      .orderBy("key")
      .forUpdate()
      .execute();
    // The time after the locks are held: an attempt that waited for them must not judge by the time it started.
    const { now } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(trx).then((r) => r.rows[0]!);
    const decisions = ordered.map((k) => {
      const row = rows.find((r) => r.key === k.key)!;
      return {
        key: k.key,
        decision: admitAttempt(
          row.last_attempt_at ? { failures: row.failures, lastAttemptAt: new Date(row.last_attempt_at) } : null,
          k.policy,
          new Date(now),
        ),
      };
    });
    const refused = decisions.flatMap((d) => (d.decision.admitted ? [] : [d.decision.retryAfterSeconds]));
    if (refused.length > 0) return { admitted: false, retryAfterSeconds: Math.max(...refused) };
    for (const { key, decision } of decisions) {
      if (decision.admitted)
        await trx
          .updateTable("login_throttles")
          .set({ failures: decision.next.failures, last_attempt_at: decision.next.lastAttemptAt })
          .where("key", "=", key)
          .execute();
    }
    return { admitted: true };
  });
}

/**
 * A correct password takes its own attempt back from the address's count (which
 * otherwise only ages out), so signing in often from one office is no failure.
 */
export async function refundLoginAttempt(db: Executor, key: string): Promise<void> {
  await db
    .updateTable("login_throttles")
    .set((eb) => ({ failures: sql<number>`greatest(${eb.ref("failures")} - 1, 0)` }))
    .where("key", "=", key)
    .execute();
}

/** A correct password clears its pair's count. */
export async function clearLoginThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("login_throttles").where("key", "=", key).execute();
}

/** Counters whose latest attempt is older than a day say nothing any more. */
export async function pruneLoginThrottles(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom("login_throttles")
    .where("last_attempt_at", "<", sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
