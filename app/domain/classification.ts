import { CERTIFICATION_RULES, reason, type AnswerGiven, type Reason } from "./reasons";
import {
  PAVITT_CLASSES,
  PAVITT_QUESTIONS,
  type Appropriation,
  type Bilingual,
  type Capability,
  type Certification,
  type InnovationFocus,
  type PavittClass,
  type PavittQuestion,
  type TechSource,
} from "./types";
import { required } from "../required";

// ---------------------------------------------------------------------------
// Pavitt class
// ---------------------------------------------------------------------------

/** The firm's own answers to the three Pavitt questions (seed 002, Table 2-8 rows). */
export interface PavittAnswers {
  techSource?: TechSource;
  appropriation?: Appropriation;
  innovationFocus?: InnovationFocus;
}

export interface PavittInput {
  /** KSIC-10 division code, e.g. "29". */
  division: string;
  /** The division's default class from the KSIC crosswalk; null when the crosswalk has none. */
  defaultClass: PavittClass | null;
  answers?: PavittAnswers;
  /** The division's name, for reasons; the code is shown when absent. */
  divisionName?: Bilingual;
}

export type Confidence = "high" | "medium" | "low";

export interface PavittClassification {
  pavittClass: PavittClass;
  defaultClass: PavittClass | null;
  confidence: Confidence;
  moved: boolean;
  reasons: Reason[];
}

type Question = PavittQuestion;
type Votes = Partial<Record<PavittClass, number>>;

/**
 * Each answer describes one column of seed 002 Table 2-8 and gives that class one vote.
 * Patents appear in two columns (science-based, and specialized suppliers' "design
 * know-how, knowledge of users, patents"), so they give specialized suppliers half a vote.
 */
const VOTES: { [Q in Question]-?: Record<NonNullable<PavittAnswers[Q]>, Votes> } = {
  techSource: {
    suppliers: { supplier_dominated: 1 },
    design_and_users: { specialized_supplier: 1 },
    own_rnd: { science_based: 1 },
    production_engineering: { scale_intensive: 1 },
  },
  appropriation: {
    trademarks_marketing: { supplier_dominated: 1 },
    design_knowhow: { specialized_supplier: 1 },
    patents: { science_based: 1, specialized_supplier: 0.5 },
    scale_secrecy: { scale_intensive: 1 },
  },
  innovationFocus: {
    process_cost: { supplier_dominated: 1 },
    product_performance: { specialized_supplier: 1 },
    new_products: { science_based: 1 },
    process_scale: { scale_intensive: 1 },
  },
};

const QUESTIONS: readonly Question[] = PAVITT_QUESTIONS;

/**
 * The industry default is a prior worth one and a half answers. The crosswalk describes
 * the typical firm of a division, and Table 2-8 describes sectors, not single firms; a
 * firm's own answers may override it, but only with a clear majority: the other class
 * must outscore the default including this prior, and be backed by at least two full
 * answers. So two of three answers against an unsupported default move the firm, while
 * two against one answer that backs the default do not (2 < 1 + 1.5).
 */
const DEFAULT_PRIOR = 1.5;
const MIN_VOTES_TO_MOVE = 2;

/**
 * With neither a default nor answers, the firm is placed as supplier-dominated, the most
 * common kind of small firm (Pavitt 1984; seed 000: most Korean SMEs work in traditional
 * sectors), with low confidence and a request for the answers.
 */
const FALLBACK_CLASS: PavittClass = "supplier_dominated";

