import { sql, type Selectable, type Transaction } from "kysely";
import type { DemandFact } from "../../app/domain/inquiries/demand";
import type { InquiryOutcome, InquiryState } from "../../app/domain/inquiries/lifecycle";
import type { Need, PavittClass, SizeBand } from "../../app/domain/types";
import type { Database, Executor, InquiryEventKind, MailOutboxTable, SearchEntityType } from "../schema";

/** Where a request goes: a published facility, or a program with the regions it may be handled in. */
export interface InquiryTarget {
  type: SearchEntityType;
  id: string;
  nameKo: string;
  nameEn: string;
  /** The facility's region, or the program's provider's region. */
  regionCode: string | null;
  /** For a program without a provider: national, or the regions it runs in. */
  programRegions: { scope: "national" | "regional"; codes: string[] } | null;
}

export async function findInquiryTarget(
  db: Executor,
  type: SearchEntityType,
  id: string,
): Promise<InquiryTarget | null> {
  if (type === "facility") {
    const row = await db
      .selectFrom("facilities")
      .select(["id", "name_ko", "name_en", "region_code"])
      .where("id", "=", id)
      .where("status", "=", "published")
      .executeTakeFirst();
    return row
      ? {
          type,
          id: row.id,
          nameKo: row.name_ko,
          nameEn: row.name_en,
          regionCode: row.region_code,
          programRegions: null,
        }
      : null;
  }
  const row = await db
    .selectFrom("programs")
    .leftJoin("facilities", "facilities.id", "programs.provider_facility_id")
    .select([
      "programs.id",
      "programs.name_ko",
      "programs.name_en",
      "programs.region_scope",
      "programs.region_codes",
      "facilities.region_code as provider_region",
    ])
    .where("programs.id", "=", id)
    .where("programs.status", "=", "published")
    .executeTakeFirst();
  if (!row) return null;
  return {
    type,
    id: row.id,
    nameKo: row.name_ko,
    nameEn: row.name_en,
    regionCode: row.provider_region ?? null,
    programRegions: { scope: row.region_scope === "regional" ? "regional" : "national", codes: row.region_codes },
  };
}

export interface NewInquiry {
  threadId: string | null;
  referredFrom: string | null;
  reference: string;
  statusTokenHash: string | null;
  targetType: SearchEntityType;
  targetId: string;
  regionCode: string;
  facts: {
    firmRegionCode: string | null;
    pavittClass: PavittClass | null;
    ksicDivision: string | null;
    sizeBand: SizeBand | null;
    needs: Need[];
  };
  contact: { name: string | null; email: string | null; phone: string | null; message: string | null };
  consent: { version: string; purpose: string; items: string[]; retentionDays: number; at: Date };
}

/** Inserts a request; a new thread takes the request's own id. */
export async function insertInquiry(
  trx: Transaction<Database>,
  input: NewInquiry,
): Promise<{ id: string; threadId: string }> {
  const id = (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(trx)).rows[0]!.id;
  const threadId = input.threadId ?? id;
  await trx
    .insertInto("inquiries")
    .values({
      id,
      thread_id: threadId,
      referred_from: input.referredFrom,
      reference: input.reference,
      status_token_hash: input.statusTokenHash,
      target_type: input.targetType,
      target_id: input.targetId,
      region_code: input.regionCode,
      firm_region_code: input.facts.firmRegionCode,
      pavitt_class: input.facts.pavittClass,
      ksic_division: input.facts.ksicDivision,
      size_band: input.facts.sizeBand,
      needs: input.facts.needs,
      contact_name: input.contact.name,
      contact_email: input.contact.email,
      contact_phone: input.contact.phone,
      message: input.contact.message,
      consent_version: input.consent.version,
      consent_purpose: input.consent.purpose,
      consent_items: input.consent.items,
      consent_retention_days: input.consent.retentionDays,
      consented_at: input.consent.at,
    })
    .execute();
  return { id, threadId };
}

