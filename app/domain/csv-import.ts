/**
 * Reading a council's CSV file: decoding (UTF-8, or CP949/EUC-KR as Korean
 * spreadsheet programs save it), parsing, and checking every row with the
 * listing rules. Pure: bytes in, rows and a report out.
 */
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { listingColumns, validateListing, type FieldProblem, type ListingFields, type ListingType, type ValidationContext } from "./listings";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type CsvEncoding = "utf-8" | "cp949";

/** UTF-8 when the bytes are valid UTF-8 (with or without a BOM), otherwise CP949, the superset of EUC-KR. */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding | "auto" = "auto"): { text: string; encoding: CsvEncoding } {
  if (encoding !== "cp949") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
    } catch (error) {
      if (encoding === "utf-8") throw error;
    }
  }
  return { text: iconv.decode(Buffer.from(bytes), "cp949"), encoding: "cp949" };
}

export interface RowProblem extends FieldProblem {
  /** The line of the file the row ends on (the header is line 1). */
  row: number;
}

export type FileProblemCode = "importEmpty" | "importUnknownColumn" | "importMissingColumn" | "importMalformed" | "importTooManyRows";

export interface ParsedRow {
  row: number;
  values: Record<string, string>;
}

export interface ImportCheck {
  rows: { row: number; fields: ListingFields }[];
  problems: RowProblem[];
  /** Problems with the file as a whole (no rows are checked then). */
  fileProblems: { code: FileProblemCode; values?: Record<string, string | number> }[];
}

/** Columns an export adds; an import accepts and ignores them, so an exported file can be edited and imported again. */
export const EXPORT_ONLY_COLUMNS = ["id", "status"] as const;

/** Columns an import must have; the others may be left out. */
const REQUIRED_COLUMNS: Record<ListingType, string[]> = {
  facility: ["external_id", "kind", "name_ko", "name_en", "lat", "lng", "coord_precision", "source"],
  program: ["external_id", "name_ko", "name_en", "category", "source"],
};

export function parseCsv(text: string): { header: string[]; rows: ParsedRow[] } | { error: { code: FileProblemCode; values?: Record<string, string | number> } } {
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_quotes: false, trim: false }) as unknown as { info: { lines: number }; record: string[] }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { error: { code: "importMalformed", values: { row: line } } };
  }
  if (records.length === 0) return { error: { code: "importEmpty" } };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const rows = records.slice(1).map(({ info, record }) => ({
    row: info.lines,
    values: Object.fromEntries(header.map((column, i) => [column, record[i] ?? ""])),
  }));
  return { header, rows };
}

/** Checks the whole file; rows are only importable when there is no problem anywhere (all or nothing). */
export function checkImport(type: ListingType, bytes: Uint8Array, context: ValidationContext): ImportCheck & { encoding: CsvEncoding } {
  const { text, encoding } = decodeCsv(bytes);
  const parsed = parseCsv(text);
  if ("error" in parsed) return { rows: [], problems: [], fileProblems: [parsed.error], encoding };
  const known = new Set([...listingColumns(type), ...EXPORT_ONLY_COLUMNS]);
  const fileProblems: ImportCheck["fileProblems"] = [];
  for (const column of parsed.header) if (!known.has(column)) fileProblems.push({ code: "importUnknownColumn", values: { column: column.slice(0, 40) } });
  for (const column of REQUIRED_COLUMNS[type]) if (!parsed.header.includes(column)) fileProblems.push({ code: "importMissingColumn", values: { column } });
  if (parsed.rows.length === 0) fileProblems.push({ code: "importEmpty" });
  if (parsed.rows.length > MAX_IMPORT_ROWS) fileProblems.push({ code: "importTooManyRows", values: { max: MAX_IMPORT_ROWS } });
  if (fileProblems.length > 0) return { rows: [], problems: [], fileProblems, encoding };

  const rows: ImportCheck["rows"] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of parsed.rows) {
    const checked = validateListing(type, values, context);
    if (!checked.ok) {
      problems.push(...checked.problems.map((p) => ({ ...p, row })));
      continue;
    }
    const externalId = checked.value.externalId;
    if (!externalId) {
      problems.push({ row, field: "external_id", code: "fieldRequired" });
      continue;
    }
    if (seen.has(externalId)) {
      problems.push({ row, field: "external_id", code: "fieldExternalIdRepeated", values: { first: seen.get(externalId)! } });
      continue;
    }
    seen.set(externalId, row);
    rows.push({ row, fields: checked.value });
  }
  return { rows, problems, fileProblems, encoding };
}

/** Same fields, whatever the key order. */
export function sameFields(a: ListingFields, b: ListingFields): boolean {
  const canonical = (value: ListingFields) => JSON.stringify(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}
