import {
  APPROPRIATIONS,
  CERTIFICATIONS,
  INNOVATION_FOCUSES,
  isInsideKorea,
  NEEDS,
  TECH_SOURCES,
  type Appropriation,
  type Certification,
  type InnovationFocus,
  type LatLng,
  type Need,
  type TechSource,
} from "~/domain/types";

/** A firm's profile as the API and the form take it, checked. */
export interface MatchInput {
  ksicDivision: string;
  employees: number;
  capitalKrw?: number;
  salesKrw?: number;
  location?: LatLng;
  regionCode?: string;
  answers: { techSource?: TechSource; appropriation?: Appropriation; innovationFocus?: InnovationFocus };
  rnd: { researchers?: number; rndSpendKrw?: number; patents?: number };
  certifications: Certification[];
  needs: Need[];
}

/** A problem with one field, said in both languages. */
export interface FieldError {
  field: string;
  ko: string;
  en: string;
}

export type MatchInputResult = { ok: true; value: MatchInput } | { ok: false; errors: FieldError[] };

export interface MatchInputKnown {
  ksicDivisions: ReadonlySet<string>;
  regionCodes: ReadonlySet<string>;
}

/** Bigger than any firm: the largest Korean employers have about 10^5 staff; money up to 10^16 won. */
const MAX_EMPLOYEES = 1_000_000;
const MAX_KRW = 1e16;
const MAX_COUNT = 1_000_000;

/**
 * Checks a profile field by field and reports every problem at once, so a
 * form can show them all next to their fields.
 */
export function parseMatchInput(raw: unknown, known: MatchInputKnown): MatchInputResult {
  const errors: FieldError[] = [];
  const fail = (field: string, ko: string, en: string) => {
    errors.push({ field, ko, en });
    return undefined;
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: "", ko: "요청 본문은 JSON 객체여야 합니다.", en: "The request body must be a JSON object." }] };
  }
  const input = raw as Record<string, unknown>;

  const division = typeof input.ksicDivision === "string" ? input.ksicDivision.trim() : typeof input.ksicDivision === "number" ? String(input.ksicDivision).padStart(2, "0") : "";
  if (division === "") fail("ksicDivision", "업종(KSIC 중분류)을 고르세요.", "Choose the industry (KSIC division).");
  else if (!known.ksicDivisions.has(division)) fail("ksicDivision", `알 수 없는 KSIC 중분류입니다: ${division}`, `Unknown KSIC division: ${division}`);

  const employees = wholeNumber(input.employees, "employees", { required: true, max: MAX_EMPLOYEES, ko: "종업원 수", en: "Employees" }, fail);
  const capitalKrw = amount(input.capitalKrw, "capitalKrw", { ko: "자본금", en: "Capital" }, fail);
  const salesKrw = amount(input.salesKrw, "salesKrw", { ko: "매출액", en: "Sales" }, fail);

  let location: LatLng | undefined;
  if (input.location !== undefined && input.location !== null) {
    const point = input.location as Record<string, unknown>;
    const lat = typeof point === "object" ? Number(point.lat) : NaN;
    const lng = typeof point === "object" ? Number(point.lng) : NaN;
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || typeof point.lat === "boolean" || typeof point.lng === "boolean")
      fail("location", "위치는 위도와 경도(숫자)로 주세요.", "Give the location as numeric lat and lng.");
    else if (!isInsideKorea({ lat, lng })) fail("location", "위치가 대한민국 밖입니다.", "The location is outside Korea.");
    else location = { lat, lng };
  }
  let regionCode: string | undefined;
  if (input.regionCode !== undefined && input.regionCode !== null && input.regionCode !== "") {
    if (typeof input.regionCode !== "string" || !known.regionCodes.has(input.regionCode))
      fail("regionCode", `알 수 없는 지역 코드입니다: ${String(input.regionCode)}`, `Unknown region code: ${String(input.regionCode)}`);
    else regionCode = input.regionCode;
  }
  if (input.location == null && (input.regionCode == null || input.regionCode === ""))
    fail("location", "위치(지도나 현재 위치) 또는 지역을 주세요.", "Give a location (map or your position) or a region.");

  const answersRaw = objectOrEmpty(input.answers, "answers", fail);
  const answers = {
    techSource: oneOf(answersRaw.techSource, TECH_SOURCES, "answers.techSource", fail),
    appropriation: oneOf(answersRaw.appropriation, APPROPRIATIONS, "answers.appropriation", fail),
    innovationFocus: oneOf(answersRaw.innovationFocus, INNOVATION_FOCUSES, "answers.innovationFocus", fail),
  };
  const rndRaw = objectOrEmpty(input.rnd, "rnd", fail);
  const rnd = {
    researchers: wholeNumber(rndRaw.researchers, "rnd.researchers", { max: MAX_COUNT, ko: "연구 인력", en: "Researchers" }, fail),
    rndSpendKrw: amount(rndRaw.rndSpendKrw, "rnd.rndSpendKrw", { ko: "연구개발비", en: "R&D spending" }, fail),
    patents: wholeNumber(rndRaw.patents, "rnd.patents", { max: MAX_COUNT, ko: "특허 수", en: "Patents" }, fail),
  };
  if (employees !== undefined && rnd.researchers !== undefined && rnd.researchers > employees)
    fail("rnd.researchers", "연구 인력이 종업원 수보다 많을 수 없습니다.", "Researchers cannot outnumber employees.");
  const certifications = listOf(input.certifications, CERTIFICATIONS, "certifications", fail);
  const needs = listOf(input.needs, NEEDS, "needs", fail);

  if (errors.length > 0 || employees === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ksicDivision: division,
      employees,
      ...(capitalKrw !== undefined ? { capitalKrw } : {}),
      ...(salesKrw !== undefined ? { salesKrw } : {}),
      ...(location ? { location } : {}),
      ...(regionCode ? { regionCode } : {}),
      answers: dropUndefined(answers),
      rnd: dropUndefined(rnd),
      certifications,
      needs,
    },
  };
}

