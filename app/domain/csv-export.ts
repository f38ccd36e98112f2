/** Writing listings as CSV: RFC 4180 quoting, and cells that a spreadsheet would run as formulas made inert. */

/** A leading =, @, or +/- before a non-digit would make a spreadsheet evaluate the cell. */
function neutralizeFormula(value: string): string {
  return /^[=@\t\r]|^[+-][^0-9]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, which Korean Excel needs to open UTF-8 correctly. */
export function toCsv(header: readonly string[], rows: Record<string, string>[]): string {
  const lines = [header.join(","), ...rows.map((row) => header.map((column) => csvCell(row[column] ?? "")).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
