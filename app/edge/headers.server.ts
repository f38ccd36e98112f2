import { randomBytes } from "node:crypto";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import helmet from "helmet";
import type { AppConfig } from "~/config.server";

/** A fresh nonce per response: Remix's inline scripts carry it, nothing injected into the page can. */
export function cspNonce(_req: ExpressRequest, res: ExpressResponse, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

/** Where a configured basemap (MAP_STYLE_URL, or MAP_PMTILES_URL with MAP_ASSETS_URL) loads its style, tiles, sprites and glyphs from. */
function mapOrigins(config: AppConfig): string[] {
  const { basemap } = config;
  if (basemap.kind === "style") return [new URL(basemap.url).origin];
  if (basemap.kind === "pmtiles")
    return [...new Set([new URL(basemap.archiveUrl).origin, new URL(basemap.assetsUrl).origin])];
  return [];
}

/**
 * The policy, enforced: scripts only from this origin or with the response's
 * nonce; MapLibre's worker from this origin or a blob; no framing at all (the
 * council forms cannot be clickjacked); style attributes allowed (React's
 * `style` props and MapLibre's markers set them), style sheets only from here.
 */
export function contentSecurityPolicy(
  config: AppConfig,
): Record<string, Iterable<string | ((req: unknown, res: unknown) => string)>> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", (_req, res) => `'nonce-${(res as ExpressResponse).locals.cspNonce as string}'`],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...mapOrigins(config)],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...mapOrigins(config)],
    "worker-src": ["'self'", "blob:"],
    "child-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

/**
 * helmet's headers on every answer (pages, assets, API JSON, edge errors):
 * the CSP above, nosniff, frame denial, a same-origin referrer; HSTS only in
 * production, where the app is served over HTTPS (on plain HTTP at 127.0.0.1
 * it would pin a developer's browser to HTTPS for a year).
 */
export function securityHeaders(config: AppConfig) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    strictTransportSecurity:
      config.env === "production" ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
    // The map's styles and tiles may come from another origin that sends no CORP header.
    crossOriginEmbedderPolicy: false,
  });
}
