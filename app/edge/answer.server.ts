import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { resolveLang, type Lang } from "~/i18n";
import { errorBody, type FieldIssue } from "~/validation";

/** The request's language by the app's one rule (`?lang=`, then the cookie, then Korean). */
export function langOf(req: ExpressRequest): Lang {
  return resolveLang(
    new Request(`http://edge${req.originalUrl.startsWith("/") ? req.originalUrl : "/"}`, {
      headers: { Cookie: req.headers.cookie ?? "" },
    }),
  ).lang;
}

/** An edge answer with the app's error body, `{ errors: [{ field, code, message, ko, en }] }`. */
export function sendError(
  req: ExpressRequest,
  res: ExpressResponse,
  status: number,
  issues: FieldIssue[],
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.status(status).json(errorBody(issues, langOf(req)));
}
