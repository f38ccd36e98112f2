import type { Kysely } from "kysely";
import { today } from "~/clock";
import type { ProgramSourceConfig } from "~/config.server";
import { withSessionAdvisoryLock } from "~db/queries/locks";
import { lastCompleteSync } from "~db/queries/program-calls";
import type { Database } from "~db/schema";
import { configuredPortals, DEFAULT_FETCH_POLICY, syncPortal, type FetchPolicy, type SyncOutcome } from "./sync.server";

/** The advisory-lock key of the announcement sync: any number of app processes on one database, one sync at a time. */
export const PROGRAM_SYNC_LOCK = "program-sync";
export const SYNC_EVERY_MS = 24 * 3600_000;
/** How often a process looks whether a day has passed since the last complete sync. */
export const CHECK_EVERY_MS = 3600_000;

export interface DailySyncOptions {
  db: Kysely<Database>;
  sources: ProgramSourceConfig;
  policy?: FetchPolicy;
  checkEveryMs?: number;
  syncEveryMs?: number;
  log?: (line: string) => void;
}

export interface DailySync {
  /** One check now: under the lock, syncs each keyed portal whose last complete sync is a day old. */
  runOnce(): Promise<{ ran: boolean; outcomes: SyncOutcome[] }>;
  stop(): Promise<void>;
}

/**
 * The daily background sync, self-contained so that it can move onto a shared scheduler: a timer
 * that asks, and a database lock that decides. Every process checks hourly; the one that gets
 * `pg_try_advisory_lock` syncs, the others skip, and the recorded last run keeps it daily.
 */
export function startDailySync(options: DailySyncOptions): DailySync {
  const log = options.log ?? ((line: string) => console.log(line));
  const portals = configuredPortals(options.sources);
  let running: Promise<unknown> | null = null;
  let stopped = false;

  async function runOnce(): Promise<{ ran: boolean; outcomes: SyncOutcome[] }> {
    const locked = await withSessionAdvisoryLock(options.db, PROGRAM_SYNC_LOCK, async (db) => {
      const outcomes: SyncOutcome[] = [];
      for (const portal of portals) {
        if (stopped) break;
        const last = await lastCompleteSync(db, portal);
        if (last && Date.now() - last.getTime() < (options.syncEveryMs ?? SYNC_EVERY_MS)) continue;
        const outcome = await syncPortal(db, portal, options.sources, today(), {
          ...(options.policy ?? DEFAULT_FETCH_POLICY),
          log,
        });
        const c = outcome.report.counts;
        log(
          `program sync ${portal}: ${c.new} new, ${c.changed} changed, ${c.closed} closed, ${c.rejected} rejected${outcome.error ? `; ${outcome.error.message}` : ""}`,
        );
        outcomes.push(outcome);
      }
      return outcomes;
    });
    return locked.ran ? { ran: true, outcomes: locked.value } : { ran: false, outcomes: [] };
  }

  const tick = () => {
    if (running || stopped || portals.length === 0) return;
    running = runOnce()
      .catch((error: unknown) => log(`program sync failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = portals.length > 0 ? setInterval(tick, options.checkEveryMs ?? CHECK_EVERY_MS) : null;
  timer?.unref();
  // The first check soon after start, not an hour later.
  const first = portals.length > 0 ? setTimeout(tick, 5_000) : null;
  first?.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      await running;
    },
  };
}
