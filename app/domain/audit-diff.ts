/**
 * What an audit entry changed, field by field, as text: the entry keeps the
 * values before and after the change as JSON, and a reader wants to see only
 * what differs. Pure: the caller names fields and values in the page's language.
 */

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

/** Bookkeeping that changes with every write and says nothing to a reader. */
const HIDDEN_FIELDS = new Set(["version"]);

export type ValueText = (field: string, value: string | number | boolean) => string;

const asIs: ValueText = (_field, value) => String(value);

/** A value as text: lists joined, nothing as "", nested records as their JSON. */
export function auditValueText(field: string, value: unknown, text: ValueText = asIs): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value))
    return value
      .map((item) => auditValueText(field, item, text))
      .filter((item) => item !== "")
      .join(", ");
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return typeof value === "string" && value.trim() === "" ? "" : text(field, value);
  return JSON.stringify(value);
}

/**
 * The fields whose text differs between before and after. When both sides are
 * recorded, only the fields of `after` are compared: a field missing there
 * (the status, beside an edit of the fields) was not part of the change.
 * A creation lists what it set, a removal what it dropped.
 */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  text: ValueText = asIs,
): AuditChange[] {
  const fields = after ? Object.keys(after) : Object.keys(before ?? {});
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (HIDDEN_FIELDS.has(field)) continue;
    const old = auditValueText(field, before?.[field], text);
    const now = auditValueText(field, after?.[field], text);
    if (old !== now) changes.push({ field, before: old, after: now });
  }
  return changes;
}
