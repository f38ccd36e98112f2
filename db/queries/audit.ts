import type { AuditAction, AuditEntityType } from "../../app/domain/audit";
import type { Executor } from "../schema";

export interface AuditEntryInput {
  /** The account that acted; a firm without an account or the retention job has no id. */
  user: { id: string | null; email: string };
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  regionCode: string | null;
  before: unknown;
  after: unknown;
}

/** Call inside the transaction that makes the change, so the entry and the change stand or fall together. */
export async function insertAuditEntries(db: Executor, entries: AuditEntryInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto("audit_log")
      .values(
        entries.slice(i, i + 500).map((e) => ({
          user_id: e.user.id,
          user_email: e.user.email,
          action: e.action,
          entity_type: e.entityType,
          entity_id: e.entityId,
          region_code: e.regionCode,
          before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
          after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
        })),
      )
      .execute();
  }
}

export interface AuditEntry {
  id: number;
  at: Date;
  userEmail: string;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  regionCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export async function listAuditEntries(
  db: Executor,
  filter: { regionCode?: string; entityType?: AuditEntityType; entityId?: string; beforeId?: number },
  limit = 200,
): Promise<AuditEntry[]> {
  let query = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit);
  if (filter.beforeId !== undefined) query = query.where("id", "<", filter.beforeId);
  if (filter.regionCode) query = query.where("region_code", "=", filter.regionCode);
  if (filter.entityType) query = query.where("entity_type", "=", filter.entityType);
  if (filter.entityId) query = query.where("entity_id", "=", filter.entityId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userEmail: r.user_email,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    regionCode: r.region_code,
    before: r.before,
    after: r.after,
  }));
}
