import { randomUUID } from "node:crypto";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { pinoHttp } from "pino-http";
import { logger, withRequestContext } from "~/log.server";

/** A request id a proxy in front already gave is kept when it looks like one; otherwise a new UUID. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,100}$/;

function requestId(req: ExpressRequest): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && FORWARDED_ID.test(given) ? given : randomUUID();
}

/**
 * One JSON line per request (method, path, status, time, request id) through
 * pino-http; the id is echoed as X-Request-Id and carried by every event
 * logged while the request is served (see logEvent).
 */
export function requestLogging() {
  const http = pinoHttp({
    logger: logger(),
    genReqId: (req, res) => {
      const id = requestId(req as ExpressRequest);
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // Cookies and session tokens stay out of the log; the query string may name a person's search, the path does not.
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split("?")[0],
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request_failed",
    autoLogging: { ignore: (req) => req.url?.startsWith("/assets/") === true },
  });
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction): void => {
    http(req, res);
    withRequestContext(
      {
        requestId: String(req.id),
        method: req.method,
        path: req.path,
        address: req.ip ?? req.socket.remoteAddress ?? "unknown",
      },
      next,
    );
  };
}
