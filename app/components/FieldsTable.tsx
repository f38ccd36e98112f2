import { FACILITY_KIND_LABELS, PROGRAM_CATEGORY_LABELS, SERVICE_LABELS, type Bilingual } from "~/domain/labels";
import { translator, type Lang, type MessageKey } from "~/i18n";
import { useLang } from "~/root";

const CODE_LABELS: Record<string, Record<string, Bilingual>> = {
  kind: FACILITY_KIND_LABELS,
  category: PROGRAM_CATEGORY_LABELS,
  services: SERVICE_LABELS,
};

/** Codes shown with their names (the code stays visible, since imports use it). */
function display(column: string, value: string, lang: Lang): string {
  const labels = CODE_LABELS[column];
  if (!labels || value === "") return value;
  return value
    .split(";")
    .map((code) => (labels[code] ? `${labels[code][lang]} (${code})` : code))
    .join(", ");
}

/** Listing fields as a table; values are plain text (React escapes them), so stored markup stays inert. */
export function FieldsTable({ columns, values, compareWith, testId }: { columns: readonly string[]; values: Record<string, string>; compareWith?: Record<string, string>; testId?: string }) {
  const lang = useLang();
  const t = translator(lang);
  return (
    <table className="data-table" data-testid={testId}>
      <tbody>
        {columns.map((column) => {
          const changed = compareWith !== undefined && (compareWith[column] ?? "") !== (values[column] ?? "");
          return (
            <tr key={column} className={changed ? "changed" : undefined}>
              <th scope="row">{t(`field_${column}` as MessageKey)}</th>
              <td>
                {display(column, values[column] ?? "", lang) || "—"} {changed && <span className="badge draft">{t("changedMark")}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
