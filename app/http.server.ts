/** Answers of the JSON API that are not data: every one has the app's error body. */
import { resolveLang } from "~/i18n";
import { InputError } from "~/validation/request.server";
import { issue, invalidResponse, type FieldIssue } from "~/validation";

/** An error answer in the language of the request (`?lang=`, then the cookie). */
export function errorResponse(request: Request, status: number, issues: FieldIssue[], headers?: HeadersInit): Response {
  return invalidResponse(issues, resolveLang(request).lang, { status, headers });
}

export function notFound(request: Request, field = ""): Response {
  return errorResponse(request, 404, [issue(field, "not_found")]);
}

export function methodNotAllowed(request: Request, allowed: string): Response {
  return errorResponse(request, 405, [issue("", "method_not_allowed", { allowed })], { Allow: allowed });
}

/** Runs an API handler; input it cannot use (an InputError) is answered with the error body. */
export async function answeringInputErrors(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputError) return errorResponse(request, error.status, error.issues);
    throw error;
  }
}
