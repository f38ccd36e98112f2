/**
 * Writing CSV: RFC 4180 quoting, UTF-8 with a byte-order mark (Korean Excel
 * needs it to read UTF-8), and no cell a spreadsheet would run as a formula.
 */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * OWASP's rule for CSV injection: a text cell that starts with = + - @, a tab
 * or a carriage return is prefixed with a quote so it is shown, never run —
 * whatever follows (`+1+cmd|' /C calc'!A0`, `-1+HYPERLINK(…)`). Real numbers
 * are written as numbers: -3.5 is data, not a formula.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? guardFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table: a header row and its rows, as a file. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
