import { randomBytes } from "node:crypto";
import { findByExternalIds } from "../../db/queries/council-listings";
import {
  findJob as findStoredJob,
  findPlan as findStoredPlan,
  finishJob,
  ImportBusyError,
  insertPlan,
  insertRunningJob,
  recordJobProgress,
  takePlan,
  type StoredJob,
  type StoredPlan,
} from "../../db/queries/import-plans";
import {
  applyStagedRows,
  dropStagedRows,
  StagedChangeConflict,
  stageRows,
  type StagedRow,
} from "../../db/queries/import-staging";
import type { SessionUser } from "~/auth/user.server";
import type { CsvEncoding } from "~/csv";
import { checkImport, sameFields, type ImportCheck } from "~/domain/listing-import";
import type { ListingFields, ListingType } from "~/domain/listings";
import type { Services } from "~/services.server";
import { may, newListingId, validationContext } from "./listings.server";
import { logger } from "~/log.server";

/**
 * CSV imports in two steps. Checking reads and validates the whole file and
 * keeps the result for its owner in the database (any process can show or
 * commit it); committing writes every row as a draft,
 * all or nothing, reporting progress as it goes. Rows are
 * matched by external id, so importing the same file again updates the
 * drafts or listings it made instead of duplicating them.
 */

const BATCH_SIZE = 500;
/** A checked file waits this long for its commit. */
export const CHECK_TTL_SECONDS = 30 * 60;
/** A running import whose process has not reported for this long is taken to have died with it. */
export const IMPORT_STALE_SECONDS = 60;

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
  basis: Record<string, string>;
}

export type ImportJob = StoredJob;

function planFrom(stored: StoredPlan): ImportPlan {
  return {
    id: stored.id,
    userId: stored.userId,
    regionCode: stored.regionCode,
    type: stored.type,
    encoding: stored.encoding as CsvEncoding | null,
    fileName: stored.fileName,
    check: stored.checked as ImportCheck,
    preview: stored.preview,
    basis: stored.basis,
  };
}

export async function checkImportFile(
  services: Services,
  actor: SessionUser,
  input: { regionCode: string; type: ListingType; bytes: Uint8Array; fileName: string },
): Promise<ImportPlan | null> {
  if (!may(actor, "edit", input.regionCode)) return null;
  const db = services.database.db;
  const context = await validationContext(services, input.regionCode);
  const { encoding, ...check } = checkImport(input.type, input.bytes, context);
  const existing = await findByExternalIds(
    db,
    input.type,
    input.regionCode,
    check.rows.map((r) => r.fields.externalId!),
  );
  const preview = { create: 0, update: 0, unchanged: 0 };
  const basis = stateTokens(
    existing,
    check.rows.map((r) => r.fields.externalId!),
  );
  for (const { fields } of check.rows) {
    const current = existing.drafts.get(fields.externalId!)?.fields ?? existing.live.get(fields.externalId!)?.fields;
    if (!current) preview.create += 1;
    else if (sameFields(current, fields)) preview.unchanged += 1;
    else preview.update += 1;
  }
  const plan: ImportPlan = {
    id: randomBytes(12).toString("base64url"),
    userId: actor.id,
    regionCode: input.regionCode,
    type: input.type,
    encoding,
    fileName: input.fileName.slice(0, 200),
    check,
    preview,
    basis,
  };
  await insertPlan(db, { ...plan, checked: check });
  return plan;
}

function stateTokens(
  existing: Awaited<ReturnType<typeof findByExternalIds>>,
  externalIds: string[],
): Record<string, string> {
  return Object.fromEntries(
    externalIds.map((id) => {
      const draft = existing.drafts.get(id);
      const live = existing.live.get(id);
      return [id, draft ? `draft:${draft.id}:${draft.version}` : live ? `live:${live.id}:${live.version}` : "none"];
    }),
  );
}

export async function findPlan(services: Services, actor: SessionUser, id: string): Promise<ImportPlan | null> {
  const stored = await findStoredPlan(services.database.db, id, actor.id, CHECK_TTL_SECONDS);
  return stored && planFrom(stored);
}

export async function findJob(services: Services, actor: SessionUser, id: string): Promise<ImportJob | null> {
  return findStoredJob(services.database.db, id, actor.id);
}

export function isImportable(plan: ImportPlan): boolean {
  return plan.check.fileProblems.length === 0 && plan.check.problems.length === 0 && plan.check.rows.length > 0;
}

export type StartOutcome =
  | { kind: "started"; job: ImportJob }
  | { kind: "expired" }
  /** This check is already being committed (a second click, a second tab). */
  | { kind: "taken"; jobId: string }
  | { kind: "problems" }
  /** Another import is running in the region. */
  | { kind: "busy" }
  | { kind: "forbidden" };

