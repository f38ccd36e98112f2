import { hash } from "node:crypto";
import type { Kysely } from "kysely";
import { enqueueSearchChanges } from "~db/queries/outbox";
import {
  closePassedWindows,
  findCallsPublishedElsewhere,
  findSources,
  findUnchangedSources,
  finishRun,
  startRun,
  upsertCallPrograms,
  upsertCalls,
  upsertSources,
  withdrawUnseen,
  type CallProgramRow,
  type CallRow,
  type RunCounts,
  type RunError,
  type SourceRow,
} from "~db/queries/program-calls";
import type { Database } from "~db/schema";
import {
  checkBizinfoRecord,
  checkKstartupRecord,
  rawSourceId,
  recordContent,
  type RecordCheck,
} from "~/domain/programs/parse";
import { readBizinfo, readKstartup, type AnnouncementReading } from "~/domain/programs/read";
import type { SupportFieldRule } from "~/domain/programs/support-fields";
import type { Portal } from "~/domain/programs/types";
import { required } from "~/required";
import { issue, issueMessage, type FieldIssue } from "~/validation";
import { supportFieldTable } from "./tables.server";

/** Records per transaction: one multi-row statement per table per batch. */
export const IMPORT_BATCH = 500;
/** Records checked and read between two looks at the batch being written. */
const YIELD_EVERY = 50;
/** Records per statement that looks up the unchanged ones. */
const UNCHANGED_BATCH = 5_000;

const PORTAL_NAMES: Record<Portal, string> = {
  bizinfo: "기업마당 (bizinfo.go.kr)",
  kstartup: "K-Startup (data.go.kr 15125364)",
};

/** The program id of a call first seen on a portal. */
export function callProgramId(portal: Portal, sourceId: string): string {
  return `${portal}-${sourceId}`;
}

export interface ImportReport {
  runId: number;
  portal: Portal;
  complete: boolean;
  counts: RunCounts;
  errors: RunError[];
}

/**
 * Raise when a record check, a reading rule or the rows a reading is stored as change: records
 * fingerprinted under another version are read again (and only those whose reading changed get
 * a new version).
 */
export const RECORD_RULES_VERSION = 1;

/** A raw record's id as written (null when it has none) and its fingerprint. */
interface RecordKey {
  sourceId: string | null;
  contentHash: string;
}

interface Checked {
  reading: AnnouncementReading;
  /** The hash of the reading: the program changes only when it does. */
  hash: string;
  /** The fingerprint of the record: the next import skips the record while it stays the same. */
  contentHash: string;
}

/** A checked record with its own portal's reader, so each record is read by the reader of its shape. */
function withReading<T>(checked: RecordCheck<T>, read: (record: T) => AnnouncementReading) {
  return checked.ok ? { ...checked, read: () => read(checked.value) } : checked;
}

function readingHash(reading: AnnouncementReading): string {
  return hash("sha256", JSON.stringify(reading), "base64url");
}

const tableDigests = new WeakMap<readonly SupportFieldRule[], string>();

/**
 * What a record's check and reading depend on: its content, the support-field table and the
 * rules' version. Equal fingerprints give equal readings, so an unchanged record need not be read.
 */
function fingerprinter(table: readonly SupportFieldRule[]): (content: string) => string {
  let digest = tableDigests.get(table);
  if (digest === undefined) {
    digest = hash("sha256", JSON.stringify(table), "base64url");
    tableDigests.set(table, digest);
  }
  const prefix = `${RECORD_RULES_VERSION}|${digest}|`;
  return (content) => hash("sha256", prefix + content, "base64url");
}

function rowsOf(
  reading: AnnouncementReading,
  programId: string,
  hash: string,
): { program: CallProgramRow; call: CallRow } {
  const regionBasis =
    reading.readings.find((r) => r.rule === "region.narrowed") ??
    reading.readings.find((r) => r.rule === "region.named");
  const applicantReading = reading.readings.find((r) => r.rule === "applicant.types");
  const ageReadings = reading.readings.filter(
    (r) => r.rule === "business_age.text" || r.rule === "business_age.bands" || r.rule === "business_age.founded_since",
  );
  const window = reading.window;
  const firmTypes = reading.applicantTypes.filter((type) => type !== "pre_founder");
  return {
    program: {
      id: programId,
      name_ko: reading.title,
      // The portals publish no English title; the Korean one is the call's name in both languages.
      name_en: reading.title,
      summary_ko: reading.summary || null,
      provider_agency_ko: [reading.agency, reading.executingAgency].filter(Boolean).join(" · ") || null,
      category: reading.category,
      target_pavitt_classes: reading.pavittClasses,
      diffusion_level: reading.diffusionLevel,
      region_scope: reading.regions.nationwide ? "national" : "regional",
      region_codes: reading.regions.codes,
      sme_only: firmTypes.length > 0 && firmTypes.every((type) => type === "sme" || type === "micro"),
      period_start: window.kind === "unknown" ? null : window.start,
      period_end: window.kind === "dated" ? window.end : null,
      url: reading.detailUrl,
      source: `${PORTAL_NAMES[reading.portal]} ${reading.sourceId}`,
      external_id: `${reading.portal}:${reading.sourceId}`,
    },
    call: {
      program_id: programId,
      dedupe_key: reading.dedupeKey,
      window_kind: window.kind,
      window_start: window.kind === "unknown" ? null : window.start,
      window_end: window.kind === "dated" ? window.end : null,
      applicant_types: reading.applicantTypes,
      business_age: reading.businessAge,
      region_basis:
        regionBasis && !reading.regions.nationwide ? { field: regionBasis.field, value: regionBasis.value } : null,
      applicant_field: applicantReading?.field ?? null,
      age_field: ageReadings.length > 0 ? [...new Set(ageReadings.map((r) => r.field))].join(", ") : null,
      detail_url: reading.detailUrl,
      apply_url: reading.applyUrl,
      agency: reading.agency,
      executing_agency: reading.executingAgency,
      support_field: reading.supportField,
      eligibility_text: reading.eligibilityText,
      attachments: reading.attachments,
      readings: reading.readings,
      content_hash: hash,
    },
  };
}

