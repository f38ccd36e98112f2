import { randomBytes } from "node:crypto";
import { insertAuditEntries } from "../../db/queries/audit";
import { findByExternalIds, insertDrafts, updateDraft, type NewDraft } from "../../db/queries/council-listings";
import type { SessionUser } from "~/auth/user.server";
import { checkImport, sameFields, type CsvEncoding, type ImportCheck } from "~/domain/csv-import";
import type { ListingType } from "~/domain/listings";
import type { Services } from "~/services.server";
import { may, newListingId, validationContext } from "./listings.server";

/**
 * CSV imports in two steps. Checking reads and validates the whole file and
 * keeps the result for its owner; committing writes every row as a draft in
 * one transaction (all or nothing), reporting progress as it goes. Rows are
 * matched by external id, so importing the same file again updates the
 * drafts or listings it made instead of duplicating them.
 */

const BATCH_SIZE = 500;
/** A checked file waits this long for its commit. */
const CHECK_TTL_MS = 30 * 60 * 1000;

export interface ImportPlan {
  id: string;
  userId: string;
  regionCode: string;
  type: ListingType;
  encoding: CsvEncoding;
  fileName: string;
  check: ImportCheck;
  /** What committing would do, as of the check. */
  preview: { create: number; update: number; unchanged: number };
  createdAt: number;
}

export interface ImportJob {
  id: string;
  userId: string;
  regionCode: string;
  type: ListingType;
  total: number;
  done: number;
  state: "running" | "done" | "failed";
  summary: { created: number; updated: number; unchanged: number } | null;
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
}

/** Someone changed a draft this import was about to write; the whole import is rolled back. */
class ConcurrentChangeError extends Error {
  constructor() {
    super("a draft changed while the import ran");
    this.name = "ConcurrentChangeError";
  }
}

const plans = new Map<string, ImportPlan>();
const jobs = new Map<string, ImportJob>();

function forget(now: number): void {
  for (const [id, plan] of plans) if (now - plan.createdAt > CHECK_TTL_MS) plans.delete(id);
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > CHECK_TTL_MS) jobs.delete(id);
}

export async function checkImportFile(services: Services, actor: SessionUser, input: { regionCode: string; type: ListingType; bytes: Uint8Array; fileName: string }): Promise<ImportPlan | null> {
  if (!may(actor, "edit", input.regionCode)) return null;
  forget(Date.now());
  const context = await validationContext(services.database.db, input.regionCode);
  const { encoding, ...check } = checkImport(input.type, input.bytes, context);
  const existing = await findByExternalIds(services.database.db, input.type, input.regionCode, check.rows.map((r) => r.fields.externalId!));
  const preview = { create: 0, update: 0, unchanged: 0 };
  for (const { fields } of check.rows) {
    const current = existing.drafts.get(fields.externalId!)?.fields ?? existing.live.get(fields.externalId!)?.fields;
    if (!current) preview.create += 1;
    else if (sameFields(current, fields)) preview.unchanged += 1;
    else preview.update += 1;
  }
  const plan: ImportPlan = { id: randomBytes(12).toString("base64url"), userId: actor.id, regionCode: input.regionCode, type: input.type, encoding, fileName: input.fileName.slice(0, 200), check, preview, createdAt: Date.now() };
  plans.set(plan.id, plan);
  return plan;
}

export function findPlan(actor: SessionUser, id: string): ImportPlan | null {
  const plan = plans.get(id);
  return plan && plan.userId === actor.id ? plan : null;
}

export function findJob(actor: SessionUser, id: string): ImportJob | null {
  const job = jobs.get(id);
  return job && job.userId === actor.id ? job : null;
}

export function isImportable(plan: ImportPlan): boolean {
  return plan.check.fileProblems.length === 0 && plan.check.problems.length === 0 && plan.check.rows.length > 0;
}

/** Starts writing a checked, problem-free file; the returned job reports progress until it is done. */
export function startImport(services: Services, actor: SessionUser, plan: ImportPlan): ImportJob | null {
  if (!may(actor, "edit", plan.regionCode) || plan.userId !== actor.id || !isImportable(plan)) return null;
  plans.delete(plan.id);
  const job: ImportJob = { id: randomBytes(12).toString("base64url"), userId: actor.id, regionCode: plan.regionCode, type: plan.type, total: plan.check.rows.length, done: 0, state: "running", summary: null, error: null, startedAt: Date.now(), finishedAt: null };
  jobs.set(job.id, job);
  void runImport(services, actor, plan, job);
  return job;
}

/** Writes the rows in one transaction; the job's counters are what the progress page shows. */
export async function runImport(services: Services, actor: SessionUser, plan: ImportPlan, job: ImportJob): Promise<void> {
  const user = { id: actor.id, email: actor.email };
  try {
    const summary = await services.database.db.transaction().execute(async (trx) => {
      const externalIds = plan.check.rows.map((r) => r.fields.externalId!);
      const existing = await findByExternalIds(trx, plan.type, plan.regionCode, externalIds);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (let start = 0; start < plan.check.rows.length; start += BATCH_SIZE) {
        const batch = plan.check.rows.slice(start, start + BATCH_SIZE);
        const inserts: NewDraft[] = [];
        const audits: Parameters<typeof insertAuditEntries>[1] = [];
        for (const { fields } of batch) {
          const externalId = fields.externalId!;
          const draft = existing.drafts.get(externalId);
          const live = existing.live.get(externalId);
          if (draft) {
            if (sameFields(draft.fields, fields)) {
              counts.unchanged += 1;
              continue;
            }
            if (!(await updateDraft(trx, draft.id, draft.version, fields, actor.id, "import"))) throw new ConcurrentChangeError();
            audits.push({ user, action: "import", entityType: plan.type, entityId: draft.entityId, regionCode: plan.regionCode, before: draft.fields, after: fields });
            counts.updated += 1;
          } else if (live) {
            if (sameFields(live.fields, fields)) {
              counts.unchanged += 1;
              continue;
            }
            inserts.push({ type: plan.type, entityId: live.id, regionCode: plan.regionCode, isNew: false, origin: "import", fields, baseVersion: live.version, userId: actor.id });
            audits.push({ user, action: "import", entityType: plan.type, entityId: live.id, regionCode: plan.regionCode, before: live.fields, after: fields });
            counts.updated += 1;
          } else {
            const entityId = newListingId(plan.type, plan.regionCode);
            inserts.push({ type: plan.type, entityId, regionCode: plan.regionCode, isNew: true, origin: "import", fields, baseVersion: null, userId: actor.id });
            audits.push({ user, action: "import", entityType: plan.type, entityId, regionCode: plan.regionCode, before: null, after: fields });
            counts.created += 1;
          }
        }
        const inserted = await insertDrafts(trx, inserts);
        if (inserted !== inserts.length) throw new ConcurrentChangeError();
        await insertAuditEntries(trx, audits);
        job.done = Math.min(job.total, start + batch.length);
      }
      return counts;
    });
    job.summary = summary;
    job.state = "done";
  } catch (error) {
    job.state = "failed";
    job.done = 0;
    job.error = error instanceof Error ? error.message : String(error);
    console.error(JSON.stringify({ event: "import_failed", job: job.id, region: plan.regionCode, error: job.error }));
  } finally {
    job.finishedAt = Date.now();
  }
}

/** Waits for a job (tests and the benchmark; the page polls instead). */
export async function waitForJob(job: ImportJob): Promise<ImportJob> {
  while (job.state === "running") await new Promise((resolve) => setTimeout(resolve, 20));
  return job;
}
