import type { z } from "zod";
import { resolveLang } from "~/i18n";
import { issue, type FieldIssue } from "./issue";
import { check, entriesObject } from "./parse";
import { invalidResponse } from "./render";

export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 413 | 415; issues: FieldIssue[] };

/** Reads a request body up to a limit, stopping as soon as it is passed (never buffering more). */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** A JSON body, parsed: 415 for another content type, 413 past the limit, 400 for text that is not JSON. */
export async function readJsonValue(request: Request, options: { maxBytes: number }): Promise<BodyResult<unknown>> {
  if (mediaType(request) !== "application/json")
    return { ok: false, status: 415, issues: [issue("", "content_type", { expected: "application/json" })] };
  const body = await readLimitedText(request, options.maxBytes);
  if (body === null)
    return {
      ok: false,
      status: 413,
      issues: [issue("", "body_too_large", { maxKb: Math.round(options.maxBytes / 1024) })],
    };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, status: 400, issues: [issue("", "body_not_json")] };
  }
}

/** A JSON body checked by a schema (400 for bad fields, besides readJsonValue's answers). */
export async function readJson<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  options: { maxBytes: number },
): Promise<BodyResult<z.output<S>>> {
  const body = await readJsonValue(request, options);
  if (!body.ok) return body;
  const checked = check(schema, body.value);
  return checked.ok ? checked : { ok: false, status: 400, issues: checked.issues };
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** Thrown by loaders and actions for input they cannot use; routes answer it with the app's error body. */
export class InputError extends Error {
  constructor(
    readonly issues: FieldIssue[],
    readonly status: 400 | 404 | 413 | 415 = 400,
  ) {
    super(issues.map((i) => `${i.field}: ${i.code}`).join("; "));
    this.name = "InputError";
  }
}

/** Query parameters checked by a schema; a problem throws an InputError (answered as 400). */
export function queryOrThrow<S extends z.ZodTypeAny>(params: URLSearchParams, schema: S): z.output<S> {
  const checked = check(schema, entriesObject(params));
  if (!checked.ok) throw new InputError(checked.issues);
  return checked.value;
}

/** A page's query parameters checked by a schema; a problem is thrown as a 400 whose reasons the page's error boundary lists. */
export function pageQueryOrThrow<S extends z.ZodTypeAny>(request: Request, schema: S): z.output<S> {
  const checked = check(schema, entriesObject(new URL(request.url).searchParams));
  if (!checked.ok) throw invalidResponse(checked.issues, resolveLang(request).lang);
  return checked.value;
}

/** The form data of a form post; any other body is answered 415 (a thrown Response, as loaders and actions do). */
export async function formDataOrThrow(request: Request): Promise<FormData> {
  const { lang } = resolveLang(request);
  if (!FORM_TYPES.includes(mediaType(request)))
    throw invalidResponse([issue("", "content_type", { expected: FORM_TYPES.join(" / ") })], lang, { status: 415 });
  try {
    return await request.formData();
  } catch {
    throw invalidResponse([issue("", "wrong_type", { expected: "object" })], lang);
  }
}
