import { reading, type Reading } from "./readings";
import type { RegionScope } from "./types";

/**
 * Province names as announcements write them, to MOIS codes (data/regions.csv): full names, short
 * names, pre-2023 and pre-2024 names (강원도, 전라북도), and `전남광주`, which Bizinfo's hashtags use
 * for Gwangju and Jeonnam together. Longer names are tried first so 전남광주 is not read as 전남.
 */
export const REGION_NAMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["서울특별시", ["11"]],
  ["서울시", ["11"]],
  ["서울", ["11"]],
  ["부산광역시", ["26"]],
  ["부산시", ["26"]],
  ["부산", ["26"]],
  ["대구광역시", ["27"]],
  ["대구시", ["27"]],
  ["대구", ["27"]],
  ["인천광역시", ["28"]],
  ["인천시", ["28"]],
  ["인천", ["28"]],
  ["전남광주", ["29", "46"]],
  ["광주전남", ["29", "46"]],
  ["광주광역시", ["29"]],
  ["광주시", ["29"]],
  ["광주", ["29"]],
  ["대전광역시", ["30"]],
  ["대전시", ["30"]],
  ["대전", ["30"]],
  ["울산광역시", ["31"]],
  ["울산시", ["31"]],
  ["울산", ["31"]],
  ["세종특별자치시", ["36"]],
  ["세종시", ["36"]],
  ["세종", ["36"]],
  ["경기도", ["41"]],
  ["경기", ["41"]],
  ["충청북도", ["43"]],
  ["충북", ["43"]],
  ["충청남도", ["44"]],
  ["충남", ["44"]],
  ["전라남도", ["46"]],
  ["전남", ["46"]],
  ["경상북도", ["47"]],
  ["경북", ["47"]],
  ["경상남도", ["48"]],
  ["경남", ["48"]],
  ["제주특별자치도", ["50"]],
  ["제주도", ["50"]],
  ["제주", ["50"]],
  ["강원특별자치도", ["51"]],
  ["강원도", ["51"]],
  ["강원", ["51"]],
  ["전북특별자치도", ["52"]],
  ["전라북도", ["52"]],
  ["전북", ["52"]],
];

/** The economic zones (광역경제권, "5+2") of regional policy and announcement titles (shared/DOMAIN.md). */
export const ECONOMIC_ZONES: Readonly<Record<string, readonly string[]>> = {
  수도권: ["11", "28", "41"],
  충청권: ["30", "36", "43", "44"],
  호남권: ["29", "46", "52"],
  대경권: ["27", "47"],
  동남권: ["26", "31", "48"],
  강원권: ["51"],
  제주권: ["50"],
};

export const ALL_REGION_CODES = [
  "11",
  "26",
  "27",
  "28",
  "29",
  "30",
  "31",
  "36",
  "41",
  "43",
  "44",
  "46",
  "47",
  "48",
  "50",
  "51",
  "52",
] as const;

const NATIONWIDE_WORDS = /^(전국|전국\s*\(.*\)|전\s*지역|해당\s*없음)$/;

const byLength = [...REGION_NAMES].sort((a, b) => b[0].length - a[0].length);
const zoneNames = Object.keys(ECONOMIC_ZONES);

interface Named {
  codes: string[];
  zones: string[];
}

/** Regions named in one piece of text (a province or zone name standing alone, e.g. a hashtag or a bracket's content). */
function namesIn(text: string): Named {
  const codes = new Set<string>();
  const zones: string[] = [];
  let rest = text;
  for (const zone of zoneNames) {
    if (rest.includes(zone)) {
      zones.push(zone);
      for (const code of ECONOMIC_ZONES[zone] ?? []) codes.add(code);
      rest = rest.split(zone).join(" ");
    }
  }
  for (const [name, named] of byLength) {
    if (rest.includes(name)) {
      for (const code of named) codes.add(code);
      rest = rest.split(name).join(" ");
    }
  }
  return { codes: sorted(codes), zones };
}

function sorted(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort();
}

/** A candidate reading of the regions, from one source field. */
export interface RegionCandidate {
  field: string;
  value: string;
  /** null: the field says nationwide. */
  codes: string[] | null;
  zones: string[];
}

/** K-Startup's `supt_regin`: one province, or 전국. */
export function regionField(field: string, value: string | null): RegionCandidate | null {
  const text = (value ?? "").trim();
  if (text === "") return null;
  if (NATIONWIDE_WORDS.test(text)) return { field, value: text, codes: null, zones: [] };
  const named = namesIn(text);
  return named.codes.length > 0 ? { field, value: text, codes: named.codes, zones: named.zones } : null;
}

/** Region markers in a title: `[경기]`, `[서울ㆍ인천ㆍ경기]`, `(충청권)`. Brackets without a region name say nothing. */
export function titleMarkers(field: string, title: string): RegionCandidate | null {
  const codes = new Set<string>();
  const zones: string[] = [];
  const parts: string[] = [];
  for (const match of title.matchAll(/[[(（【]([^\])）】]{1,30})[\])）】]/g)) {
    const inner = match[1] ?? "";
    // Only a bracket that is nothing but region names is a marker; "(3회차 ㅣ ESG…)" is not.
    const leftover = inner.replace(/[\sㆍ·‧,/・]+/g, " ");
    const named = namesIn(leftover);
    const unexplained = byLength
      .reduce(
        (text, [name]) => text.split(name).join(""),
        zoneNames.reduce((text, zone) => text.split(zone).join(""), leftover),
      )
      .replace(/\s|지역|권역/g, "");
    if (named.codes.length === 0 || unexplained !== "") continue;
    named.codes.forEach((code) => codes.add(code));
    zones.push(...named.zones);
    parts.push(match[0]);
  }
  return codes.size > 0 ? { field, value: parts.join(" "), codes: sorted(codes), zones } : null;
}

