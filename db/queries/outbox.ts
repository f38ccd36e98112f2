import { sql, type Transaction } from "kysely";
import { required } from "../../app/required";
import type { Database, Executor, SearchEntityType } from "../schema";

export interface SearchChange {
  entityType: SearchEntityType;
  entityId: string;
}

/**
 * Records that listings changed; call inside the transaction that changed them. One statement
 * whatever their number: the changes travel as two array parameters, not four per row.
 */
export async function enqueueSearchChanges(db: Executor, changes: SearchChange[]): Promise<void> {
  if (changes.length === 0) return;
  await sql`
    insert into search_outbox (entity_type, entity_id)
    select * from unnest(${changes.map((c) => c.entityType)}::text[], ${changes.map((c) => c.entityId)}::text[])`.execute(
    db,
  );
}

export interface PendingChange extends SearchChange {
  id: number;
  attempts: number;
}

/**
 * A position in the change log: the snapshot (`pg_snapshot` as text) as of
 * which this reader has seen it. The changes after it are the rows visible
 * now but not in that snapshot, so a transaction that commits after a later
 * one is still read, and a long transaction elsewhere on the server (snapshot
 * horizons are cluster-wide) holds nothing back.
 */
export interface LogCursor {
  snapshot: string;
}

export interface LoggedChange extends SearchChange {
  id: number;
}

/** The current snapshot, as a cursor that has seen everything committed so far. */
export async function currentLogPosition(db: Executor): Promise<LogCursor> {
  const { rows } = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
  return { snapshot: required(rows[0], "the current snapshot").snapshot };
}

/**
 * Every change committed since the cursor, and the cursor after them: the rows
 * and the new snapshot come from one statement, so they agree exactly.
 */
export async function readLog(db: Executor, after: LogCursor): Promise<{ changes: LoggedChange[]; next: LogCursor }> {
  const { rows } = await sql<{
    snapshot: string;
    changes: Array<{ id: number; entity_type: SearchEntityType; entity_id: string }> | null;
  }>`
    select pg_current_snapshot()::text as snapshot,
      (select json_agg(json_build_object('id', id, 'entity_type', entity_type, 'entity_id', entity_id) order by xact_id, id)
       from search_outbox
       where xact_id >= pg_snapshot_xmin(${after.snapshot}::pg_snapshot)
         and not pg_visible_in_snapshot(xact_id, ${after.snapshot}::pg_snapshot)) as changes`.execute(db);
  const read = required(rows[0], "the change log");
  return {
    changes: (read.changes ?? []).map((r) => ({ id: Number(r.id), entityType: r.entity_type, entityId: r.entity_id })),
    next: { snapshot: read.snapshot },
  };
}

/** How far a cursor is behind the log's end. */
export async function logLag(db: Executor, after: LogCursor): Promise<OutboxLag> {
  const { rows } = await sql<{ pending: number; oldest: number | null }>`
    select count(*)::int as pending, extract(epoch from now() - min(created_at)) as oldest
    from search_outbox
    where xact_id >= pg_snapshot_xmin(${after.snapshot}::pg_snapshot) and not pg_visible_in_snapshot(xact_id, ${after.snapshot}::pg_snapshot)`.execute(
    db,
  );
  const lag = required(rows[0], "the outbox lag");
  return {
    pending: Number(lag.pending),
    oldestPendingSeconds: lag.oldest === null ? null : Math.round(Number(lag.oldest)),
  };
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
  return rows.map((r) => ({
    id: Number(r.id),
    entityType: r.entity_type,
    entityId: r.entity_id,
    attempts: r.attempts,
  }));
}

export async function markDelivered(db: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("search_outbox")
    .set({ delivered_at: sql`now()`, last_error: null })
    .where("id", "in", ids)
    .execute();
}

export async function markFailed(db: Executor, ids: number[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("search_outbox")
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 1000) })
    .where("id", "in", ids)
    .execute();
}

/** Marks delivered every change a full rebuild included: those visible in the rebuild's snapshot. */
export async function markDeliveredIn(db: Executor, position: LogCursor): Promise<void> {
  await db
    .updateTable("search_outbox")
    .set({ delivered_at: sql`now()`, last_error: null })
    .where("delivered_at", "is", null)
    .where(sql<boolean>`pg_visible_in_snapshot(xact_id, ${position.snapshot}::pg_snapshot)`)
    .execute();
}

export async function latestChangeId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("search_outbox")
    .select((eb) => eb.fn.max("id").as("max"))
    .executeTakeFirst();
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
