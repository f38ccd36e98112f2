import { sql, type Insertable, type Selectable } from "kysely";
import type { Portal } from "../../app/domain/programs/types";
import { required } from "../../app/required";
import type { Database, Executor, NewProgram, ProgramCallsTable, ProgramSourcesTable } from "../schema";
import type { ProgramCall } from "./programs";

/** The programs-table part of an imported call. */
export type CallProgramRow = Required<
  Pick<
    NewProgram,
    | "id"
    | "name_ko"
    | "name_en"
    | "summary_ko"
    | "provider_agency_ko"
    | "category"
    | "target_pavitt_classes"
    | "diffusion_level"
    | "region_scope"
    | "region_codes"
    | "sme_only"
    | "period_start"
    | "period_end"
    | "url"
    | "source"
  >
> & { external_id: string };

/** A call's facts; the JSON columns as values, not text. */
export type CallRow = Omit<
  Insertable<ProgramCallsTable>,
  "business_age" | "region_basis" | "attachments" | "readings" | "withdrawn_at" | "closed_at" | "last_synced_at"
> &
  Pick<Selectable<ProgramCallsTable>, "business_age" | "region_basis" | "attachments" | "readings">;

export type SourceRow = Required<
  Pick<Insertable<ProgramSourcesTable>, "portal" | "source_id" | "program_id" | "url" | "content_hash">
>;

export interface KnownSource {
  programId: string;
  /** The fingerprint of the record as last imported. */
  contentHash: string;
  withdrawn: boolean;
  /** The hash of the reading the program's call holds (of whichever portal's record made it). */
  callHash: string | null;
}

/**
 * How long a source's sighting stands before a run that sees it unchanged writes it again: a
 * re-import of the same records within it writes nothing for them, a daily sync writes each once.
 */
const SIGHTING_INTERVAL = "1 hour";

/**
 * Which of these records of a portal are the ones already imported: their source's stored
 * fingerprint is the one given and they are not withdrawn. Those whose sighting is older than
 * SIGHTING_INTERVAL are marked as seen by this run (a call's last sync is its sources' last
 * sight); returns the positions of the unchanged records in `records`.
 */
export async function findUnchangedSources(
  db: Executor,
  portal: Portal,
  runId: number,
  records: ReadonlyArray<{ sourceId: string; contentHash: string }>,
): Promise<Set<number>> {
  if (records.length === 0) return new Set();
  // Arrays of positions come back instead of a row per record: the embedded database reads a
  // result row by row, and thousands of rows cost more than the lookup itself.
  const { rows } = await sql<{ found: number[] | null; stale: number[] | null }>`
    select array_agg(r.position::int - 1) as found,
      array_agg(r.position::int - 1) filter (where s.last_seen_at < now() - ${SIGHTING_INTERVAL}::interval) as stale
    from unnest(${records.map((r) => r.sourceId)}::text[], ${records.map((r) => r.contentHash)}::text[])
      with ordinality as r(source_id, content_hash, position)
    join program_sources s on s.portal = ${portal} and s.source_id = r.source_id and s.content_hash = r.content_hash
    where s.withdrawn_at is null`.execute(db);
  const stale = (rows[0]?.stale ?? []).map((position) => required(records[position], "a looked-up record").sourceId);
  // A statement of its own, by an id array: joined to the lookup above, the planner estimated
  // the lookup at one row whatever its size, and one re-import on PostgreSQL took ten times as long.
  // Each renewal is a heap-only update (migration 013 keeps half of every page free, and no index
  // covers the sighting columns): an index on last_seen_at or last_run_id would make a daily sync
  // write every source's index entries again, about four times the cost.
  if (stale.length > 0)
    await sql`
      update program_sources set last_seen_at = now(), last_run_id = ${runId}
      where portal = ${portal} and source_id = any(${stale}::text[])`.execute(db);
  return new Set(rows[0]?.found ?? []);
}

/** What the database already holds for these records of a portal. */
export async function findSources(
  db: Executor,
  portal: Portal,
  sourceIds: string[],
): Promise<Map<string, KnownSource>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("program_sources as s")
    .leftJoin("program_calls as c", "c.program_id", "s.program_id")
    .select(["s.source_id", "s.program_id", "s.content_hash", "s.withdrawn_at", "c.content_hash as call_hash"])
    .where("s.portal", "=", portal)
    .where(sql<boolean>`s.source_id = any(${sourceIds}::text[])`)
    .execute();
  return new Map(
    rows.map((r) => [
      r.source_id,
      {
        programId: r.program_id,
        contentHash: r.content_hash,
        withdrawn: r.withdrawn_at !== null,
        callHash: r.call_hash,
      },
    ]),
  );
}

