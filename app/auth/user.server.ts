import { redirect } from "@remix-run/node";
import type { Role } from "~/domain/accounts";
import { logEvent } from "~/log.server";
import type { Services } from "~/services.server";
import { loadSession } from "./session.server";

export type { Role };

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  regionCode: string | null;
}

/** The signed-in user, or null (no cookie, unknown, revoked or expired session, disabled account). */
export async function getCurrentUser(request: Request, services: Services): Promise<SessionUser | null> {
  const session = await loadSession(request, services);
  return session ? session.user : null;
}

/** Where to come back to after signing in: this request's path, for pages; the referring page for form posts. */
function returnPath(request: Request): string {
  const url = new URL(request.url);
  if (request.method === "GET" || request.method === "HEAD") return `${url.pathname}${url.search}`;
  const referer = request.headers.get("Referer");
  if (referer) {
    try {
      const from = new URL(referer);
      if (from.origin === url.origin) return `${from.pathname}${from.search}`;
    } catch {
      // An unparseable Referer is ignored: the form's own path is used instead.
    }
  }
  return url.pathname;
}

export function signInRedirect(request: Request): Response {
  return redirect(`/login?redirectTo=${encodeURIComponent(returnPath(request))}`);
}

/** A 403, logged as an access_denied event with why (role, region, csrf_token, cross_site, …) and who. */
export function forbidden(reason = "not_permitted", user?: { id: string }): Response {
  logEvent({ event: "access_denied", reason, userId: user?.id });
  return new Response("Forbidden", { status: 403 });
}

/**
 * The signed-in user with one of the allowed roles. Throws a redirect to the
 * sign-in page when nobody is signed in, and a 403 when the role is not allowed.
 */
export async function requireUser(
  request: Request,
  services: Services,
  options: { roles?: Role[] } = {},
): Promise<SessionUser> {
  const user = await getCurrentUser(request, services);
  if (!user) throw signInRedirect(request);
  if (options.roles && !options.roles.includes(user.role)) throw forbidden("role", user);
  return user;
}
