import { translator, type MessageKey } from "~/i18n";
import { useLang } from "~/root";

/** Listing fields as a table; values are plain text (React escapes them), so stored markup stays inert. */
export function FieldsTable({ columns, values, compareWith, testId }: { columns: readonly string[]; values: Record<string, string>; compareWith?: Record<string, string>; testId?: string }) {
  const t = translator(useLang());
  return (
    <table className="data-table" data-testid={testId}>
      <tbody>
        {columns.map((column) => {
          const changed = compareWith !== undefined && (compareWith[column] ?? "") !== (values[column] ?? "");
          return (
            <tr key={column} className={changed ? "changed" : undefined}>
              <th scope="row">{t(`field_${column}` as MessageKey)}</th>
              <td>
                {values[column] || "—"} {changed && <span className="badge draft">{t("changedMark")}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