export interface Inquiry {
  id: string;
  threadId: string;
  referredFrom: string | null;
  reference: string;
  hasStatusLink: boolean;
  targetType: SearchEntityType;
  targetId: string;
  targetNameKo: string | null;
  targetNameEn: string | null;
  regionCode: string;
  firmRegionCode: string | null;
  pavittClass: PavittClass | null;
  ksicDivision: string | null;
  sizeBand: SizeBand | null;
  needs: Need[];
  state: InquiryState;
  outcome: InquiryOutcome | null;
  version: number;
  createdAt: Date;
  firstAnsweredAt: Date | null;
  closedAt: Date | null;
  withdrawnAt: Date | null;
  erasedAt: Date | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  message: string | null;
  consent: { version: string; purpose: string; items: string[]; retentionDays: number; at: Date };
}

function inquiryQuery(db: Executor) {
  return db
    .selectFrom("inquiries as q")
    .leftJoin("facilities as f", (join) => join.onRef("f.id", "=", "q.target_id").on("q.target_type", "=", "facility"))
    .leftJoin("programs as p", (join) => join.onRef("p.id", "=", "q.target_id").on("q.target_type", "=", "program"))
    .selectAll("q")
    .select([
      sql<string | null>`coalesce(f.name_ko, p.name_ko)`.as("target_name_ko"),
      sql<string | null>`coalesce(f.name_en, p.name_en)`.as("target_name_en"),
    ]);
}

type InquiryRow = Awaited<ReturnType<ReturnType<typeof inquiryQuery>["executeTakeFirstOrThrow"]>>;

function toInquiry(r: InquiryRow): Inquiry {
  return {
    id: r.id,
    threadId: r.thread_id,
    referredFrom: r.referred_from,
    reference: r.reference,
    hasStatusLink: r.status_token_hash !== null,
    targetType: r.target_type,
    targetId: r.target_id,
    targetNameKo: r.target_name_ko,
    targetNameEn: r.target_name_en,
    regionCode: r.region_code,
    firmRegionCode: r.firm_region_code,
    pavittClass: r.pavitt_class,
    ksicDivision: r.ksic_division,
    sizeBand: r.size_band,
    needs: r.needs,
    state: r.state,
    outcome: r.outcome,
    version: r.version,
    createdAt: r.created_at,
    firstAnsweredAt: r.first_answered_at,
    closedAt: r.closed_at,
    withdrawnAt: r.withdrawn_at,
    erasedAt: r.erased_at,
    contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
    message: r.message,
    consent: {
      version: r.consent_version,
      purpose: r.consent_purpose,
      items: r.consent_items,
      retentionDays: r.consent_retention_days,
      at: r.consented_at,
    },
  };
}

export async function getInquiry(db: Executor, id: string): Promise<Inquiry | null> {
  const row = await inquiryQuery(db).where("q.id", "=", id).executeTakeFirst();
  return row ? toInquiry(row) : null;
}

/** Locks the request's row for the rest of the transaction, then reads it. */
export async function lockInquiry(trx: Transaction<Database>, id: string): Promise<Inquiry | null> {
  const locked = await trx.selectFrom("inquiries").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return locked ? getInquiry(trx, id) : null;
}

/** The root request of a status link that was not withdrawn. */
export async function findByStatusTokenHash(db: Executor, tokenHash: string): Promise<Inquiry | null> {
  const row = await inquiryQuery(db)
    .where("q.status_token_hash", "=", tokenHash)
    .where("q.withdrawn_at", "is", null)
    .executeTakeFirst();
  return row ? toInquiry(row) : null;
}

export async function listThread(db: Executor, threadId: string): Promise<Inquiry[]> {
  const rows = await inquiryQuery(db)
    .where("q.thread_id", "=", threadId)
    .orderBy("q.created_at")
    .orderBy("q.reference")
    .execute();
  return rows.map(toInquiry);
}

export async function lockThread(trx: Transaction<Database>, threadId: string): Promise<void> {
  await trx.selectFrom("inquiries").select("id").where("thread_id", "=", threadId).forUpdate().execute();
}

