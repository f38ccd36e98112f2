import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { resolveLang, t, type Lang } from "~/i18n";
import { plainPage, wantsJson } from "~/plain-page";
import { errorBody, type FieldIssue } from "~/validation";

/** The request's language by the app's one rule (`?lang=`, then the cookie, then Korean). */
export function langOf(req: ExpressRequest): Lang {
  return resolveLang(
    new Request(`http://edge${req.originalUrl.startsWith("/") ? req.originalUrl : "/"}`, {
      headers: { Cookie: req.headers.cookie ?? "" },
    }),
  ).lang;
}

const PAGE_TITLES = {
  403: "forbiddenTitle",
  413: "refusedTooLargeTitle",
  415: "refusedMediaTypeTitle",
  429: "refusedTooManyTitle",
} as const;

function pageTitle(lang: Lang, status: number): string {
  return t(lang, status in PAGE_TITLES ? PAGE_TITLES[status as keyof typeof PAGE_TITLES] : "errorTitle");
}

/**
 * An edge answer: the app's error body, `{ errors: [{ field, code, message, ko, en }] }`, or,
 * for a page the browser asked for (a form posted without JavaScript), the same messages on a page.
 */
export function sendError(
  req: ExpressRequest,
  res: ExpressResponse,
  status: number,
  issues: FieldIssue[],
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  const lang = langOf(req);
  const body = errorBody(issues, lang);
  if (wantsJson(req.path, req.headers.accept ?? "")) {
    res.status(status).json(body);
    return;
  }
  const lines = body.errors.map((error) => error.message);
  res
    .status(status)
    .type("html")
    .send(plainPage(lang, { title: pageTitle(lang, status), lines, testId: "refused" }));
}
