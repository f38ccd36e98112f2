import { sql, type Kysely, type Transaction } from "kysely";
import { required } from "../../app/required";
import type { Database, SearchEntityType } from "../schema";

export interface SearchChange {
  entityType: SearchEntityType;
  entityId: string;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Records that listings changed; call inside the transaction that changed them. */
export async function enqueueSearchChanges(db: Executor, changes: SearchChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += 500) {
    const batch = changes.slice(i, i + 500);
    if (batch.length === 0) continue;
    await db
      .insertInto("search_outbox")
      .values(batch.map((c) => ({ entity_type: c.entityType, entity_id: c.entityId, delivered_at: null, last_error: null })))
      .execute();
  }
}

export interface PendingChange extends SearchChange {
  id: number;
  attempts: number;
}

/**
 * A position in the change log: the last row read, by writing transaction and id.
 * Reading in (transaction, id) order up to the oldest transaction still running
 * (the snapshot's xmin) never skips a row: every row below that horizon is
 * committed and visible, and a later transaction can only write above it.
 */
export interface LogCursor {
  xid: string;
  id: number;
}

export interface LoggedChange extends SearchChange {
  id: number;
  xid: string;
}

/** The transaction horizon now: every transaction below it has finished. */
export async function logHorizon(db: Executor): Promise<string> {
  const { rows } = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db);
  return required(rows[0], "the snapshot horizon").xmin;
}

/** The changes after a cursor and below a horizon, in log order. */
export async function readLog(db: Executor, after: LogCursor, horizon: string, limit: number): Promise<LoggedChange[]> {
  const { rows } = await sql<{ id: number; xid: string; entity_type: SearchEntityType; entity_id: string }>`
    select id, xact_id::text as xid, entity_type, entity_id from search_outbox
    where (xact_id, id) > (${after.xid}::xid8, ${after.id}::bigint) and xact_id < ${horizon}::xid8
    order by xact_id, id
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), xid: r.xid, entityType: r.entity_type, entityId: r.entity_id }));
}

/** How far a cursor is behind the log's end. */
export async function logLag(db: Executor, after: LogCursor): Promise<OutboxLag> {
  const { rows } = await sql<{ pending: number; oldest: number | null }>`
    select count(*)::int as pending, extract(epoch from now() - min(created_at)) as oldest
    from search_outbox where (xact_id, id) > (${after.xid}::xid8, ${after.id}::bigint)`.execute(db);
  const lag = required(rows[0], "the outbox lag");
  return { pending: Number(lag.pending), oldestPendingSeconds: lag.oldest === null ? null : Math.round(Number(lag.oldest)) };
}

/**
 * Claims undelivered changes for delivery to a shared engine, inside the
 * caller's transaction: rows another process has claimed are skipped (SKIP
 * LOCKED), and so are rows of a listing whose earlier change another process
 * is still delivering (a transaction-level advisory lock per listing), so one
 * listing's changes reach the engine in order.
 */
export async function claimPendingChanges(trx: Transaction<Database>, limit: number): Promise<PendingChange[]> {
  const { rows } = await sql<{ id: number; entity_type: SearchEntityType; entity_id: string; attempts: number }>`
    with claimed as (
      select id, entity_type, entity_id, attempts from search_outbox
      where delivered_at is null
      order by id
      limit ${limit}
      for update skip locked
    )
    select id, entity_type, entity_id, attempts from claimed
    where pg_try_advisory_xact_lock(hashtext('search-delivery'), hashtext(entity_type || ':' || entity_id))
    order by id`.execute(trx);
  return rows.map((r) => ({ id: Number(r.id), entityType: r.entity_type, entityId: r.entity_id, attempts: r.attempts }));
}

export async function markDelivered(db: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("search_outbox").set({ delivered_at: sql`now()`, last_error: null }).where("id", "in", ids).execute();
}

export async function markFailed(db: Executor, ids: number[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("search_outbox")
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 1000) })
    .where("id", "in", ids)
    .execute();
}

/** Marks delivered every change a full rebuild included: those of transactions below the rebuild snapshot's horizon. */
export async function markDeliveredBelow(db: Executor, horizon: string): Promise<void> {
  await db
    .updateTable("search_outbox")
    .set({ delivered_at: sql`now()`, last_error: null })
    .where("delivered_at", "is", null)
    .where(sql<boolean>`xact_id < ${horizon}::xid8`)
    .execute();
}

export async function latestChangeId(db: Executor): Promise<number> {
  const row = await db.selectFrom("search_outbox").select((eb) => eb.fn.max("id").as("max")).executeTakeFirst();
  return Number(row?.max ?? 0);
}

export interface OutboxLag {
  pending: number;
  oldestPendingSeconds: number | null;
}

export async function outboxLag(db: Executor): Promise<OutboxLag> {
  const row = await db
    .selectFrom("search_outbox")
    .select([
      (eb) => eb.fn.countAll<number>().as("pending"),
      sql<number | null>`extract(epoch from now() - min(created_at))`.as("oldest"),
    ])
    .where("delivered_at", "is", null)
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending),
    oldestPendingSeconds: row.oldest === null ? null : Math.round(Number(row.oldest)),
  };
}

/**
 * Rows older than a day are history: every process's cursor passed them long
 * ago. With a shared engine, a row it has not received yet is kept.
 */
export async function pruneOutbox(db: Executor, options: { keepUndelivered: boolean }): Promise<number> {
  let query = db.deleteFrom("search_outbox").where("created_at", "<", sql<Date>`now() - interval '1 day'`);
  if (options.keepUndelivered) query = query.where("delivered_at", "is not", null);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
