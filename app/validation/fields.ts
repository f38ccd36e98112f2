/**
 * The field types every input of the app is built from, as zod schemas that
 * take `unknown`: JSON values, form and query strings, and CSV cells pass the
 * same rules. No coercion of arrays, objects or booleans into numbers or
 * text; control characters are refused; problems carry the app's issue codes.
 */
import { z } from "zod";
import type { IssueCode, IssueParams } from "./issue";

type Ctx = z.RefinementCtx;

/** Reports an issue from inside a schema; ./parse.ts reads it back. */
export function report<C extends IssueCode>(
  ctx: Ctx,
  code: C,
  ...params: IssueParams[C] extends undefined ? [] : [IssueParams[C]]
): typeof z.NEVER {
  ctx.addIssue({ code: z.ZodIssueCode.custom, params: { issue: code, values: params[0] } });
  return z.NEVER;
}

/**
 * Tab, line feed and carriage return are allowed in multi-line text; every
 * other C0 control, DEL and U+FFFD (the mark of bytes lost in decoding) is not.
 */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F\uFFFD]/;

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** A single string, or undefined when absent or blank; anything else is reported. */
function readString(
  value: unknown,
  ctx: Ctx,
  expected: "text" | "number" = "text",
): string | undefined | typeof z.NEVER {
  if (isBlank(value)) return undefined;
  if (Array.isArray(value)) return report(ctx, "one_value");
  if (typeof value !== "string") return report(ctx, "wrong_type", { expected });
  return value.trim();
}

const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

interface TextOptions {
  max: number;
  multiline?: boolean;
}

function checkText(value: string, options: TextOptions, ctx: Ctx): string | typeof z.NEVER {
  if ((options.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(value)) return report(ctx, "control_chars");
  if ([...value].length > options.max) return report(ctx, "too_long", { max: options.max });
  return value;
}

/** Text as typed (trimmed); markup is kept as text and never interpreted. */
export function text(options: TextOptions & { required: true }): z.ZodType<string, z.ZodTypeDef, unknown>;
export function text(options: TextOptions & { required?: false }): z.ZodType<string | null, z.ZodTypeDef, unknown>;
export function text(options: TextOptions & { required?: boolean }): z.ZodType<string | null, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx) => {
    const value = readString(raw, ctx);
    if (value === z.NEVER) return z.NEVER;
    if (value === undefined) return options.required ? report(ctx, "required") : null;
    return checkText(value, options, ctx);
  });
}

/** One of a fixed set of codes. */
export function choice<T extends string>(
  allowed: readonly T[],
  options: { required: true },
): z.ZodType<T, z.ZodTypeDef, unknown>;
export function choice<T extends string>(
  allowed: readonly T[],
  options?: { required?: false },
): z.ZodType<T | undefined, z.ZodTypeDef, unknown>;
export function choice<T extends string>(
  allowed: readonly T[],
  options: { required?: boolean } = {},
): z.ZodType<T | undefined, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx) => {
    const value = readString(raw, ctx);
    if (value === z.NEVER) return z.NEVER;
    if (value === undefined) return options.required ? report(ctx, "required") : undefined;
    if (!(allowed as readonly string[]).includes(value)) return report(ctx, "unknown_value", { value: shown(value) });
    return value as T;
  });
}

interface ChoicesOptions {
  max?: number;
  unknown?: "unknown_value" | "unknown_ksic" | "unknown_region";
  /**
   * What a single string means: a list separated by semicolons or commas (CSV
   * cells, text fields, query strings: "split"), one item (a form whose field
   * was given once: "one"), or a mistake (JSON, where a list is an array: the default).
   */
  fromText?: "split" | "one";
}

/** A list of codes; duplicates are dropped and the first unknown value is reported. */
export function choices<T extends string>(allowed: readonly T[] | ReadonlySet<string>, options: ChoicesOptions = {}) {
  const known = allowed instanceof Set ? allowed : new Set(allowed as readonly string[]);
  return z.unknown().transform((raw, ctx): T[] => {
    if (isBlank(raw)) return [];
    const fromText =
      typeof raw === "string"
        ? options.fromText === "split"
          ? raw.split(/[;,]/)
          : options.fromText === "one"
            ? [raw]
            : null
        : null;
    const items = fromText ?? (Array.isArray(raw) ? raw : null);
    if (items === null) return report(ctx, "wrong_type", { expected: "list" });
    const values: string[] = [];
    for (const item of items) {
      if (typeof item !== "string") return report(ctx, "wrong_type", { expected: "list" });
      const value = item.trim();
      if (value === "") continue;
      if (CONTROL_SINGLE_LINE.test(value)) return report(ctx, "control_chars");
      if (!known.has(value)) return report(ctx, options.unknown ?? "unknown_value", { value: shown(value) });
      if (!values.includes(value)) values.push(value);
    }
    if (options.max !== undefined && values.length > options.max) return report(ctx, "too_many", { max: options.max });
    return values as T[];
  });
}