/** Calls of the other portal with these keys: the same call published twice becomes one program. */
export async function findCallsPublishedElsewhere(
  db: Executor,
  portal: Portal,
  keys: string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom("program_calls as c")
    .select(["c.dedupe_key", "c.program_id"])
    .where(sql<boolean>`c.dedupe_key = any(${keys}::text[])`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("program_sources as s")
            .select("s.program_id")
            .whereRef("s.program_id", "=", "c.program_id")
            .where("s.portal", "=", portal),
        ),
      ),
    )
    .orderBy("c.program_id")
    .execute();
  const found = new Map<string, string>();
  for (const row of rows) if (!found.has(row.dedupe_key)) found.set(row.dedupe_key, row.program_id);
  return found;
}

/**
 * A batch of rows as a table of `table`'s row type, from one JSON parameter: a statement of
 * one parameter whatever the batch's size, which the server reads faster than thousands of them.
 * Only the columns the rows carry are read; the others keep the table's defaults.
 */
function jsonRows<T extends keyof Database, Row extends object>(table: T, rows: readonly Row[]) {
  return sql<Row>`json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)})`.as("r");
}

function columnsOf<Row extends object>(rows: readonly [Row, ...Row[]]): Array<keyof Row & string> {
  return Object.keys(rows[0]) as Array<keyof Row & string>;
}

const IMPORTED_PROGRAM = {
  summary_en: null,
  provider_facility_id: null,
  provider_agency_en: null,
  target_capabilities: [],
  diffusion_type: null,
  delivery_mode: null,
  max_employees: null,
  required_certifications: [],
  sectors: [],
  cost_share_note_en: null,
  period_note_en: null,
  status: "published",
  managed_by: "import",
} as const;

