import path from "node:path";
import { readDataTable } from "~/data-tables.server";
import { supportFieldRules, type SupportFieldRule } from "~/domain/programs/support-fields";
import { microRules, type MicroRule } from "~/domain/programs/micro";

let supportFields: SupportFieldRule[] | null = null;
let micro: MicroRule[] | null = null;

/** data/program_support_fields.csv: how a portal's support field reads as a category, diffusion level and Pavitt classes. Read once. */
export function supportFieldTable(dataDir = path.resolve("data")): SupportFieldRule[] {
  supportFields ??= supportFieldRules(readDataTable(path.join(dataDir, "program_support_fields.csv")));
  return supportFields;
}

/** data/micro_business_rules.csv: the 소상공인 size rule, beside the SME rules. Read once. */
export function microRuleTable(dataDir = path.resolve("data")): MicroRule[] {
  micro ??= microRules(readDataTable(path.join(dataDir, "micro_business_rules.csv")));
  return micro;
}