export function classifyPavitt(input: PavittInput): PavittClassification {
  const { defaultClass } = input;
  const answered = QUESTIONS.filter((question) => input.answers?.[question] !== undefined);
  const votes = tallyVotes(input.answers ?? {});
  const division = input.divisionName ?? { ko: `KSIC ${input.division}`, en: `KSIC ${input.division}` };

  if (defaultClass === null && answered.length === 0) {
    return {
      pavittClass: FALLBACK_CLASS,
      defaultClass,
      confidence: "low",
      moved: false,
      reasons: [reason("classify.fallback", { division, fallbackClass: FALLBACK_CLASS })],
    };
  }

  if (defaultClass === null) {
    const pavittClass = topClass(votes);
    const supporting = answersFor(pavittClass, input.answers ?? {});
    const contradicted = answered.some((question) => !supporting.includes(question));
    return {
      pavittClass,
      defaultClass,
      confidence: supporting.length < 2 ? "low" : contradicted ? "medium" : "high",
      moved: false,
      reasons: [
        reason("classify.answers", { division, pavittClass, answers: answersGiven(supporting, input.answers ?? {}) }),
      ],
    };
  }

  const defaultReason = reason("classify.default", { division, defaultClass });
  if (answered.length === 0) {
    return { pavittClass: defaultClass, defaultClass, confidence: "medium", moved: false, reasons: [defaultReason] };
  }

  const challenger = topClass({ ...votes, [defaultClass]: 0 });
  const challengerVotes = votes[challenger] ?? 0;
  const defaultScore = (votes[defaultClass] ?? 0) + DEFAULT_PRIOR;
  const agreeing = answersFor(defaultClass, input.answers ?? {});

  if (challengerVotes >= MIN_VOTES_TO_MOVE && challengerVotes > defaultScore) {
    const supporting = answersFor(challenger, input.answers ?? {});
    const contradicted = answered.some((question) => !supporting.includes(question));
    return {
      pavittClass: challenger,
      defaultClass,
      confidence: contradicted ? "medium" : "high",
      moved: true,
      reasons: [
        defaultReason,
        reason("classify.moved", { pavittClass: challenger, answers: answersGiven(supporting, input.answers ?? {}) }),
      ],
    };
  }

  if (agreeing.length === answered.length) {
    return {
      pavittClass: defaultClass,
      defaultClass,
      confidence: "high",
      moved: false,
      reasons: [defaultReason, reason("classify.confirmed", { answers: answersGiven(agreeing, input.answers ?? {}) })],
    };
  }

  const dissenting = answered.filter((question) => !agreeing.includes(question));
  return {
    pavittClass: defaultClass,
    defaultClass,
    confidence: "medium",
    moved: false,
    reasons: [
      defaultReason,
      reason("classify.kept", { defaultClass, answers: answersGiven(dissenting, input.answers ?? {}) }),
    ],
  };
}

function tallyVotes(answers: PavittAnswers): Votes {
  const votes: Votes = {};
  for (const question of QUESTIONS) {
    const answer = answers[question];
    if (answer === undefined) continue;
    const given = required(
      (VOTES[question] as Record<string, Votes>)[answer],
      `the votes of answer ${answer} to ${question}`,
    );
    for (const cls of PAVITT_CLASSES) votes[cls] = (votes[cls] ?? 0) + (given[cls] ?? 0);
  }
  return votes;
}

/** The class with most votes; ties go to the earlier class in PAVITT_CLASSES, so results never depend on input order. */
function topClass(votes: Votes): PavittClass {
  return PAVITT_CLASSES.reduce((best, cls) => ((votes[cls] ?? 0) > (votes[best] ?? 0) ? cls : best));
}

/** The questions whose answers vote for a class (a half vote counts as support). */
function answersFor(cls: PavittClass, answers: PavittAnswers): Question[] {
  return QUESTIONS.filter((question) => {
    const answer = answers[question];
    return (
      answer !== undefined &&
      (required((VOTES[question] as Record<string, Votes>)[answer], `the votes of answer ${answer} to ${question}`)[
        cls
      ] ?? 0) > 0
    );
  });
}

function answersGiven(questions: readonly Question[], answers: PavittAnswers): AnswerGiven[] {
  return questions.map((question) => ({ question, answer: answers[question] as string }));
}

// ---------------------------------------------------------------------------
// Technological capability (seed 002 footnote 58)
// ---------------------------------------------------------------------------

