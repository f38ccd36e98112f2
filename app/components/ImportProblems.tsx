import { useT } from "~/i18n/react";
import { Table } from "./ui";

export interface ImportProblemRow {
  row: number;
  /** The file's column name, as the file spells it. */
  column: string;
  /** The column's name in the page's language, where the import knows it. */
  columnLabel?: string;
  message: string;
}

/** What is wrong with an uploaded CSV, one row per problem, by the file's own row and column. */
export function ImportProblems({ problems }: { problems: readonly ImportProblemRow[] }) {
  const t = useT();
  return (
    <Table
      testId="import-problems"
      columns={[
        { key: "row", label: t("importRow"), numeric: true },
        { key: "column", label: t("importColumn") },
        { key: "message", label: t("importMessage") },
      ]}
    >
      {problems.map((problem, index) => (
        <tr key={index}>
          <td className="num">{problem.row}</td>
          <td>
            {problem.columnLabel ? (
              <>
                {problem.columnLabel} <code>{problem.column}</code>
              </>
            ) : (
              <code>{problem.column}</code>
            )}
          </td>
          <td>{problem.message}</td>
        </tr>
      ))}
    </Table>
  );
}
