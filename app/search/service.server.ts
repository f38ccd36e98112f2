import type { Kysely } from "kysely";
import { ChangeListener } from "../../db/listen";
import {
  claimPendingChanges,
  currentLogPosition,
  logLag,
  markDeliveredIn,
  markDelivered,
  markFailed,
  outboxLag,
  readLog,
  type LogCursor,
  type OutboxLag,
} from "../../db/queries/outbox";
import type { Database } from "../../db/schema";
import { EmbeddedSearchEngine } from "./embedded/engine";
import { searchChanges, searchDocuments } from "./source.server";
import type { SearchEngine, SearchQuery, SearchResult } from "./types";

export interface ServedSearchResult extends SearchResult {
  /** The engine that answered. */
  engine: SearchEngine["name"];
  /** True when the configured engine failed and the embedded copy answered instead. */
  degraded: boolean;
}

export interface SearchHealth {
  engine: SearchEngine["name"];
  reachable: boolean;
  detail?: string;
  /** Undelivered changes: to the shared engine, or past this process's position for the embedded one. */
  outbox: OutboxLag;
  lastSyncError: string | null;
}

export interface SearchServiceOptions {
  /** Pause between outbox polls when nothing failed (the floor: notifications usually come first). */
  pollMs?: number;
  /** First retry delay after a failed delivery; it doubles up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  batchSize?: number;
  /** A PostgreSQL server to LISTEN on for new changes; none for PGlite, which only this process writes. */
  listenUrl?: string | null;
  log?: (message: string) => void;
}

/** Listeners wake on this channel; the outbox trigger (migration 005) notifies it. */
const CHANGE_CHANNEL = "search_outbox";

/**
 * Serves search and keeps the engines in step with the database, through the
 * outbox only, so that nothing changed while an engine was away is lost.
 *
 * Every process has its own embedded index (the engine itself, or the stand-in
 * next to Meilisearch) and follows the change log from its own position, so a
 * change made through any process reaches every process's index: promptly on a
 * notification, at the latest on the next poll. A shared Meilisearch is fed
 * once, by whichever process claims each change first (FOR UPDATE SKIP LOCKED).
 */
export class SearchService {
  private readonly embedded: EmbeddedSearchEngine;
  /** The engine all processes share, when it is not the embedded one. */
  private readonly shared: SearchEngine | null;
  private cursor: LogCursor = { snapshot: "1:1:" };
  private listener: ChangeListener | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeRequested = false;
  private consecutiveFailures = 0;
  private lastSyncError: string | null = null;
  private stopped = true;
  private readonly pollMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly batchSize: number;
  private readonly listenUrl: string | null;
  private readonly log: (message: string) => void;

  constructor(
    private readonly db: Kysely<Database>,
    readonly primary: SearchEngine,
    options: SearchServiceOptions = {},
  ) {
    this.embedded = primary instanceof EmbeddedSearchEngine ? primary : new EmbeddedSearchEngine();
    this.shared = primary instanceof EmbeddedSearchEngine ? null : primary;
    this.pollMs = options.pollMs ?? 1000;
    this.baseBackoffMs = options.baseBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.batchSize = options.batchSize ?? 500;
    this.listenUrl = options.listenUrl ?? null;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  /**
   * Loads the embedded index from one snapshot of the database and starts
   * following the log where that snapshot ends. Meilisearch keeps its own state
   * and catches up from the outbox instead.
   */
  async initialize(): Promise<void> {
    const { position, documents } = await this.snapshot();
    await this.embedded.replaceAll(documents);
    this.cursor = position;
    if (this.shared) {
      try {
        await this.shared.configure();
      } catch (error) {
        this.recordFailure(error);
      }
    }
  }

  /**
   * Every document as of one snapshot, and that snapshot as a log position:
   * the changes after it are exactly those the documents do not hold.
   */
  private snapshot(): Promise<{ position: LogCursor; documents: Awaited<ReturnType<typeof searchDocuments>> }> {
    return this.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (trx) => {
        // The first statement fixes the transaction's snapshot, so the position is the documents' own.
        const position = await currentLogPosition(trx);
        return { position, documents: await searchDocuments(trx) };
      });
  }