export interface CapabilityInput {
  employees: number;
  /** Qualified scientists and engineers employed. */
  researchers?: number;
  rndSpendKrw?: number;
  salesKrw?: number;
  patents?: number;
  certifications: readonly Certification[];
  /** The firm's answers to the Pavitt questions: where its technology comes from and how it protects it. */
  answers?: PavittAnswers;
}

/** How much a signal says: "driven" alone is a strong sign, "following" a sign of absorptive capacity, "weak" a hint. */
export type SignalStrength = "driven" | "following" | "weak";

export interface CapabilitySignal {
  signal:
    "researchers" | "rnd_ratio" | "rnd_spend" | "patents" | "venture" | "innobiz" | "mainbiz" | "size" | "answers";
  strength: SignalStrength;
  points: number;
}

export interface CapabilityAssessment {
  capability: Capability;
  signals: CapabilitySignal[];
  reasons: Reason[];
}

const POINTS: Record<SignalStrength, number> = { driven: 2, following: 1, weak: 0.5 };

/**
 * Thresholds, with their sources:
 * - R&D of 5% of sales or more is a technology-driven sign: the venture definition of the
 *   1997 Special Act (seed 002) and the 2,000 SMEs selected for R&D over 5% of sales.
 *   Any R&D spending is a following sign: SMEs' R&D rarely exceeded 0.3% of sales (footnote 54).
 * - Employing qualified scientists and engineers is the main factor in absorbing outside
 *   technology (footnote 41): one is a following sign. A research staff of a tenth of the
 *   workforce (at least two people) is this product's cutoff for a driven sign: research
 *   is then a function of its own, not one engineer's side task.
 * - Patents are a following sign (Table 2-8: patents protect innovations of specialized
 *   suppliers and science-based firms).
 * - Venture and Inno-Biz certification are driven signs: both certify technology
 *   innovation (seed 001: venture = high risk, high return; Inno-Biz = technology
 *   competitiveness through innovation). Main-Biz certifies management innovation, not
 *   technology, so it is only a weak hint.
 * - The firm's own answers count too, without figures: its own R&D as the main source of
 *   technology and patents as its protection together mark an innovator (seed 002 Table 2-8,
 *   the science-based row; seed 003 Figure 2, innovative firms → open innovation), a driven
 *   sign worth the whole threshold; either answer alone is a following sign.
 * - When the firm gave no technology facts at all, size stands in: firms under 50
 *   employees rarely sustain R&D, and most SME R&D is done by medium-sized firms
 *   (footnote 54), so 50 or more employees counts as one following sign.
 * A firm is technology-driven with 3 points including at least one driven sign (one strong
 * sign confirmed by another), technology-following with at least 1 point, otherwise
 * non-technological.
 */
const DRIVEN_RND_RATIO = 0.05;
const DRIVEN_RESEARCHER_SHARE = 0.1;
const DRIVEN_MIN_RESEARCHERS = 2;
const MEDIUM_FIRM_EMPLOYEES = 50;
const DRIVEN_POINTS = 3;
const FOLLOWING_POINTS = 1;

export function assessCapability(input: CapabilityInput): CapabilityAssessment {
  const findings = [
    researcherSignal(input),
    rndSignal(input),
    patentSignal(input),
    answersSignal(input),
    ...input.certifications.map(certificationSignal),
  ].filter((item): item is Finding => item !== null);
  const givenTechnologyFacts =
    input.researchers !== undefined ||
    input.rndSpendKrw !== undefined ||
    input.patents !== undefined ||
    findings.some((item) => item.signal?.signal === "answers") ||
    input.certifications.some((certification) => certification !== "mainbiz");
  if (!givenTechnologyFacts) findings.push(sizeSignal(input.employees));

  const signals = findings.flatMap((item) => (item.signal === null ? [] : [item.signal]));
  const total = signals.reduce((sum, signal) => sum + signal.points, 0);
  const capability: Capability =
    total >= DRIVEN_POINTS && signals.some((signal) => signal.strength === "driven")
      ? "technology_driven"
      : total >= FOLLOWING_POINTS
        ? "technology_following"
        : "non_technological";
  return { capability, signals, reasons: [...findings.map((item) => item.reason), capabilityReason(capability)] };
}

