/**
 * Working days for the overdue flag: Monday to Friday in Korea (UTC+9), less
 * the public holidays of data/public_holidays.csv (dates `YYYY-MM-DD`). A year
 * the table does not cover counts weekdays only, so around its holidays a
 * request may be flagged a day early.
 */
export const DEFAULT_OVERDUE_WORKING_DAYS = 3;

const DAY_MS = 86_400_000;
const KST_OFFSET_MS = 9 * 3_600_000;

function seoulDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + KST_OFFSET_MS) / DAY_MS);
}

/** 1970-01-01 was a Thursday; 0 = Sunday … 6 = Saturday. */
const weekday = (dayNumber: number) => (((dayNumber + 4) % 7) + 7) % 7;

const isoDate = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

export type Holidays = ReadonlySet<string>;
const NO_HOLIDAYS: Holidays = new Set();

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The holiday table's rows (`date`, `name_ko`, `source`) as a set of dates; a bad row names its line. */
export function holidayCalendar(rows: ReadonlyArray<Record<string, string>>): Holidays {
  return new Set(
    rows.map((row, index) => {
      const date = row.date ?? "";
      const line = index + 2;
      if (!ISO_DAY.test(date) || isoDate(Date.parse(`${date}T00:00:00Z`) / DAY_MS) !== date)
        throw new Error(`public_holidays.csv line ${line}: "${date}" is not a date (YYYY-MM-DD)`);
      if (!row.name_ko || !row.source)
        throw new Error(`public_holidays.csv line ${line}: name_ko and source are required`);
      return date;
    }),
  );
}

/** Whole working days after the day of `from` up to and including the day of `to` (0 when the same day or earlier). */
export function workingDaysBetween(from: Date, to: Date, holidays: Holidays = NO_HOLIDAYS): number {
  const start = seoulDayNumber(from);
  const end = seoulDayNumber(to);
  let count = 0;
  for (let day = start + 1; day <= end; day++) {
    const w = weekday(day);
    if (w !== 0 && w !== 6 && !holidays.has(isoDate(day))) count++;
  }
  return count;
}

/** A request is overdue when nobody has answered it for more than `limit` working days. */
export function isOverdue(
  request: { state: string; createdAt: Date; firstAnsweredAt: Date | null },
  now: Date,
  { limit = DEFAULT_OVERDUE_WORKING_DAYS, holidays = NO_HOLIDAYS }: { limit?: number; holidays?: Holidays } = {},
): boolean {
  if (request.state === "closed" || request.firstAnsweredAt !== null) return false;
  return workingDaysBetween(request.createdAt, now, holidays) > limit;
}
