import { otherLang, type LabelTable, type Translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { Table, Tag } from "./ui";

const CODE_LABELS: Record<string, LabelTable> = {
  kind: "facilityKind",
  category: "programCategory",
  services: "service",
};

/** Codes shown with their names (the code stays visible, since imports use it). */
function display(column: string, value: string, t: Translator): string {
  const table = CODE_LABELS[column];
  if (!table || value === "") return value;
  return value
    .split(";")
    .map((code) => {
      const label = t.label(table, code);
      return label === code ? code : `${label} (${code})`;
    })
    .join(", ");
}

/** Fields written in one language (`name_ko`, `summary_en`) carry that language's `lang` on a page in the other. */
export function fieldLang(column: string, pageLang: Translator["lang"]): "ko" | "en" | undefined {
  const written = column.endsWith("_ko") ? "ko" : column.endsWith("_en") ? "en" : null;
  return written !== null && written === otherLang(pageLang) ? written : undefined;
}

/** Listing fields as a table; values are plain text (React escapes them), so stored markup stays inert. */
export function FieldsTable({
  columns,
  values,
  compareWith,
  testId,
  caption,
}: {
  columns: readonly string[];
  values: Record<string, string>;
  compareWith?: Record<string, string>;
  testId?: string;
  caption?: string;
}) {
  const t = useT();
  return (
    <Table testId={testId} caption={caption} className="fields-table">
      {columns.map((column) => {
        const changed = compareWith !== undefined && (compareWith[column] ?? "") !== (values[column] ?? "");
        return (
          <tr key={column} className={changed ? "changed" : undefined}>
            <th scope="row">{t.dynamic(`field_${column}`)}</th>
            <td lang={fieldLang(column, t.lang)}>
              {display(column, values[column] ?? "", t) || "—"}{" "}
              {changed && <Tag tone="changed">{t("changedMark")}</Tag>}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
