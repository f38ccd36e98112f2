import { logger } from "~/log.server";
import { createHash, randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { insertAuditEntries } from "../../db/queries/audit";
import type { AuditAction } from "../domain/audit";
import {
  countInWindow,
  enqueueMail,
  eraseThread,
  erasePersonalDataDue,
  findByStatusTokenHash,
  findInquiryTarget,
  getInquiry,
  insertInquiry,
  insertInquiryEvents,
  listCouncilEmails,
  listInquiryEvents,
  listThread,
  lockInquiry,
  lockThread,
  markFirstAnswered,
  updateInquiryState,
  type Inquiry,
  type InquiryEvent,
  type InquiryTarget,
} from "../../db/queries/inquiries";
import type { Database } from "../../db/schema";
import type { SessionUser } from "~/auth/user.server";
import {
  CONSENT_ITEMS,
  CONSENT_PURPOSE,
  CONSENT_VERSION,
  RATE_LIMITS,
  RETENTION_DAYS,
  isFirstAnswer,
  mayHandleInquiries,
  rateWindow,
  transition,
  type InquiryAction,
  type InquiryOutcome,
} from "~/domain/inquiries";
import { t as translate, type Lang } from "~/i18n";
import { issue, type FieldIssue } from "~/validation";
import type { Services } from "~/services.server";
import { outcomeTransactions } from "~/transaction.server";
import type { InquiryInput } from "./input";
import { deliverPendingMail } from "./mail.server";

/**
 * Requests for help, from the firm's form to the council's answer. Every
 * change of a request writes its thread event, an audit entry (states only,
 * never personal data) and the mail it causes in one transaction, with the
 * request's row locked; mail is sent after the commit.
 */

export type InquiryResult<T> =
  | { kind: "ok"; value: T }
  | { kind: "invalid"; issues: FieldIssue[] }
  | { kind: "rate_limited"; retryAfterSeconds: number; issues: FieldIssue[] }
  | { kind: "forbidden" }
  | { kind: "not_found" };

const { inTransaction, abort } = outcomeTransactions<InquiryResult<never>>();

/** The firm has no account: audit entries name it by the request's reference. */
const FIRM_ACTOR = (reference: string) => ({ id: null, email: `firm:${reference}` });
const RETENTION_ACTOR = { id: null, email: "job:inquiry_retention" };

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** 256 random bits: the status link cannot be guessed, and only its hash is stored. */
export function newStatusToken(): string {
  return randomBytes(32).toString("base64url");
}

const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** A reference a person can read out on the phone: the day and six characters without 0/O or 1/I. */
export function newReference(now: Date): string {
  const day = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, "");
  const bytes = randomBytes(6);
  return `CL-${day}-${[...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join("")}`;
}

export function statusPath(token: string): string {
  return `/inquiries/s/${token}`;
}

/** Mail goes out in Korean, then English: the firm's language is not known. */
function bilingual(render: (lang: Lang) => string): string {
  return `${render("ko")}\n\n${render("en")}`;
}

/** Where a program's request goes: its provider's region, its one region, or the firm's region where the program runs. */
export function handlingRegion(target: InquiryTarget, firmRegion: string | null): string | null {
  if (target.regionCode) return target.regionCode;
  const regions = target.programRegions;
  if (!regions) return null;
  if (regions.scope === "regional" && regions.codes.length === 1) return regions.codes[0]!;
  if (firmRegion && (regions.scope === "national" || regions.codes.includes(firmRegion))) return firmRegion;
  return null;
}

async function overLimit(
  db: Kysely<Database>,
  key: string,
  limit: { max: number; windowSeconds: number },
  now: Date,
): Promise<number | null> {
  const window = rateWindow(now, limit.windowSeconds);
  const count = await countInWindow(db, key, window.start);
  return count > limit.max ? window.retryAfterSeconds : null;
}

/**
 * Counts a request against the limits per client address and per e-mail
 * address (its hash), in the database, so every process shares the counts.
 */
export async function checkRateLimits(
  db: Kysely<Database>,
  keys: { address: string; email: string },
  now: Date,
): Promise<number | null> {
  const byAddress = await overLimit(db, `address:${keys.address}`, RATE_LIMITS.address, now);
  const byEmail = await overLimit(db, `email:${sha256(keys.email)}`, RATE_LIMITS.email, now);
  const waits = [byAddress, byEmail].filter((w): w is number => w !== null);
  return waits.length === 0 ? null : Math.max(...waits);
}

