import fs from "node:fs";
import path from "node:path";
import { parseCsvText } from "~/csv";
import { holidayCalendar, type Holidays } from "~/domain/inquiries";

/** Rows of a data/ CSV file as objects keyed by header; a file the CSV module refuses names its line. */
export function readDataTable(file: string): Array<Record<string, string>> {
  const parsed = parseCsvText(fs.readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(`${path.basename(file)} line ${parsed.issue.row}: ${parsed.issue.code}`);
  return parsed.records.map((record) =>
    Object.fromEntries(parsed.header.map((name, index) => [name, record.cells[index] ?? ""])),
  );
}

let holidays: Holidays | null = null;

/** data/public_holidays.csv: the days off that working-day counts skip. Read once. */
export function publicHolidays(dataDir = path.resolve("data")): Holidays {
  holidays ??= holidayCalendar(readDataTable(path.join(dataDir, "public_holidays.csv")));
  return holidays;
}
