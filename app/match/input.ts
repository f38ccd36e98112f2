import { z } from "zod";
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
  type ProfileCodes,
  type TechSource,
} from "~/domain/types";
import { FIRM_APPLICANT_TYPES, type FirmApplicantType } from "~/domain/programs/types";
import { isListingId } from "~/domain/listing-id";
import { check, field, type Checked, type FieldLabels } from "~/validation";

/** A firm's profile as the API and the form take it, checked. */
export interface MatchInput {
  ksicDivision: string;
  employees: number;
  capitalKrw?: number;
  salesKrw?: number;
  location?: LatLng;
  /** The factory's address: the geocoder places the firm at its 읍면동 or 시군구 when no point is given. */
  address?: string;
  regionCode?: string;
  answers: { techSource?: TechSource; appropriation?: Appropriation; innovationFocus?: InnovationFocus };
  rnd: { researchers?: number; rndSpendKrw?: number; patents?: number };
  certifications: Certification[];
  needs: Need[];
  /** When the firm was founded: YYYY-MM-DD, or YYYY when only the year is known. */
  foundedOn?: string;
  /** What the firm applies as; without it, a founded firm (SME, or 소상공인 when its size says so). */
  applicantType?: FirmApplicantType;
  /** A program to check against the profile whatever the ranking shows (its page asks this). */
  programId?: string;
}

/** Bigger than any firm: the largest Korean employers have about 10^5 staff; money up to 10^16 won. */
const MAX_EMPLOYEES = 1_000_000;
const MAX_KRW = 1e16;
const MAX_COUNT = 1_000_000;
const MAX_ADDRESS = 200;

/** How the profile's fields are named in messages. */
export const MATCH_FIELD_LABELS: FieldLabels = {
  ksicDivision: { ko: "업종(KSIC 중분류)", en: "Industry (KSIC division)" },
  employees: { ko: "종업원 수", en: "Employees" },
  capitalKrw: { ko: "자본금", en: "Capital" },
  salesKrw: { ko: "매출액", en: "Sales" },
  location: { ko: "위치", en: "Location" },
  address: { ko: "공장 주소", en: "Factory address" },
  regionCode: { ko: "지역", en: "Region" },
  "answers.techSource": { ko: "주된 기술 원천", en: "Main source of technology" },
  "answers.appropriation": { ko: "혁신 보호 방법", en: "How innovations are protected" },
  "answers.innovationFocus": { ko: "혁신의 초점", en: "Focus of innovation" },
  "rnd.researchers": { ko: "연구 인력", en: "Researchers" },
  "rnd.rndSpendKrw": { ko: "연구개발비", en: "R&D spending" },
  "rnd.patents": { ko: "특허 수", en: "Patents" },
  certifications: { ko: "인증", en: "Certifications" },
  needs: { ko: "필요한 지원", en: "Needs" },
  foundedOn: { ko: "창업일(또는 창업 연도)", en: "Founded on (or year)" },
  applicantType: { ko: "신청 자격", en: "Applying as" },
  programId: { ko: "지원사업", en: "Program" },
};

/** A KSIC division as "29" (a number such as 29 or 5 is read as its two digits). */
function division(known: ReadonlySet<string>) {
  return z.unknown().transform((raw, ctx): string => {
    const value =
      typeof raw === "number" && Number.isInteger(raw) && raw >= 0 && raw < 100 ? String(raw).padStart(2, "0") : raw;
    if (value === undefined || value === null || value === "") return field.report(ctx, "required");
    if (typeof value !== "string") return field.report(ctx, "wrong_type", { expected: "text" });
    const code = value.trim();
    return known.has(code) ? code : field.report(ctx, "unknown_ksic", { value: code.slice(0, 20) });
  });
}

/** A point given as `{ lat, lng }` with numbers (or their digits), inside Korea. */
const point = z.unknown().transform((raw, ctx): LatLng | undefined => {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "object" || Array.isArray(raw)) return field.report(ctx, "lat_lng");
  const { lat: latRaw, lng: lngRaw, ...rest } = raw as Record<string, unknown>;
  const coordinate = (value: unknown) =>
    typeof value === "number"
      ? value
      : typeof value === "string" && /^[-+]?\d+(\.\d+)?$/.test(value.trim())
        ? Number(value)
        : Number.NaN;
  const lat = coordinate(latRaw);
  const lng = coordinate(lngRaw);
  if (Object.keys(rest).length > 0 || !Number.isFinite(lat) || !Number.isFinite(lng))
    return field.report(ctx, "lat_lng");
  if (!isInsideKorea({ lat, lng })) return field.report(ctx, "outside_korea");
  return { lat, lng };
});

function regionCode(known: ReadonlySet<string>) {
  return z.unknown().transform((raw, ctx): string | undefined => {
    if (raw === undefined || raw === null || raw === "") return undefined;
    if (typeof raw !== "string") return field.report(ctx, "wrong_type", { expected: "text" });
    return known.has(raw) ? raw : field.report(ctx, "unknown_region", { value: raw.slice(0, 20) });
  });
}

