import type { AppLoadContext } from "@remix-run/node";
import { errorResponse } from "~/http.server";
import { resolveLang, t } from "~/i18n";
import { plainPage, wantsJson } from "~/plain-page";
import { issue } from "~/validation";
import type { Services } from "~/services.server";

/** Seconds a client is asked to wait before retrying while the database is away. */
export const OUTAGE_RETRY_SECONDS = 5;

const HEALTH_PATH = "/healthz";

/** The 503 answer while the database is unreachable: the app's JSON error body for the API, a small page otherwise. */
export function outageResponse(request: Request): Response {
  const headers = { "Retry-After": String(OUTAGE_RETRY_SECONDS), "Cache-Control": "no-store" };
  if (wantsJson(new URL(request.url).pathname, request.headers.get("Accept") ?? "")) {
    return errorResponse(request, 503, [issue("", "database_unavailable")], headers);
  }
  const { lang } = resolveLang(request);
  const page = plainPage(lang, {
    title: t(lang, "unavailableTitle"),
    lines: [t(lang, "unavailableBody")],
    testId: "outage",
  });
  return new Response(page, {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });
}

type Handler = (request: Request, context: AppLoadContext) => Promise<Response>;

/**
 * Wraps the Remix handler so that no request sees a 500 because the database
 * went away: while it is known to be down, requests are answered 503 at once
 * (the health check still runs, to say so); a request that failed because it
 * lost the database on the way gets the same 503 instead of its error page.
 */
export function answeringOutages(services: Services, handle: Handler): Handler {
  const { availability } = services.database;
  return async (request, context) => {
    const isHealthCheck = new URL(request.url).pathname === HEALTH_PATH;
    if (!availability.available && !isHealthCheck) return outageResponse(request);
    const response = await handle(request, context);
    if (response.status < 500 || availability.available || isHealthCheck) return response;
    await response.body?.cancel().catch(() => undefined);
    return outageResponse(request);
  };
}
