import { sql, type Kysely } from "kysely";
import { sqlList } from "./shared";

const ROLES = ["admin", "official", "council_editor", "council_reviewer"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`email = lower(email)`),
    )
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in (${sqlList(ROLES)})`))
    .addColumn("region_code", "text", (c) => c.references("regions.code"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("disabled_at", "timestamptz")
    // Council accounts belong to exactly one region; the others see every region.
    .addCheckConstraint(
      "users_region_matches_role",
      sql`(role in ('council_editor', 'council_reviewer')) = (region_code is not null)`,
    )
    .execute();

  await db.schema
    .createTable("sessions")
    // Only a hash of the cookie's token is stored, so a copy of the table cannot sign anyone in.
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("public_id", "uuid", (c) =>
      c
        .notNull()
        .unique()
        .defaultTo(sql`gen_random_uuid()`),
    )
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .addColumn("address", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("succeeded", "boolean", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("login_attempts_email").on("login_attempts").columns(["email", "created_at"]).execute();
  await db.schema
    .createIndex("login_attempts_address")
    .on("login_attempts")
    .columns(["address", "created_at"])
    .execute();

  await db.schema
    .createTable("listing_drafts")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("entity_type", "text", (c) => c.notNull().check(sql`entity_type in ('facility', 'program')`))
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("is_new", "boolean", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    // The published version the draft was made from; publishing checks it has not moved.
    .addColumn("base_version", "integer")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("updated_by", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("listing_drafts_one_per_listing", ["entity_type", "entity_id"])
    .execute();
  await db.schema.createIndex("listing_drafts_region").on("listing_drafts").column("region_code").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("user_id", "uuid", (c) => c.references("users.id"))
    .addColumn("user_email", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text")
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .execute();
  await db.schema.createIndex("audit_log_entity").on("audit_log").columns(["entity_type", "entity_id", "id"]).execute();
  await db.schema.createIndex("audit_log_region").on("audit_log").columns(["region_code", "id"]).execute();
  // The trail is append-only for everyone who connects as the application.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end
    $$`.execute(db);
  await sql`create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(
    db,
  );

  for (const table of ["facilities", "programs"]) {
    await db.schema.alterTable(table).addColumn("external_id", "text").execute();
  }
  await sql`create unique index facilities_external_id on facilities (region_code, external_id) where external_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists facilities_external_id`.execute(db);
  for (const table of ["facilities", "programs"]) await db.schema.alterTable(table).dropColumn("external_id").execute();
  await db.schema.dropTable("audit_log").ifExists().execute();
  await sql`drop function if exists audit_log_append_only()`.execute(db);
  for (const table of ["listing_drafts", "login_attempts", "sessions", "users"])
    await db.schema.dropTable(table).ifExists().execute();
}
