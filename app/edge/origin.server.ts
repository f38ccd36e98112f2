import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { logEvent } from "~/log.server";
import { issue } from "~/validation";
import { carriesBody, refuseUnread } from "./body.server";

/**
 * The host the request was addressed to. X-Forwarded-Host counts only from a
 * trusted proxy; otherwise a client could name any host and pass as same-origin.
 */
export function requestedHost(req: ExpressRequest, trustProxyHops: number): string | undefined {
  const forwarded = trustProxyHops > 0 ? req.headers["x-forwarded-host"]?.toString().split(",")[0]?.trim() : undefined;
  return forwarded || req.headers.host;
}

/** Why a state-changing request is cross-site, or null when it comes from this site's own pages. */
export function crossSiteReason(req: ExpressRequest, trustProxyHops: number): string | null {
  const origin = req.headers.origin;
  if (origin === undefined) {
    // Without Origin (older browsers, some same-origin posts), Fetch Metadata still tells a cross-site post.
    const site = req.headers["sec-fetch-site"];
    return site === "cross-site" || site === "same-site" ? `sec-fetch-site ${site}` : null;
  }
  // "null" is what sandboxed frames and privacy-sensitive redirects send: no site vouches for it.
  if (origin === "null") return "origin null";
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return "origin unreadable";
  }
  const host = requestedHost(req, trustProxyHops);
  if (!host || parsed.host !== host || parsed.protocol !== `${req.protocol}:`) return "origin foreign";
  return null;
}

/**
 * Refuses POSTs (and other unsafe methods) from other sites with 403 and the
 * app's error body, before Remix, whose own check answers such a request with
 * an empty 500. Untrusted X-Forwarded-Host is dropped so Remix never compares with it.
 */
export function sameOriginGuard(trustProxyHops: number) {
  return (req: ExpressRequest, res: ExpressResponse, next: () => void): void => {
    if (trustProxyHops === 0) delete req.headers["x-forwarded-host"];
    if (!carriesBody(req.method)) return next();
    const reason = crossSiteReason(req, trustProxyHops);
    if (reason === null) return next();
    logEvent({ event: "cross_site_refused", origin: String(req.headers.origin ?? reason).slice(0, 200) });
    refuseUnread(req, res, 403, [issue("", "cross_site")]);
  };
}
