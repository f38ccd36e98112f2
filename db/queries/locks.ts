import { sql, type Kysely, type Transaction } from "kysely";
import { required } from "../../app/required";
import type { Database } from "../schema";

/** The two keys of the advisory lock `name`: the application's, so no other user of the server collides, and the name's. */
const lockKey = (name: string) => sql`hashtext('clusterlink'), hashtext(${name})`;

/** Takes the lock `name` if no other session holds it: a transaction lock or a session lock, as the function says. */
async function tryAdvisoryLock(
  db: Kysely<Database>,
  lockFunction: "pg_try_advisory_xact_lock" | "pg_try_advisory_lock",
  name: string,
): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select ${sql.raw(lockFunction)}(${lockKey(name)}) as locked`.execute(
    db,
  );
  return required(rows[0], `the answer of ${lockFunction}`).locked;
}

/** What a task run under an advisory lock gave, or `ran: false` when another session held the lock. */
export type LockedRun<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `task` in a transaction holding the advisory lock `name`, if no other
 * session holds it; the lock goes with the transaction, so a process that dies
 * mid-task frees it. Returns `{ ran: false }` when another process has it.
 */
export async function withAdvisoryLock<T>(
  db: Kysely<Database>,
  name: string,
  task: (trx: Transaction<Database>) => Promise<T>,
): Promise<LockedRun<T>> {
  return db.transaction().execute(async (trx) => {
    if (!(await tryAdvisoryLock(trx, "pg_try_advisory_xact_lock", name))) return { ran: false as const };
    return { ran: true as const, value: await task(trx) };
  });
}

/**
 * Marks the start of a job's run, unless it started less than intervalSeconds
 * ago: the caller holds the job's advisory lock, so this check and the run are
 * one decision across processes.
 */
export async function claimJobRun(trx: Transaction<Database>, name: string, intervalSeconds: number): Promise<boolean> {
  const { rows } = await sql<{ name: string }>`
    insert into job_runs (name, started_at, runs) values (${name}, now(), 1)
    on conflict (name) do update set started_at = now(), runs = job_runs.runs + 1
    where job_runs.started_at is null or job_runs.started_at < now() - make_interval(secs => ${intervalSeconds})
    returning name`.execute(trx);
  return rows.length > 0;
}

export async function finishJobRun(trx: Transaction<Database>, name: string, error: string | null): Promise<void> {
  await trx
    .updateTable("job_runs")
    .set({ finished_at: sql`now()`, last_error: error })
    .where("name", "=", name)
    .execute();
}

export interface JobRun {
  name: string;
  runs: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  lastError: string | null;
}

export async function listJobRuns(db: Kysely<Database>): Promise<JobRun[]> {
  const rows = await db.selectFrom("job_runs").selectAll().orderBy("name").execute();
  return rows.map((r) => ({
    name: r.name,
    runs: r.runs,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    lastError: r.last_error,
  }));
}

/**
 * Like `withAdvisoryLock`, for a task that runs transactions of its own (a sync that commits page
 * by page): a session lock on one connection instead of a transaction lock. The task gets that
 * connection for its work, so it needs no second one from a pool that may have only one
 * (PGlite's); unlock runs however the task ends, and a dying process's session frees it.
 */
export async function withSessionAdvisoryLock<T>(
  db: Kysely<Database>,
  name: string,
  task: (connection: Kysely<Database>) => Promise<T>,
): Promise<LockedRun<T>> {
  return db.connection().execute(async (connection) => {
    if (!(await tryAdvisoryLock(connection, "pg_try_advisory_lock", name))) return { ran: false as const };
    try {
      return { ran: true as const, value: await task(connection) };
    } finally {
      await sql`select pg_advisory_unlock(${lockKey(name)})`.execute(connection);
    }
  });
}
