import { formatKrwEn, formatKrwKo } from "./labels";
import type { Reason, SizeBand } from "./types";

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
    sorted.find((rule) => rule.ksicDivisions.includes(division)) ?? sorted.find((rule) => rule.ksicSections.includes(sectionCode)) ?? null
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
      reasons: [
        {
          rule: "sme.no_rule",
          ko: `업종 코드 ${input.division}에 적용할 중소기업 기준이 없어 중소기업 여부를 판단할 수 없습니다.`,
          en: `No SME size rule covers KSIC division ${input.division}, so SME status cannot be decided.`,
        },
      ],
    };
  }
  const underEmployeeLimit = input.employees < rule.maxEmployeesExclusive;
  const figure = rule.thresholdKind === "capital" ? input.capitalKrw : input.salesKrw;
  const underFinancialLimit = figure !== undefined && figure <= rule.thresholdMaxKrw;
  return {
    isSme: underEmployeeLimit || underFinancialLimit,
    sizeBand,
    rule,
    reasons: [employeeReason(input.employees, underEmployeeLimit, rule), financialReason(figure, underFinancialLimit, rule)],
  };
}

function employeeReason(employees: number, passes: boolean, rule: SizeRule): Reason {
  const limit = rule.maxEmployeesExclusive;
  return passes
    ? {
        rule: "sme.employees",
        ko: `직원 ${employees}명으로 ${rule.sectorNameKo} 중소기업 기준(${limit}명 미만)을 충족합니다.`,
        en: `${employees} employees: under the ${rule.sectorNameEn} SME limit of ${limit}.`,
      }
    : {
        rule: "sme.employees",
        ko: `직원 ${employees}명으로 ${rule.sectorNameKo} 중소기업 인원 기준(${limit}명 미만)을 넘습니다.`,
        en: `${employees} employees: at or over the ${rule.sectorNameEn} SME limit of fewer than ${limit}.`,
      };
}

function financialReason(figure: number | undefined, passes: boolean, rule: SizeRule): Reason {
  const kind = rule.thresholdKind;
  const nameKo = kind === "capital" ? "자본금" : "매출액";
  const nameEn = kind === "capital" ? "capital" : "sales";
  const limitKo = formatKrwKo(rule.thresholdMaxKrw);
  const limitEn = formatKrwEn(rule.thresholdMaxKrw);
  const ruleId = `sme.${kind}`;
  if (figure === undefined) {
    return {
      rule: ruleId,
      ko: `${nameKo}을 입력하지 않아 직원 수 기준만 적용했습니다(${rule.sectorNameKo}: ${nameKo} ${limitKo} 이하도 중소기업).`,
      en: `No ${nameEn} figure given, so only the employee test applied (${rule.sectorNameEn}: ${nameEn} of ${limitEn} or less also qualifies).`,
    };
  }
  return passes
    ? {
        rule: ruleId,
        ko: `${nameKo} ${formatKrwKo(figure)}으로 ${rule.sectorNameKo} 기준(${limitKo} 이하)을 충족합니다.`,
        en: `${capitalize(nameEn)} of ${formatKrwEn(figure)}: within the ${rule.sectorNameEn} limit of ${limitEn}.`,
      }
    : {
        rule: ruleId,
        ko: `${nameKo} ${formatKrwKo(figure)}으로 ${rule.sectorNameKo} 기준(${limitKo} 이하)을 넘습니다.`,
        en: `${capitalize(nameEn)} of ${formatKrwEn(figure)}: over the ${rule.sectorNameEn} limit of ${limitEn}.`,
      };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