export interface SubmitContext {
  address: string;
  /** The app's public origin, for the status link in the confirmation mail. */
  origin: string;
  now: Date;
}

export interface Submitted {
  id: string;
  reference: string;
  statusToken: string;
}

/** Sends a checked request: rate limits, target, then the request, its first event, audit entry and mails in one transaction. */
export async function submitInquiry(
  services: Services,
  input: InquiryInput,
  context: SubmitContext,
): Promise<InquiryResult<Submitted>> {
  const db = services.database.db;
  const wait = await checkRateLimits(db, { address: context.address, email: input.contact.email }, context.now);
  if (wait !== null)
    return {
      kind: "rate_limited",
      retryAfterSeconds: wait,
      issues: [issue("", "inquiry_rate_limited", { retryAfterSeconds: wait })],
    };

  const target = await findInquiryTarget(db, input.targetType, input.targetId);
  if (!target) return { kind: "invalid", issues: [issue("targetId", "unknown_target")] };
  const regionCode = handlingRegion(target, input.profile.regionCode);
  if (!regionCode) return { kind: "invalid", issues: [issue("profile.regionCode", "region_for_program")] };

  const token = newStatusToken();
  const reference = newReference(context.now);
  const outcome = await inTransaction(db, async (trx) => {
    const { id, threadId } = await insertInquiry(trx, {
      threadId: null,
      referredFrom: null,
      reference,
      statusTokenHash: sha256(token),
      targetType: target.type,
      targetId: target.id,
      regionCode,
      facts: {
        firmRegionCode: input.profile.regionCode,
        pavittClass: input.profile.pavittClass,
        ksicDivision: input.profile.ksicDivision,
        sizeBand: input.profile.sizeBand,
        needs: input.profile.needs,
      },
      contact: {
        name: input.contact.name,
        email: input.contact.email,
        phone: input.contact.phone,
        message: input.message,
      },
      consent: {
        version: CONSENT_VERSION,
        purpose: CONSENT_PURPOSE,
        items: [...CONSENT_ITEMS],
        retentionDays: RETENTION_DAYS,
        at: context.now,
      },
    });
    await insertInquiryEvents(trx, [{ inquiryId: id, threadId, kind: "submitted", actorUserId: null }]);
    await audit(trx, FIRM_ACTOR(reference), "inquiry_submit", id, regionCode, null, {
      state: "new",
      targetType: target.type,
      targetId: target.id,
    });
    await enqueueMail(trx, {
      inquiryId: id,
      to: input.contact.email,
      subject: bilingualSubject("inquiryMailConfirmSubject", reference),
      body: bilingual((lang) =>
        translate(lang, "inquiryMailConfirmBody", {
          reference,
          target: `${target.nameKo} / ${target.nameEn}`,
          link: `${context.origin}${statusPath(token)}`,
        }),
      ),
    });
    await notifyCouncil(trx, regionCode, id, reference, `${context.origin}/council/${regionCode}/inquiries/${id}`);
    return { id, reference, statusToken: token };
  });
  if (outcome.kind === "ok") await sendMailSoon(services);
  return outcome;
}

function bilingualSubject(
  key: "inquiryMailConfirmSubject" | "inquiryMailCouncilSubject" | "inquiryMailReplySubject",
  reference: string,
): string {
  return `${translate("ko", key, { reference })} / ${translate("en", key, { reference })}`;
}

/** Tells the region's council accounts that a request arrived; the mail holds a link, not the firm's data. */
async function notifyCouncil(
  trx: Transaction<Database>,
  regionCode: string,
  inquiryId: string,
  reference: string,
  link: string,
): Promise<void> {
  for (const to of await listCouncilEmails(trx, regionCode)) {
    await enqueueMail(trx, {
      inquiryId,
      to,
      subject: bilingualSubject("inquiryMailCouncilSubject", reference),
      body: bilingual((lang) => translate(lang, "inquiryMailCouncilBody", { reference, link })),
    });
  }
}

async function audit(
  trx: Transaction<Database>,
  user: { id: string | null; email: string },
  action: AuditAction,
  inquiryId: string,
  regionCode: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await insertAuditEntries(trx, [
    { user, action, entityType: "inquiry", entityId: inquiryId, regionCode, before, after },
  ]);
}

