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

/** Who changed what and when, with the values before and after (shown as text). */
export function AuditTable({ entries, showEntity = false }: { entries: AuditRow[]; showEntity?: boolean }) {
  const t = useT();
  if (entries.length === 0) return <p>{t("auditEmpty")}</p>;
  return (
    <table className="data-table" data-testid="audit">
      <thead>
        <tr>
          <th>{t("auditWhen")}</th>
          <th>{t("auditWho")}</th>
          <th>{t("auditWhat")}</th>
          {showEntity && <th>{t("auditListing")}</th>}
          <th>{t("auditBefore")}</th>
          <th>{t("auditAfter")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
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
              <pre>{e.before ? JSON.stringify(e.before, null, 1) : "—"}</pre>
            </td>
            <td>
              <pre>{e.after ? JSON.stringify(e.after, null, 1) : "—"}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
