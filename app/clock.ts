/**
 * "Today" for the whole app and its scripts, as a calendar date (YYYY-MM-DD) in Korea, where the
 * announcements' dates are. `CLOCK_DATE=YYYY-MM-DD` fixes it, so tests, demonstrations and
 * replays of old recordings see the calls as they were on that day. It is read on every call,
 * so a test can set it per case.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const CLOCK_VARIABLE = "CLOCK_DATE";

export class ClockError extends Error {
  constructor(value: string) {
    super(`${CLOCK_VARIABLE}: "${value}" is not a calendar date (YYYY-MM-DD)`);
    this.name = "ClockError";
  }
}

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in Asia/Seoul, or the fixed date of `CLOCK_DATE`. */
export function today(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fixed = env[CLOCK_VARIABLE]?.trim();
  if (fixed) {
    if (!isIsoDate(fixed)) throw new ClockError(fixed);
    return fixed;
  }
  return seoulDate(new Date());
}

/**
 * The current instant as the app's clock sees it: the real time, or, when
 * `CLOCK_DATE` fixes the day, that day at the current time of day in Korea, so
 * jobs that compare instants (retention, overdue requests) follow the same day.
 */
export function now(env: Readonly<Record<string, string | undefined>> = process.env): Date {
  const real = new Date();
  const day = today(env);
  return new Date(real.getTime() + daysBetween(seoulDate(real), day) * 86_400_000);
}

/** The calendar date of an instant in Korea (UTC+9 all year). */
export function seoulDate(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Days since 1970-01-01 of the calendar dates seen so far: a match compares the same few hundred
 * deadlines with the same day for every firm, and parsing each date again took more time than the
 * rules that use it. Cleared when full, so it never grows without bound.
 */
const epochDays = new Map<string, number>();
const EPOCH_DAYS_KEPT = 20_000;

function epochDay(date: string): number {
  let day = epochDays.get(date);
  if (day === undefined) {
    day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    if (epochDays.size >= EPOCH_DAYS_KEPT) epochDays.clear();
    epochDays.set(date, day);
  }
  return day;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(epochDay(to) - epochDay(from));
}

/** The date `days` after a calendar date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