interface NumberOptions {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Digits with an optional sign, decimal part and thousands commas ("1,200"); nothing else (no "1e3", "0x10", "Infinity"). */
const NUMERAL = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

function readNumber(raw: unknown, options: NumberOptions, ctx: Ctx): number | undefined | typeof z.NEVER {
  let value: number;
  if (typeof raw === "number") value = raw;
  else {
    const textValue = readString(raw, ctx, "number");
    if (textValue === undefined) return undefined;
    if (textValue === z.NEVER) return z.NEVER;
    if (!NUMERAL.test(textValue)) return report(ctx, "not_a_number");
    value = Number(textValue.replace(/,/g, ""));
  }
  if (!Number.isFinite(value)) return report(ctx, "not_a_number");
  if (options.integer && !Number.isInteger(value)) return report(ctx, "not_whole");
  if (options.min !== undefined && value < options.min) return report(ctx, "too_small", { min: options.min });
  if (options.max !== undefined && value > options.max) return report(ctx, "too_large", { max: options.max });
  return value;
}

/** A number given as a JSON number or as its digits in a string. */
export function number(options: NumberOptions & { required: true }): z.ZodType<number, z.ZodTypeDef, unknown>;
export function number(
  options?: NumberOptions & { required?: false },
): z.ZodType<number | undefined, z.ZodTypeDef, unknown>;
export function number(
  options: NumberOptions & { required?: boolean } = {},
): z.ZodType<number | undefined, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx) => {
    const value = readNumber(raw, options, ctx);
    if (value === undefined && options.required) return report(ctx, "required");
    return value;
  });
}

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isoDate() {
  return z.unknown().transform((raw, ctx): string | null => {
    const value = readString(raw, ctx);
    if (value === z.NEVER) return z.NEVER;
    if (value === undefined) return null;
    return isRealDate(value) ? value : report(ctx, "date_format");
  });
}

/** A date as YYYY-MM-DD or a year alone as YYYY (from 1900 on), e.g. when a firm was founded. */
export function dateOrYear() {
  return z.unknown().transform((raw, ctx): string | null => {
    const value = typeof raw === "number" && Number.isInteger(raw) ? String(raw) : readString(raw, ctx);
    if (value === z.NEVER) return z.NEVER;
    if (value === undefined) return null;
    if (/^\d{4}$/.test(value) && Number(value) >= 1900) return value;
    return isRealDate(value) && value >= "1900-01-01" ? value : report(ctx, "year_format");
  });
}

/** An http(s) address. */
export function httpUrl(options: { max: number }) {
  return z.unknown().transform((raw, ctx): string | null => {
    const value = readString(raw, ctx);
    if (value === z.NEVER) return z.NEVER;
    if (value === undefined) return null;
    if (checkText(value, options, ctx) === z.NEVER) return z.NEVER;
    try {
      const { protocol } = new URL(value);
      if (protocol === "http:" || protocol === "https:") return value;
    } catch {
      // not a URL at all: reported below like any other scheme
    }
    return report(ctx, "url_scheme");
  });
}

/** An email address, lower-cased. */
export function email(options: { max: number; required?: boolean }) {
  return z.unknown().transform((raw, ctx): string => {
    const value = readString(raw, ctx);
    if (value === z.NEVER) return z.NEVER;
    if (value === undefined) return report(ctx, "required");
    if (CONTROL_SINGLE_LINE.test(value) || value.length > options.max || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
      return report(ctx, "email_format");
    return value.toLowerCase();
  });
}

/** A telephone number: digits, spaces and + - ( ) . only. */
export function phone(options: { max: number }) {
  return z.unknown().transform((raw, ctx): string | null => {
    const value = readString(raw, ctx);
    if (value === z.NEVER) return z.NEVER;
    if (value === undefined) return null;
    if (value.length > options.max) return report(ctx, "too_long", { max: options.max });
    return /^[0-9+()\- .]+$/.test(value) ? value : report(ctx, "phone_format");
  });
}

/** A secret as typed: not trimmed, control characters refused, bounded. */
export function secret(options: { max: number }) {
  return z.unknown().transform((raw, ctx): string => {
    if (raw === undefined || raw === null || raw === "") return report(ctx, "required");
    if (Array.isArray(raw)) return report(ctx, "one_value");
    if (typeof raw !== "string") return report(ctx, "wrong_type", { expected: "text" });
    if (CONTROL_SINGLE_LINE.test(raw)) return report(ctx, "control_chars");
    if (raw.length > options.max) return report(ctx, "too_long", { max: options.max });
    return raw;
  });
}

/** true/false as JSON, or "true"/"false"/"1"/"0"/"on" from a form or query string; absent is false. */
export function flag() {
  return z.unknown().transform((raw, ctx): boolean => {
    if (raw === undefined || raw === null || raw === "") return false;
    if (typeof raw === "boolean") return raw;
    if (Array.isArray(raw)) return report(ctx, "one_value");
    if (raw === "true" || raw === "1" || raw === "on") return true;
    if (raw === "false" || raw === "0") return false;
    return report(ctx, "wrong_type", { expected: "true_false" });
  });
}

/** A nested JSON object; absent is an empty object. Unknown keys are refused. */
export function nested<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((raw) => (raw === undefined || raw === null ? {} : raw), z.object(shape).strict());
}

/** A UUID exactly as PostgreSQL writes one (8-4-4-4-12 hex digits); "36 dashes" is not one. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}
