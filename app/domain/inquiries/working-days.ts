/**
 * Working days for the overdue flag: Monday to Friday in Korea (UTC+9).
 * Public holidays are not counted out, because the platform has no sourced
 * holiday calendar; a request may be flagged a day early around a holiday.
 */
export const DEFAULT_OVERDUE_WORKING_DAYS = 3;

const DAY_MS = 86_400_000;
const KST_OFFSET_MS = 9 * 3_600_000;

function seoulDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + KST_OFFSET_MS) / DAY_MS);
}

/** 1970-01-01 was a Thursday; 0 = Sunday … 6 = Saturday. */
const weekday = (dayNumber: number) => (((dayNumber + 4) % 7) + 7) % 7;

/** Whole working days after the day of `from` up to and including the day of `to` (0 when the same day or earlier). */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = seoulDayNumber(from);
  const end = seoulDayNumber(to);
  let count = 0;
  for (let day = start + 1; day <= end; day++) {
    const w = weekday(day);
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

/** A request is overdue when nobody has answered it for more than `limit` working days. */
export function isOverdue(request: { state: string; createdAt: Date; firstAnsweredAt: Date | null }, now: Date, limit = DEFAULT_OVERDUE_WORKING_DAYS): boolean {
  if (request.state === "closed" || request.firstAnsweredAt !== null) return false;
  return workingDaysBetween(request.createdAt, now) > limit;
}