  /** Starts the delivery loop and, on PostgreSQL, the change listener. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
    if (this.listenUrl) {
      this.listener = new ChangeListener(this.listenUrl, CHANGE_CHANNEL, () => this.wake());
      void this.listener.start();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.listener?.close();
    this.listener = null;
    await this.running;
  }

  /** A change was announced: run a pass now rather than at the next poll. */
  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Applies and delivers pending changes now (after a write, so searches see it at once). */
  async syncNow(): Promise<boolean> {
    while (this.running) await this.running;
    const run = this.pass();
    this.running = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  /** Rebuilds every engine from the database, with progress. */
  async rebuild(onProgress?: (done: number, total: number) => void): Promise<number> {
    const { position, documents } = await this.snapshot();
    if (this.shared) {
      await this.shared.configure();
      await this.shared.replaceAll(documents, onProgress);
      await markDeliveredIn(this.db, position);
    }
    await this.embedded.replaceAll(documents, this.shared ? undefined : onProgress);
    this.cursor = position;
    return documents.length;
  }

  async search(query: SearchQuery): Promise<ServedSearchResult> {
    if (!this.shared) return { ...(await this.embedded.search(query)), engine: this.embedded.name, degraded: false };
    try {
      return { ...(await this.shared.search(query)), engine: this.shared.name, degraded: false };
    } catch (error) {
      this.log(`search: ${this.shared.name} failed, answering from the embedded engine: ${messageOf(error)}`);
      return { ...(await this.embedded.search(query)), engine: this.embedded.name, degraded: true };
    }
  }

  async health(): Promise<SearchHealth> {
    const health = await this.primary.health().catch((error: unknown) => ({ ok: false, detail: messageOf(error) }));
    return {
      engine: this.primary.name,
      reachable: health.ok,
      ...(health.detail ? { detail: health.detail } : {}),
      outbox: this.shared ? await outboxLag(this.db) : await logLag(this.db, this.cursor),
      lastSyncError: this.lastSyncError,
    };
  }

  /** One pass: this process's index follows the log, then the shared engine gets what is unclaimed. True when nothing failed. */
  private async pass(): Promise<boolean> {
    await this.follow();
    if (!this.shared) {
      this.consecutiveFailures = 0;
      this.lastSyncError = null;
      return true;
    }
    return this.deliverShared(this.shared);
  }

  private async follow(): Promise<void> {
    const { changes, next } = await readLog(this.db, this.cursor);
    for (let start = 0; start < changes.length; start += this.batchSize) {
      const { upserts, deletes } = await searchChanges(
        this.db,
        changes
          .slice(start, start + this.batchSize)
          .map((change) => ({ type: change.entityType, id: change.entityId })),
      );
      await this.embedded.upsert(upserts);
      await this.embedded.delete(deletes);
    }
    this.cursor = next;
  }

  private async deliverShared(engine: SearchEngine): Promise<boolean> {
    for (;;) {
      const outcome = await this.db.transaction().execute(async (trx) => {
        const claimed = await claimPendingChanges(trx, this.batchSize);
        if (claimed.length === 0) return "done" as const;
        const ids = claimed.map((change) => change.id);
        const { upserts, deletes } = await searchChanges(
          trx,
          claimed.map((change) => ({ type: change.entityType, id: change.entityId })),
        );
        try {
          await engine.upsert(upserts);
          await engine.delete(deletes);
        } catch (error) {
          this.recordFailure(error);
          await markFailed(trx, ids, messageOf(error));
          return "failed" as const;
        }
        await markDelivered(trx, ids);
        return claimed.length < this.batchSize ? ("done" as const) : ("more" as const);
      });
      if (outcome === "failed") return false;
      this.consecutiveFailures = 0;
      this.lastSyncError = null;
      if (outcome === "done") return true;
    }
  }

  private recordFailure(error: unknown): void {
    this.consecutiveFailures += 1;
    this.lastSyncError = messageOf(error);
    this.log(`search sync: ${this.primary.name} failed (attempt ${this.consecutiveFailures}): ${this.lastSyncError}`);
  }

  /** Delay before the next pass: the poll interval, or an exponential backoff after failures. */
  nextDelayMs(): number {
    if (this.consecutiveFailures === 0) return this.pollMs;
    return Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** (this.consecutiveFailures - 1));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow()
        .catch((error: unknown) => this.recordFailure(error))
        .finally(() => {
          const woken = this.wakeRequested;
          this.wakeRequested = false;
          if (this.stopped) return;
          if (this.timer) clearTimeout(this.timer);
          this.schedule(woken ? 0 : this.nextDelayMs());
        });
    }, delayMs);
    this.timer.unref();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
