import type { Role } from "~/domain/accounts";
import type { Services } from "~/services.server";
import { formDataOrThrow } from "~/validation/request.server";
import { loadSession, sameToken } from "./session.server";
import { forbidden, signInRedirect, type SessionUser } from "./user.server";

import { CSRF_FIELD_NAME } from "./csrf";

/**
 * Browsers send Origin on every cross-origin POST (and Chromium and Firefox on
 * same-origin ones too). A POST from another origin is refused outright; a POST
 * without Origin must at least not be marked cross-site by Sec-Fetch-Site.
 */
export function isSameOriginPost(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin !== null) return origin === new URL(request.url).origin;
  const site = request.headers.get("Sec-Fetch-Site");
  return site === null || site === "same-origin" || site === "none";
}

export interface MutationContext {
  user: SessionUser;
  form: FormData;
}

/**
 * Every state-changing POST from a signed-in user goes through here: same
 * origin, signed in (else a redirect to sign-in), a role that may do this
 * (else 403), and the session's CSRF token in the form (else 403).
 */
export async function requireMutation(
  request: Request,
  services: Services,
  options: { roles?: Role[]; parseForm?: (request: Request) => Promise<FormData> } = {},
): Promise<MutationContext> {
  if (request.method !== "POST") throw new Response("Method not allowed", { status: 405 });
  if (!isSameOriginPost(request)) throw forbidden("cross_site");
  const session = await loadSession(request, services);
  if (!session) throw signInRedirect(request);
  if (options.roles && !options.roles.includes(session.user.role)) throw forbidden("role", session.user);
  const form = await (options.parseForm ? options.parseForm(request) : formDataOrThrow(request));
  const token = form.get(CSRF_FIELD_NAME);
  if (typeof token !== "string" || !sameToken(session.csrfToken, token)) throw forbidden("csrf_token", session.user);
  return { user: session.user, form };
}
