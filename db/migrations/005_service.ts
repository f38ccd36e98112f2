import { sql, type Kysely } from "kysely";

/**
 * Running as a service, several processes on one database:
 * - search_outbox rows carry the transaction that wrote them, so each process
 *   can follow the log for its own embedded index without missing a row that
 *   committed after a later one (see db/queries/outbox.ts), and a statement
 *   trigger wakes listeners (NOTIFY) instead of waiting for the next poll;
 * - job_runs records when each background job last ran, so a job runs once
 *   per interval across processes;
 * - import plans and jobs live in the database, not in one process's memory;
 *   one import per region runs at a time, and no two drafts of a type and
 *   region share an external id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table search_outbox add column xact_id xid8 not null default pg_current_xact_id()`.execute(db);
  await sql`create index search_outbox_log on search_outbox (xact_id, id)`.execute(db);
  await sql`
    create function search_outbox_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('search_outbox', '');
      return null;
    end
    $$`.execute(db);
  await sql`create trigger search_outbox_notify after insert on search_outbox for each statement execute function search_outbox_notify()`.execute(
    db,
  );

  await db.schema
    .createTable("job_runs")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("started_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("runs", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();

  await db.schema
    .createTable("import_plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull().check(sql`entity_type in ('facility', 'program')`))
    .addColumn("encoding", "text")
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("checked", "jsonb", (c) => c.notNull())
    .addColumn("preview", "jsonb", (c) => c.notNull())
    .addColumn("basis", "jsonb", (c) => c.notNull())
    // Set by the one commit that took the plan; a second commit of the same check is refused.
    .addColumn("job_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("import_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('running', 'done', 'failed')`))
    .addColumn("failure", "text", (c) => c.check(sql`failure in ('changed', 'error')`))
    .addColumn("summary", "jsonb")
    .addColumn("error", "text")
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("heartbeat_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .execute();
  await sql`create unique index import_jobs_one_running_per_region on import_jobs (region_code) where state = 'running'`.execute(
    db,
  );

  // Two commits that raced before this key existed left twin drafts; the first of each stays.
  await sql`
    delete from listing_drafts d using listing_drafts keep
    where d.payload ->> 'externalId' is not null
      and keep.entity_type = d.entity_type and keep.region_code = d.region_code
      and keep.payload ->> 'externalId' = d.payload ->> 'externalId' and keep.id < d.id`.execute(db);
  await sql`create unique index listing_drafts_external_id on listing_drafts (entity_type, region_code, (payload ->> 'externalId')) where payload ->> 'externalId' is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists listing_drafts_external_id`.execute(db);
  for (const table of ["import_jobs", "import_plans", "job_runs"])
    await db.schema.dropTable(table).ifExists().execute();
  await sql`drop trigger if exists search_outbox_notify on search_outbox`.execute(db);
  await sql`drop function if exists search_outbox_notify()`.execute(db);
  await sql`drop index if exists search_outbox_log`.execute(db);
  await sql`alter table search_outbox drop column xact_id`.execute(db);
}
