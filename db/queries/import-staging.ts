import { sql, type Transaction } from "kysely";
import type { Database, Executor, ImportStagingTable, SearchEntityType } from "../schema";
import type { Insertable } from "kysely";

export interface StagedRow {
  seq: number;
  action: "create" | "update_live" | "update_draft";
  entityType: SearchEntityType;
  entityId: string;
  regionCode: string;
  draftId: number | null;
  draftVersion: number | null;
  baseVersion: number | null;
  payload: unknown;
  before: unknown;
}

export async function stageRows(db: Executor, jobId: string, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values: Insertable<ImportStagingTable>[] = rows.map((r) => ({
    job_id: jobId,
    seq: r.seq,
    action: r.action,
    entity_type: r.entityType,
    entity_id: r.entityId,
    region_code: r.regionCode,
    draft_id: r.draftId,
    draft_version: r.draftVersion,
    base_version: r.baseVersion,
    payload: JSON.stringify(r.payload),
    before: r.before === null ? null : JSON.stringify(r.before),
  }));
  await db.insertInto("import_staging").values(values).execute();
}

export class StagedChangeConflict extends Error {
  constructor() {
    super("a draft changed while the import ran");
    this.name = "StagedChangeConflict";
  }
}

/**
 * Turns a job's staged rows into drafts and audit entries with a few
 * set-based statements; call inside one transaction. Throws
 * StagedChangeConflict when a draft appeared or changed since staging.
 */
export async function applyStagedRows(
  trx: Transaction<Database>,
  jobId: string,
  user: { id: string; email: string },
): Promise<void> {
  const counts = await trx
    .selectFrom("import_staging")
    .select(["action", (eb) => eb.fn.countAll<number>().as("n")])
    .where("job_id", "=", jobId)
    .groupBy("action")
    .execute();
  const count = (action: string) => Number(counts.find((c) => c.action === action)?.n ?? 0);

  const inserted = await sql`
    insert into listing_drafts (entity_type, entity_id, region_code, is_new, origin, payload, base_version, created_by, updated_by)
    select entity_type, entity_id, region_code, action = 'create', 'import', payload, base_version, ${user.id}::uuid, ${user.id}::uuid
    from import_staging where job_id = ${jobId} and action in ('create', 'update_live') order by seq
    on conflict (entity_type, entity_id) do nothing`.execute(trx);
  if (Number(inserted.numAffectedRows ?? 0) !== count("create") + count("update_live"))
    throw new StagedChangeConflict();

  const updated = await sql`
    update listing_drafts d
    set payload = s.payload, version = d.version + 1, updated_by = ${user.id}::uuid, updated_at = now(), origin = 'import', change = 'edit'
    from import_staging s
    where s.job_id = ${jobId} and s.action = 'update_draft' and d.id = s.draft_id and d.version = s.draft_version`.execute(
    trx,
  );
  if (Number(updated.numAffectedRows ?? 0) !== count("update_draft")) throw new StagedChangeConflict();

  await sql`
    insert into audit_log (user_id, user_email, action, entity_type, entity_id, region_code, before, after)
    select ${user.id}::uuid, ${user.email}, 'import', entity_type, entity_id, region_code, before, payload
    from import_staging where job_id = ${jobId} order by seq`.execute(trx);
  await trx.deleteFrom("import_staging").where("job_id", "=", jobId).execute();
}

export async function dropStagedRows(db: Executor, jobId: string): Promise<void> {
  await db.deleteFrom("import_staging").where("job_id", "=", jobId).execute();
}

/** Rows left by an import whose process died; nothing reads them. */
export async function dropAbandonedStaging(db: Executor): Promise<void> {
  await db
    .deleteFrom("import_staging")
    .where("created_at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
}
