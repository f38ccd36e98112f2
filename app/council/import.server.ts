import { randomBytes } from "node:crypto";
import { findByExternalIds } from "../../db/queries/council-listings";
import { applyStagedRows, dropAbandonedStaging, dropStagedRows, StagedChangeConflict, stageRows, type StagedRow } from "../../db/queries/import-staging";
import type { SessionUser } from "~/auth/user.server";
import type { CsvEncoding } from "~/csv";
import { checkImport, sameFields, type ImportCheck } from "~/domain/listing-import";
import type { ListingType } from "~/domain/listings";
import type { Services } from "~/services.server";
import { may, newListingId, validationContext } from "./listings.server";

/**
 * CSV imports in two steps. Checking reads and validates the whole file and
 * keeps the result for its owner; committing writes every row as a draft,
 * all or nothing, reporting progress as it goes. Rows are
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
  /** null when the bytes were neither UTF-8 nor CP949 (the check then names the lines). */
  encoding: CsvEncoding | null;
  fileName: string;
  check: ImportCheck;
  /** What committing would do, as of the check. */
  preview: { create: number; update: number; unchanged: number };
  /** The state each external id had at the check ("draft:3", "live:7" or "none"); the commit refuses to run over a different one. */
  basis: Map<string, string>;
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
  /** Why it failed: listings changed after the check, or anything else. */
  failure: "changed" | "error" | null;
  summary: { created: number; updated: number; unchanged: number } | null;
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
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
  const context = await validationContext(services, input.regionCode);
  const { encoding, ...check } = checkImport(input.type, input.bytes, context);
  const existing = await findByExternalIds(services.database.db, input.type, input.regionCode, check.rows.map((r) => r.fields.externalId!));
  const preview = { create: 0, update: 0, unchanged: 0 };
  const basis = stateTokens(existing, check.rows.map((r) => r.fields.externalId!));
  for (const { fields } of check.rows) {
    const current = existing.drafts.get(fields.externalId!)?.fields ?? existing.live.get(fields.externalId!)?.fields;
    if (!current) preview.create += 1;
    else if (sameFields(current, fields)) preview.unchanged += 1;
    else preview.update += 1;
  }
  const plan: ImportPlan = { id: randomBytes(12).toString("base64url"), userId: actor.id, regionCode: input.regionCode, type: input.type, encoding, fileName: input.fileName.slice(0, 200), check, preview, basis, createdAt: Date.now() };
  plans.set(plan.id, plan);
  return plan;
}

function stateTokens(existing: Awaited<ReturnType<typeof findByExternalIds>>, externalIds: string[]): Map<string, string> {
  return new Map(
    externalIds.map((id) => {
      const draft = existing.drafts.get(id);
      const live = existing.live.get(id);
      return [id, draft ? `draft:${draft.id}:${draft.version}` : live ? `live:${live.id}:${live.version}` : "none"];
    }),
  );
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
  const job: ImportJob = { id: randomBytes(12).toString("base64url"), userId: actor.id, regionCode: plan.regionCode, type: plan.type, total: plan.check.rows.length, done: 0, state: "running", failure: null, summary: null, error: null, startedAt: Date.now(), finishedAt: null };
  jobs.set(job.id, job);
  void runImport(services, actor, plan, job);
  return job;
}

/**
 * Stages the rows in batches (each its own short statement, so the database
 * keeps answering other requests and the progress page), then moves them all
 * into drafts and audit entries in one transaction: all or nothing.
 */
export async function runImport(services: Services, actor: SessionUser, plan: ImportPlan, job: ImportJob): Promise<void> {
  const db = services.database.db;
  const user = { id: actor.id, email: actor.email };
  try {
    await dropAbandonedStaging(db);
    const externalIds = plan.check.rows.map((r) => r.fields.externalId!);
    const existing = await findByExternalIds(db, plan.type, plan.regionCode, externalIds);
    const now = stateTokens(existing, externalIds);
    if (externalIds.some((id) => now.get(id) !== plan.basis.get(id))) throw new StagedChangeConflict();
    const counts = { created: 0, updated: 0, unchanged: 0 };
    let seq = 0;
    for (let start = 0; start < plan.check.rows.length; start += BATCH_SIZE) {
      const batch = plan.check.rows.slice(start, start + BATCH_SIZE);
      const staged: StagedRow[] = [];
      for (const { fields } of batch) {
        const externalId = fields.externalId!;
        const draft = existing.drafts.get(externalId);
        const live = existing.live.get(externalId);
        const common = { seq: seq++, entityType: plan.type, regionCode: plan.regionCode, payload: fields };
        if (draft) {
          if (sameFields(draft.fields, fields)) counts.unchanged += 1;
          else {
            staged.push({ ...common, action: "update_draft", entityId: draft.entityId, draftId: draft.id, draftVersion: draft.version, baseVersion: draft.baseVersion, before: draft.fields });
            counts.updated += 1;
          }
        } else if (live) {
          if (sameFields(live.fields, fields)) counts.unchanged += 1;
          else {
            staged.push({ ...common, action: "update_live", entityId: live.id, draftId: null, draftVersion: null, baseVersion: live.version, before: live.fields });
            counts.updated += 1;
          }
        } else {
          staged.push({ ...common, action: "create", entityId: newListingId(plan.type, plan.regionCode), draftId: null, draftVersion: null, baseVersion: null, before: null });
          counts.created += 1;
        }
      }
      await stageRows(db, job.id, staged);
      job.done = Math.min(job.total, start + batch.length);
      // The embedded database answers without leaving the event loop; yielding here
      // lets the server answer the progress page (and everyone else) between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await db.transaction().execute((trx) => applyStagedRows(trx, job.id, user));
    job.summary = counts;
    job.state = "done";
  } catch (error) {
    job.state = "failed";
    job.failure = error instanceof StagedChangeConflict ? "changed" : "error";
    job.done = 0;
    job.error = error instanceof Error ? error.message : String(error);
    console.error(JSON.stringify({ event: "import_failed", job: job.id, region: plan.regionCode, error: job.error }));
    await dropStagedRows(db, job.id).catch(() => undefined);
  } finally {
    job.finishedAt = Date.now();
  }
}

/** Waits for a job (tests and the benchmark; the page polls instead). */
export async function waitForJob(job: ImportJob): Promise<ImportJob> {
  while (job.state === "running") await new Promise((resolve) => setTimeout(resolve, 20));
  return job;
}
