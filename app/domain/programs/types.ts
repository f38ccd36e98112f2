/** The two national announcement portals a call can come from. */
export const PORTALS = ["bizinfo", "kstartup"] as const;
export type Portal = (typeof PORTALS)[number];

/**
 * Where a call stands on a day: `rolling` has no end date (상시, 예산 소진시까지) and is open from
 * its start; `closing_soon` is open with at most seven days left; a call is never open before its start.
 */
export const PROGRAM_STATUSES = ["open", "closing_soon", "upcoming", "closed", "rolling"] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** Statuses in which a firm can still apply today. */
export const APPLICABLE_STATUSES: readonly ProgramStatus[] = ["open", "closing_soon", "rolling"];

/** Who may apply, as the platform's codes for the portals' words. */
export const APPLICANT_TYPES = [
  "sme",
  "micro",
  "startup",
  "pre_founder",
  "sole_creator",
  "general_firm",
  "individual",
  "institution",
  "social_enterprise",
  "disabled_owned",
  "women_owned",
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** What a firm says it is when it asks for a match (the contract's `applicantType`). */
export const FIRM_APPLICANT_TYPES = ["sme", "micro", "pre_founder", "sole_creator"] as const;
export type FirmApplicantType = (typeof FIRM_APPLICANT_TYPES)[number];

export type ApplicationWindow =
  /** Both dates known (a start without an end is `open_ended`). */
  | { kind: "dated"; start: string; end: string }
  /** Open from a start (or from publication) until the budget runs out or further notice. */
  | { kind: "open_ended"; start: string | null }
  /** No window could be read; the call cannot be shown as open. */
  | { kind: "unknown" };

export interface Attachment {
  name: string;
  url: string | null;
}

/** The regions a call is open to, as MOIS codes; `nationwide` when the whole country. */
export interface RegionScope {
  nationwide: boolean;
  codes: string[];
}

/** Limits on how long the firm has existed, in months; null where the call sets none. */
export interface BusinessAge {
  /** Under this many months since founding. */
  maxMonthsExclusive: number | null;
  /** Founded on or after this date. */
  foundedOnOrAfter: string | null;
  /** Whether people who have not founded yet may apply. */
  preFounders: boolean;
}

/** What matching needs to know about an imported call, beyond the fields every program has. */
export interface CallFacts {
  window: ApplicationWindow;
  /** A complete sync of its portal no longer returned it. */
  withdrawn: boolean;
  applicantTypes: ApplicantType[];
  businessAge: BusinessAge;
  /** The field (and its value) the region reading rests on; null when nothing restricts it. */
  regionBasis: { field: string; value: string } | null;
  /** The field the applicant types were read from (`trgetNm`, `aply_trgt`). */
  applicantField: string | null;
  /** The field(s) the business-age limit was read from. */
  ageField: string | null;
}
