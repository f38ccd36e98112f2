import type pg from "pg";

/** pg and server errors that mean "the database cannot be reached", as opposed to a bad query. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01",
  "57P02",
  "57P03",
]);
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Client was closed/i,
];

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionError);
  return CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message));
}

export interface AvailabilityOptions {
  /** First pause between probes while the database is down; doubles up to maxProbeMs. */
  probeMs?: number;
  maxProbeMs?: number;
  log?: (message: string) => void;
}

/**
 * Whether the database answers, as seen by this process. A connection error
 * from any query marks it down; from then on a probe (`select 1`) runs with
 * backoff until it answers, and the first success marks it up again. Requests
 * read `available` to answer 503 at once instead of waiting on a dead server.
 */
export class DatabaseAvailability {
  private outage: { since: number; reason: string } | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private suspecting = false;
  private readonly probeMs: number;
  private readonly maxProbeMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly pool: pg.Pool,
    private readonly label: string,
    options: AvailabilityOptions = {},
  ) {
    this.probeMs = options.probeMs ?? 250;
    this.maxProbeMs = options.maxProbeMs ?? 2000;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  get available(): boolean {
    return this.outage === null;
  }

  /** Seconds since the outage began, or null while the database answers. */
  get downForSeconds(): number | null {
    return this.outage ? Math.round((Date.now() - this.outage.since) / 1000) : null;
  }

  /** Called with every failed query's error; only connection errors count. */
  report(error: unknown): void {
    if (this.closed || this.outage || !isConnectionError(error)) return;
    this.outage = { since: Date.now(), reason: error instanceof Error ? error.message : String(error) };
    this.log(JSON.stringify({ event: "database_unavailable", database: this.label, reason: this.outage.reason }));
    this.scheduleProbe(0);
  }

  /**
   * An idle connection broke (pg_terminate_backend, a restart): the server may
   * still be there, so it is asked once before anything is marked down.
   */
  suspect(error: unknown): void {
    if (this.closed || this.outage || this.suspecting || !isConnectionError(error)) return;
    this.suspecting = true;
    this.pool.query("select 1").then(
      () => (this.suspecting = false),
      (failure: unknown) => {
        this.suspecting = false;
        this.report(isConnectionError(failure) ? failure : error);
      },
    );
  }

  close(): void {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private scheduleProbe(delayMs: number): void {
    if (this.closed) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      this.pool.query("select 1").then(
        () => {
          if (!this.outage) return;
          const seconds = (Date.now() - this.outage.since) / 1000;
          this.outage = null;
          this.log(
            JSON.stringify({
              event: "database_available",
              database: this.label,
              downSeconds: Number(seconds.toFixed(1)),
            }),
          );
        },
        () => this.scheduleProbe(Math.min(this.maxProbeMs, Math.max(this.probeMs, delayMs * 2))),
      );
    }, delayMs);
    this.probeTimer.unref();
  }
}

/**
 * Waits until PostgreSQL accepts a query, retrying with backoff and saying so,
 * so that the app can start before its database (compose, systemd, a restart).
 */
export async function waitForDatabase(
  pool: pg.Pool,
  label: string,
  options: { timeoutMs?: number; log?: (message: string) => void } = {},
): Promise<void> {
  const log = options.log ?? ((message) => console.warn(message));
  const deadline = Date.now() + (options.timeoutMs ?? 5 * 60_000);
  let delayMs = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query("select 1");
      if (attempt > 1) log(`PostgreSQL at ${label} answers (after ${attempt} attempts).`);
      return;
    } catch (error) {
      if (!isConnectionError(error) || Date.now() + delayMs > deadline) throw error;
      log(
        `Waiting for PostgreSQL at ${label} (attempt ${attempt}, next in ${(delayMs / 1000).toFixed(1)} s): ${error instanceof Error ? error.message || (error as { code?: string }).code : String(error)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(5000, delayMs * 2);
    }
  }
}
