import { daysBetween } from "~/clock";
import { reading, type Reading } from "./readings";
import type { ApplicationWindow, ProgramStatus } from "./types";

/** Days left at which an open call counts as closing soon. */
export const CLOSING_SOON_DAYS = 7;

const DATE = String.raw`(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*일?\.?`;
const COMPACT = String.raw`(\d{4})(\d{2})(\d{2})`;
const RANGE_SEPARATOR = String.raw`\s*(?:~|～|〜|-|–|부터)\s*`;
const OPEN_ENDED_WORDS = /예산\s*소진\s*시?\s*까지|상시|수시|별도\s*공지|마감\s*시\s*까지|소진\s*시/;

function dateOf(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  if (year === undefined || month === undefined || day === undefined) return null;
  const value = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}

const DATE_PATTERN = new RegExp(DATE, "g");
const COMPACT_PATTERN = new RegExp(String.raw`(?<!\d)${COMPACT}(?!\d)`, "g");
const TRAILING_RANGE = new RegExp(`${RANGE_SEPARATOR}$`);

/** Every date written in a text, in order: `2026-10-02`, `2026.10.02.`, `20260727`, `2026년 10월 2일`. */
function datesIn(text: string): string[] {
  const found: Array<{ at: number; date: string }> = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const date = dateOf(match[1], match[2], match[3]);
    if (date) found.push({ at: match.index ?? 0, date });
  }
  for (const match of text.matchAll(COMPACT_PATTERN)) {
    const date = dateOf(match[1], match[2], match[3]);
    if (date) found.push({ at: match.index ?? 0, date });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

export interface WindowReading {
  window: ApplicationWindow;
  readings: Reading[];
}

/**
 * Bizinfo's `reqstBeginEndDe` in every shape seen: `20220727 ~ 20220930`, `2026-10-02 ~ 2026-10-16`,
 * dotted dates, and free text such as `예산 소진시까지` or `상시` (open until the budget runs out or for good).
 */
export function readWindowText(field: string, text: string | null): WindowReading {
  const value = (text ?? "").replace(/\s+/g, " ").trim();
  if (value === "") return { window: { kind: "unknown" }, readings: [reading("window.missing", field, value, {})] };
  const dates = datesIn(value);
  const openEnded = OPEN_ENDED_WORDS.test(value);
  const [first, second] = dates;
  if (first !== undefined && second !== undefined && !openEnded) {
    const [start, end] = first <= second ? [first, second] : [second, first];
    return { window: { kind: "dated", start, end }, readings: [reading("window.dated", field, value, { start, end })] };
  }
  if (openEnded || (dates.length === 1 && TRAILING_RANGE.test(value))) {
    const start = dates[0] ?? null;
    return { window: { kind: "open_ended", start }, readings: [reading("window.open_ended", field, value, { start })] };
  }
  if (first !== undefined) {
    return {
      window: { kind: "dated", start: first, end: first },
      readings: [reading("window.single_day", field, value, { date: first })],
    };
  }
  return { window: { kind: "unknown" }, readings: [reading("window.unreadable", field, value, {})] };
}

/** K-Startup's two YYYYMMDD fields (`pbanc_rcpt_bgng_dt`, `pbanc_rcpt_end_dt`). */
export function readWindowDates(
  startField: string,
  start: string | null,
  endField: string,
  end: string | null,
): WindowReading {
  const startDate = start ? (datesIn(start)[0] ?? null) : null;
  const endDate = end ? (datesIn(end)[0] ?? null) : null;
  const value = `${start ?? ""} ~ ${end ?? ""}`.trim();
  const field = `${startField}, ${endField}`;
  if (startDate && endDate) {
    const [a, b] = startDate <= endDate ? [startDate, endDate] : [endDate, startDate];
    return {
      window: { kind: "dated", start: a, end: b },
      readings: [reading("window.dated", field, value, { start: a, end: b })],
    };
  }
  if (!endDate && end && OPEN_ENDED_WORDS.test(end)) {
    return {
      window: { kind: "open_ended", start: startDate },
      readings: [reading("window.open_ended", field, value, { start: startDate })],
    };
  }
  if (startDate && !end)
    return {
      window: { kind: "open_ended", start: startDate },
      readings: [reading("window.open_ended", field, value, { start: startDate })],
    };
  return {
    window: { kind: "unknown" },
    readings: [reading(value === "~" ? "window.missing" : "window.unreadable", field, value, {})],
  };
}

/**
 * Where a call stands on `today`. The dates decide, not the portals' own flags (K-Startup's
 * `rcrt_prgs_yn` lags the deadline); a call the portal withdrew is closed whatever its dates say.
 */
export function statusOn(window: ApplicationWindow | null, today: string, withdrawn = false): ProgramStatus {
  if (withdrawn) return "closed";
  if (window === null) return "rolling";
  if (window.kind === "unknown") return "closed";
  if (window.start !== null && today < window.start) return "upcoming";
  if (window.kind === "open_ended") return "rolling";
  if (today > window.end) return "closed";
  return daysBetween(today, window.end) <= CLOSING_SOON_DAYS ? "closing_soon" : "open";
}

/** Whole days until the last day of application (0 on the last day); null without an end date. */
export function daysLeft(window: ApplicationWindow | null, today: string): number | null {
  if (window === null || window.kind !== "dated") return null;
  return daysBetween(today, window.end);
}

/** A window as answers carry it; either date may be null when the call is open-ended. */
export interface WindowDates {
  start: string | null;
  end: string | null;
}

/** The window as the API gives it: `{ start, end }`, or null. */
export function windowOut(window: ApplicationWindow | null): WindowDates | null {
  if (window === null || window.kind === "unknown") return null;
  return window.kind === "dated" ? { start: window.start, end: window.end } : { start: window.start, end: null };
}

/** The window fields of an indexed program, as a search document or match candidate carries them. */
export interface WindowFields {
  windowKind?: "dated" | "open_ended" | "unknown" | null;
  windowStart?: string | null;
  windowEnd?: string | null;
}

/** The window of an indexed call; null for a standing program (curated, no window). */
export function windowOfFields(fields: WindowFields): ApplicationWindow | null {
  if (!fields.windowKind) return null;
  if (fields.windowKind === "unknown") return { kind: "unknown" };
  if (fields.windowKind === "open_ended") return { kind: "open_ended", start: fields.windowStart ?? null };
  return { kind: "dated", start: fields.windowStart ?? fields.windowEnd ?? "", end: fields.windowEnd ?? "" };
}
