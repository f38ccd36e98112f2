import {
  APPROPRIATION_LABELS,
  CAPABILITY_LABELS,
  CERTIFICATION_LABELS,
  INNOVATION_FOCUS_LABELS,
  PAVITT_CLASS_LABELS,
  QUESTION_LABELS,
  TECH_SOURCE_LABELS,
  formatKrwEn,
  formatKrwKo,
  formatPercent,
  type Bilingual,
} from "./labels";
import {
  PAVITT_CLASSES,
  type Appropriation,
  type Capability,
  type Certification,
  type InnovationFocus,
  type PavittClass,
  type Reason,
  type TechSource,
} from "./types";

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

type Question = keyof PavittAnswers;
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

const ANSWER_LABELS: { [Q in Question]-?: Record<NonNullable<PavittAnswers[Q]>, Bilingual> } = {
  techSource: TECH_SOURCE_LABELS,
  appropriation: APPROPRIATION_LABELS,
  innovationFocus: INNOVATION_FOCUS_LABELS,
};

const QUESTIONS: Question[] = ["techSource", "appropriation", "innovationFocus"];

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
      reasons: [
        {
          rule: "classify.fallback",
          ko: `업종(${division.ko})의 기본 유형이 없고 답변도 없어, 중소기업에 가장 흔한 ${PAVITT_CLASS_LABELS[FALLBACK_CLASS].ko}으로 임시 분류했습니다. 기술 원천, 보호 수단, 혁신 초점 세 가지 질문에 답하면 더 정확해집니다.`,
          en: `The firm's industry (${division.en}) has no default class and no answers were given, so the firm is provisionally placed as ${PAVITT_CLASS_LABELS[FALLBACK_CLASS].en}, the most common kind of small firm. Answer the three questions (sources of technology, appropriation, innovation focus) for a better fit.`,
        },
      ],
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
        {
          rule: "classify.answers",
          ko: `업종(${division.ko})의 기본 유형이 없어 답변으로 분류했습니다. 답변이 ${
            PAVITT_CLASS_LABELS[pavittClass].ko
          } 쪽을 가리킵니다: ${describeAnswers(supporting, input.answers ?? {}).ko}.`,
          en: `The firm's industry (${division.en}) has no default class, so the answers decide. They point to ${
            PAVITT_CLASS_LABELS[pavittClass].en
          }: ${describeAnswers(supporting, input.answers ?? {}).en}.`,
        },
      ],
    };
  }

  const defaultReason: Reason = {
    rule: "classify.default",
    ko: `업종(${division.ko})의 기본 유형은 ${PAVITT_CLASS_LABELS[defaultClass].ko}입니다.`,
    en: `The firm's industry (${division.en}) is typically ${PAVITT_CLASS_LABELS[defaultClass].en}.`,
  };
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
    const described = describeAnswers(supporting, input.answers ?? {});
    return {
      pavittClass: challenger,
      defaultClass,
      confidence: contradicted ? "medium" : "high",
      moved: true,
      reasons: [
        defaultReason,
        {
          rule: "classify.moved",
          ko: `답변이 ${PAVITT_CLASS_LABELS[challenger].ko} 쪽을 가리킵니다: ${described.ko}. 그래서 업종 기본 유형 대신 ${PAVITT_CLASS_LABELS[challenger].ko}으로 분류했습니다.`,
          en: `The answers point to ${PAVITT_CLASS_LABELS[challenger].en}: ${described.en}. The firm is classed as ${PAVITT_CLASS_LABELS[challenger].en} instead of the industry default.`,
        },
      ],
    };
  }

  if (agreeing.length === answered.length) {
    const described = describeAnswers(agreeing, input.answers ?? {});
    return {
      pavittClass: defaultClass,
      defaultClass,
      confidence: "high",
      moved: false,
      reasons: [
        defaultReason,
        {
          rule: "classify.confirmed",
          ko: `답변(${described.ko})도 같은 유형을 가리킵니다.`,
          en: `The answers agree: ${described.en}.`,
        },
      ],
    };
  }

  const dissenting = answered.filter((question) => !agreeing.includes(question));
  const described = describeAnswers(dissenting, input.answers ?? {});
  return {
    pavittClass: defaultClass,
    defaultClass,
    confidence: "medium",
    moved: false,
    reasons: [
      defaultReason,
      {
        rule: "classify.kept",
        ko: `일부 답변(${described.ko})은 다른 유형을 가리키지만, 업종 기본 유형을 바꿀 만큼 뚜렷하지 않아 ${PAVITT_CLASS_LABELS[defaultClass].ko}으로 유지했습니다.`,
        en: `Some answers (${described.en}) point elsewhere, but not clearly enough to override the industry default; the firm stays ${PAVITT_CLASS_LABELS[defaultClass].en}.`,
      },
    ],
  };
}