/** Mail is already queued; sending now only makes it arrive sooner, so a failure is left to the retry loop. */
export async function sendMailSoon(services: Services): Promise<void> {
  try {
    await deliverPendingMail(services.database.db, services.mailer);
  } catch (error) {
    logger().warn(
      { event: "mail_deferred", error: error instanceof Error ? error.message : String(error) },
      "mail deferred",
    );
  }
}

export interface StatusView {
  root: Inquiry;
  /** The whole thread: the first request and each referral, oldest first. */
  requests: Inquiry[];
  /** What the firm may see: the steps and the replies it was sent, never internal notes. */
  events: InquiryEvent[];
}

const PUBLIC_EVENT_KINDS = new Set([
  "submitted",
  "accepted",
  "in_progress",
  "closed",
  "reply",
  "referred_out",
  "referred_in",
]);

/** The status page of a link; null for an unknown or withdrawn link. */
export async function statusByToken(db: Kysely<Database>, token: string): Promise<StatusView | null> {
  if (token.length < 20 || token.length > 100) return null;
  const root = await findByStatusTokenHash(db, sha256(token));
  if (!root) return null;
  const [requests, events] = await Promise.all([
    listThread(db, root.threadId),
    listInquiryEvents(db, { threadId: root.threadId }),
  ]);
  return { root, requests, events: events.filter((e) => PUBLIC_EVENT_KINDS.has(e.kind)) };
}

/** Withdrawal by the firm: every request of the thread loses its personal data, and the link stops working. */
export async function withdrawByToken(
  services: Services,
  token: string,
): Promise<InquiryResult<{ reference: string }>> {
  const db = services.database.db;
  const root = await findByStatusTokenHash(db, sha256(token));
  if (!root) return { kind: "not_found" };
  return inTransaction(db, async (trx) => {
    await lockThread(trx, root.threadId);
    const current = await findByStatusTokenHash(trx, sha256(token));
    if (!current) return abort({ kind: "not_found" });
    const requests = await listThread(trx, root.threadId);
    const erased = await eraseThread(trx, root.threadId, true);
    await insertInquiryEvents(
      trx,
      erased.map((id) => ({ inquiryId: id, threadId: root.threadId, kind: "withdrawn" as const, actorUserId: null })),
    );
    for (const request of requests) {
      await audit(
        trx,
        FIRM_ACTOR(root.reference),
        "inquiry_withdraw",
        request.id,
        request.regionCode,
        { state: request.state, personalData: request.erasedAt === null },
        { state: request.state, personalData: false, withdrawn: true },
      );
    }
    return { reference: root.reference };
  });
}

export interface InboxItem extends Inquiry {
  overdue: boolean;
}

export interface CouncilActionInput {
  regionCode: string;
  inquiryId: string;
  /** The version the council member saw; a change since then is refused. */
  version: number;
}

/** Reads a request for the council of its region (or an administrator); others are refused. */
export async function inquiryForCouncil(
  db: Kysely<Database>,
  actor: SessionUser,
  regionCode: string,
  inquiryId: string,
): Promise<InquiryResult<{ inquiry: Inquiry; events: InquiryEvent[]; thread: Inquiry[] }>> {
  if (!mayHandleInquiries(actor, regionCode)) return { kind: "forbidden" };
  const inquiry = await getInquiry(db, inquiryId);
  if (!inquiry) return { kind: "not_found" };
  if (!mayHandleInquiries(actor, inquiry.regionCode) || inquiry.regionCode !== regionCode) return { kind: "forbidden" };
  const [events, thread] = await Promise.all([
    listInquiryEvents(db, { threadId: inquiry.threadId }),
    listThread(db, inquiry.threadId),
  ]);
  return { kind: "ok", value: { inquiry, events, thread } };
}

/** Locks the request and checks the actor, its region and the version the actor saw. */
async function lockForCouncil(
  trx: Transaction<Database>,
  actor: SessionUser,
  input: CouncilActionInput,
): Promise<Inquiry> {
  if (!mayHandleInquiries(actor, input.regionCode)) return abort({ kind: "forbidden" });
  const inquiry = await lockInquiry(trx, input.inquiryId);
  if (!inquiry) return abort({ kind: "not_found" });
  if (inquiry.regionCode !== input.regionCode || !mayHandleInquiries(actor, inquiry.regionCode))
    return abort({ kind: "forbidden" });
  if (inquiry.version !== input.version) return abort({ kind: "invalid", issues: [issue("", "inquiry_state")] });
  return inquiry;
}

