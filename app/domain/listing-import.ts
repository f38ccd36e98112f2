/**
 * Reading a council's CSV file of listings: the CSV module decodes and parses
 * it; here every row is checked with the listing rules. Pure: bytes in, rows
 * and a report out.
 */
import { decodeCsvBytes, parseCsvText, type CsvEncoding } from "~/csv";
import { issue, type FieldIssue, type RowIssue } from "~/validation";
import {
  listingColumns,
  listingValidator,
  type ListingFields,
  type ListingType,
  type ValidationContext,
} from "./listings";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportCheck {
  rows: { row: number; fields: ListingFields }[];
  problems: RowIssue[];
  /** Problems with the file as a whole (no rows are checked then). */
  fileProblems: FieldIssue[];
}

/** Columns an export adds; an import accepts and ignores them, so an exported file can be edited and imported again. */
export const EXPORT_ONLY_COLUMNS = ["id", "status"] as const;

/** Columns an import must have; the others may be left out. */
const REQUIRED_COLUMNS: Record<ListingType, string[]> = {
  facility: ["external_id", "kind", "name_ko", "name_en", "lat", "lng", "coord_precision", "source"],
  program: ["external_id", "name_ko", "name_en", "category", "source"],
};

/** Checks the whole file; rows are only importable when there is no problem anywhere (all or nothing). */
export function checkImport(
  type: ListingType,
  bytes: Uint8Array,
  context: ValidationContext,
): ImportCheck & { encoding: CsvEncoding | null } {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { rows: [], problems: [], fileProblems: [decoded.issue], encoding: null };
  const { encoding } = decoded;
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) return { rows: [], problems: [], fileProblems: [parsed.issue], encoding };
  const header = parsed.header.map((column) => column.trim().toLowerCase());
  const known = new Set([...listingColumns(type), ...EXPORT_ONLY_COLUMNS]);
  const fileProblems: FieldIssue[] = [];
  for (const column of header)
    if (!known.has(column)) fileProblems.push(issue("file", "csv_column_unknown", { column: column.slice(0, 40) }));
  for (const column of REQUIRED_COLUMNS[type])
    if (!header.includes(column)) fileProblems.push(issue("file", "csv_column_missing", { column }));
  if (parsed.records.length === 0) fileProblems.push(issue("file", "csv_no_rows"));
  if (parsed.records.length > MAX_IMPORT_ROWS)
    fileProblems.push(issue("file", "csv_too_many_rows", { max: MAX_IMPORT_ROWS }));
  if (fileProblems.length > 0) return { rows: [], problems: [], fileProblems, encoding };

  const rows: ImportCheck["rows"] = [];
  const problems: RowIssue[] = [];
  const seen = new Map<string, number>();
  const validate = listingValidator(type, context);
  for (const { line: row, cells } of parsed.records) {
    const values = Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ""]));
    const checked = validate(values);
    if (!checked.ok) {
      problems.push(...checked.issues.map((p) => ({ ...p, row })));
      continue;
    }
    const externalId = checked.value.externalId;
    const first = externalId === null ? undefined : seen.get(externalId);
    if (externalId === null) problems.push({ ...issue("external_id", "required"), row });
    else if (first !== undefined) problems.push({ ...issue("external_id", "external_id_repeated", { first }), row });
    else {
      seen.set(externalId, row);
      rows.push({ row, fields: checked.value });
    }
  }
  return { rows, problems, fileProblems, encoding };
}

/** Same fields, whatever the key order. */
export function sameFields(a: ListingFields, b: ListingFields): boolean {
  const canonical = (value: ListingFields) =>
    JSON.stringify(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}
