import { Table } from "./ui";
import { auditChanges } from "~/domain/audit-diff";
import type { LabelTable, Translator } from "~/i18n";
import { useT } from "~/i18n/react";

export interface AuditRow {
  id: number;
  at: string;
  userEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Fields recorded outside the listing columns (status, inquiry steps), by the catalogue key of their name. */
const FIELD_LABELS: Record<string, string> = { status: "listingStatus", state: "inquiryState" };
/** Code values shown by their names. */
const VALUE_TABLES: Record<string, LabelTable> = {
  kind: "facilityKind",
  category: "programCategory",
  services: "service",
};
const VALUE_KEYS: Record<string, (value: string) => string> = {
  status: (value) => (value === "published" ? "statusPublished" : value === "archived" ? "statusArchived" : value),
  state: (value) => `inquiryState_${value}`,
  outcome: (value) => `inquiryOutcome_${value}`,
};

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}

function fieldLabel(field: string, t: Translator): string {
  const key = FIELD_LABELS[field] ?? `field_${snake(field)}`;
  const label = t.dynamic(key);
  return label === key ? t.dynamic(`auditField_${field}`) : label;
}

function valueText(t: Translator) {
  return (field: string, value: string | number | boolean): string => {
    if (typeof value === "boolean") return t(value ? "auditYes" : "auditNo");
    if (typeof value === "number") return t.format.number(value);
    const table = VALUE_TABLES[field];
    if (table) return t.label(table, value);
    const key = VALUE_KEYS[field];
    return key ? t.dynamic(key(value)) : value;
  };
}

/** Who changed what and when: per changed field its name, and the old value beside the new one (as text). */
export function AuditTable({ entries, showEntity = false }: { entries: AuditRow[]; showEntity?: boolean }) {
  const t = useT();
  if (entries.length === 0) return <p>{t("auditEmpty")}</p>;
  const text = valueText(t);
  return (
    <Table
      testId="audit"
      columns={[
        { key: "auditWhen", label: t("auditWhen") },
        { key: "auditWho", label: t("auditWho") },
        { key: "auditWhat", label: t("auditWhat") },
        ...(showEntity ? [{ key: "auditListing", label: t("auditListing") }] : []),
        { key: "auditChanges", label: t("auditChanges") },
      ]}
    >
      {entries.map((e) => {
        const changes = auditChanges(e.before, e.after, text);
        return (
          <tr key={e.id}>
            <td>{t.format.dateTime(e.at)}</td>
            <td>{e.userEmail}</td>
            <td>{t.dynamic(`auditAction_${e.action}`)}</td>
            {showEntity && (
              <td>
                {e.entityType} {e.entityId}
              </td>
            )}
            <td>
              {changes.length === 0 ? (
                "—"
              ) : (
                <ul className="audit-diff" data-testid="audit-diff">
                  {changes.map((c) => (
                    <li key={c.field}>
                      <strong>{fieldLabel(c.field, t)}</strong>: <del>{c.before || "—"}</del> →{" "}
                      <ins>{c.after || "—"}</ins>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