const EVENT_OF: Record<"accept" | "start" | "close", "accepted" | "in_progress" | "closed"> = {
  accept: "accepted",
  start: "in_progress",
  close: "closed",
};
const AUDIT_OF: Record<"accept" | "start" | "close", AuditAction> = {
  accept: "inquiry_accept",
  start: "inquiry_start",
  close: "inquiry_close",
};

/** Accept, start or close (with an outcome) a request. */
export async function changeState(
  services: Services,
  actor: SessionUser,
  input: CouncilActionInput & { action: Exclude<InquiryAction, { kind: "refer" }> },
): Promise<InquiryResult<{ id: string }>> {
  return inTransaction(services.database.db, async (trx) => {
    const inquiry = await lockForCouncil(trx, actor, input);
    const next = transition(inquiry.state, input.action);
    if (!next.ok) return abort({ kind: "invalid", issues: [issue("", "inquiry_state")] });
    await updateInquiryState(trx, inquiry.id, inquiry.version, {
      state: next.state,
      outcome: next.outcome,
      answered: isFirstAnswer(input.action.kind),
    });
    await insertInquiryEvents(trx, [
      {
        inquiryId: inquiry.id,
        threadId: inquiry.threadId,
        kind: EVENT_OF[input.action.kind],
        actorUserId: actor.id,
        outcome: next.outcome,
      },
    ]);
    await audit(
      trx,
      actor,
      AUDIT_OF[input.action.kind],
      inquiry.id,
      inquiry.regionCode,
      { state: inquiry.state, outcome: inquiry.outcome },
      { state: next.state, outcome: next.outcome },
    );
    return { id: inquiry.id };
  });
}

/** An internal note: seen by the councils of the thread and administrators, never by the firm. */
export async function addNote(
  services: Services,
  actor: SessionUser,
  input: CouncilActionInput & { text: string },
): Promise<InquiryResult<{ id: string }>> {
  return inTransaction(services.database.db, async (trx) => {
    const inquiry = await lockForCouncil(trx, actor, input);
    await insertInquiryEvents(trx, [
      { inquiryId: inquiry.id, threadId: inquiry.threadId, kind: "note", actorUserId: actor.id, body: input.text },
    ]);
    await trx
      .updateTable("inquiries")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .where("id", "=", inquiry.id)
      .execute();
    await audit(trx, actor, "inquiry_note", inquiry.id, inquiry.regionCode, null, { state: inquiry.state });
    return { id: inquiry.id };
  });
}

/** A reply to the firm by e-mail, queued in the same transaction and shown on its status page. */
export async function reply(
  services: Services,
  actor: SessionUser,
  input: CouncilActionInput & { text: string },
): Promise<InquiryResult<{ id: string }>> {
  const outcome = await inTransaction(services.database.db, async (trx) => {
    const inquiry = await lockForCouncil(trx, actor, input);
    if (inquiry.erasedAt !== null || !inquiry.contact.email)
      return abort({ kind: "invalid", issues: [issue("", "inquiry_erased")] });
    if (inquiry.state === "closed") return abort({ kind: "invalid", issues: [issue("", "inquiry_state")] });
    await insertInquiryEvents(trx, [
      { inquiryId: inquiry.id, threadId: inquiry.threadId, kind: "reply", actorUserId: actor.id, body: input.text },
    ]);
    await markFirstAnswered(trx, inquiry.id);
    await enqueueMail(trx, {
      inquiryId: inquiry.id,
      to: inquiry.contact.email,
      subject: bilingualSubject("inquiryMailReplySubject", inquiry.reference),
      body: `${input.text}\n\n— ${bilingual((lang) => translate(lang, "inquiryMailReplyFooter", { reference: inquiry.reference }))}`,
    });
    await audit(trx, actor, "inquiry_reply", inquiry.id, inquiry.regionCode, null, { state: inquiry.state });
    return { id: inquiry.id };
  });
  if (outcome.kind === "ok") await sendMailSoon(services);
  return outcome;
}

/**
 * Hands a request to another facility, in any region: this request closes as
 * referred, and a new one with the same thread, facts and contact opens in the
 * facility's region, whose council is told. The firm's status link follows.
 */
