import type { Kysely } from "kysely";
import { latestChangeId, listPendingChanges, markAllDelivered, markDelivered, markFailed, outboxLag, type OutboxLag } from "../../db/queries/outbox";
import { loadAllSearchDocuments, loadSearchChanges } from "../../db/queries/search-source";
import type { Database } from "../../db/schema";
import { EmbeddedSearchEngine } from "./embedded/engine";
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
  outbox: OutboxLag;
  lastSyncError: string | null;
}

export interface SearchServiceOptions {
  /** Pause between outbox polls when nothing failed. */
  pollMs?: number;
  /** First retry delay after a failed delivery; it doubles up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  batchSize?: number;
  log?: (message: string) => void;
}

/**
 * Serves search and keeps the engine in step with the database. Changes reach
 * the engine only through the outbox, so a change made while the engine is
 * down is delivered when it returns. When the primary engine is Meilisearch,
 * an embedded copy is kept as well and answers while Meilisearch is unreachable.
 */
export class SearchService {
  private readonly fallback: EmbeddedSearchEngine | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private consecutiveFailures = 0;
  private lastSyncError: string | null = null;
  private stopped = true;
  private readonly pollMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly batchSize: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly db: Kysely<Database>,
    readonly primary: SearchEngine,
    options: SearchServiceOptions = {},
  ) {
    this.fallback = primary instanceof EmbeddedSearchEngine ? null : new EmbeddedSearchEngine();
    this.pollMs = options.pollMs ?? 1000;
    this.baseBackoffMs = options.baseBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.batchSize = options.batchSize ?? 500;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  /**
   * Loads the embedded engine from the database. The embedded engine lives in
   * memory, so what it holds is the database as of now: everything queued so far
   * counts as delivered to it. Meilisearch keeps its own state and catches up
   * from the outbox instead.
   */
  async initialize(): Promise<void> {
    const upTo = await latestChangeId(this.db);
    const documents = await loadAllSearchDocuments(this.db);
    if (this.fallback) {
      await this.fallback.replaceAll(documents);
      try {
        await this.primary.configure();
      } catch (error) {
        this.recordFailure(error);
      }
    } else {
      await this.primary.replaceAll(documents);
      await markAllDelivered(this.db, upTo);
    }
  }

  /** Starts the delivery loop. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Delivers pending changes now (after a write, so searches see it at once). */
  async syncNow(): Promise<boolean> {
    while (this.running) await this.running;
    const run = this.deliverPending();
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
    const upTo = await latestChangeId(this.db);
    const documents = await loadAllSearchDocuments(this.db);
    await this.primary.configure();
    await this.primary.replaceAll(documents, onProgress);
    if (this.fallback) await this.fallback.replaceAll(documents);
    await markAllDelivered(this.db, upTo);
    return documents.length;
  }

  async search(query: SearchQuery): Promise<ServedSearchResult> {
    if (!this.fallback) return { ...(await this.primary.search(query)), engine: this.primary.name, degraded: false };
    try {
      return { ...(await this.primary.search(query)), engine: this.primary.name, degraded: false };
    } catch (error) {
      this.log(`search: ${this.primary.name} failed, answering from the embedded engine: ${messageOf(error)}`);
      return { ...(await this.fallback.search(query)), engine: this.fallback.name, degraded: true };
    }
  }

  async health(): Promise<SearchHealth> {
    const health = await this.primary.health().catch((error: unknown) => ({ ok: false, detail: messageOf(error) }));
    return {
      engine: this.primary.name,
      reachable: health.ok,
      ...(health.detail ? { detail: health.detail } : {}),
      outbox: await outboxLag(this.db),
      lastSyncError: this.lastSyncError,
    };
  }

  /** One delivery pass; true when nothing is left pending or failing. */
  private async deliverPending(): Promise<boolean> {
    for (;;) {
      const pending = await listPendingChanges(this.db, this.batchSize);
      if (pending.length === 0) {
        this.consecutiveFailures = 0;
        this.lastSyncError = null;
        return true;
      }
      const refs = pending.map((change) => ({ type: change.entityType, id: change.entityId }));
      const { upserts, deletes } = await loadSearchChanges(this.db, refs);
      if (this.fallback) {
        await this.fallback.upsert(upserts);
        await this.fallback.delete(deletes);
      }
      const ids = pending.map((change) => change.id);
      try {
        await this.primary.upsert(upserts);
        await this.primary.delete(deletes);
      } catch (error) {
        this.recordFailure(error);
        await markFailed(this.db, ids, messageOf(error));
        return false;
      }
      await markDelivered(this.db, ids);
      this.consecutiveFailures = 0;
      this.lastSyncError = null;
      if (pending.length < this.batchSize) return true;
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
        .finally(() => this.schedule(this.nextDelayMs()));
    }, delayMs);
    this.timer.unref();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
