import type { Reading, ReadingParams, ReadingRule } from "~/domain/programs/readings";
import { translator, type Translator } from "./index";

/** A reading as the API sends it: the rule, the source field and value, and what it means in both languages. */
export interface RenderedReading {
  rule: ReadingRule;
  field: string;
  value: string;
  ko: string;
  en: string;
}

type Render<Rule extends ReadingRule> = (t: Translator, params: ReadingParams[Rule]) => string;

const list = (
  t: Translator,
  table: "region" | "applicantType" | "pavittClass" | "economicZone",
  codes: readonly string[],
) => codes.map((code) => t.label(table, code)).join(t("reading.listSeparator"));
const months = (t: Translator, total: number) =>
  total % 12 === 0
    ? t("reading.years", { years: total / 12 })
    : t("reading.months", { years: Math.floor(total / 12), months: total % 12 });

/** Which message each reading rule speaks through: the one place readings get their words. */
const RENDER: { [Rule in ReadingRule]: Render<Rule> } = {
  "window.dated": (t, p) => t("reading.window.dated", p),
  "window.single_day": (t, p) => t("reading.window.single_day", p),
  "window.open_ended": (t, p) =>
    p.start ? t("reading.window.open_ended_from", { start: p.start }) : t("reading.window.open_ended"),
  "window.missing": (t) => t("reading.window.missing"),
  "window.unreadable": (t) => t("reading.window.unreadable"),
  "region.nationwide": (t) => t("reading.region.nationwide"),
  "region.named": (t, p) =>
    p.zones.length > 0
      ? t("reading.region.named_zone", { zones: list(t, "economicZone", p.zones), regions: list(t, "region", p.codes) })
      : t("reading.region.named", { regions: list(t, "region", p.codes) }),
  "region.all_listed": (t) => t("reading.region.all_listed"),
  "region.narrowed": (t, p) =>
    p.from === null
      ? t("reading.region.narrowed_nationwide", { fromField: p.fromField, regions: list(t, "region", p.codes) })
      : t("reading.region.narrowed", {
          fromField: p.fromField,
          from: list(t, "region", p.from),
          regions: list(t, "region", p.codes),
        }),
  "region.conflict": (t, p) =>
    t("reading.region.conflict", { regions: list(t, "region", p.codes), kept: list(t, "region", p.kept) }),
  "applicant.types": (t, p) => t("reading.applicant.types", { types: list(t, "applicantType", p.types) }),
  "applicant.pre_founder": (t) => t("reading.applicant.pre_founder"),
  "business_age.bands": (t, p) => {
    if (p.maxMonths === null || p.maxMonths === 0) return t("reading.business_age.pre_founders_only");
    return t(p.preFounders ? "reading.business_age.bands_pre_founders" : "reading.business_age.bands", {
      limit: months(t, p.maxMonths),
    });
  },
  "business_age.text": (t, p) => t("reading.business_age.text", { limit: months(t, p.maxMonths) }),
  "business_age.founded_since": (t, p) => t("reading.business_age.founded_since", p),
  "founder_age.any": (t) => t("reading.founder_age.any"),
  "founder_age.ranges": (t, p) =>
    t("reading.founder_age.ranges", {
      ranges: p.ranges
        .map((r) =>
          r.min === null
            ? t("reading.age.under", { age: (r.max ?? 0) + 1 })
            : r.max === null
              ? t("reading.age.over", { age: r.min })
              : t("reading.age.between", { min: r.min, max: r.max }),
        )
        .join(t("reading.listSeparator")),
    }),
  "support_field.mapped": (t, p) =>
    t("reading.support_field.mapped", {
      category: t.label("programCategory", p.category),
      level: p.diffusionLevel === null ? t("reading.level.none") : t.label("diffusionLevel", p.diffusionLevel),
      classes: p.pavittClasses.length === 0 ? t("reading.classes.all") : list(t, "pavittClass", p.pavittClasses),
    }),
  "support_field.unmapped": (t) => t("reading.support_field.unmapped"),
  "agency.named": (t) => t("reading.agency.named"),
  "agency.placeholder": (t) => t("reading.agency.placeholder"),
};

export function readingText(lang: Translator["lang"], given: Reading): string {
  return renderRule(translator(lang), given.rule, given.params);
}

/** One generic rule, so that its renderer and its parameters are known to belong together. */
function renderRule<Rule extends ReadingRule>(t: Translator, rule: Rule, params: ReadingParams[Rule]): string {
  return RENDER[rule](t, params);
}

export function renderReading(given: Reading): RenderedReading {
  return {
    rule: given.rule,
    field: given.field,
    value: given.value,
    ko: readingText("ko", given),
    en: readingText("en", given),
  };
}

export function renderReadings(given: readonly Reading[]): RenderedReading[] {
  return given.map(renderReading);
}