/** New and changed calls in one statement each; a changed one gets version + 1 like any edited listing. */
export async function upsertCallPrograms(db: Executor, rows: CallProgramRow[]): Promise<void> {
  if (rows.length === 0) return;
  const full = rows.map((row) => ({ ...row, ...IMPORTED_PROGRAM })) as [
    CallProgramRow & typeof IMPORTED_PROGRAM,
    ...Array<CallProgramRow & typeof IMPORTED_PROGRAM>,
  ];
  const columns = columnsOf(full);
  await db
    .insertInto("programs")
    .columns(columns)
    .expression((eb) => eb.selectFrom(jsonRows("programs", full)).select(columns))
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        name_ko: eb.ref("excluded.name_ko"),
        name_en: eb.ref("excluded.name_en"),
        summary_ko: eb.ref("excluded.summary_ko"),
        provider_agency_ko: eb.ref("excluded.provider_agency_ko"),
        category: eb.ref("excluded.category"),
        target_pavitt_classes: eb.ref("excluded.target_pavitt_classes"),
        diffusion_level: eb.ref("excluded.diffusion_level"),
        region_scope: eb.ref("excluded.region_scope"),
        region_codes: eb.ref("excluded.region_codes"),
        sme_only: eb.ref("excluded.sme_only"),
        period_start: eb.ref("excluded.period_start"),
        period_end: eb.ref("excluded.period_end"),
        url: eb.ref("excluded.url"),
        source: eb.ref("excluded.source"),
        status: "published",
        version: sql<number>`programs.version + 1`,
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

/** A call whose last day of application is before `today`: it is recorded as closed. */
const windowPassed = (today: string) => sql<boolean>`window_kind = 'dated' and window_end < ${today}::date`;

/**
 * New and changed calls in one statement. A call whose window has passed by `today` is
 * recorded as closed as it is written, rather than written and then closed by a second pass.
 * Returns how many of them were recorded closed so.
 */
export async function upsertCalls(db: Executor, rows: CallRow[], today: string): Promise<number> {
  const [first, ...rest] = rows;
  if (!first) return 0;
  const columns = columnsOf([first, ...rest]);
  const written = await db
    .insertInto("program_calls")
    .columns([...columns, "closed_at"])
    .expression((eb) =>
      eb
        .selectFrom(jsonRows("program_calls", rows))
        .select([...columns, sql<Date | null>`case when ${windowPassed(today)} then now() end`.as("closed_at")]),
    )
    .onConflict((oc) =>
      oc.column("program_id").doUpdateSet((eb) => ({
        dedupe_key: eb.ref("excluded.dedupe_key"),
        window_kind: eb.ref("excluded.window_kind"),
        window_start: eb.ref("excluded.window_start"),
        window_end: eb.ref("excluded.window_end"),
        applicant_types: eb.ref("excluded.applicant_types"),
        business_age: eb.ref("excluded.business_age"),
        region_basis: eb.ref("excluded.region_basis"),
        applicant_field: eb.ref("excluded.applicant_field"),
        age_field: eb.ref("excluded.age_field"),
        detail_url: eb.ref("excluded.detail_url"),
        apply_url: eb.ref("excluded.apply_url"),
        agency: eb.ref("excluded.agency"),
        executing_agency: eb.ref("excluded.executing_agency"),
        support_field: eb.ref("excluded.support_field"),
        eligibility_text: eb.ref("excluded.eligibility_text"),
        attachments: eb.ref("excluded.attachments"),
        readings: eb.ref("excluded.readings"),
        content_hash: eb.ref("excluded.content_hash"),
        withdrawn_at: null,
        // A changed window may reopen a call, or close it again.
        closed_at: eb.ref("excluded.closed_at"),
        last_synced_at: sql<Date>`now()`,
      })),
    )
    .returning("closed_at")
    .execute();
  return written.filter((row) => row.closed_at !== null).length;
}

/** Records every source seen in a run: new ones inserted, known ones refreshed and no longer withdrawn. */
export async function upsertSources(db: Executor, rows: SourceRow[], runId: number): Promise<void> {
  const [first, ...rest] = rows.map((row) => ({ ...row, last_run_id: runId }));
  if (!first) return;
  const withRun: [typeof first, ...Array<typeof first>] = [first, ...rest];
  const columns = columnsOf(withRun);
  await db
    .insertInto("program_sources")
    .columns(columns)
    .expression((eb) => eb.selectFrom(jsonRows("program_sources", withRun)).select(columns))
    .onConflict((oc) =>
      oc.columns(["portal", "source_id"]).doUpdateSet((eb) => ({
        url: eb.ref("excluded.url"),
        content_hash: eb.ref("excluded.content_hash"),
        last_seen_at: sql<Date>`now()`,
        last_run_id: eb.ref("excluded.last_run_id"),
        withdrawn_at: null,
      })),
    )
    .execute();
}

/**
 * After a complete run: sources of the portal that are not among the ids the run saw are
 * withdrawn, and a call all of whose sources are withdrawn is closed (kept, never deleted).
 * Returns the calls newly closed so.
 */
export async function withdrawUnseen(db: Executor, portal: Portal, seenIds: string[]): Promise<string[]> {
  await sql`
    update program_sources s set withdrawn_at = now()
    where s.portal = ${portal} and s.withdrawn_at is null
      and not exists (select from unnest(${seenIds}::text[]) as seen(id) where seen.id = s.source_id)`.execute(db);
  const rows = await db
    .updateTable("program_calls")
    .set({ withdrawn_at: sql`now()` })
    .where("withdrawn_at", "is", null)
    .where("program_id", "in", (eb) =>
      eb
        .selectFrom("program_sources")
        .select("program_id")
        .groupBy("program_id")
        .having(sql<boolean>`bool_or(portal = ${portal}) and bool_and(withdrawn_at is not null)`),
    )
    .returning("program_id")
    .execute();
  const ids = rows.map((r) => r.program_id);
  if (ids.length > 0)
    await db
      .updateTable("programs")
      .set({ version: sql`version + 1`, updated_at: sql`now()` })
      .where("id", "in", ids)
      .execute();
  return ids;
}

/** Calls whose last day of application is before `today` and were not yet recorded as closed; returns how many. */
export async function closePassedWindows(db: Executor, today: string): Promise<number> {
  const rows = await db
    .updateTable("program_calls")
    .set({ closed_at: sql`now()` })
    .where("closed_at", "is", null)
    .where(windowPassed(today))
    .returning("program_id")
    .execute();
  return rows.length;
}

export interface RunCounts {
  fetched: number;
  new: number;
  changed: number;
  unchanged: number;
  closed: number;
  rejected: number;
}

export type RunError = { sourceId: string | null; field: string; code: string; message: string };

export async function startRun(db: Executor, portal: Portal, mode: "file" | "sync"): Promise<number> {
  const row = await db
    .insertInto("program_sync_runs")
    .values({ portal, mode })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function finishRun(
  db: Executor,
  runId: number,
  complete: boolean,
  counts: RunCounts,
  errors: RunError[],
): Promise<void> {
  await db
    .updateTable("program_sync_runs")
    .set({
      finished_at: sql`now()`,
      complete,
      fetched_count: counts.fetched,
      new_count: counts.new,
      changed_count: counts.changed,
      unchanged_count: counts.unchanged,
      closed_count: counts.closed,
      rejected_count: counts.rejected,
      // The report keeps the first hundred problems; the counts say how many there were.
      errors: JSON.stringify(errors.slice(0, 100)),
    })
    .where("id", "=", runId)
    .execute();
}

export interface SyncRun {
  id: number;
  portal: Portal;
  mode: "file" | "sync";
  startedAt: Date;
  finishedAt: Date | null;
  complete: boolean;
  counts: RunCounts;
  errors: RunError[];
}

/** Each portal's latest run. */
export async function latestRuns(db: Executor): Promise<SyncRun[]> {
  const rows = await db
    .selectFrom("program_sync_runs")
    .selectAll()
    .where("id", "in", (eb) =>
      eb
        .selectFrom("program_sync_runs")
        .select((e) => e.fn.max("id").as("id"))
        .groupBy("portal"),
    )
    .orderBy("portal")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    portal: r.portal,
    mode: r.mode,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    complete: r.complete,
    counts: {
      fetched: r.fetched_count,
      new: r.new_count,
      changed: r.changed_count,
      unchanged: r.unchanged_count,
      closed: r.closed_count,
      rejected: r.rejected_count,
    },
    errors: r.errors,
  }));
}

