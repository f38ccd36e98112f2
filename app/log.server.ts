import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

/** What the edge knows about the request being served, for every log line written while serving it. */
export interface RequestLogContext {
  requestId: string;
  method: string;
  path: string;
  address: string;
}

/*
 * The server process is one build, but the integration tests serve the Remix
 * build beside their own copy of the app's modules (test/integration/app-server.ts),
 * so the logger and the request context live on globalThis: both copies write
 * through one logger and see one request id.
 */
const SHARED = Symbol.for("clusterlink.log");
type Shared = { logger: Logger; requests: AsyncLocalStorage<RequestLogContext> };
const OPTIONS: LoggerOptions = {
  base: { service: "clusterlink" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
};
const shared: Shared =
  ((globalThis as Record<symbol, unknown>)[SHARED] as Shared | undefined) ??
  ((globalThis as Record<symbol, unknown>)[SHARED] = {
    logger: pino({ ...OPTIONS, level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info") }),
    requests: new AsyncLocalStorage<RequestLogContext>(),
  } satisfies Shared);

/** The one JSON logger of the process (LOG_LEVEL, default info; silent under the test runner). */
export function logger(): Logger {
  return shared.logger;
}

/** Sends every later line to another stream (tests read the events they cause). */
export function logTo(destination: DestinationStream, level = "info"): void {
  shared.logger = pino({ ...OPTIONS, level }, destination);
}

/** Runs the rest of a request with its context, so events logged anywhere carry its request id. */
export function withRequestContext<T>(context: RequestLogContext, run: () => T): T {
  return shared.requests.run(context, run);
}

export function currentRequest(): RequestLogContext | undefined {
  return shared.requests.getStore();
}

export type SecurityEvent =
  | {
      event: "login";
      outcome: "succeeded" | "failed" | "throttled";
      email: string;
      address: string;
      retryAfterSeconds?: number;
    }
  | { event: "access_denied"; reason: string; userId?: string }
  | { event: "cross_site_refused"; origin: string }
  | { event: "rate_limited"; limit: string; retryAfterSeconds: number }
  | { event: "password_changed"; userId: string; by: "self" | "admin"; actorId: string };

/** One structured event (auth failures, denials, throttling), with the request it happened in. */
export function logEvent(entry: SecurityEvent): void {
  const request = currentRequest();
  const line = request ? { ...entry, requestId: request.requestId, method: request.method, path: request.path } : entry;
  const level =
    entry.event === "login" && entry.outcome === "succeeded"
      ? "info"
      : entry.event === "password_changed"
        ? "info"
        : "warn";
  shared.logger[level](line, entry.event);
}
