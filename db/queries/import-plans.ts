import { sql, type Selectable, type Transaction } from "kysely";
import type { Database, Executor, ImportJobsTable, ImportPlansTable, SearchEntityType } from "../schema";

/**
 * Checked import files and running imports, kept in the database so that any
 * process can show them and so that the database itself refuses a second
 * commit of one check, or a second import in a region while one runs.
 */

/** Whose import a plan or a job is: the user, the region and the listing type, under its id. */
interface ImportOwner {
  id: string;
  userId: string;
  regionCode: string;
  type: SearchEntityType;
}

export interface StoredPlan extends ImportOwner {
  encoding: string | null;
  fileName: string;
  checked: unknown;
  preview: { create: number; update: number; unchanged: number };
  basis: Record<string, string>;
  createdAt: Date;
}

export interface StoredJob extends ImportOwner {
  total: number;
  done: number;
  state: "running" | "done" | "failed";
  failure: "changed" | "error" | null;
  summary: { created: number; updated: number; unchanged: number } | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

function ownerColumns(owner: ImportOwner) {
  return { id: owner.id, user_id: owner.userId, region_code: owner.regionCode, entity_type: owner.type };
}

function ownerOf(row: ReturnType<typeof ownerColumns>): ImportOwner {
  return { id: row.id, userId: row.user_id, regionCode: row.region_code, type: row.entity_type };
}

export async function insertPlan(db: Executor, plan: Omit<StoredPlan, "createdAt">): Promise<void> {
  await db
    .insertInto("import_plans")
    .values({
      ...ownerColumns(plan),
      encoding: plan.encoding,
      file_name: plan.fileName,
      checked: JSON.stringify(plan.checked),
      preview: JSON.stringify(plan.preview),
      basis: JSON.stringify(plan.basis),
    })
    .execute();
}

function planOf(row: Omit<Selectable<ImportPlansTable>, "job_id">): StoredPlan {
  return {
    ...ownerOf(row),
    encoding: row.encoding,
    fileName: row.file_name,
    checked: row.checked,
    preview: row.preview,
    basis: row.basis,
    createdAt: row.created_at,
  };
}

/** A user's checked file, unless older than ttlSeconds. */
export async function findPlan(
  db: Executor,
  id: string,
  userId: string,
  ttlSeconds: number,
): Promise<StoredPlan | null> {
  const row = await db
    .selectFrom("import_plans")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("job_id", "is", null)
    .where("created_at", ">", sql<Date>`now() - make_interval(secs => ${ttlSeconds})`)
    .executeTakeFirst();
  return row ? planOf(row) : null;
}

/**
 * Takes a plan for the job that commits it: of two commits of one check, only
 * the first gets it; the second learns which job has it.
 */
export async function takePlan(
  trx: Transaction<Database>,
  id: string,
  userId: string,
  jobId: string,
  ttlSeconds: number,
): Promise<{ plan: StoredPlan } | { takenBy: string } | null> {
  const row = await trx
    .updateTable("import_plans")
    .set({ job_id: jobId })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("job_id", "is", null)
    .where("created_at", ">", sql<Date>`now() - make_interval(secs => ${ttlSeconds})`)
    .returningAll()
    .executeTakeFirst();
  if (row) return { plan: planOf(row) };
  const taken = await trx
    .selectFrom("import_plans")
    .select("job_id")
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("job_id", "is not", null)
    .executeTakeFirst();
  return taken?.job_id ? { takenBy: taken.job_id } : null;
}

export class ImportBusyError extends Error {
  constructor(readonly regionCode: string) {
    super(`another import is running in region ${regionCode}`);
    this.name = "ImportBusyError";
  }
}

/**
 * Starts a job in the caller's transaction. A job whose process stopped
 * (no heartbeat for staleSeconds) is marked failed first; a live one makes
 * this throw ImportBusyError (the unique index on running jobs per region).
 */
export async function insertRunningJob(
  trx: Transaction<Database>,
  job: { id: string; userId: string; regionCode: string; type: SearchEntityType; total: number },
  staleSeconds: number,
): Promise<void> {
  await failStaleJobs(trx, staleSeconds, job.regionCode);
  await sql`savepoint start_job`.execute(trx);
  try {
    await trx
      .insertInto("import_jobs")
      .values({
        ...ownerColumns(job),
        total: job.total,
        state: "running",
      })
      .execute();
  } catch (error) {
    if ((error as { code?: string }).code !== "23505") throw error;
    await sql`rollback to savepoint start_job`.execute(trx);
    throw new ImportBusyError(job.regionCode);
  }
}

/** Running jobs without a heartbeat for staleSeconds: their process died. */
export async function failStaleJobs(db: Executor, staleSeconds: number, regionCode?: string): Promise<number> {
  let query = db
    .updateTable("import_jobs")
    .set({
      state: "failed",
      failure: "error",
      error: "the process running the import stopped",
      done: 0,
      finished_at: sql`now()`,
    })
    .where("state", "=", "running")
    .where("heartbeat_at", "<", sql<Date>`now() - make_interval(secs => ${staleSeconds})`);
  if (regionCode) query = query.where("region_code", "=", regionCode);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function recordJobProgress(db: Executor, id: string, done: number): Promise<void> {
  await db
    .updateTable("import_jobs")
    .set({ done, heartbeat_at: sql`now()` })
    .where("id", "=", id)
    .where("state", "=", "running")
    .execute();
}

export async function finishJob(
  db: Executor,
  id: string,
  outcome: {
    state: "done" | "failed";
    failure: "changed" | "error" | null;
    done: number;
    summary: StoredJob["summary"];
    error: string | null;
  },
): Promise<void> {
  await db
    .updateTable("import_jobs")
    .set({
      state: outcome.state,
      failure: outcome.failure,
      done: outcome.done,
      summary: outcome.summary ? JSON.stringify(outcome.summary) : null,
      error: outcome.error?.slice(0, 1000) ?? null,
      finished_at: sql`now()`,
    })
    .where("id", "=", id)
    .execute();
}

function jobOf(row: Omit<Selectable<ImportJobsTable>, "heartbeat_at">): StoredJob {
  return {
    ...ownerOf(row),
    total: row.total,
    done: row.done,
    state: row.state,
    failure: row.failure,
    summary: row.summary,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export async function findJob(db: Executor, id: string, userId: string): Promise<StoredJob | null> {
  const row = await db
    .selectFrom("import_jobs")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? jobOf(row) : null;
}

/** Expired checks, old finished jobs, and staged rows no running job owns. */
export async function pruneImports(db: Executor, planTtlSeconds: number): Promise<void> {
  await db
    .deleteFrom("import_plans")
    .where("created_at", "<", sql<Date>`now() - make_interval(secs => ${planTtlSeconds})`)
    .execute();
  await db
    .deleteFrom("import_jobs")
    .where("state", "<>", "running")
    .where("finished_at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
  await sql`delete from import_staging s where not exists (select 1 from import_jobs j where j.id = s.job_id and j.state = 'running')`.execute(
    db,
  );
}
