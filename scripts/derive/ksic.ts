import { parse } from "csv-parse/sync";
import { toCsv } from "../../app/csv/write";

export const KSIC_SOURCE = "KOSTAT KSIC-10 via FinanceData/KSIC@eaccecaa";
const LEVELS: Record<number, string> = { 3: "group", 4: "class", 5: "subclass" };

/**
 * The KSIC-10 codes below the division (232 groups, 495 classes, 1,196 sub-classes) with their
 * division and Korean name, from the FinanceData copy of KOSTAT's table. Search and the industry
 * picker read them so that a word such as 염색 reaches its division (13).
 */
export function deriveKsicClasses(sourceCsv: string): { csv: string; rows: number } {
  const records = parse(sourceCsv.replace(/^\uFEFF/, ""), { columns: true }) as Record<
    "Industy_code" | "Industy_name",
    string
  >[];
  const rows = records
    .filter((record) => LEVELS[record.Industy_code.length] !== undefined && /^\d+$/.test(record.Industy_code))
    .map((record) => [
      record.Industy_code,
      LEVELS[record.Industy_code.length] ?? "",
      record.Industy_code.slice(0, 2),
      record.Industy_name.trim(),
      KSIC_SOURCE,
    ]);
  return { csv: toCsv(["code", "level", "division", "name_ko", "source"], rows), rows: rows.length };
}
