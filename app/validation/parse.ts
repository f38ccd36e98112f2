import type { z } from "zod";
import { issue, type Checked, type FieldIssue, type IssueCode } from "./issue";

const EXPECTED: Record<string, "text" | "number" | "list" | "object" | "true_false"> = {
  string: "text",
  number: "number",
  array: "list",
  object: "object",
  boolean: "true_false",
};

/** Zod's issues as the app's: custom issues carry their code; the few built-in ones are mapped. */
export function toIssues(error: z.ZodError): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const zodIssue of error.issues) {
    const field = zodIssue.path.join(".");
    if (zodIssue.code === "custom") {
      const params = zodIssue.params as { issue?: IssueCode; values?: unknown } | undefined;
      out.push({
        field,
        code: params?.issue ?? "wrong_type",
        ...(params?.values !== undefined ? { params: params.values } : {}),
      } as FieldIssue);
    } else if (zodIssue.code === "unrecognized_keys") {
      for (const key of zodIssue.keys)
        out.push(issue(field ? `${field}.${key}` : key, "unknown_field", { name: key.slice(0, 40) }));
    } else if (zodIssue.code === "invalid_type") {
      if (zodIssue.received === "undefined" || zodIssue.received === "null") out.push(issue(field, "required"));
      else if (field === "" && zodIssue.expected === "object") out.push(issue(field, "body_not_object"));
      else out.push(issue(field, "wrong_type", { expected: EXPECTED[zodIssue.expected] ?? "text" }));
    } else if (zodIssue.code === "invalid_enum_value" || zodIssue.code === "invalid_literal") {
      out.push(
        issue(field, "unknown_value", { value: String("received" in zodIssue ? zodIssue.received : "").slice(0, 40) }),
      );
    } else {
      out.push(issue(field, "wrong_type", { expected: "text" }));
    }
  }
  return out;
}

/** Runs a schema over any input and answers in the app's terms. */
export function check<S extends z.ZodTypeAny>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}

type Entries = { getAll(name: string): (string | File)[] | string[]; keys(): IterableIterator<string> };

/**
 * Form fields or query parameters as a plain object: one value per name, or
 * every value (an array) when a name is given more than once, so a schema
 * field that expects one value reports a repeat instead of silently taking
 * the first. Files stay files (the schema refuses them where text belongs).
 */
export function entriesObject(entries: Entries): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(entries.keys())) {
    const values = entries.getAll(name);
    out[name] = values.length === 1 ? values[0] : values;
  }
  return out;
}