/** Bizinfo's `hashtags` (or `hashTags`): region names among the tags; all seventeen listed means nationwide. */
export function hashtagRegions(field: string, hashtags: string | null): RegionCandidate | null {
  const tags = (hashtags ?? "")
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  const codes = new Set<string>();
  const zones: string[] = [];
  const named: string[] = [];
  for (const tag of tags) {
    const exact = REGION_NAMES.find(([name]) => name === tag);
    if (exact) {
      exact[1].forEach((code) => codes.add(code));
      named.push(tag);
    } else if (ECONOMIC_ZONES[tag]) {
      ECONOMIC_ZONES[tag].forEach((code) => codes.add(code));
      zones.push(tag);
      named.push(tag);
    }
  }
  if (codes.size === 0) return null;
  if (codes.size === ALL_REGION_CODES.length) return { field, value: named.join(","), codes: null, zones: [] };
  return { field, value: named.join(","), codes: sorted(codes), zones };
}

/**
 * Regions the eligibility text restricts applicants to: a province or zone followed by 소재, 지역 or
 * 관내, or standing before 내 ("충청권(대전·세종·충남·충북) 소재", "전북지역 소상공인", "대구광역시에 소재한",
 * "경상북도 내 장애인기업"). Names
 * elsewhere in the text ("전남광주, 전북 별도 운영") say where else the program runs, not who may apply.
 */
const LOCATED_NAMES = [...zoneNames, ...byLength.map(([name]) => name)].sort((a, b) => b.length - a.length);
const LOCATED = new RegExp(
  String.raw`(${LOCATED_NAMES.join("|")})(?:\s*\([^)]{0,40}\))?(?:\s*(?:에\s*)?(?:소재|지역|관내)|\s+내\s)`,
  "g",
);
/** A cheap first look: without one of these words no region restricts applicants. */
const LOCATED_HINT = /소재|지역|관내|\s내\s/;

export function eligibilityTextRegions(field: string, text: string | null): RegionCandidate | null {
  const value = text ?? "";
  if (!LOCATED_HINT.test(value)) return null;
  const pattern = LOCATED;
  const codes = new Set<string>();
  const zones: string[] = [];
  const found: string[] = [];
  for (const match of value.matchAll(pattern)) {
    const named = namesIn(match[1] ?? "");
    named.codes.forEach((code) => codes.add(code));
    zones.push(...named.zones);
    found.push(match[0]);
  }
  return codes.size > 0 ? { field, value: found.join(" / "), codes: sorted(codes), zones } : null;
}

export interface RegionReading {
  scope: RegionScope;
  readings: Reading[];
}

/**
 * One scope from every field that names regions. The narrower reading wins and says so: a
 * title marker `(충청권)` limits a call whose `supt_regin` says 전국. Where restricted fields
 * disagree, the provinces they share are kept; when they share none, the first candidate given
 * (the caller orders them from the most specific field) is kept and the conflict is recorded.
 */
export function combineRegions(candidates: ReadonlyArray<RegionCandidate | null>): RegionReading {
  const given = candidates.filter((c): c is RegionCandidate => c !== null);
  const readings: Reading[] = given.map((c) =>
    c.codes === null
      ? c.field.toLowerCase().includes("hashtag")
        ? reading("region.all_listed", c.field, c.value, {})
        : reading("region.nationwide", c.field, c.value, {})
      : reading("region.named", c.field, c.value, { codes: c.codes, zones: c.zones }),
  );
  const restricted = given.filter((c): c is RegionCandidate & { codes: string[] } => c.codes !== null);
  if (restricted.length === 0) {
    if (readings.length === 0) readings.push(reading("region.nationwide", "", "", {}));
    return { scope: { nationwide: true, codes: [] }, readings };
  }
  const [first, ...others] = restricted as [
    RegionCandidate & { codes: string[] },
    ...Array<RegionCandidate & { codes: string[] }>,
  ];
  let codes = first.codes;
  for (const other of others) {
    const shared = codes.filter((code) => other.codes.includes(code));
    if (shared.length > 0) codes = shared;
  }
  const winner =
    restricted.find((c) => c.codes.length === codes.length && c.codes.every((code) => codes.includes(code))) ?? first;
  for (const other of given) {
    if (other === winner) continue;
    if (other.codes === null)
      readings.push(
        reading("region.narrowed", winner.field, winner.value, { codes, from: null, fromField: other.field }),
      );
    else if (other.codes.some((code) => !codes.includes(code))) {
      const disjoint = other.codes.every((code) => !codes.includes(code));
      readings.push(
        disjoint
          ? reading("region.conflict", other.field, other.value, { codes: other.codes, kept: codes })
          : reading("region.narrowed", winner.field, winner.value, {
              codes,
              from: other.codes,
              fromField: other.field,
            }),
      );
    }
  }
  return { scope: { nationwide: false, codes }, readings };
}
