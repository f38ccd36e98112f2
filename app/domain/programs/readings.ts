import type { ApplicantType } from "./types";

type None = Record<never, never>;

/**
 * What each reading rule found, as data: the rule id and its facts. The words live in the
 * catalogue (app/i18n/ko/programs.ts, en/programs.ts) and app/i18n/programs.ts renders them, as
 * reasons are rendered; each reading also keeps the source field and the value it read, so a
 * person can check it against the announcement.
 */
export interface ReadingParams {
  "window.dated": { start: string; end: string };
  "window.single_day": { date: string };
  "window.open_ended": { start: string | null };
  "window.missing": None;
  "window.unreadable": None;

  "region.nationwide": None;
  /** Codes named by the field (a province, or a zone expanded to its provinces). */
  "region.named": { codes: string[]; zones: string[] };
  /** Hashtags that list every province mean the whole country. */
  "region.all_listed": None;
  /** The narrower reading wins over a wider one: `from` is what the wider field said (null: nationwide). */
  "region.narrowed": { codes: string[]; from: string[] | null; fromField: string };
  /** Fields that name regions the final reading leaves out. */
  "region.conflict": { codes: string[]; kept: string[] };

  "applicant.types": { types: ApplicantType[] };
  "applicant.pre_founder": None;
  "business_age.bands": { maxMonths: number | null; preFounders: boolean };
  "business_age.text": { maxMonths: number };
  "business_age.founded_since": { date: string };
  "founder_age.any": None;
  /** Ages in whole years (만 나이); a null bound is open. */
  "founder_age.ranges": { ranges: Array<{ min: number | null; max: number | null }> };

  "support_field.mapped": { category: string; diffusionLevel: number | null; pavittClasses: string[] };
  "support_field.unmapped": None;

  "agency.named": None;
  "agency.placeholder": None;
}

export type ReadingRule = keyof ReadingParams;

export type Reading = {
  [Rule in ReadingRule]: { rule: Rule; field: string; value: string; params: ReadingParams[Rule] };
}[ReadingRule];

export function reading<Rule extends ReadingRule>(
  rule: Rule,
  field: string,
  value: string,
  params: ReadingParams[Rule],
): Extract<Reading, { rule: Rule }> {
  return { rule, field, value: value.length > 300 ? `${value.slice(0, 300)}…` : value, params } as Extract<
    Reading,
    { rule: Rule }
  >;
}
