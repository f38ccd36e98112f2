import { reason, type Reason } from "../reasons";
import type { Bilingual } from "../types";

/** One row of data/micro_business_rules.csv: the 소상공인 employee limit of some KSIC sections (an empty list: every other section). */
export interface MicroRule {
  id: string;
  sector: Bilingual;
  sections: string[];
  maxEmployeesExclusive: number;
}

/** A data row's cells, with an absent column read as empty. */
function cells(record: Readonly<Record<string, string>>): (name: string) => string {
  return (name) => record[name] ?? "";
}

export function microRules(records: ReadonlyArray<Record<string, string>>): MicroRule[] {
  const rules = records.map((record, index) => {
    const row = cells(record);
    const limit = Number(row("max_employees_exclusive"));
    if (!Number.isInteger(limit) || limit <= 0)
      throw new Error(
        `micro_business_rules.csv line ${index + 2}: max_employees_exclusive must be a positive whole number`,
      );
    return {
      id: row("id"),
      sector: { ko: row("sector_name_ko"), en: row("sector_name_en") },
      sections: row("ksic_sections") === "" ? [] : row("ksic_sections").split(";"),
      maxEmployeesExclusive: limit,
    };
  });
  if (rules.filter((rule) => rule.sections.length === 0).length !== 1)
    throw new Error(
      "micro_business_rules.csv: exactly one row must leave ksic_sections empty (the rule for every other sector)",
    );
  return rules;
}

/** Whether a firm is a 소상공인 by its section's employee limit, with the reason. */
export function checkMicro(
  firm: { employees: number; sectionCode: string },
  rules: readonly MicroRule[],
): { isMicro: boolean; reason: Reason } {
  const rule = rules.find((r) => r.sections.includes(firm.sectionCode)) ?? rules.find((r) => r.sections.length === 0);
  if (!rule) throw new Error("no 소상공인 rule for every other sector");
  const isMicro = firm.employees < rule.maxEmployeesExclusive;
  return {
    isMicro,
    reason: reason("call.micro_size", {
      employees: firm.employees,
      limit: rule.maxEmployeesExclusive,
      sector: rule.sector,
      passes: isMicro,
    }),
  };
}
