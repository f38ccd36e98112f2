import { parse } from "csv-parse/sync";
import { issue, type FieldIssue } from "~/validation";

export interface CsvRecord {
  /** The line of the file the record ends on (the header is line 1), counting blank lines and line breaks inside quoted cells. */
  line: number;
  cells: string[];
}

export type ParsedCsv =
  { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; issue: FieldIssue & { row: number } };

/** Our exports quote cells that start like a formula ('=…, '+82 …); an edited export reads back as it was. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * RFC 4180 records with their real line numbers. Blank lines are skipped but
 * still counted; ragged rows are allowed (a missing cell reads as empty), so
 * the checks of each import can name the column at fault.
 */
export function parseCsvText(text: string, field = "file"): ParsedCsv {
  let parsed: { info: { lines: number }; record: string[] }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: false,
      trim: false,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { ok: false, issue: { ...issue(field, "csv_malformed"), row: line } };
  }
  const [head, ...rest] = parsed;
  if (!head) return { ok: false, issue: { ...issue(field, "csv_empty"), row: 0 } };
  return {
    ok: true,
    header: head.record,
    records: rest.map(({ info, record }) => ({ line: info.lines, cells: record.map(unguard) })),
  };
}
