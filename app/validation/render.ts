import type { Lang } from "~/i18n";
import type { FieldIssue, IssueCode } from "./issue";
import { VALIDATION_MESSAGES } from "./messages";

/** What a field is called in each language, to name it in messages. */
export type FieldLabels = Readonly<Record<string, { ko: string; en: string }>>;

/** One entry of the app's error body: `{ errors: [{ field, code, message, ko, en }] }`. */
export interface ErrorEntry {
  field: string;
  code: IssueCode;
  /** The message in the language of the request. */
  message: string;
  ko: string;
  en: string;
}

function text(lang: Lang, problem: FieldIssue): string {
  const template = VALIDATION_MESSAGES[lang][problem.code] as string | ((params: unknown) => string);
  return typeof template === "function" ? template(problem.params) : template;
}

function capitalized(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A message that names its field when the field has a label: "종업원 수: 숫자를 입력하세요." */
export function issueMessage(problem: FieldIssue, lang: Lang, labels: FieldLabels = {}): string {
  const label = labels[problem.field]?.[lang];
  const message = text(lang, problem);
  return label ? `${label}: ${message}` : capitalized(message);
}

export function renderIssue(problem: FieldIssue, lang: Lang, labels: FieldLabels = {}): ErrorEntry {
  return {
    field: problem.field,
    code: problem.code,
    message: issueMessage(problem, lang, labels),
    ko: issueMessage(problem, "ko", labels),
    en: issueMessage(problem, "en", labels),
  };
}

export function errorBody(
  issues: readonly FieldIssue[],
  lang: Lang,
  labels: FieldLabels = {},
): { errors: ErrorEntry[] } {
  return { errors: issues.map((problem) => renderIssue(problem, lang, labels)) };
}

/** The JSON answer for invalid input: 400 unless another status fits (413, 415). */
export function invalidResponse(
  issues: readonly FieldIssue[],
  lang: Lang,
  options: { status?: number; labels?: FieldLabels; headers?: HeadersInit } = {},
): Response {
  return Response.json(errorBody(issues, lang, options.labels), {
    status: options.status ?? 400,
    headers: options.headers,
  });
}
