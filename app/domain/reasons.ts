import type { ApplicantType, FirmApplicantType, ProgramStatus } from "./programs/types";
import type {
  Bilingual,
  Capability,
  Certification,
  DeliveryMode,
  DiffusionLevel,
  Need,
  PavittClass,
  PavittQuestion,
} from "./types";

/** One answer to a Pavitt question, as codes. */
export interface AnswerGiven {
  question: PavittQuestion;
  answer: string;
}

type None = Record<never, never>;

/**
 * What each rule says, as data: the rule id and the facts behind it. The words live in the
 * message catalogue (app/i18n/ko/reasons.ts and en/reasons.ts), so a translator edits one place; the API sends
 * `{ rule, ko, en }` rendered from these.
 */
export interface ReasonParams {
  "classify.fallback": { division: Bilingual; fallbackClass: PavittClass };
  "classify.answers": { division: Bilingual; pavittClass: PavittClass; answers: AnswerGiven[] };
  "classify.default": { division: Bilingual; defaultClass: PavittClass };
  "classify.moved": { pavittClass: PavittClass; answers: AnswerGiven[] };
  "classify.confirmed": { answers: AnswerGiven[] };
  "classify.kept": { defaultClass: PavittClass; answers: AnswerGiven[] };

  /** `driven`: a research staff of its own; otherwise capacity to absorb outside technology. */
  "capability.researchers": { researchers: number; share: number; driven: boolean };
  "capability.rnd_spend": { amountKrw: number };
  "capability.rnd_ratio": { ratio: number; driven: boolean };
  "capability.patents": { patents: number };
  /** The firm's own answers: its own R&D as the main source of technology, patents as its protection. */
  "capability.answers": { ownRnd: boolean; patents: boolean };
  "capability.venture": None;
  "capability.innobiz": None;
  "capability.mainbiz": None;
  /** `following`: the firm is medium-sized, which stands in for missing technology facts. */
  "capability.size": { employees: number; following: boolean };
  "capability.result": { capability: Capability };

  "cooperation.open_innovation": None;
  "cooperation.high_end_cooperation": None;
  "cooperation.low_end_cooperation": None;

  "sme.no_rule": { division: string };
  "sme.employees": { employees: number; limit: number; sector: Bilingual; passes: boolean };
  /** `figure` is null when the firm gave none. */
  "sme.capital": { figureKrw: number | null; limitKrw: number; sector: Bilingual; passes: boolean };
  "sme.sales": { figureKrw: number | null; limitKrw: number; sector: Bilingual; passes: boolean };

  "eligibility.sme": { firmIsSme: boolean | null };
  "eligibility.max_employees": { cap: number; employees: number; met: boolean };
  "eligibility.region": { nationwide: boolean; met: boolean };
  "eligibility.class": { pavittClass: PavittClass; targets: PavittClass[]; met: boolean };
  "eligibility.certification": { required: string[]; met: boolean };

  /** An announcement's window on the day of the match; `daysLeft` counts to its last day. */
  "call.status": {
    status: ProgramStatus;
    daysLeft: number | null;
    start: string | null;
    end: string | null;
    withdrawn: boolean;
  };
  /** The call's regions as read from `field` (e.g. a title marker narrower than `supt_regin`). */
  "call.region": { field: string; value: string; codes: string[]; met: boolean };
  "call.applicant": { field: string; types: ApplicantType[]; firmType: FirmApplicantType; met: boolean };
  "call.pre_founder": { field: string; met: boolean };
  "call.age_unknown": { field: string; maxMonths: number | null };
  /** `startupAct`: the call is for start-ups and names no limit, so the Start-up Act's seven years apply. */
  "call.age": { field: string; months: number; maxMonths: number; startupAct: boolean; met: boolean };
  "call.founded_since": { field: string; date: string; met: boolean };
  "call.micro_size": { employees: number; limit: number; sector: Bilingual; passes: boolean };

  "proximity.anywhere": None;
  "proximity.unknown": None;
  "proximity.decay": { km: number };
  "proximity.cross_border": None;
  "proximity.same_region": { program: boolean };
  /** A center beyond the firm's reach, shown because only `withinReach` centers are within it. */
  "reach.beyond": { km: number | null; acrossSea: boolean; withinReach: number; reachKm: number };

  "industry.facility": { division: Bilingual };
  "industry.program": { division: Bilingual };
  "industry.research": None;
  "industry.anchor": { anchor: Bilingual; division: Bilingual };
  "industry.region_strategic": { division: Bilingual };
  "industry.open": None;
  "industry.section": None;

  "stance.core_target": { program: boolean };
  "stance.technology_source": None;
  "stance.extension_service": None;
  "stance.intermediary": { program: boolean };
  "stance.science_based": None;
  "stance.not_primary": None;
  /** `anchor` is the anchor group whose shared growth the listing runs, when it has one. */
  "stance.shared_growth": { anchor: Bilingual | null };
  "stance.industrial_complex": None;
  "stance.not_target": None;
  "stance.program_target": { pavittClass: PavittClass };

  "level.capability": { capability: Capability };
  "level.finance": None;
  "level.fit": { level: DiffusionLevel; capability: Capability };
  "level.near": { level: DiffusionLevel; wanted: DiffusionLevel; capability: Capability };

  "delivery.fit": { modes: DeliveryMode[]; pavittClass: PavittClass };
  "needs.match": { needs: Need[] };
}

export type RuleId = keyof ReasonParams;

/** A reason names the rule that produced it and carries the facts it speaks of. */
export type Reason = { [Rule in RuleId]: { rule: Rule; params: ReasonParams[Rule] } }[RuleId];

export function reason<Rule extends RuleId>(rule: Rule, params: ReasonParams[Rule]): Extract<Reason, { rule: Rule }> {
  return { rule, params } as Extract<Reason, { rule: Rule }>;
}

export const CERTIFICATION_RULES = {
  venture: "capability.venture",
  innobiz: "capability.innobiz",
  mainbiz: "capability.mainbiz",
} as const satisfies Record<Certification, RuleId>;
