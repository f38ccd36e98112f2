import { reading, type Reading } from "./readings";
import { APPLICANT_TYPES, type ApplicantType, type BusinessAge } from "./types";

/**
 * The portals' words for who may apply, to the platform's codes. Bizinfo's `trgetNm` and
 * K-Startup's `aply_trgt` use these; `창업벤처` covers founded start-ups and ventures;
 * K-Startup's 청소년/대학생/일반인 are people, who apply before founding.
 */
export const APPLICANT_WORDS: ReadonlyArray<readonly [string, ApplicantType]> = [
  ["중소기업", "sme"],
  ["소상공인", "micro"],
  ["창업벤처", "startup"],
  ["창업기업", "startup"],
  ["예비창업자", "pre_founder"],
  ["1인 창조기업", "sole_creator"],
  ["1인창조기업", "sole_creator"],
  ["일반기업", "general_firm"],
  ["청소년", "individual"],
  ["대학생", "individual"],
  ["일반인", "individual"],
  ["대학", "institution"],
  ["연구기관", "institution"],
  ["사회적기업", "social_enterprise"],
  ["장애인기업", "disabled_owned"],
  ["여성기업", "women_owned"],
];

function ordered(types: Iterable<ApplicantType>): ApplicantType[] {
  const set = new Set(types);
  return APPLICANT_TYPES.filter((type) => set.has(type));
}

/** A comma list of applicant words (`일반기업,1인 창조기업`). Unknown words are left out of the codes but stay in the reading's value. */
export function readApplicantTypes(
  field: string,
  value: string | null,
): { types: ApplicantType[]; readings: Reading[] } {
  const words = (value ?? "")
    .split(/[,，]/)
    .map((word) => word.trim())
    .filter(Boolean);
  const types = ordered(
    words.flatMap((word) => APPLICANT_WORDS.filter(([name]) => name === word).map(([, type]) => type)),
  );
  return { types, readings: types.length > 0 ? [reading("applicant.types", field, words.join(","), { types })] : [] };
}

/** `예비창업자` among Bizinfo's hashtags says people who have not founded yet may apply. */
export function hashtagPreFounders(field: string, hashtags: string | null): Reading | null {
  const tags = (hashtags ?? "").split(",").map((tag) => tag.trim());
  return tags.includes("예비창업자") ? reading("applicant.pre_founder", field, "예비창업자", {}) : null;
}

const BAND = /^(\d+)\s*년\s*미만$/;

/**
 * K-Startup's `biz_enyy`: the business-age bands a call accepts (`예비창업자,1년미만,…,7년미만`).
 * The widest band is the limit; no band at all (only 예비창업자) means founded firms may not apply.
 */
export function readBusinessAgeBands(
  field: string,
  value: string | null,
): { age: BusinessAge; readings: Reading[] } | null {
  const bands = (value ?? "")
    .split(",")
    .map((band) => band.trim())
    .filter(Boolean);
  if (bands.length === 0) return null;
  const preFounders = bands.includes("예비창업자");
  const years = bands.flatMap((band) => {
    const match = BAND.exec(band.replace(/\s+/g, ""));
    return match ? [Number(match[1] ?? 0)] : [];
  });
  const maxMonths = years.length > 0 ? Math.max(...years) * 12 : preFounders ? 0 : null;
  return {
    age: { maxMonthsExclusive: maxMonths, foundedOnOrAfter: null, preFounders },
    readings: [reading("business_age.bands", field, bands.join(","), { maxMonths, preFounders })],
  };
}

/**
 * A business-age limit written in the eligibility text, which is often narrower than the bands:
 * "창업 후 2년 3개월 미만", "창업 7년 이내", "창업 3년 미만"; and a founding-date cut-off such as
 * "창업(설립)일 기준 : '24.5.1 ~".
 */
export function readBusinessAgeText(
  field: string,
  text: string | null,
): { maxMonthsExclusive: number | null; foundedOnOrAfter: string | null; readings: Reading[] } {
  const value = text ?? "";
  const readings: Reading[] = [];
  let maxMonths: number | null = null;
  const limit = /창업\s*(?:후\s*)?(\d+)\s*년\s*(?:(\d+)\s*개월\s*)?(미만|이내|이하)/.exec(value);
  if (limit) {
    const months = Number(limit[1] ?? 0) * 12 + Number(limit[2] ?? 0);
    // "7년 이내" includes the seventh year's last day; "미만" stops before it.
    maxMonths = limit[3] === "미만" ? months : months + 1;
    readings.push(reading("business_age.text", field, limit[0], { maxMonths }));
  }
  let since: string | null = null;
  const cutoff =
    /(?:창업|설립)[^:\n]{0,20}기준\s*[:：]?\s*['’‘]?(\d{2}|\d{4})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\.?\s*(?:~|이후)/.exec(
      value,
    );
  if (cutoff) {
    const [, yy = "", mm = "", dd = ""] = cutoff;
    const year = yy.length === 2 ? `20${yy}` : yy;
    since = `${year}-${mm.padStart(2, "0")}-${dd.padStart(2, "0")}`;
    readings.push(reading("business_age.founded_since", field, cutoff[0], { date: since }));
  }
  return { maxMonthsExclusive: maxMonths, foundedOnOrAfter: since, readings };
}

const ALL_FOUNDER_AGE_BANDS = ["만 20세 미만", "만 20세 이상 ~ 만 39세 이하", "만 40세 이상"];

/** K-Startup's `biz_trgt_age`: the founder-age ranges accepted; all three bands is no limit. */
export function readFounderAge(field: string, value: string | null): Reading | null {
  const ranges = (value ?? "")
    .split(",")
    .map((range) => range.trim())
    .filter(Boolean);
  if (ranges.length === 0) return null;
  if (ALL_FOUNDER_AGE_BANDS.every((band) => ranges.includes(band)))
    return reading("founder_age.any", field, ranges.join(","), {});
  return reading("founder_age.ranges", field, ranges.join(","), { ranges: ranges.flatMap(ageRange) });
}

/** "만 20세 미만" → under 20; "만 20세 이상 ~ 만 39세 이하" → 20 to 39; "만 40세 이상" → 40 and over. */
function ageRange(text: string): Array<{ min: number | null; max: number | null }> {
  const compact = text.replace(/\s+/g, "");
  const between = /^만(\d+)세이상~만(\d+)세이하$/.exec(compact);
  if (between) return [{ min: Number(between[1]), max: Number(between[2]) }];
  const under = /^만(\d+)세미만$/.exec(compact);
  if (under) return [{ min: null, max: Number(under[1]) - 1 }];
  const over = /^만(\d+)세이상$/.exec(compact);
  if (over) return [{ min: Number(over[1]), max: null }];
  return [];
}
