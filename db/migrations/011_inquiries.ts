import { sql, type Kysely } from "kysely";
import { sqlList } from "./shared";

const STATES = ["new", "accepted", "in_progress", "closed"];
const OUTCOMES = ["helped", "referred", "not_eligible", "no_reply"];
const EVENT_KINDS = [
  "submitted",
  "accepted",
  "in_progress",
  "closed",
  "note",
  "reply",
  "referred_out",
  "referred_in",
  "withdrawn",
  "erased",
];

/**
 * Requests for help from firms to a facility or program (issue 17). Each row
 * keeps the anonymous facts for monitoring (region, class, industry, size,
 * dates, outcome) apart from the personal fields (name, e-mail, phone,
 * message), which withdrawal and the retention job set to null. A referral
 * closes the request and opens a new one in the receiving region with the
 * same thread id, so each council sees its own part and the firm one thread.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("inquiries")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("thread_id", "uuid", (c) => c.notNull())
    .addColumn("referred_from", "uuid", (c) => c.references("inquiries.id"))
    .addColumn("reference", "text", (c) => c.notNull().unique())
    // Only the root of a thread has a status link; only its SHA-256 is stored.
    .addColumn("status_token_hash", "text", (c) => c.unique())
    .addColumn("target_type", "text", (c) => c.notNull().check(sql`target_type in ('facility', 'program')`))
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("firm_region_code", "text", (c) => c.references("regions.code"))
    .addColumn("pavitt_class", "text")
    .addColumn("ksic_division", "text")
    .addColumn("size_band", "text")
    .addColumn("needs", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("new")
        .check(sql`state in (${sqlList(STATES)})`),
    )
    .addColumn("outcome", "text", (c) => c.check(sql`outcome in (${sqlList(OUTCOMES)})`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("first_answered_at", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("erased_at", "timestamptz")
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("contact_phone", "text")
    .addColumn("message", "text")
    // What the firm agreed to: the version of the notice, its purpose, the items and the retention it named.
    .addColumn("consent_version", "text", (c) => c.notNull())
    .addColumn("consent_purpose", "text", (c) => c.notNull())
    .addColumn("consent_items", sql`text[]`, (c) => c.notNull())
    .addColumn("consent_retention_days", "integer", (c) => c.notNull())
    .addColumn("consented_at", "timestamptz", (c) => c.notNull())
    .addCheckConstraint(
      "inquiries_outcome_when_closed",
      sql`(state = 'closed') = (outcome is not null) and (state = 'closed') = (closed_at is not null)`,
    )
    .addCheckConstraint(
      "inquiries_erased_means_no_personal_data",
      sql`erased_at is null or (contact_name is null and contact_email is null and contact_phone is null and message is null)`,
    )
    .execute();
  await db.schema
    .createIndex("inquiries_region")
    .on("inquiries")
    .columns(["region_code", "state", "created_at"])
    .execute();
  await db.schema.createIndex("inquiries_thread").on("inquiries").columns(["thread_id", "created_at"]).execute();
  await sql`create index inquiries_retention on inquiries (closed_at) where erased_at is null`.execute(db);

  await db.schema
    .createTable("inquiry_events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("inquiry_id", "uuid", (c) => c.notNull().references("inquiries.id"))
    .addColumn("thread_id", "uuid", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in (${sqlList(EVENT_KINDS)})`))
    .addColumn("actor_user_id", "uuid", (c) => c.references("users.id"))
    .addColumn("outcome", "text")
    // A note's or reply's text, or the receiving facility of a referral; notes and replies are erased with the personal data.
    .addColumn("body", "text")
    .addColumn("related_inquiry_id", "uuid", (c) => c.references("inquiries.id"))
    .execute();
  await db.schema.createIndex("inquiry_events_inquiry").on("inquiry_events").columns(["inquiry_id", "id"]).execute();
  await db.schema.createIndex("inquiry_events_thread").on("inquiry_events").columns(["thread_id", "id"]).execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("inquiry_id", "uuid", (c) => c.references("inquiries.id"))
    .addColumn("to_address", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("erased_at", "timestamptz")
    .execute();
  await sql`create index mail_outbox_pending on mail_outbox (id) where sent_at is null and erased_at is null`.execute(
    db,
  );

  // Fixed windows counted with one upsert per request, so every process sees one count.
  await db.schema
    .createTable("inquiry_rate_counts")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("inquiry_rate_counts_pk", ["key", "window_start"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["inquiry_rate_counts", "mail_outbox", "inquiry_events", "inquiries"])
    await db.schema.dropTable(table).ifExists().execute();
}
