import { required } from "../required";
import type { Lang } from "./lang";

/**
 * One locale per language and one time zone, the same on the server and in the browser,
 * so a page renders the same text on both sides (no hydration mismatch).
 */
export const LOCALES = { ko: "ko-KR", en: "en-GB" } as const satisfies Record<Lang, string>;
export const TIME_ZONE = "Asia/Seoul";

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formatters by language and options, keyed by their values: building one costs far more than formatting with it. */
function numberFormat(
  lang: Lang,
  options: Pick<Intl.NumberFormatOptions, "style" | "maximumFractionDigits" | "minimumFractionDigits">,
): Intl.NumberFormat {
  const key = `${lang}|${options.style ?? ""}|${options.maximumFractionDigits ?? ""}|${options.minimumFractionDigits ?? ""}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

export interface NumberOptions {
  /** Digits after the point at most; by default every digit the number has. */
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
}

/** Grouped digits: 1,234.5 (both languages group by thousands with a comma). */
export function formatNumber(lang: Lang, value: number, options: NumberOptions = {}): string {
  return numberFormat(lang, {
    maximumFractionDigits: options.maximumFractionDigits ?? 20,
    minimumFractionDigits: options.minimumFractionDigits,
  }).format(value);
}

/** A ratio as a percentage with at most one decimal by default: 0.053 → "5.3%". */
export function formatPercent(lang: Lang, ratio: number, maximumFractionDigits = 1): string {
  return numberFormat(lang, { style: "percent", maximumFractionDigits }).format(ratio);
}

/** A distance in km with at most one decimal: "12.3 km". */
export function formatKm(lang: Lang, km: number, maximumFractionDigits = 1): string {
  return `${formatNumber(lang, km, { maximumFractionDigits })} km`;
}

const KO_WON_UNITS: Array<[number, string]> = [
  [1_000_000_000_000, "조"],
  [100_000_000, "억"],
  [10_000, "만"],
];

/** Won amounts as people write them: 80억 원, 1조 2,000억 원, 80억 1원 / KRW 8 bn, KRW 300 mn, exact where rounding would hide a difference. */
export function formatKrw(lang: Lang, amount: number): string {
  const whole = Math.round(amount);
  if (lang === "en") {
    for (const [size, unit] of [
      [1_000_000_000, "bn"],
      [1_000_000, "mn"],
    ] as const) {
      if (Math.abs(whole) >= size && whole % (size / 1000) === 0)
        return `KRW ${formatNumber(lang, whole / size, { maximumFractionDigits: 3 })} ${unit}`;
    }
    return `KRW ${formatNumber(lang, whole)}`;
  }
  if (whole === 0) return "0원";
  const parts: string[] = [];
  let rest = Math.abs(whole);
  for (const [size, unit] of KO_WON_UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${formatNumber(lang, count)}${unit}`);
    rest -= count * size;
  }
  if (rest > 0) parts.push(formatNumber(lang, rest));
  const sign = whole < 0 ? "-" : "";
  return rest > 0 ? `${sign}${parts.join(" ")}원` : `${sign}${parts.join(" ")} 원`;
}

interface Moment {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * Calendar fields in Seoul. Only the numbers are taken from Intl: the words around them
 * (오전/AM, month names) differ between ICU builds, so the patterns below are our own.
 */
const SEOUL_FIELDS = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  numberingSystem: "latn",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function momentOf(value: Date | string | number): Moment | null {
  if (typeof value === "string") {
    const dateOnly = DATE_ONLY.exec(value);
    if (dateOnly)
      return { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]), hour: 0, minute: 0 };
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const fields: Record<string, number> = {};
  for (const part of SEOUL_FIELDS.formatToParts(date))
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  const field = (type: string) => required(fields[type], `the ${type} of a time in Seoul`);
  return {
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour") % 24,
    minute: field("minute"),
  };
}

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const pad = (value: number) => String(value).padStart(2, "0");

function datePart(lang: Lang, moment: Moment): string {
  return lang === "ko"
    ? `${moment.year}년 ${moment.month}월 ${moment.day}일`
    : `${moment.day} ${EN_MONTHS[moment.month - 1]} ${moment.year}`;
}

/** A calendar day in Seoul: "2025년 3월 21일" / "21 March 2025". A value that is not a date comes back as it was. */
export function formatDate(lang: Lang, value: Date | string | number): string {
  const moment = momentOf(value);
  return moment ? datePart(lang, moment) : String(value);
}

/** A moment in Seoul time, 24-hour clock: "2025년 3월 21일 14:05" / "21 March 2025, 14:05". */
export function formatDateTime(lang: Lang, value: Date | string | number): string {
  const moment = momentOf(value);
  if (!moment) return String(value);
  const time = `${pad(moment.hour)}:${pad(moment.minute)}`;
  return lang === "ko" ? `${datePart(lang, moment)} ${time}` : `${datePart(lang, moment)}, ${time}`;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The CLDR plural category of a count in a language ("other" for every Korean count; "one" or "other" in English). */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/** Every formatter bound to one language. */
export interface Formatter {
  number: (value: number, options?: NumberOptions) => string;
  percent: (ratio: number, maximumFractionDigits?: number) => string;
  km: (km: number, maximumFractionDigits?: number) => string;
  krw: (amount: number) => string;
  date: (value: Date | string | number) => string;
  dateTime: (value: Date | string | number) => string;
}

export function formatter(lang: Lang): Formatter {
  return {
    number: (value, options) => formatNumber(lang, value, options),
    percent: (ratio, digits) => formatPercent(lang, ratio, digits),
    km: (km, digits) => formatKm(lang, km, digits),
    krw: (amount) => formatKrw(lang, amount),
    date: (value) => formatDate(lang, value),
    dateTime: (value) => formatDateTime(lang, value),
  };
}
