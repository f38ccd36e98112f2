import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { logEvent } from "~/log.server";
import { issue } from "~/validation";
import { sendError } from "./answer.server";

const WINDOW_MS = 60_000;

function secondsUntilReset(req: ExpressRequest): number {
  const reset = (req as ExpressRequest & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
}

/**
 * Requests per address per minute on the public JSON API (`/api/*`), counted
 * in this process's memory: with WEB_CONCURRENCY=N an address may get up to N
 * times the limit, which is still a bound. IPv6 addresses count per /56, the
 * block one subscriber usually holds. 0 turns the limit off (load tests).
 */
export function apiRateLimit(perMinute: number) {
  if (perMinute <= 0) return (_req: ExpressRequest, _res: ExpressResponse, next: () => void) => next();
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown"),
    handler: (req, res) => {
      const seconds = secondsUntilReset(req);
      logEvent({ event: "rate_limited", limit: "api", retryAfterSeconds: seconds });
      sendError(req, res, 429, [issue("", "rate_limited", { seconds })], { "Retry-After": String(seconds) });
    },
  });
}