function runError(sourceId: string | null, problem: FieldIssue): RunError {
  return { sourceId, field: problem.field, code: problem.code, message: issueMessage(problem, "en") };
}

/**
 * One import or sync run of one portal: records arrive in pages (`add`), each page is checked,
 * read and written in transactions of IMPORT_BATCH records, and `finish` closes what the run
 * says is gone. Idempotent by source id: a record whose reading did not change changes nothing.
 */
export class ProgramImport {
  private runId = 0;
  /** Each id the run saw with the position of its first record: repeats are reported, and a complete run withdraws the rest. */
  private readonly seen = new Map<string, number>();
  private position = 0;
  readonly counts: RunCounts = { fetched: 0, new: 0, changed: 0, unchanged: 0, closed: 0, rejected: 0 };
  readonly errors: RunError[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    readonly portal: Portal,
    private readonly options: { mode: "file" | "sync"; today: string; table?: readonly SupportFieldRule[] },
  ) {}

  async start(): Promise<void> {
    this.runId = await startRun(this.db, this.portal, this.options.mode);
  }

  /**
   * Checks and stores one page of raw records. A record whose fingerprint is the stored one is
   * the record already imported: it counts as seen, and is neither checked nor read again. A bad
   * record is reported and skipped; the rest still import.
   */
  async add(records: readonly unknown[]): Promise<void> {
    const table = this.options.table ?? supportFieldTable();
    const fingerprint = fingerprinter(table);
    const keys = records.map((raw): RecordKey | undefined => {
      const content = recordContent(this.portal, raw);
      return content === null
        ? undefined
        : { sourceId: rawSourceId(this.portal, raw), contentHash: fingerprint(content) };
    });
    const unchanged = await this.findUnchanged(keys);
    // Batches are written one after another while the next ones are checked and read: the
    // database (a server of its own) works while this process reads.
    let changed: Checked[] = [];
    let writing: Promise<void> = Promise.resolve();
    const write = (batch: Checked[]) => {
      writing = writing.then(() => this.store(batch));
      // Observed here so a failed batch waits for the final await below, which reports it.
      writing.catch(() => undefined);
    };
    for (const [index, raw] of records.entries()) {
      if (index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      this.position++;
      this.counts.fetched++;
      const key = keys[index];
      if (key?.sourceId != null && unchanged.has(index)) {
        if (this.isFirst(key.sourceId)) this.counts.unchanged++;
        continue;
      }
      const checked =
        this.portal === "bizinfo"
          ? withReading(checkBizinfoRecord(raw), (record) => readBizinfo(record, table))
          : withReading(checkKstartupRecord(raw), (record) => readKstartup(record, table));
      if (!checked.ok) {
        this.counts.rejected++;
        this.errors.push(...checked.issues.map((problem) => runError(checked.sourceId, problem)));
        continue;
      }
      if (!this.isFirst(checked.value.id)) continue;
      const reading = checked.read();
      changed.push({
        reading,
        hash: readingHash(reading),
        contentHash: required(key, "a checked record's fingerprint").contentHash,
      });
      if (changed.length === IMPORT_BATCH) {
        write(changed);
        changed = [];
      }
    }
    if (changed.length > 0) write(changed);
    await writing;
  }

  /** The positions in the page of the records already imported as they are. */
  private async findUnchanged(keys: ReadonlyArray<RecordKey | undefined>): Promise<Set<number>> {
    const lookups: Array<{ position: number; sourceId: string; contentHash: string }> = [];
    for (const [position, key] of keys.entries())
      if (key?.sourceId != null) lookups.push({ position, sourceId: key.sourceId, contentHash: key.contentHash });
    const unchanged = new Set<number>();
    for (let i = 0; i < lookups.length; i += UNCHANGED_BATCH) {
      const batch = lookups.slice(i, i + UNCHANGED_BATCH);
      const found = await findUnchangedSources(this.db, this.portal, this.runId, batch);
      for (const index of found) unchanged.add(required(batch[index], "a looked-up record").position);
    }
    return unchanged;
  }

  /** Whether this is the run's first record with this id; a repeat is reported and skipped. */
  private isFirst(sourceId: string): boolean {
    const first = this.seen.get(sourceId);
    if (first === undefined) {
      this.seen.set(sourceId, this.position);
      return true;
    }
    this.counts.rejected++;
    this.errors.push(
      runError(sourceId, issue(this.portal === "bizinfo" ? "pblancId" : "pbanc_sn", "external_id_repeated", { first })),
    );
    return false;
  }

  /**
   * Writes one batch of changed or new records in one transaction. A record whose reading is the
   * one its program already holds (read again after a change of rules) changes only its source.
   */
  private async store(batch: Checked[]): Promise<void> {
    const portal = this.portal;
    const outcome = await this.db.transaction().execute(async (tx) => {
      const known = await findSources(
        tx,
        portal,
        batch.map((c) => c.reading.sourceId),
      );
      const unknown = batch.filter((c) => !known.has(c.reading.sourceId));
      const elsewhere = await findCallsPublishedElsewhere(tx, portal, [
        ...new Set(unknown.map((c) => c.reading.dedupeKey)),
      ]);
      const programs: CallProgramRow[] = [];
      const calls: CallRow[] = [];
      const sources: SourceRow[] = [];
      const counts = { new: 0, changed: 0, unchanged: 0, closed: 0 };
      const claimed = new Map<string, string>();
      for (const { reading, hash, contentHash } of batch) {
        const source = known.get(reading.sourceId);
        const ownId = callProgramId(portal, reading.sourceId);
        let programId: string;
        if (source) {
          programId = source.programId;
          if (!source.withdrawn && programId === ownId && source.callHash === hash) {
            counts.unchanged++;
          } else {
            counts.changed++;
            // A call merged into another portal's program keeps that program's reading; only its source row follows.
            if (programId === ownId) {
              const rows = rowsOf(reading, programId, hash);
              programs.push(rows.program);
              calls.push(rows.call);
            }
          }
        } else {
          counts.new++;
          const merged = elsewhere.get(reading.dedupeKey) ?? claimed.get(reading.dedupeKey);
          programId = merged ?? ownId;
          if (!merged) {
            claimed.set(reading.dedupeKey, programId);
            const rows = rowsOf(reading, programId, hash);
            programs.push(rows.program);
            calls.push(rows.call);
          }
        }
        sources.push({
          portal,
          source_id: reading.sourceId,
          program_id: programId,
          url: reading.detailUrl,
          content_hash: contentHash,
        });
      }
      await upsertCallPrograms(tx, programs);
      counts.closed = await upsertCalls(tx, calls, this.options.today);
      await upsertSources(tx, sources, this.runId);
      await enqueueSearchChanges(
        tx,
        programs.map((p) => ({ entityType: "program", entityId: p.id })),
      );
      return counts;
    });
    this.counts.new += outcome.new;
    this.counts.changed += outcome.changed;
    this.counts.unchanged += outcome.unchanged;
    this.counts.closed += outcome.closed;
  }

  /**
   * Ends the run. After a complete run (every page of the portal's listing was read), calls the
   * run did not see are closed as withdrawn; calls whose last day has passed are closed in any case.
   */
  async finish(complete: boolean, extraErrors: RunError[] = []): Promise<ImportReport> {
    this.errors.push(...extraErrors);
    const closed = await this.db.transaction().execute(async (tx) => {
      const withdrawn = complete ? await withdrawUnseen(tx, this.portal, [...this.seen.keys()]) : [];
      await enqueueSearchChanges(
        tx,
        withdrawn.map((id) => ({ entityType: "program", entityId: id })),
      );
      return withdrawn.length + (await closePassedWindows(tx, this.options.today));
    });
    this.counts.closed += closed;
    await finishRun(this.db, this.runId, complete, this.counts, this.errors);
    return { runId: this.runId, portal: this.portal, complete, counts: { ...this.counts }, errors: [...this.errors] };
  }
}

/** Imports one saved reply's records in one run. */
export async function importRecords(
  db: Kysely<Database>,
  portal: Portal,
  records: readonly unknown[],
  options: { mode?: "file" | "sync"; complete?: boolean; today: string; table?: readonly SupportFieldRule[] },
): Promise<ImportReport> {
  const run = new ProgramImport(db, portal, {
    mode: options.mode ?? "file",
    today: options.today,
    table: options.table,
  });
  await run.start();
  await run.add(records);
  return run.finish(options.complete ?? false);
}
