/**
 * The request edge: everything a request meets before Remix, in order — a
 * request id and a log line, security headers with a CSP nonce, same-origin
 * and media-type checks, body limits (before reading and while streaming),
 * rate limits on the public API, then Remix with the counted body.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Express, RequestHandler } from "express";
import type { Services } from "~/services.server";
import { bodyGuard } from "./body.server";
import { cspNonce, securityHeaders } from "./headers.server";
import { requestLogging } from "./logging.server";
import { sameOriginGuard } from "./origin.server";
import { apiRateLimit } from "./rate-limit.server";
import { remixHandler } from "./remix.server";

/** Mounted first: ids, logs and headers apply to static files too. */
export function edgeBefore(app: Express, services: Services): void {
  const hops = services.config.trustProxyHops ?? 0;
  // The client address is the X-Forwarded-For entry `hops` from the end; earlier entries are the client's own claims.
  if (hops > 0) app.set("trust proxy", hops);
  app.use(requestLogging());
  app.use(cspNonce);
  app.use(securityHeaders(services.config));
}

/** Mounted after the static files: the checks, then Remix. */
export function edgeToRemix(
  services: Services,
  handle: (request: Request, context: AppLoadContext) => Promise<Response>,
): RequestHandler[] {
  const limitApi = apiRateLimit(services.config.apiRateLimit ?? 0);
  return [
    sameOriginGuard(services.config.trustProxyHops ?? 0),
    bodyGuard,
    (req, res, next) => (req.path.startsWith("/api/") ? limitApi(req, res, next) : next()),
    remixHandler(handle, (req, res) => ({
      services,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: res.locals.cspNonce as string,
    })),
  ];
}
