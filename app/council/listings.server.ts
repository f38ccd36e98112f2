import { createHash, randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import { listBoundaries } from "../../db/queries/boundaries";
import { insertAuditEntries } from "../../db/queries/audit";
import {
  deleteDraft,
  findByExternalIds,
  getDraft,
  getLiveListing,
  insertDrafts,
  listRegionDrafts,
  insertLiveListing,
  setListingStatus,
  updateDraft,
  updateLiveListing,
  type Draft,
  type LiveListing,
} from "../../db/queries/council-listings";
import { enqueueSearchChanges } from "../../db/queries/outbox";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import type { Database } from "../../db/schema";
import type { SessionUser } from "~/auth/user.server";
import { mayActOnRegion, type ListingAction } from "~/domain/access";
import {
  validateListing,
  type ListingFields,
  type ListingType,
  type RawFields,
  type ValidationContext,
} from "~/domain/listings";
import { issue, type FieldIssue } from "~/validation";
import type { Services } from "~/services.server";
import { logger } from "~/log.server";
import { outcomeTransactions } from "~/transaction.server";

/**
 * The council workflow: drafts, review, and archive and restore through review. Each operation
 * checks the actor's region and role, validates, and makes its change, audit
 * entry and search notification in one transaction. Versions guard against
 * lost updates: every form carries the token of the state it was made from.
 */

export interface ConflictState {
  /** What is stored now, and the token to overwrite it with if the user keeps their own version. */
  theirs: ListingFields;
  token: string;
  mine: ListingFields;
  reason: "draft_changed" | "listing_changed";
}

export type Outcome<T> =
  | { kind: "ok"; value: T }
  | { kind: "invalid"; issues: FieldIssue[] }
  | { kind: "conflict"; conflict: ConflictState }
  | { kind: "forbidden" }
  | { kind: "not_found" };

const { inTransaction, abort } = outcomeTransactions<Outcome<never>>();

/** Ends the transaction with a conflict: what is stored now and its token, against the fields the user meant. */
const conflict = (theirs: ListingFields, token: string, mine: ListingFields, reason: ConflictState["reason"]): never =>
  abort({ kind: "conflict", conflict: { theirs, token, mine, reason } });

export function may(actor: SessionUser, action: ListingAction, regionCode: string): boolean {
  return mayActOnRegion(actor, action, regionCode);
}

export async function validationContext(services: Services, regionCode: string): Promise<ValidationContext> {
  const db = services.database.db;
  const [divisions, boundaries, geocoder] = await Promise.all([
    listKsicDivisions(db),
    listBoundaries(db),
    services.geocoder(),
  ]);
  return {
    ksicDivisions: new Set(divisions.map((d) => d.code)),
    boundary: boundaries.find((b) => b.regionCode === regionCode)?.geometry ?? null,
    geocode: (query) => geocoder.geocode(query),
  };
}

export function newListingId(type: ListingType, regionCode: string): string {
  return `${type === "facility" ? "f" : "p"}-${regionCode}-${randomBytes(5).toString("hex")}`;
}

export function draftToken(draft: Draft): string {
  return `draft:${draft.version}`;
}

export function liveToken(live: LiveListing): string {
  return `live:${live.version}`;
}

/** The state an edit form starts from: the pending draft if there is one, else the published listing. */
export function currentState(
  live: LiveListing | null,
  draft: Draft | null,
): { fields: ListingFields; token: string } | null {
  if (draft) return { fields: draft.fields, token: draftToken(draft) };
  if (live) return { fields: live.fields, token: liveToken(live) };
  return null;
}

function snapshot(live: LiveListing | null): Record<string, unknown> | null {
  return live ? { status: live.status, version: live.version, ...live.fields } : null;
}

async function externalIdTaken(
  trx: Transaction<Database>,
  type: ListingType,
  regionCode: string,
  fields: ListingFields,
  entityId: string | null,
): Promise<boolean> {
  if (!fields.externalId) return false;
  const { live, drafts } = await findByExternalIds(trx, type, regionCode, [fields.externalId]);
  const owner = live.get(fields.externalId)?.id ?? drafts.get(fields.externalId)?.entityId;
  return owner !== undefined && owner !== entityId;
}

export interface SaveDraftInput {
  type: ListingType;
  regionCode: string;
  /** null creates a new listing. */
  entityId: string | null;
  /** The token of the state the form was made from ("new" for a new listing). */
  expected: string;
  raw: RawFields;
}

/** Creates or updates the pending draft of a listing. Nothing public changes until it is published. */
export async function saveDraft(
  services: Services,
  actor: SessionUser,
  input: SaveDraftInput,
): Promise<Outcome<{ entityId: string }>> {
  if (!may(actor, "edit", input.regionCode)) return { kind: "forbidden" };
  const db = services.database.db;
  const checked = validateListing(input.type, input.raw, await validationContext(services, input.regionCode));
  if (!checked.ok) return { kind: "invalid", issues: checked.issues };
  const fields = checked.value;
  const user = { id: actor.id, email: actor.email };

  return inTransaction(db, async (trx) => {
    if (await externalIdTaken(trx, input.type, input.regionCode, fields, input.entityId)) {
      abort({ kind: "invalid", issues: [issue("external_id", "external_id_taken")] });
    }
    if (input.entityId === null) {
      const entityId = newListingId(input.type, input.regionCode);
      await createDraft(trx, actor, { ...input, entityId }, fields, null);
      return { entityId };
    }
    const entityId = input.entityId;
    const live = await getLiveListing(trx, input.type, entityId, { forUpdate: true });
    const draft = await getDraft(trx, input.type, entityId, { forUpdate: true });
    const owner = live ? live.regionCode : draft?.regionCode;
    if (owner === undefined) return abort({ kind: "not_found" });
    if (owner !== input.regionCode) return abort({ kind: "forbidden" });
    const current = currentState(live, draft)!;
    if (current.token !== input.expected) {
      conflict(current.fields, current.token, fields, "draft_changed");
    }
    if (draft) {
      await updateDraft(trx, draft.id, draft.version, fields, actor.id, "form");
      await insertAuditEntries(trx, [
        {
          user,
          action: "draft_update",
          entityType: input.type,
          entityId,
          regionCode: input.regionCode,
          before: draft.fields,
          after: fields,
        },
      ]);
    } else {
      await createDraft(trx, actor, { ...input, entityId }, fields, live);
    }
    return { entityId };
  });
}

/** The first draft of a listing (new when nothing is published), with its audit entry, in the caller's transaction. */
async function createDraft(
  trx: Transaction<Database>,
  actor: SessionUser,
  target: { type: ListingType; regionCode: string; entityId: string },
  fields: ListingFields,
  live: LiveListing | null,
): Promise<void> {
  await insertDrafts(trx, [
    {
      type: target.type,
      entityId: target.entityId,
      regionCode: target.regionCode,
      isNew: live === null,
      origin: "form",
      fields,
      baseVersion: live?.version ?? null,
      userId: actor.id,
    },
  ]);
  await insertAuditEntries(trx, [
    {
      user: { id: actor.id, email: actor.email },
      action: "draft_create",
      entityType: target.type,
      entityId: target.entityId,
      regionCode: target.regionCode,
      before: snapshot(live),
      after: fields,
    },
  ]);
}

export interface ReviewInput {
  type: ListingType;
  regionCode: string;
  entityId: string;
  /** The draft token the reviewer saw. */
  expected: string;
  /** The published version the reviewer agrees to replace (the draft's base unless they resolved a conflict). */
  liveVersion: number | null;
}

/** Locks the pending draft a reviewer saw: gone is not found, another region's is forbidden, a changed one a conflict. */
async function lockSeenDraft(trx: Transaction<Database>, input: Omit<ReviewInput, "liveVersion">): Promise<Draft> {
  const draft = await getDraft(trx, input.type, input.entityId, { forUpdate: true });
  if (!draft) return abort({ kind: "not_found" });
  if (draft.regionCode !== input.regionCode) return abort({ kind: "forbidden" });
  if (draftToken(draft) !== input.expected) conflict(draft.fields, draftToken(draft), draft.fields, "draft_changed");
  return draft;
}

/** Publishes a draft: the listing changes, the change is audited and queued for search, the draft goes away. */
export async function publishDraft(
  services: Services,
  actor: SessionUser,
  input: ReviewInput,
): Promise<Outcome<{ entityId: string }>> {
  if (!may(actor, "review", input.regionCode)) return { kind: "forbidden" };
  const db = services.database.db;
  const outcome = await inTransaction(db, async (trx) => {
    const draft = await lockSeenDraft(trx, input);
    const live = await getLiveListing(trx, input.type, input.entityId, { forUpdate: true });
    if (live) {
      if (live.regionCode !== input.regionCode) return abort({ kind: "forbidden" });
      if (live.version !== (input.liveVersion ?? draft.baseVersion)) {
        conflict(live.fields, liveToken(live), draft.fields, "listing_changed");
      }
    }
    await applyPublish(trx, actor, draft, live);
    return { entityId: input.entityId };
  });
  if (outcome.kind === "ok") await deliverToSearch(services);
  return outcome;
}

/** Makes a checked draft the published listing (or its status), audited and queued for search, in the caller's transaction. */
async function applyPublish(
  trx: Transaction<Database>,
  actor: SessionUser,
  draft: Draft,
  live: LiveListing | null,
): Promise<void> {
  const user = { id: actor.id, email: actor.email };
  const where = { entityType: draft.type, entityId: draft.entityId, regionCode: draft.regionCode };
  if (draft.change !== "edit") {
    // A status change is only ever asked of a listing that exists; the caller checked its version.
    if (!live) return abort({ kind: "not_found" });
    const status = draft.change === "archive" ? "archived" : "published";
    await setListingStatus(trx, draft.type, draft.entityId, status, live.version);
    await deleteDraft(trx, draft.id);
    await insertAuditEntries(trx, [
      {
        user,
        action: draft.change,
        ...where,
        before: { status: live.status, version: live.version },
        after: { status, version: live.version + 1 },
      },
    ]);
  } else {
    const managedBy = draft.origin === "import" ? "import" : "council";
    if (live) await updateLiveListing(trx, draft.type, draft.entityId, draft.fields, managedBy);
    else await insertLiveListing(trx, draft.type, draft.entityId, draft.regionCode, draft.fields, managedBy);
    await deleteDraft(trx, draft.id);
    await insertAuditEntries(trx, [
      {
        user,
        action: "publish",
        ...where,
        before: snapshot(live),
        after: { status: live?.status ?? "published", ...draft.fields },
      },
    ]);
  }
  await enqueueSearchChanges(trx, [{ entityType: draft.type, entityId: draft.entityId }]);
}

/** Identifies the exact set of pending drafts a reviewer looked at (ids and versions). */
export function reviewToken(drafts: Draft[]): string {
  const list = drafts
    .map((d) => `${d.id}:${d.version}`)
    .sort()
    .join(",");
  return createHash("sha256").update(list).digest("base64url");
}

/** A draft that keeps "publish all" from running, and why. */
export interface BlockedDraft {
  type: ListingType;
  entityId: string;
  nameKo: string;
  reason: "listing_changed" | "draft_changed" | "external_id_taken";
}

const publishing = outcomeTransactions<{ kind: "blocked"; blocked: BlockedDraft[] }>();

/**
 * Publishes every pending draft of a region, as the reviewer saw the list
 * (reviewToken), in one transaction: all of them, or none and the reasons
 * (a listing changed since its draft was made, a draft changed, an external id
 * another listing took), so a failure can never leave half the region published.
 */
export async function publishAll(
  services: Services,
  actor: SessionUser,
  regionCode: string,
  seenToken: string,
): Promise<Outcome<{ published: number }> | { kind: "stale" } | { kind: "blocked"; blocked: BlockedDraft[] }> {
  if (!may(actor, "review", regionCode)) return { kind: "forbidden" };
  const db = services.database.db;
  const drafts = await listRegionDrafts(db, regionCode);
  if (reviewToken(drafts) !== seenToken) return { kind: "stale" };
  const outcome = await publishing.inTransaction(db, async (trx) => {
    const ready: Array<{ draft: Draft; live: LiveListing | null }> = [];
    const blocked: BlockedDraft[] = [];
    for (const seen of drafts) {
      const draft = await getDraft(trx, seen.type, seen.entityId, { forUpdate: true });
      const live = await getLiveListing(trx, seen.type, seen.entityId, { forUpdate: true });
      const nameKo = String((draft ?? seen).fields.nameKo ?? "");
      if (draft === null || draft.version !== seen.version || draft.regionCode !== regionCode)
        blocked.push({ type: seen.type, entityId: seen.entityId, nameKo, reason: "draft_changed" });
      else if (live ? live.regionCode !== regionCode || live.version !== draft.baseVersion : !draft.isNew)
        blocked.push({ type: seen.type, entityId: seen.entityId, nameKo, reason: "listing_changed" });
      else ready.push({ draft, live });
    }
    if (blocked.length > 0) publishing.abort({ kind: "blocked", blocked });
    for (const { draft, live } of ready) {
      try {
        await applyPublish(trx, actor, draft, live);
      } catch (error) {
        if ((error as { code?: string }).code !== "23505") throw error;
        publishing.abort({
          kind: "blocked",
          blocked: [
            {
              type: draft.type,
              entityId: draft.entityId,
              nameKo: String(draft.fields.nameKo ?? ""),
              reason: "external_id_taken",
            },
          ],
        });
      }
    }
    return { published: ready.length };
  });
  if (outcome.kind === "ok") await deliverToSearch(services);
  return outcome;
}

/** Drops a pending draft (an editor withdrawing it or a reviewer rejecting it). */
export async function discardDraft(
  services: Services,
  actor: SessionUser,
  input: Omit<ReviewInput, "liveVersion">,
): Promise<Outcome<{ entityId: string }>> {
  if (!may(actor, "edit", input.regionCode) && !may(actor, "review", input.regionCode)) return { kind: "forbidden" };
  return inTransaction(services.database.db, async (trx) => {
    const draft = await lockSeenDraft(trx, input);
    await deleteDraft(trx, draft.id);
    await insertAuditEntries(trx, [
      {
        user: { id: actor.id, email: actor.email },
        action: "draft_discard",
        entityType: input.type,
        entityId: input.entityId,
        regionCode: input.regionCode,
        before: draft.fields,
        after: null,
      },
    ]);
    return { entityId: input.entityId };
  });
}

export interface StatusInput {
  type: ListingType;
  regionCode: string;
  entityId: string;
  archived: boolean;
  /** The token of the published listing the editor looked at. */
  expected: string;
}

/**
 * Asks to archive (hide from the public map and search) or restore a listing:
 * a draft of that change, which a reviewer publishes like any other. The
 * listing stays as it is until then. A listing with a pending draft takes no
 * second one: the editor withdraws it or has it published first.
 */
export async function requestStatusChange(
  services: Services,
  actor: SessionUser,
  input: StatusInput,
): Promise<Outcome<{ entityId: string }>> {
  if (!may(actor, "edit", input.regionCode)) return { kind: "forbidden" };
  return inTransaction(services.database.db, async (trx) => {
    const live = await getLiveListing(trx, input.type, input.entityId, { forUpdate: true });
    if (!live) return abort({ kind: "not_found" });
    if (live.regionCode !== input.regionCode) return abort({ kind: "forbidden" });
    const draft = await getDraft(trx, input.type, input.entityId, { forUpdate: true });
    if (draft) conflict(draft.fields, draftToken(draft), live.fields, "draft_changed");
    const wanted = input.archived ? "archived" : "published";
    if (liveToken(live) !== input.expected || live.status === wanted) {
      conflict(live.fields, liveToken(live), live.fields, "listing_changed");
    }
    const change = input.archived ? "archive" : "restore";
    const inserted = await insertDrafts(trx, [
      {
        type: input.type,
        entityId: input.entityId,
        regionCode: input.regionCode,
        isNew: false,
        origin: "form",
        change,
        fields: live.fields,
        baseVersion: live.version,
        userId: actor.id,
      },
    ]);
    if (inserted !== 1) conflict(live.fields, liveToken(live), live.fields, "draft_changed");
    await insertAuditEntries(trx, [
      {
        user: { id: actor.id, email: actor.email },
        action: input.archived ? "archive_request" : "restore_request",
        entityType: input.type,
        entityId: input.entityId,
        regionCode: input.regionCode,
        before: { status: live.status },
        after: { status: wanted },
      },
    ]);
    return { entityId: input.entityId };
  });
}

/** The change is already queued in the outbox; delivering now only makes it visible sooner, so a failure here is retried by the sync loop. */
export async function deliverToSearch(services: Services): Promise<void> {
  try {
    await services.search.syncNow();
  } catch (error) {
    logger().warn(
      { event: "search_sync_deferred", error: error instanceof Error ? error.message : String(error) },
      "search_sync_deferred",
    );
  }
}