function tallyVotes(answers: PavittAnswers): Votes {
  const votes: Votes = {};
  for (const question of QUESTIONS) {
    const answer = answers[question];
    if (answer === undefined) continue;
    const given = (VOTES[question] as Record<string, Votes>)[answer];
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
    return answer !== undefined && ((VOTES[question] as Record<string, Votes>)[answer][cls] ?? 0) > 0;
  });
}

function describeAnswers(questions: Question[], answers: PavittAnswers): Bilingual {
  const parts = questions.map((question) => {
    const label = (ANSWER_LABELS[question] as Record<string, Bilingual>)[answers[question] as string];
    return { ko: `${QUESTION_LABELS[question].ko} = ${label.ko}`, en: `${QUESTION_LABELS[question].en} = ${label.en}` };
  });
  return { ko: parts.map((part) => part.ko).join(", "), en: parts.map((part) => part.en).join("; ") };
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
}

/** How much a signal says: "driven" alone is a strong sign, "following" a sign of absorptive capacity, "weak" a hint. */
export type SignalStrength = "driven" | "following" | "weak";

export interface CapabilitySignal {
  signal: "researchers" | "rnd_ratio" | "rnd_spend" | "patents" | "venture" | "innobiz" | "mainbiz" | "size";
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
    ...input.certifications.map(certificationSignal),
  ].filter((item): item is Finding => item !== null);
  const givenTechnologyFacts =
    input.researchers !== undefined ||
    input.rndSpendKrw !== undefined ||
    input.patents !== undefined ||
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

function finding(signal: CapabilitySignal["signal"], strength: SignalStrength, ko: string, en: string): Finding {
  return { signal: { signal, strength, points: POINTS[strength] }, reason: { rule: `capability.${signal}`, ko, en } };
}

function researcherSignal({ researchers, employees }: CapabilityInput): Finding | null {
  if (researchers === undefined || researchers <= 0) return null;
  const share = employees > 0 ? researchers / employees : 0;
  if (researchers >= DRIVEN_MIN_RESEARCHERS && share >= DRIVEN_RESEARCHER_SHARE)
    return finding(
      "researchers",
      "driven",
      `연구 인력 ${researchers}명(직원의 ${formatPercent(share)})으로 자체 연구 조직을 갖추고 있습니다.`,
      `${researchers} researchers (${formatPercent(share)} of staff): research is a function of its own.`
    );
  return finding(
    "researchers",
    "following",
    `연구 인력 ${researchers}명이 있어 외부 기술을 받아들일 역량이 있습니다.`,
    `${researchers} qualified scientists or engineers: the firm can absorb outside technology.`
  );
}

function rndSignal({ rndSpendKrw, salesKrw }: CapabilityInput): Finding | null {
  if (rndSpendKrw === undefined || rndSpendKrw <= 0) return null;
  if (salesKrw === undefined || salesKrw <= 0)
    return finding(
      "rnd_spend",
      "following",
      `연구개발에 ${formatKrwKo(rndSpendKrw)}을 쓰고 있습니다.`,
      `Spends ${formatKrwEn(rndSpendKrw)} on R&D.`
    );
  const ratio = rndSpendKrw / salesKrw;
  if (ratio >= DRIVEN_RND_RATIO)
    return finding(
      "rnd_ratio",
      "driven",
      `연구개발비가 매출의 ${formatPercent(ratio)}로, 벤처기업 기준(5% 이상)에 해당합니다.`,
      `R&D is ${formatPercent(ratio)} of sales, at the venture-business level of 5% or more.`
    );
  return finding(
    "rnd_ratio",
    "following",
    `연구개발비가 매출의 ${formatPercent(ratio)}입니다.`,
    `R&D is ${formatPercent(ratio)} of sales.`
  );
}

