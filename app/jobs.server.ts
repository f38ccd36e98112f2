import type { Kysely, Transaction } from "kysely";
import { claimJobRun, finishJobRun, withAdvisoryLock } from "../db/queries/locks";
import type { Database } from "../db/schema";

export interface Job {
  name: string;
  /** At most one run per this many seconds, across every process on the database. */
  everySeconds: number;
  /** Runs inside the transaction that holds the job's advisory lock. */
  run(trx: Transaction<Database>): Promise<void>;
}

export interface SchedulerOptions {
  /** How often each process looks for due jobs. */
  tickMs?: number;
  log?: (message: string) => void;
}

/**
 * Background jobs that must run once, not once per process: every process
 * ticks, and a job runs only in the process that gets its advisory lock and
 * finds its last start older than its interval (job_runs).
 */
export class JobScheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<string[]> | null = null;
  private readonly tickMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly jobs: Job[],
    options: SchedulerOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 60_000;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  start(): void {
    // A random first delay spreads the processes' ticks apart.
    this.schedule(Math.round(Math.random() * Math.min(this.tickMs, 5000)));
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** Runs the jobs that are due; returns the names of those this process ran. */
  async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      try {
        const outcome = await withAdvisoryLock(this.db, `job:${job.name}`, async (trx) => {
          if (!(await claimJobRun(trx, job.name, job.everySeconds))) return false;
          await job.run(trx);
          await finishJobRun(trx, job.name, null);
          return true;
        });
        if (outcome.ran && outcome.value) ran.push(job.name);
      } catch (error) {
        this.log(
          JSON.stringify({
            event: "job_failed",
            job: job.name,
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      }
    }
    return ran;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.ticking = this.runDue().finally(() => {
        this.ticking = null;
        if (this.timer) this.schedule(this.tickMs);
      });
    }, delayMs);
    this.timer.unref();
  }
}
