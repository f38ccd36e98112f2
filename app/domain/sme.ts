import { reason, type Reason } from "./reasons";
import type { SizeBand } from "./types";

/**
 * One row of an SME definition: a firm in these KSIC sections or divisions is an SME
 * when it has fewer employees than the limit OR its capital (or sales) is at most the
 * threshold. The shipped rows are seed 001 Table 1 (the 2002 definition); current law
 * uses average-sales thresholds, so the rules are data an administrator can replace.
 */
export interface SizeRule {
  id: string;
  sectorNameKo: string;
  sectorNameEn: string;
  ksicSections: string[];
  ksicDivisions: string[];
  maxEmployeesExclusive: number;
  thresholdKind: "capital" | "sales";
  thresholdMaxKrw: number;
  source: string;
}

export interface SmeInput {
  employees: number;
  capitalKrw?: number;
  salesKrw?: number;
  division: string;
  sectionCode: string;
}

export interface SmeCheck {
  /** null when no rule covers the firm's industry. */
  isSme: boolean | null;
  sizeBand: SizeBand;
  rule: SizeRule | null;
  reasons: Reason[];
}

/** Size bands by employees, seed 001: micro < 10, small 10–49, medium 50–299, large 300 and over. */
export function sizeBandOf(employees: number): SizeBand {
  if (employees < 10) return "micro";
  if (employees < 50) return "small";
  if (employees < 300) return "medium";
  return "large";
}

const byId = (a: SizeRule, b: SizeRule) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A rule naming the division beats a rule naming its section; among equals the smallest id wins, whatever the order given. */
export function resolveSizeRule(division: string, sectionCode: string, rules: readonly SizeRule[]): SizeRule | null {
  const sorted = [...rules].sort(byId);
  return (
    sorted.find((rule) => rule.ksicDivisions.includes(division)) ??
    sorted.find((rule) => rule.ksicSections.includes(sectionCode)) ??
    null
  );
}

export function checkSme(input: SmeInput, rules: readonly SizeRule[]): SmeCheck {
  const sizeBand = sizeBandOf(input.employees);
  const rule = resolveSizeRule(input.division, input.sectionCode, rules);
  if (rule === null) {
    return {
      isSme: null,
      sizeBand,
      rule,
      reasons: [reason("sme.no_rule", { division: input.division })],
    };
  }
  const underEmployeeLimit = input.employees < rule.maxEmployeesExclusive;
  const figure = rule.thresholdKind === "capital" ? input.capitalKrw : input.salesKrw;
  const underFinancialLimit = figure !== undefined && figure <= rule.thresholdMaxKrw;
  return {
    isSme: underEmployeeLimit || underFinancialLimit,
    sizeBand,
    rule,
    reasons: [
      employeeReason(input.employees, underEmployeeLimit, rule),
      financialReason(figure, underFinancialLimit, rule),
    ],
  };
}

function employeeReason(employees: number, passes: boolean, rule: SizeRule): Reason {
  return reason("sme.employees", { employees, limit: rule.maxEmployeesExclusive, sector: sectorOf(rule), passes });
}

function financialReason(figure: number | undefined, passes: boolean, rule: SizeRule): Reason {
  const params = { figureKrw: figure ?? null, limitKrw: rule.thresholdMaxKrw, sector: sectorOf(rule), passes };
  return rule.thresholdKind === "capital" ? reason("sme.capital", params) : reason("sme.sales", params);
}

function sectorOf(rule: SizeRule): { ko: string; en: string } {
  return { ko: rule.sectorNameKo, en: rule.sectorNameEn };
}
