import type { AnswerGiven, Reason, ReasonParams, RuleId } from "~/domain/reasons";
import type { Bilingual } from "~/domain/types";
import { translator, type LabelTable, type Translator } from "./index";

/** A reason as the API sends it and pages show it: the rule id and its text in both languages. */
export interface RenderedReason {
  rule: RuleId;
  ko: string;
  en: string;
}

type Render<Rule extends RuleId> = (t: Translator, params: ReasonParams[Rule]) => string;

const named = (t: Translator, value: Bilingual) => value[t.lang];
const labels = (t: Translator, table: LabelTable, codes: readonly (string | number)[]) =>
  codes.map((code) => t.label(table, code)).join(t("reason.listSeparator"));
const answers = (t: Translator, given: readonly AnswerGiven[]) =>
  given
    .map(({ question, answer }) =>
      t("reason.answer", { question: t.label("question", question), answer: t.label(question, answer) }),
    )
    .join(t("reason.answerSeparator"));

/** A limit in months as years and months ("2년 3개월", "3 years"). */
const monthsText = (t: Translator, total: number) =>
  total % 12 === 0
    ? t("reason.call.years", { years: total / 12 })
    : t("reason.call.months", { years: Math.floor(total / 12), months: total % 12 });

/** The capital and sales limits of the SME size check read alike: the firm's figure against the sector's limit, or no figure. */
const moneyLimit = (t: Translator, figure: "capital" | "sales", p: ReasonParams["sme.capital" | "sme.sales"]) =>
  p.figureKrw === null
    ? t(`reason.sme.${figure}.missing`, { sector: named(t, p.sector), limit: t.format.krw(p.limitKrw) })
    : t(`reason.sme.${figure}.${p.passes ? "passes" : "fails"}`, {
        figure: t.format.krw(p.figureKrw),
        sector: named(t, p.sector),
        limit: t.format.krw(p.limitKrw),
      });