export async function refer(
  services: Services,
  actor: SessionUser,
  input: CouncilActionInput & { facilityId: string; note: string | null; origin: string; now: Date },
): Promise<InquiryResult<{ id: string; newId: string; regionCode: string }>> {
  const db = services.database.db;
  const target = await findInquiryTarget(db, "facility", input.facilityId);
  if (!target || !target.regionCode) return { kind: "invalid", issues: [issue("facilityId", "unknown_target")] };
  const toRegion = target.regionCode;
  const outcome = await inTransaction(db, async (trx) => {
    const inquiry = await lockForCouncil(trx, actor, input);
    if (inquiry.erasedAt !== null) return abort({ kind: "invalid", issues: [issue("", "inquiry_erased")] });
    if (inquiry.targetType === "facility" && inquiry.targetId === target.id)
      return abort({ kind: "invalid", issues: [issue("facilityId", "unknown_target")] });
    const next = transition(inquiry.state, { kind: "refer" });
    if (!next.ok) return abort({ kind: "invalid", issues: [issue("", "inquiry_state")] });
    await updateInquiryState(trx, inquiry.id, inquiry.version, {
      state: next.state,
      outcome: next.outcome,
      answered: true,
    });
    const reference = newReference(input.now);
    const { id: newId } = await insertInquiry(trx, {
      threadId: inquiry.threadId,
      referredFrom: inquiry.id,
      reference,
      statusTokenHash: null,
      targetType: "facility",
      targetId: target.id,
      regionCode: toRegion,
      facts: {
        firmRegionCode: inquiry.firmRegionCode,
        pavittClass: inquiry.pavittClass,
        ksicDivision: inquiry.ksicDivision,
        sizeBand: inquiry.sizeBand,
        needs: inquiry.needs,
      },
      contact: {
        name: inquiry.contact.name,
        email: inquiry.contact.email,
        phone: inquiry.contact.phone,
        message: inquiry.message,
      },
      consent: inquiry.consent,
    });
    await insertInquiryEvents(trx, [
      {
        inquiryId: inquiry.id,
        threadId: inquiry.threadId,
        kind: "referred_out",
        actorUserId: actor.id,
        outcome: "referred",
        body: target.id,
        relatedInquiryId: newId,
      },
      ...(input.note
        ? [
            {
              inquiryId: newId,
              threadId: inquiry.threadId,
              kind: "note" as const,
              actorUserId: actor.id,
              body: input.note,
            },
          ]
        : []),
      {
        inquiryId: newId,
        threadId: inquiry.threadId,
        kind: "referred_in",
        actorUserId: actor.id,
        body: target.id,
        relatedInquiryId: inquiry.id,
      },
    ]);
    await audit(
      trx,
      actor,
      "inquiry_refer",
      inquiry.id,
      inquiry.regionCode,
      { state: inquiry.state, outcome: inquiry.outcome },
      { state: "closed", outcome: "referred", referredTo: newId, toRegion },
    );
    await audit(trx, actor, "inquiry_receive", newId, toRegion, null, {
      state: "new",
      referredFrom: inquiry.id,
      fromRegion: inquiry.regionCode,
      targetId: target.id,
    });
    await notifyCouncil(trx, toRegion, newId, reference, `${input.origin}/council/${toRegion}/inquiries/${newId}`);
    return { id: inquiry.id, newId, regionCode: toRegion };
  });
  if (outcome.kind === "ok") await sendMailSoon(services);
  return outcome;
}

/**
 * The retention job: erases the personal fields of requests closed longer ago
 * than their consent's retention period, as of `now` (the anonymous facts stay
 * for /gaps), each erasure audited in the same transaction.
 */
export async function runRetention(trx: Transaction<Database>, now: Date): Promise<number> {
  const erased = await erasePersonalDataDue(trx, now);
  await insertInquiryEvents(
    trx,
    erased.map((r) => ({ inquiryId: r.id, threadId: r.threadId, kind: "erased" as const, actorUserId: null })),
  );
  for (const r of erased)
    await audit(
      trx,
      RETENTION_ACTOR,
      "inquiry_erase",
      r.id,
      r.regionCode,
      { personalData: true },
      { personalData: false },
    );
  return erased.length;
}

export type { InquiryOutcome };