/** One schema for the profile, whether it comes as JSON to /api/match or from the /match form. */
export function matchInputSchema(known: ProfileCodes) {
  return z
    .object({
      ksicDivision: division(known.ksicDivisions),
      employees: field.number({ required: true, min: 0, max: MAX_EMPLOYEES, integer: true }),
      capitalKrw: field.number({ min: 0, max: MAX_KRW }),
      salesKrw: field.number({ min: 0, max: MAX_KRW }),
      location: point,
      address: field.text({ max: MAX_ADDRESS }),
      regionCode: regionCode(known.regionCodes),
      answers: field.nested({
        techSource: field.choice(TECH_SOURCES),
        appropriation: field.choice(APPROPRIATIONS),
        innovationFocus: field.choice(INNOVATION_FOCUSES),
      }),
      rnd: field.nested({
        researchers: field.number({ min: 0, max: MAX_COUNT, integer: true }),
        rndSpendKrw: field.number({ min: 0, max: MAX_KRW }),
        patents: field.number({ min: 0, max: MAX_COUNT, integer: true }),
      }),
      certifications: field.choices(CERTIFICATIONS),
      needs: field.choices(NEEDS),
      foundedOn: field.dateOrYear(),
      applicantType: field.choice(FIRM_APPLICANT_TYPES),
      programId: field.text({ max: 128 }).refine((value) => value === null || isListingId(value), {
        params: { issue: "unknown_value", values: { value: "programId" } },
      }),
    })
    .strict()
    .superRefine((value, ctx) => {
      // Cross-field rules run even when a field failed; each checks that its fields were read.
      if (
        typeof value.employees === "number" &&
        typeof value.rnd?.researchers === "number" &&
        value.rnd.researchers > value.employees
      )
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["rnd", "researchers"],
          params: { issue: "researchers_exceed_employees" },
        });
      if (value.location === undefined && value.regionCode === undefined && !value.address)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["location"], params: { issue: "location_or_region" } });
    });
}

/** The schema for each set of known codes: building it cost a fifth of a whole match under load. */
const schemaByCodes = new WeakMap<ProfileCodes, ReturnType<typeof matchInputSchema>>();

/** Checks a profile field by field and reports every problem at once, so a form can show them all next to their fields. */
export function parseMatchInput(raw: unknown, known: ProfileCodes): Checked<MatchInput> {
  let schema = schemaByCodes.get(known);
  if (!schema) schemaByCodes.set(known, (schema = matchInputSchema(known)));
  const checked = check(schema, raw);
  if (!checked.ok) return checked;
  const value = checked.value;
  return {
    ok: true,
    value: {
      ksicDivision: value.ksicDivision,
      employees: value.employees,
      ...(value.capitalKrw !== undefined ? { capitalKrw: value.capitalKrw } : {}),
      ...(value.salesKrw !== undefined ? { salesKrw: value.salesKrw } : {}),
      ...(value.location ? { location: value.location } : {}),
      ...(value.address ? { address: value.address } : {}),
      ...(value.regionCode ? { regionCode: value.regionCode } : {}),
      answers: dropUndefined(value.answers),
      rnd: dropUndefined(value.rnd),
      certifications: value.certifications,
      needs: value.needs,
      ...(value.foundedOn ? { foundedOn: value.foundedOn } : {}),
      ...(value.applicantType ? { applicantType: value.applicantType } : {}),
      ...(value.programId ? { programId: value.programId } : {}),
    },
  };
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
    const digits = value.replace(/,/g, "");
    return /^\d+(\.\d+)?$/.test(digits) ? Math.round(Number(digits) * EOK_WON) : value;
  };
  const lat = get("lat");
  const lng = get("lng");
  return {
    ksicDivision: get("ksic"),
    employees: get("employees"),
    capitalKrw: eok("capitalEok"),
    salesKrw: eok("salesEok"),
    location: lat !== undefined || lng !== undefined ? { lat: lat ?? "", lng: lng ?? "" } : undefined,
    address: get("address"),
    regionCode: get("region"),
    answers: {
      techSource: get("techSource"),
      appropriation: get("appropriation"),
      innovationFocus: get("innovationFocus"),
    },
    rnd: { researchers: get("researchers"), rndSpendKrw: eok("rndEok"), patents: get("patents") },
    certifications: params.getAll("cert"),
    needs: params.getAll("need"),
    foundedOn: get("founded"),
    applicantType: get("applicant"),
    programId: get("program"),
  };
}

/** The form's field name for an API field, so errors land next to the right input. */
export const FORM_FIELD_OF: Record<string, string> = {
  ksicDivision: "ksic",
  employees: "employees",
  capitalKrw: "capitalEok",
  salesKrw: "salesEok",
  location: "location",
  address: "address",
  regionCode: "region",
  "answers.techSource": "techSource",
  "answers.appropriation": "appropriation",
  "answers.innovationFocus": "innovationFocus",
  "rnd.researchers": "researchers",
  "rnd.rndSpendKrw": "rndEok",
  "rnd.patents": "patents",
  certifications: "cert",
  needs: "need",
  foundedOn: "founded",
  applicantType: "applicant",
  programId: "program",
};