/** Which message each rule speaks through, and what fills it in: the one place reasons get their words. */
const RENDER: { [Rule in RuleId]: Render<Rule> } = {
  "classify.fallback": (t, p) =>
    t("reason.classify.fallback", {
      division: named(t, p.division),
      pavittClass: t.label("pavittClass", p.fallbackClass),
    }),
  "classify.answers": (t, p) =>
    t("reason.classify.answers", {
      division: named(t, p.division),
      pavittClass: t.label("pavittClass", p.pavittClass),
      answers: answers(t, p.answers),
    }),
  "classify.default": (t, p) =>
    t("reason.classify.default", {
      division: named(t, p.division),
      pavittClass: t.label("pavittClass", p.defaultClass),
    }),
  "classify.moved": (t, p) =>
    t("reason.classify.moved", { pavittClass: t.label("pavittClass", p.pavittClass), answers: answers(t, p.answers) }),
  "classify.confirmed": (t, p) => t("reason.classify.confirmed", { answers: answers(t, p.answers) }),
  "classify.kept": (t, p) =>
    t("reason.classify.kept", { pavittClass: t.label("pavittClass", p.defaultClass), answers: answers(t, p.answers) }),

  "capability.researchers": (t, p) =>
    p.driven
      ? t("reason.capability.researchers.driven", { researchers: p.researchers, share: t.format.percent(p.share) })
      : t("reason.capability.researchers.following", { count: p.researchers }),
  "capability.rnd_spend": (t, p) => t("reason.capability.rnd_spend", { amount: t.format.krw(p.amountKrw) }),
  "capability.rnd_ratio": (t, p) =>
    t(p.driven ? "reason.capability.rnd_ratio.driven" : "reason.capability.rnd_ratio.following", {
      ratio: t.format.percent(p.ratio),
    }),
  "capability.patents": (t, p) => t("reason.capability.patents", { count: p.patents }),
  "capability.answers": (t, p) =>
    t(
      p.ownRnd && p.patents
        ? "reason.capability.answers.both"
        : p.ownRnd
          ? "reason.capability.answers.own_rnd"
          : "reason.capability.answers.patents",
    ),
  "capability.venture": (t) => t("reason.capability.certified", { certification: t.label("certification", "venture") }),
  "capability.innobiz": (t) => t("reason.capability.certified", { certification: t.label("certification", "innobiz") }),
  "capability.mainbiz": (t) => t("reason.capability.mainbiz", { certification: t.label("certification", "mainbiz") }),
  "capability.size": (t, p) =>
    p.following ? t("reason.capability.size.following", { employees: p.employees }) : t("reason.capability.size.small"),
  "capability.result": (t, p) =>
    t(`reason.capability.result.${p.capability}`, { capability: t.label("capability", p.capability) }),

  "cooperation.open_innovation": (t) => t("reason.cooperation.open_innovation"),
  "cooperation.high_end_cooperation": (t) => t("reason.cooperation.high_end_cooperation"),
  "cooperation.low_end_cooperation": (t) => t("reason.cooperation.low_end_cooperation"),

  "sme.no_rule": (t, p) => t("reason.sme.no_rule", { division: p.division }),
  "sme.employees": (t, p) =>
    t(p.passes ? "reason.sme.employees.passes" : "reason.sme.employees.fails", {
      employees: p.employees,
      limit: p.limit,
      sector: named(t, p.sector),
    }),
  "sme.capital": (t, p) => moneyLimit(t, "capital", p),
  "sme.sales": (t, p) => moneyLimit(t, "sales", p),

  "eligibility.sme": (t, p) =>
    t(
      p.firmIsSme === true
        ? "reason.eligibility.sme.met"
        : p.firmIsSme === null
          ? "reason.eligibility.sme.unknown"
          : "reason.eligibility.sme.unmet",
    ),
  "eligibility.max_employees": (t, p) =>
    t(p.met ? "reason.eligibility.max_employees.met" : "reason.eligibility.max_employees.unmet", {
      cap: p.cap,
      employees: p.employees,
    }),
  "eligibility.region": (t, p) =>
    t(
      p.nationwide
        ? "reason.eligibility.region.nationwide"
        : p.met
          ? "reason.eligibility.region.met"
          : "reason.eligibility.region.unmet",
    ),
  "eligibility.class": (t, p) =>
    p.met
      ? t("reason.eligibility.class.met", { pavittClass: t.label("pavittClass", p.pavittClass) })
      : t("reason.eligibility.class.unmet", {
          pavittClass: t.label("pavittClass", p.pavittClass),
          targets: labels(t, "pavittClass", p.targets),
        }),
  "eligibility.certification": (t, p) =>
    t(p.met ? "reason.eligibility.certification.met" : "reason.eligibility.certification.unmet", {
      certifications: labels(t, "certification", p.required),
    }),

  "call.status": (t, p) => {
    if (p.withdrawn) return t("reason.call.status.withdrawn");
    if (p.status === "upcoming" && p.start) return t("reason.call.status.upcoming", { start: p.start });
    if (p.status === "rolling") return t("reason.call.status.rolling");
    if ((p.status === "open" || p.status === "closing_soon") && p.daysLeft !== null && p.end) {
      return p.daysLeft === 0
        ? t("reason.call.status.last_day", { end: p.end })
        : t("reason.call.status.open", { count: p.daysLeft, end: p.end });
    }
    return p.end ? t("reason.call.status.closed", { end: p.end }) : t("reason.call.status.unknown");
  },
  "call.region": (t, p) =>
    t(p.met ? "reason.call.region.met" : "reason.call.region.unmet", {
      regions: labels(t, "region", p.codes),
      field: p.field,
      value: p.value,
    }),
  "call.applicant": (t, p) =>
    t(p.met ? "reason.call.applicant.met" : "reason.call.applicant.unmet", {
      types: labels(t, "applicantType", p.types),
      field: p.field,
      firmType: t.label("applicantType", p.firmType),
    }),
  "call.pre_founder": (t, p) =>
    t(p.met ? "reason.call.pre_founder.met" : "reason.call.pre_founder.unmet", { field: p.field }),
  "call.age_unknown": (t, p) => t("reason.call.age_unknown", { field: p.field }),
  "call.age": (t, p) =>
    t(p.met ? "reason.call.age.met" : "reason.call.age.unmet", {
      months: p.months,
      limit: p.startupAct ? t("reason.call.startup_act") : monthsText(t, p.maxMonths),
      field: p.field,
    }),
  "call.founded_since": (t, p) =>
    t(p.met ? "reason.call.founded_since.met" : "reason.call.founded_since.unmet", { date: p.date, field: p.field }),
  "call.micro_size": (t, p) =>
    t(p.passes ? "reason.call.micro_size.passes" : "reason.call.micro_size.fails", {
      employees: p.employees,
      limit: p.limit,
      sector: named(t, p.sector),
    }),

  "proximity.anywhere": (t) => t("reason.proximity.anywhere"),
  "proximity.unknown": (t) => t("reason.proximity.unknown"),
  "proximity.decay": (t, p) =>
    p.km < 1 ? t("reason.proximity.within_1km") : t("reason.proximity.decay", { km: p.km }),
  "proximity.cross_border": (t) => t("reason.proximity.cross_border"),
  "proximity.same_region": (t, p) =>
    t(p.program ? "reason.proximity.same_region.program" : "reason.proximity.same_region.facility"),
  "reach.beyond": (t, p) =>
    t(p.acrossSea ? "reason.reach.beyond_sea" : "reason.reach.beyond", {
      km: p.km ?? "?",
      reachKm: p.reachKm,
      count: p.withinReach,
    }),

  "industry.facility": (t, p) => t("reason.industry.named", { division: named(t, p.division) }),
  "industry.program": (t, p) => t("reason.industry.named", { division: named(t, p.division) }),
  "industry.research": (t) => t("reason.industry.research"),
  "industry.anchor": (t, p) =>
    t("reason.industry.anchor", { anchor: named(t, p.anchor), division: named(t, p.division) }),
  "industry.region_strategic": (t, p) => t("reason.industry.region_strategic", { division: named(t, p.division) }),
  "industry.open": (t) => t("reason.industry.open"),
  "industry.section": (t) => t("reason.industry.section"),

  "stance.core_target": (t, p) =>
    t(p.program ? "reason.stance.core_target.program" : "reason.stance.core_target.facility"),
  "stance.technology_source": (t) => t("reason.stance.technology_source"),
  "stance.extension_service": (t) => t("reason.stance.extension_service"),
  "stance.intermediary": (t, p) =>
    t(p.program ? "reason.stance.intermediary.program" : "reason.stance.intermediary.facility"),
  "stance.science_based": (t) => t("reason.stance.science_based"),
  "stance.not_primary": (t) => t("reason.stance.not_primary"),
  "stance.shared_growth": (t, p) =>
    p.anchor === null
      ? t("reason.stance.shared_growth")
      : t("reason.stance.shared_growth.anchor", { anchor: named(t, p.anchor) }),
  "stance.industrial_complex": (t) => t("reason.stance.industrial_complex"),
  "stance.not_target": (t) => t("reason.stance.not_target"),
  "stance.program_target": (t, p) =>
    t("reason.stance.program_target", { pavittClass: t.label("pavittClass", p.pavittClass) }),

  "level.capability": (t, p) => t("reason.level.capability", { capability: t.label("capability", p.capability) }),
  "level.finance": (t) => t("reason.level.finance"),
  "level.fit": (t, p) =>
    t("reason.level.fit", {
      level: t.label("diffusionLevel", p.level),
      capability: t.label("capability", p.capability),
    }),
  "level.near": (t, p) =>
    t("reason.level.near", {
      level: t.label("diffusionLevel", p.level),
      wanted: p.wanted,
      capability: t.label("capability", p.capability),
    }),

  "delivery.fit": (t, p) =>
    t("reason.delivery.fit", {
      modes: labels(t, "deliveryMode", p.modes),
      pavittClass: t.label("pavittClass", p.pavittClass),
    }),
  "needs.match": (t, p) => t("reason.needs.match", { needs: labels(t, "need", p.needs) }),
};