type Fail = (field: string, ko: string, en: string) => undefined;

function wholeNumber(value: unknown, field: string, rule: { required?: boolean; max: number; ko: string; en: string }, fail: Fail): number | undefined {
  if (value === undefined || value === null || value === "") return rule.required ? fail(field, `${rule.ko}: 꼭 입력하세요.`, `${rule.en} is required.`) : undefined;
  const number = typeof value === "string" ? Number(value.replace(/,/g, "")) : value;
  if (typeof number !== "number" || !Number.isFinite(number)) return fail(field, `${rule.ko}: 숫자를 입력하세요.`, `${rule.en} must be a number.`);
  if (!Number.isInteger(number)) return fail(field, `${rule.ko}: 정수를 입력하세요.`, `${rule.en} must be a whole number.`);
  if (number < 0) return fail(field, `${rule.ko}: 0 이상이어야 합니다.`, `${rule.en} cannot be negative.`);
  if (number > rule.max) return fail(field, `${rule.ko}: 값이 너무 큽니다.`, `${rule.en} is too large.`);
  return number;
}

function amount(value: unknown, field: string, label: { ko: string; en: string }, fail: Fail): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "string" ? Number(value.replace(/,/g, "")) : value;
  if (typeof number !== "number" || !Number.isFinite(number)) return fail(field, `${label.ko}: 숫자를 입력하세요.`, `${label.en} must be a number (won).`);
  if (number < 0) return fail(field, `${label.ko}: 0 이상이어야 합니다.`, `${label.en} cannot be negative.`);
  if (number > MAX_KRW) return fail(field, `${label.ko}: 값이 너무 큽니다.`, `${label.en} is too large.`);
  return number;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fail: Fail): T | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  return fail(field, `허용되지 않는 값입니다: ${String(value)} (가능한 값: ${allowed.join(", ")})`, `Unknown value ${String(value)}; expected one of ${allowed.join(", ")}`);
}

function listOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fail: Fail): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    fail(field, "목록(배열)이어야 합니다.", "Must be a list.");
    return [];
  }
  const unknown = value.filter((item) => typeof item !== "string" || !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) fail(field, `허용되지 않는 값입니다: ${unknown.map(String).join(", ")}`, `Unknown value(s): ${unknown.map(String).join(", ")}`);
  return [...new Set(value.filter((item): item is T => (allowed as readonly string[]).includes(item as string)))];
}

function objectOrEmpty(value: unknown, field: string, fail: Fail): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    fail(field, "객체여야 합니다.", "Must be an object.");
    return {};
  }
  return value as Record<string, unknown>;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Money in the form is asked in 억 원 (10^8 won), the unit Korean firms state it in. */
export const EOK_WON = 100_000_000;

/**
 * The form's flat GET parameters as the API's JSON shape, so the page and
 * the API share one validator. Amounts arrive in 억 원.
 */
export function matchInputFromSearchParams(params: URLSearchParams): Record<string, unknown> {
  const get = (name: string) => {
    const value = params.get(name);
    return value === null || value.trim() === "" ? undefined : value.trim();
  };
  const eok = (name: string) => {
    const value = get(name);
    if (value === undefined) return undefined;
    const number = Number(value.replace(/,/g, ""));
    return Number.isFinite(number) ? Math.round(number * EOK_WON) : value;
  };
  const lat = get("lat");
  const lng = get("lng");
  return {
    ksicDivision: get("ksic"),
    employees: get("employees"),
    capitalKrw: eok("capitalEok"),
    salesKrw: eok("salesEok"),
    location: lat !== undefined || lng !== undefined ? { lat: lat ?? "", lng: lng ?? "" } : undefined,
    regionCode: get("region"),
    answers: { techSource: get("techSource"), appropriation: get("appropriation"), innovationFocus: get("innovationFocus") },
    rnd: { researchers: get("researchers"), rndSpendKrw: eok("rndEok"), patents: get("patents") },
    certifications: params.getAll("cert"),
    needs: params.getAll("need"),
  };
}

/** The form's field name for an API field, so errors land next to the right input. */
export const FORM_FIELD_OF: Record<string, string> = {
  ksicDivision: "ksic",
  employees: "employees",
  capitalKrw: "capitalEok",
  salesKrw: "salesEok",
  location: "location",
  regionCode: "region",
  "answers.techSource": "techSource",
  "answers.appropriation": "appropriation",
  "answers.innovationFocus": "innovationFocus",
  "rnd.researchers": "researchers",
  "rnd.rndSpendKrw": "rndEok",
  "rnd.patents": "patents",
  certifications: "cert",
  needs: "need",
};