/** When a portal was last synced completely from its API (for the daily schedule). */
export async function lastCompleteSync(db: Executor, portal: Portal): Promise<Date | null> {
  const row = await db
    .selectFrom("program_sync_runs")
    .select((eb) => eb.fn.max("finished_at").as("at"))
    .where("portal", "=", portal)
    .where("mode", "=", "sync")
    .where("complete", "=", true)
    .executeTakeFirst();
  return row?.at ? new Date(row.at as unknown as string) : null;
}

/** Everything stored of an imported call: the facts search and matching read, and the rest of the announcement. */
export interface CallDetail extends ProgramCall {
  programId: string;
  detailUrl: string | null;
  agency: string | null;
  executingAgency: string | null;
  supportField: string | null;
  eligibilityText: string;
  attachments: Array<{ name: string; url: string | null }>;
  readings: unknown[];
  /** When a sync last saw one of the call's sources. */
  lastSyncedAt: Date;
  sources: Array<{ portal: Portal; id: string; url: string | null; withdrawn: boolean; lastSeenAt: Date }>;
}

/** When a sync last saw the call: its facts' last write, or any of its sources seen since. */
function lastSight(written: Date, sources: CallDetail["sources"]): Date {
  return sources.reduce((latest, s) => (s.lastSeenAt > latest ? s.lastSeenAt : latest), written);
}

/** The announcement facts of these programs (all imported calls when no ids are given), with their sources. */
export async function listCallDetails(db: Executor, programIds?: string[]): Promise<Map<string, CallDetail>> {
  if (programIds && programIds.length === 0) return new Map();
  let calls = db.selectFrom("program_calls").selectAll();
  let sources = db.selectFrom("program_sources").selectAll().orderBy("portal").orderBy("source_id");
  if (programIds) {
    calls = calls.where("program_id", "in", programIds);
    sources = sources.where("program_id", "in", programIds);
  }
  const [callRows, sourceRows] = await Promise.all([calls.execute(), sources.execute()]);
  const byProgram = new Map<string, CallDetail["sources"]>();
  for (const s of sourceRows) {
    const list = byProgram.get(s.program_id) ?? [];
    list.push({
      portal: s.portal,
      id: s.source_id,
      url: s.url,
      withdrawn: s.withdrawn_at !== null,
      lastSeenAt: s.last_seen_at,
    });
    byProgram.set(s.program_id, list);
  }
  return new Map(
    callRows.map((r) => [
      r.program_id,
      {
        programId: r.program_id,
        windowKind: r.window_kind,
        windowStart: r.window_start,
        windowEnd: r.window_end,
        applicantTypes: r.applicant_types,
        businessAge: r.business_age,
        regionBasis: r.region_basis,
        applicantField: r.applicant_field,
        ageField: r.age_field,
        detailUrl: r.detail_url,
        applyUrl: r.apply_url,
        agency: r.agency,
        executingAgency: r.executing_agency,
        supportField: r.support_field,
        eligibilityText: r.eligibility_text,
        attachments: r.attachments,
        readings: r.readings,
        withdrawn: r.withdrawn_at !== null,
        lastSyncedAt: lastSight(r.last_synced_at, byProgram.get(r.program_id) ?? []),
        sources: byProgram.get(r.program_id) ?? [],
      },
    ]),
  );
}