export async function listRegionInquiries(db: Executor, regionCode: string, limit = 500): Promise<Inquiry[]> {
  const rows = await inquiryQuery(db)
    .where("q.region_code", "=", regionCode)
    .orderBy(sql`q.state = 'closed'`)
    .orderBy("q.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toInquiry);
}

export interface StatePatch {
  state: InquiryState;
  outcome: InquiryOutcome | null;
  answered: boolean;
}

/** Moves a locked request to its next state; returns false when its version moved on meanwhile. */
export async function updateInquiryState(
  trx: Transaction<Database>,
  id: string,
  version: number,
  patch: StatePatch,
): Promise<boolean> {
  const result = await trx
    .updateTable("inquiries")
    .set({
      state: patch.state,
      outcome: patch.outcome,
      version: sql`version + 1`,
      closed_at: patch.state === "closed" ? sql`now()` : null,
      first_answered_at: patch.answered ? sql`coalesce(first_answered_at, now())` : sql`first_answered_at`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markFirstAnswered(trx: Transaction<Database>, id: string): Promise<void> {
  await trx
    .updateTable("inquiries")
    .set({ first_answered_at: sql`coalesce(first_answered_at, now())`, version: sql`version + 1` })
    .where("id", "=", id)
    .execute();
}

export interface NewInquiryEvent {
  inquiryId: string;
  threadId: string;
  kind: InquiryEventKind;
  actorUserId: string | null;
  outcome?: InquiryOutcome | null;
  body?: string | null;
  relatedInquiryId?: string | null;
}

export async function insertInquiryEvents(trx: Transaction<Database>, events: NewInquiryEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto("inquiry_events")
    .values(
      events.map((e) => ({
        inquiry_id: e.inquiryId,
        thread_id: e.threadId,
        kind: e.kind,
        actor_user_id: e.actorUserId,
        outcome: e.outcome ?? null,
        body: e.body ?? null,
        related_inquiry_id: e.relatedInquiryId ?? null,
      })),
    )
    .execute();
}

export interface InquiryEvent {
  id: number;
  inquiryId: string;
  at: Date;
  kind: InquiryEventKind;
  actorEmail: string | null;
  outcome: string | null;
  body: string | null;
  relatedInquiryId: string | null;
}

export async function listInquiryEvents(
  db: Executor,
  filter: { inquiryId: string } | { threadId: string },
): Promise<InquiryEvent[]> {
  let query = db
    .selectFrom("inquiry_events as e")
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .select(["e.id", "e.inquiry_id", "e.at", "e.kind", "u.email", "e.outcome", "e.body", "e.related_inquiry_id"])
    .orderBy("e.id");
  query =
    "inquiryId" in filter
      ? query.where("e.inquiry_id", "=", filter.inquiryId)
      : query.where("e.thread_id", "=", filter.threadId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    inquiryId: r.inquiry_id,
    at: r.at,
    kind: r.kind,
    actorEmail: r.email,
    outcome: r.outcome,
    body: r.body,
    relatedInquiryId: r.related_inquiry_id,
  }));
}

/** The events whose text is the firm's or a council's words about the firm. */
const PERSONAL_EVENT_KINDS: InquiryEventKind[] = ["note", "reply"];

/** Erases the personal fields of every request of a thread (withdrawal), with the texts of its notes, replies and mail. */
export async function eraseThread(trx: Transaction<Database>, threadId: string, withdrawn: boolean): Promise<string[]> {
  const rows = await trx
    .updateTable("inquiries")
    .set({
      contact_name: null,
      contact_email: null,
      contact_phone: null,
      message: null,
      erased_at: sql`coalesce(erased_at, now())`,
      withdrawn_at: withdrawn ? sql`coalesce(withdrawn_at, now())` : sql`withdrawn_at`,
    })
    .where("thread_id", "=", threadId)
    .returning("id")
    .execute();
  const ids = rows.map((r) => r.id);
  await erasePersonalTexts(trx, ids);
  return ids;
}

async function erasePersonalTexts(trx: Transaction<Database>, inquiryIds: string[]): Promise<void> {
  if (inquiryIds.length === 0) return;
  await trx
    .updateTable("inquiry_events")
    .set({ body: null })
    .where("inquiry_id", "in", inquiryIds)
    .where("kind", "in", PERSONAL_EVENT_KINDS)
    .execute();
  await trx
    .updateTable("mail_outbox")
    .set({ to_address: null, body: null, erased_at: sql`coalesce(erased_at, now())` })
    .where("inquiry_id", "in", inquiryIds)
    .execute();
}

/**
 * The retention job's one statement: erases the personal fields of every
 * request closed longer ago than the retention its consent named, as of `now`,
 * and returns the requests it erased (their anonymous facts stay).
 */
export async function erasePersonalDataDue(
  trx: Transaction<Database>,
  now: Date,
): Promise<{ id: string; threadId: string; regionCode: string }[]> {
  const rows = await trx
    .updateTable("inquiries")
    .set({ contact_name: null, contact_email: null, contact_phone: null, message: null, erased_at: now })
    .where("erased_at", "is", null)
    .where("closed_at", "is not", null)
    .where(sql<boolean>`closed_at + make_interval(days => consent_retention_days) < ${now}`)
    .returning(["id", "thread_id", "region_code"])
    .execute();
  await erasePersonalTexts(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ id: r.id, threadId: r.thread_id, regionCode: r.region_code }));
}