/**
 * Starts writing a checked, problem-free file. Taking the plan and starting the
 * job are one transaction, and the database allows one taker per plan and one
 * running import per region, so two commits can never both run.
 */
export async function startImport(
  services: Services,
  actor: SessionUser,
  planId: string,
  regionCode: string,
): Promise<StartOutcome> {
  if (!may(actor, "edit", regionCode)) return { kind: "forbidden" };
  const db = services.database.db;
  const seen = await findPlan(services, actor, planId);
  if (seen && (seen.regionCode !== regionCode || !may(actor, "edit", seen.regionCode))) return { kind: "forbidden" };
  if (seen && !isImportable(seen)) return { kind: "problems" };
  const jobId = randomBytes(12).toString("base64url");
  let plan: ImportPlan;
  try {
    const taken = await db.transaction().execute(async (trx) => {
      const result = await takePlan(trx, planId, actor.id, jobId, CHECK_TTL_SECONDS);
      if (result && "plan" in result) {
        const stored = planFrom(result.plan);
        await insertRunningJob(
          trx,
          {
            id: jobId,
            userId: actor.id,
            regionCode: stored.regionCode,
            type: stored.type,
            total: stored.check.rows.length,
          },
          IMPORT_STALE_SECONDS,
        );
        return { plan: stored };
      }
      return result;
    });
    if (!taken) return { kind: "expired" };
    if ("takenBy" in taken) return { kind: "taken", jobId: taken.takenBy };
    plan = taken.plan;
  } catch (error) {
    if (error instanceof ImportBusyError) return { kind: "busy" };
    throw error;
  }
  void runImport(services, actor, plan, jobId);
  const job = await findStoredJob(db, jobId, actor.id);
  return { kind: "started", job: job! };
}

/**
 * Stages the rows in batches (each its own short statement, so the database
 * keeps answering other requests and the progress page), then moves them all
 * into drafts and audit entries and marks the job done in one transaction:
 * all or nothing.
 */
export async function runImport(
  services: Services,
  actor: SessionUser,
  plan: ImportPlan,
  jobId: string,
): Promise<void> {
  const db = services.database.db;
  const user = { id: actor.id, email: actor.email };
  try {
    const externalIds = plan.check.rows.map((r) => r.fields.externalId!);
    const existing = await findByExternalIds(db, plan.type, plan.regionCode, externalIds);
    const now = stateTokens(existing, externalIds);
    if (externalIds.some((id) => now[id] !== plan.basis[id])) throw new StagedChangeConflict();
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
        // A pending draft is what an import row updates first; without one, the published listing.
        const update: (Omit<StagedRow, keyof typeof common> & { before: ListingFields }) | null = draft
          ? {
              action: "update_draft",
              entityId: draft.entityId,
              draftId: draft.id,
              draftVersion: draft.version,
              baseVersion: draft.baseVersion,
              before: draft.fields,
            }
          : live
            ? {
                action: "update_live",
                entityId: live.id,
                draftId: null,
                draftVersion: null,
                baseVersion: live.version,
                before: live.fields,
              }
            : null;
        if (!update) {
          staged.push({
            ...common,
            action: "create",
            entityId: newListingId(plan.type, plan.regionCode),
            draftId: null,
            draftVersion: null,
            baseVersion: null,
            before: null,
          });
          counts.created += 1;
        } else if (sameFields(update.before, fields)) {
          counts.unchanged += 1;
        } else {
          staged.push({ ...common, ...update });
          counts.updated += 1;
        }
      }
      await stageRows(db, jobId, staged);
      await recordJobProgress(db, jobId, Math.min(plan.check.rows.length, start + batch.length));
      // The embedded database answers without leaving the event loop; yielding here
      // lets the server answer the progress page (and everyone else) between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await db.transaction().execute(async (trx) => {
      await applyStagedRows(trx, jobId, user);
      await finishJob(trx, jobId, {
        state: "done",
        failure: null,
        done: plan.check.rows.length,
        summary: counts,
        error: null,
      });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger().error({ event: "import_failed", job: jobId, region: plan.regionCode, error: message }, "import_failed");
    await finishJob(db, jobId, {
      state: "failed",
      failure: error instanceof StagedChangeConflict ? "changed" : "error",
      done: 0,
      summary: null,
      error: message,
    }).catch(() => undefined);
    await dropStagedRows(db, jobId).catch(() => undefined);
  }
}

/** Waits for a job (tests and the benchmark; the page polls instead). */
export async function waitForJob(services: Services, actor: SessionUser, jobId: string): Promise<ImportJob> {
  for (;;) {
    const job = await findJob(services, actor, jobId);
    if (!job) throw new Error(`no import job ${jobId}`);
    if (job.state !== "running") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
