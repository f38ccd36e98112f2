import { listAuditEntries } from "../../db/queries/audit";
import { getDraft, getLiveListing, listRegionDrafts, listRegionListings } from "../../db/queries/council-listings";
import { forbidden, type SessionUser } from "~/auth/user.server";
import { mayHandleInquiries } from "~/domain/inquiries";
import { toRawFields, type ListingType } from "~/domain/listings";
import type { Services } from "~/services.server";
import { currentState, draftToken, liveToken, may, reviewToken } from "./listings.server";
import { industryChoices, notFoundResponse, type RegionRef } from "./routes.server";

const SHOWN_DRAFTS = 200;

/** /council/:region: the region's listings, the drafts waiting for review and what this user may do with them. */
export async function loadWorkspace(services: Services, user: SessionUser, region: RegionRef) {
  const db = services.database.db;
  const [listings, drafts] = await Promise.all([
    listRegionListings(db, region.code),
    listRegionDrafts(db, region.code),
  ]);
  const draftIds = new Set(drafts.map((d) => `${d.type}:${d.entityId}`));
  return {
    region,
    canEdit: may(user, "edit", region.code),
    canReview: may(user, "review", region.code),
    canHandleInquiries: mayHandleInquiries(user, region.code),
    listings: listings.map((l) => ({
      type: l.type,
      id: l.id,
      nameKo: l.fields.nameKo,
      nameEn: l.fields.nameEn,
      status: l.status,
      hasDraft: draftIds.has(`${l.type}:${l.id}`),
    })),
    drafts: drafts.slice(0, SHOWN_DRAFTS).map((d) => ({
      type: d.type,
      id: d.entityId,
      nameKo: d.fields.nameKo,
      nameEn: d.fields.nameEn,
      isNew: d.isNew,
      change: d.change,
      origin: d.origin,
    })),
    pendingCount: drafts.length,
    reviewToken: reviewToken(drafts),
  };
}

/**
 * /council/:region/:type/:id: the live listing and its draft, the form's starting values and the
 * listing's audit trail. A 404 when neither exists, a 403 when the listing belongs to another region.
 * `asked` is the ?confirm= step of archiving or restoring, kept only when it applies to the listing.
 */
export async function loadListingPage(
  services: Services,
  user: SessionUser,
  listing: { region: RegionRef; type: ListingType; id: string; asked: string | null },
) {
  const { region, type, id, asked } = listing;
  const db = services.database.db;
  const [live, draft] = await Promise.all([getLiveListing(db, type, id), getDraft(db, type, id)]);
  const owner = live ? live.regionCode : draft?.regionCode;
  if (owner === undefined) throw notFoundResponse();
  if (owner !== region.code) throw forbidden();
  const [audit, industries] = await Promise.all([
    listAuditEntries(db, { entityType: type, entityId: id }, 100),
    industryChoices(services),
  ]);
  const state = currentState(live, draft)!;
  const canEdit = may(user, "edit", region.code);
  const confirm =
    canEdit &&
    live &&
    !draft &&
    ((asked === "archive" && live.status === "published") || (asked === "restore" && live.status === "archived"))
      ? asked
      : null;
  return {
    type,
    id,
    region,
    canEdit,
    canReview: may(user, "review", region.code),
    live: live
      ? { status: live.status, version: live.version, token: liveToken(live), fields: toRawFields(type, live.fields) }
      : null,
    draft: draft
      ? {
          token: draftToken(draft),
          isNew: draft.isNew,
          change: draft.change,
          origin: draft.origin,
          baseVersion: draft.baseVersion,
          fields: toRawFields(type, draft.fields),
        }
      : null,
    form: { token: state.token, fields: toRawFields(type, state.fields) },
    audit: audit.map((a) => ({ ...a, at: a.at.toISOString() })),
    industries,
    confirm,
  };
}

/**
 * Entries shown at once on a region's audit trail, newest first. A commit of a large CSV writes one
 * entry per listing, each with every field; a few hundred of those made a page no phone should load.
 */
export const AUDIT_PAGE_SIZE = 50;

/** A page of a region's audit trail: the entries before `beforeId` (the newest without it), and where the next page starts. */
export async function loadRegionAudit(services: Services, region: RegionRef, beforeId?: number) {
  const entries = await listAuditEntries(
    services.database.db,
    { regionCode: region.code, beforeId },
    AUDIT_PAGE_SIZE + 1,
  );
  const shown = entries.slice(0, AUDIT_PAGE_SIZE);
  return {
    region,
    entries: shown.map((e) => ({ ...e, at: e.at.toISOString() })),
    olderBefore: entries.length > AUDIT_PAGE_SIZE ? (shown.at(-1)?.id ?? null) : null,
  };
}