/**
 * Counts one request in a fixed window for a key and returns the count so far,
 * in one atomic statement, so concurrent requests in any process see distinct counts.
 */
export async function countInWindow(db: Executor, key: string, windowStart: Date): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    insert into inquiry_rate_counts (key, window_start, count) values (${key}, ${windowStart}, 1)
    on conflict (key, window_start) do update set count = inquiry_rate_counts.count + 1
    returning count`.execute(db);
  return Number(rows[0]!.count);
}

/** Windows that ended are history nobody reads. */
export async function pruneRateCounts(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom("inquiry_rate_counts").where("window_start", "<", before).execute();
}

export interface NewMail {
  inquiryId: string | null;
  to: string;
  subject: string;
  body: string;
}

export async function enqueueMail(trx: Executor, mail: NewMail): Promise<number> {
  const row = await trx
    .insertInto("mail_outbox")
    .values({ inquiry_id: mail.inquiryId, to_address: mail.to, subject: mail.subject, body: mail.body })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface QueuedMail {
  id: number;
  inquiryId: string | null;
  to: string | null;
  subject: string;
  body: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
  erasedAt: Date | null;
}

const toMail = (r: Selectable<MailOutboxTable>): QueuedMail => ({
  id: r.id,
  inquiryId: r.inquiry_id,
  to: r.to_address,
  subject: r.subject,
  body: r.body,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  attempts: r.attempts,
  lastError: r.last_error,
  erasedAt: r.erased_at,
});

/** Unsent mail, oldest first, locked so that two processes never send the same message. */
export async function claimPendingMail(trx: Transaction<Database>, limit: number): Promise<QueuedMail[]> {
  const rows = await trx
    .selectFrom("mail_outbox")
    .selectAll()
    .where("sent_at", "is", null)
    .where("erased_at", "is", null)
    .orderBy("id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(toMail);
}

export async function markMailSent(db: Executor, id: number): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ sent_at: sql`now()`, last_error: null, attempts: sql`attempts + 1` })
    .where("id", "=", id)
    .execute();
}

export async function markMailFailed(db: Executor, id: number, error: string): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 1000) })
    .where("id", "=", id)
    .execute();
}

export async function listMail(db: Executor, limit = 200): Promise<QueuedMail[]> {
  const rows = await db.selectFrom("mail_outbox").selectAll().orderBy("id", "desc").limit(limit).execute();
  return rows.map(toMail);
}

/** The anonymous facts of every request; no personal field is read. */
export async function listDemandFacts(
  db: Executor,
  filter: { regionCode?: string; pavittClass?: PavittClass; ksicDivision?: string } = {},
): Promise<DemandFact[]> {
  let query = db
    .selectFrom("inquiries")
    .select([
      "region_code",
      "pavitt_class",
      "ksic_division",
      "state",
      "outcome",
      "created_at",
      "first_answered_at",
      "closed_at",
    ]);
  if (filter.regionCode) query = query.where("region_code", "=", filter.regionCode);
  if (filter.pavittClass) query = query.where("pavitt_class", "=", filter.pavittClass);
  if (filter.ksicDivision) query = query.where("ksic_division", "=", filter.ksicDivision);
  const rows = await query.execute();
  return rows.map((r) => ({
    regionCode: r.region_code,
    pavittClass: r.pavitt_class,
    ksicDivision: r.ksic_division,
    state: r.state,
    outcome: r.outcome,
    createdAt: r.created_at,
    firstAnsweredAt: r.first_answered_at,
    closedAt: r.closed_at,
  }));
}

/** The active council accounts of a region, who are told of new requests. */
export async function listCouncilEmails(db: Executor, regionCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("email")
    .where("region_code", "=", regionCode)
    .where("role", "in", ["council_editor", "council_reviewer"])
    .where("disabled_at", "is", null)
    .orderBy("email")
    .execute();
  return rows.map((r) => r.email);
}
