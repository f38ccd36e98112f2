import { sql, type Kysely, type Transaction } from "kysely";
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

/** The oldest undelivered changes, oldest first. */
export async function listPendingChanges(db: Executor, limit: number): Promise<PendingChange[]> {
  const rows = await db
    .selectFrom("search_outbox")
    .select(["id", "entity_type", "entity_id", "attempts"])
    .where("delivered_at", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, entityType: r.entity_type, entityId: r.entity_id, attempts: r.attempts }));
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

/** Marks everything delivered, e.g. after a full rebuild of the index. */
export async function markAllDelivered(db: Executor, upToId: number): Promise<void> {
  await db
    .updateTable("search_outbox")
    .set({ delivered_at: sql`now()`, last_error: null })
    .where("delivered_at", "is", null)
    .where("id", "<=", upToId)
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

/** Delivered rows older than a day are history nobody reads. */
export async function pruneDelivered(db: Executor): Promise<void> {
  await db
    .deleteFrom("search_outbox")
    .where("delivered_at", "is not", null)
    .where("delivered_at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
}