/** A fact about the firm and what it says; a fact that counts for nothing carries no signal. */
interface Finding {
  signal: CapabilitySignal | null;
  reason: Reason;
}

function finding(signal: CapabilitySignal["signal"], strength: SignalStrength, said: Reason): Finding {
  return { signal: { signal, strength, points: POINTS[strength] }, reason: said };
}

function researcherSignal({ researchers, employees }: CapabilityInput): Finding | null {
  if (researchers === undefined || researchers <= 0) return null;
  const share = employees > 0 ? researchers / employees : 0;
  const driven = researchers >= DRIVEN_MIN_RESEARCHERS && share >= DRIVEN_RESEARCHER_SHARE;
  return finding(
    "researchers",
    driven ? "driven" : "following",
    reason("capability.researchers", { researchers, share, driven }),
  );
}

function rndSignal({ rndSpendKrw, salesKrw }: CapabilityInput): Finding | null {
  if (rndSpendKrw === undefined || rndSpendKrw <= 0) return null;
  if (salesKrw === undefined || salesKrw <= 0)
    return finding("rnd_spend", "following", reason("capability.rnd_spend", { amountKrw: rndSpendKrw }));
  const ratio = rndSpendKrw / salesKrw;
  const driven = ratio >= DRIVEN_RND_RATIO;
  return finding("rnd_ratio", driven ? "driven" : "following", reason("capability.rnd_ratio", { ratio, driven }));
}

function patentSignal({ patents }: CapabilityInput): Finding | null {
  if (patents === undefined || patents <= 0) return null;
  return finding("patents", "following", reason("capability.patents", { patents }));
}

function answersSignal({ answers }: CapabilityInput): Finding | null {
  const ownRnd = answers?.techSource === "own_rnd";
  const patents = answers?.appropriation === "patents";
  if (!ownRnd && !patents) return null;
  const said = reason("capability.answers", { ownRnd, patents });
  if (ownRnd && patents)
    return { signal: { signal: "answers", strength: "driven", points: DRIVEN_POINTS }, reason: said };
  return finding("answers", "following", said);
}

/** Main-Biz certifies management innovation, not technology: a weak hint only. */
function certificationSignal(certification: Certification): Finding {
  return finding(
    certification,
    certification === "mainbiz" ? "weak" : "driven",
    reason(CERTIFICATION_RULES[certification], {}),
  );
}

function sizeSignal(employees: number): Finding {
  const following = employees >= MEDIUM_FIRM_EMPLOYEES;
  const said = reason("capability.size", { employees, following });
  return following ? finding("size", "following", said) : { signal: null, reason: said };
}

function capabilityReason(capability: Capability): Reason {
  return reason("capability.result", { capability });
}

// ---------------------------------------------------------------------------
// Cooperation with large firms (seed 003 Figure 2)
// ---------------------------------------------------------------------------

export type CooperationMode = "open_innovation" | "high_end_cooperation" | "low_end_cooperation";

export interface CooperationAdvice {
  mode: CooperationMode;
  reasons: Reason[];
}

/**
 * Seed 003 Figure 2 matches the mode of large-firm cooperation to the SME's actual
 * competence: innovative → open innovation, capable → high-end cooperation, incapable →
 * low-end cooperation. Technology-driven firms are read as innovative, followers as
 * capable, non-technological firms as incapable.
 */
const COOPERATION_BY_CAPABILITY: Record<Capability, CooperationMode> = {
  technology_driven: "open_innovation",
  technology_following: "high_end_cooperation",
  non_technological: "low_end_cooperation",
};

export function cooperationMode(capability: Capability): CooperationAdvice {
  const mode = COOPERATION_BY_CAPABILITY[capability];
  return { mode, reasons: [reason(`cooperation.${mode}`, {})] };
}
