import { daysBetween } from "~/clock";
import { reason, type Reason } from "../reasons";
import {
  APPLICABLE_STATUSES,
  type ApplicantType,
  type BusinessAge,
  type CallFacts,
  type FirmApplicantType,
} from "./types";
import { daysLeft, statusOn, windowOfFields, type WindowFields } from "./window";

/** What a firm says about itself that calls test: its applicant type and founding date. */
export interface CallFirm {
  applicantType: FirmApplicantType;
  /** YYYY-MM-DD, or YYYY when only the year is known; null when not given or not yet founded. */
  foundedOn: string | null;
  today: string;
  /** The business age on `today` when the caller has it already (a match checks many calls for one firm). */
  businessAgeMonths?: number;
}

/** The applicant types a firm of each kind can apply as. Start-ups are founded firms, checked against the age limit. */
const ACCEPTED: Record<FirmApplicantType, readonly ApplicantType[]> = {
  sme: ["sme", "general_firm", "startup"],
  micro: ["micro", "sme", "general_firm", "startup"],
  sole_creator: ["sole_creator", "sme", "general_firm", "startup"],
  pre_founder: ["pre_founder", "individual"],
};

/** Under the SME Start-up Act a start-up is a firm founded less than seven years ago. */
const STARTUP_ACT_MONTHS = 7 * 12;

/** The applicant types a call may name for a firm of this kind to be able to apply. */
export function acceptedApplicantTypes(firmType: FirmApplicantType): readonly ApplicantType[] {
  return ACCEPTED[firmType];
}

/**
 * The business age a founded firm must be under, in months: the call's own limit, or the Start-up
 * Act's seven years when it is open to start-ups (and pre-founders) only; null when none applies.
 */
export function callAgeLimitMonths(
  applicantTypes: readonly string[],
  businessAge: Pick<BusinessAge, "maxMonthsExclusive">,
): number | null {
  const startupOnly =
    applicantTypes.length > 0 && applicantTypes.every((type) => type === "startup" || type === "pre_founder");
  return businessAge.maxMonthsExclusive ?? (startupOnly ? STARTUP_ACT_MONTHS : null);
}

/**
 * Months since founding on `today`. A year alone counts whole years (the way 업력 is usually
 * counted when only the founding year is known), so 2024 on 2026-08-10 is 24 months.
 */
export function businessAgeMonths(foundedOn: string, today: string): number {
  if (/^\d{4}$/.test(foundedOn)) return (Number(today.slice(0, 4)) - Number(foundedOn)) * 12;
  const [fy = 0, fm = 0, fd = 0] = foundedOn.split("-").map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export interface CallCheck {
  eligible: boolean;
  /** The call can still be applied for today (open, closing soon or rolling) or opens later. */
  applicable: boolean;
  reasons: Reason[];
}

/**
 * The conditions an announcement sets, read from its fields: its window (a closed call is never
 * recommended), who may apply, and how old the business may be. Each gives a reason naming the
 * field it was read from.
 */
export function checkCall(call: CallFacts, firm: CallFirm): CallCheck {
  const reasons: Reason[] = [];
  const status = statusOn(call.window, firm.today, call.withdrawn);
  const left = daysLeft(call.window, firm.today);
  reasons.push(
    reason("call.status", {
      status,
      daysLeft: left,
      start: call.window.kind === "unknown" ? null : call.window.start,
      end: call.window.kind === "dated" ? call.window.end : null,
      withdrawn: call.withdrawn,
    }),
  );
  const applicable = (APPLICABLE_STATUSES as readonly string[]).includes(status) || status === "upcoming";
  let eligible = applicable;

  if (call.applicantTypes.length > 0) {
    const accepted = ACCEPTED[firm.applicantType];
    const met = call.applicantTypes.some((type) => accepted.includes(type));
    reasons.push(
      reason("call.applicant", {
        field: call.applicantField ?? "",
        types: call.applicantTypes,
        firmType: firm.applicantType,
        met,
      }),
    );
    eligible &&= met;
  }

  const age = call.businessAge;
  const maxMonths = callAgeLimitMonths(call.applicantTypes, age);
  if (firm.applicantType === "pre_founder") {
    if (age.maxMonthsExclusive !== null || call.applicantTypes.length === 0) {
      const met =
        age.preFounders || call.applicantTypes.includes("pre_founder") || call.applicantTypes.includes("individual");
      reasons.push(reason("call.pre_founder", { field: call.ageField ?? call.applicantField ?? "", met }));
      eligible &&= met;
    }
  } else if (maxMonths !== null || age.foundedOnOrAfter !== null) {
    if (firm.foundedOn === null) {
      reasons.push(reason("call.age_unknown", { field: call.ageField ?? "", maxMonths }));
      eligible = false;
    } else {
      const months = firm.businessAgeMonths ?? businessAgeMonths(firm.foundedOn, firm.today);
      if (maxMonths !== null) {
        const met = months >= 0 && months < maxMonths;
        reasons.push(
          reason("call.age", {
            field: (age.maxMonthsExclusive === null ? call.applicantField : call.ageField) ?? "",
            months,
            maxMonths,
            startupAct: age.maxMonthsExclusive === null,
            met,
          }),
        );
        eligible &&= met;
      }
      if (age.foundedOnOrAfter !== null) {
        const founded = /^\d{4}$/.test(firm.foundedOn) ? `${firm.foundedOn}-12-31` : firm.foundedOn;
        const met = daysBetween(age.foundedOnOrAfter, founded) >= 0;
        reasons.push(reason("call.founded_since", { field: call.ageField ?? "", date: age.foundedOnOrAfter, met }));
        eligible &&= met;
      }
    }
  }
  return { eligible, applicable, reasons };
}

/** The call fields a match candidate (a search document) carries; absent or null on curated programs. */
export interface CallFields extends WindowFields {
  withdrawn?: boolean;
  applicantTypes?: readonly string[];
  businessAge?: CallFacts["businessAge"] | null;
  regionBasis?: CallFacts["regionBasis"];
  applicantField?: string | null;
  ageField?: string | null;
}

/** An imported call's facts from a candidate's fields; null for a curated program. */
export function callFactsFrom(fields: CallFields): CallFacts | null {
  const window = windowOfFields(fields);
  if (window === null || !fields.businessAge) return null;
  return {
    window,
    withdrawn: fields.withdrawn ?? false,
    applicantTypes: (fields.applicantTypes ?? []) as ApplicantType[],
    businessAge: fields.businessAge,
    regionBasis: fields.regionBasis ?? null,
    applicantField: fields.applicantField ?? null,
    ageField: fields.ageField ?? null,
  };
}