function patentSignal({ patents }: CapabilityInput): Finding | null {
  if (patents === undefined || patents <= 0) return null;
  return finding("patents", "following", `특허 ${patents}건을 보유하고 있습니다.`, `Holds ${patents} patent${patents === 1 ? "" : "s"}.`);
}

function certificationSignal(certification: Certification): Finding {
  const label = CERTIFICATION_LABELS[certification];
  if (certification === "mainbiz")
    return finding(
      "mainbiz",
      "weak",
      `${label.ko} 인증은 경영 혁신 인증이라 기술 역량의 근거로는 약합니다.`,
      `${label.en} certifies management innovation, so it says little about technology.`
    );
  return finding(
    certification,
    "driven",
    `${label.ko} 인증으로 기술 혁신 역량을 인정받았습니다.`,
    `${label.en} certification recognises technology innovation.`
  );
}

function sizeSignal(employees: number): Finding {
  return employees >= MEDIUM_FIRM_EMPLOYEES
    ? finding(
        "size",
        "following",
        `기술 관련 정보가 없어 규모로 추정했습니다. 직원 ${employees}명 규모의 중기업은 대개 연구개발을 이어갈 수 있습니다.`,
        `No technology facts given, so size stands in: a firm of ${employees} employees can usually sustain some R&D.`
      )
    : {
        signal: null,
        reason: {
          rule: "capability.size",
          ko: `기술 관련 정보가 없어 규모로 추정했습니다. 직원 50명 미만 기업은 연구개발을 이어가기 어려운 경우가 많습니다. 연구 인력·연구개발비·특허를 입력하면 더 정확해집니다.`,
          en: `No technology facts given, so size stands in: firms under 50 employees rarely sustain R&D. Enter researchers, R&D spending and patents for a better fit.`,
        },
      };
}

function capabilityReason(capability: Capability): Reason {
  const label = CAPABILITY_LABELS[capability];
  const detail: Record<Capability, Bilingual> = {
    technology_driven: {
      ko: "기술 기회를 스스로 찾고 필요한 기술을 구할 수 있는 단계입니다.",
      en: "The firm finds technology opportunities and inputs on its own.",
    },
    technology_following: {
      ko: "지역 혁신센터가 가장 중점적으로 돕는 단계입니다.",
      en: "This is the group regional innovation centers mainly serve.",
    },
    non_technological: {
      ko: "새 기술을 직접 보고 익힐 수 있는 시연·실증 지원부터 시작하는 것이 좋습니다.",
      en: "Demonstrations of proven technology are the best place to start.",
    },
  };
  return {
    rule: "capability.result",
    ko: `기술 역량: ${label.ko}. ${detail[capability].ko}`,
    en: `Technological capability: ${label.en}. ${detail[capability].en}`,
  };
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
const COOPERATION_BY_CAPABILITY: Record<Capability, { mode: CooperationMode; text: Bilingual }> = {
  technology_driven: {
    mode: "open_innovation",
    text: {
      ko: "기술 주도형 기업에는 개방형 혁신 협력이 맞습니다. 대기업과 대등한 파트너로 기술을 제공하고, 그 대가를 제대로 받는 장기 관계를 목표로 하세요.",
      en: "Technology-driven firms fit open innovation: work with large firms as a partner that supplies technology and is paid for it, in a long-term relationship.",
    },
  },
  technology_following: {
    mode: "high_end_cooperation",
    text: {
      ko: "기술 추종형 기업에는 공동 연구개발·기술 협력 같은 고도화된 상생협력이 맞습니다.",
      en: "Technology-following firms fit high-end cooperation with large firms: joint R&D and technology cooperation.",
    },
  },
  non_technological: {
    mode: "low_end_cooperation",
    text: {
      ko: "비기술형 기업에는 납품 대금 조기 지급, 공정거래 같은 기본적인 상생협력이 맞습니다.",
      en: "Non-technological firms fit basic cooperation with large firms: prompt payment and fair trade.",
    },
  },
};

export function cooperationMode(capability: Capability): CooperationAdvice {
  const { mode, text } = COOPERATION_BY_CAPABILITY[capability];
  return { mode, reasons: [{ rule: `cooperation.${mode}`, ...text }] };
}