/** A reason's text in one language. */
export function reasonText(lang: Translator["lang"], given: Reason): string {
  return renderRule(translator(lang), given.rule, given.params);
}

/** One generic rule, so that its renderer and its parameters are known to belong together. */
function renderRule<Rule extends RuleId>(t: Translator, rule: Rule, params: ReasonParams[Rule]): string {
  return RENDER[rule](t, params);
}

/**
 * Rendered reasons by rule and parameters. Rendering is pure and the same reasons recur in
 * every answer (a program's eligibility, a center's industry for firms of one division), so
 * the texts are kept; the table is emptied when full rather than grown without bound.
 */
const renderedReasons = new Map<string, RenderedReason>();
const RENDERED_REASONS_KEPT = 20_000;

/** A reason in both languages, as the API has always sent it: `{ rule, ko, en }`. */
export function renderReason(given: Reason): RenderedReason {
  const key = `${given.rule}${JSON.stringify(given.params)}`;
  const kept = renderedReasons.get(key);
  if (kept) return kept;
  const rendered: RenderedReason = Object.freeze({
    rule: given.rule,
    ko: reasonText("ko", given),
    en: reasonText("en", given),
  });
  if (renderedReasons.size >= RENDERED_REASONS_KEPT) renderedReasons.clear();
  renderedReasons.set(key, rendered);
  return rendered;
}

export function renderReasons(given: readonly Reason[]): RenderedReason[] {
  return given.map(renderReason);
}
