import { PAVITT_CLASSES, PROGRAM_CATEGORIES, type PavittClass, type ProgramCategory } from "../types";
import { reading, type Reading } from "./readings";
import type { Portal } from "./types";

/** One row of data/program_support_fields.csv: a portal's support field, read as a catalogue category. */
export interface SupportFieldRule {
  portal: Portal;
  fieldValue: string;
  category: ProgramCategory;
  diffusionLevel: 1 | 2 | 3 | null;
  /** Empty: open to every class. */
  pavittClasses: PavittClass[];
  reasoning: string;
}

/** The portals write the middle dot three ways (ㆍ, ·, ‧); the table is matched on one. */
export function normalizeFieldValue(value: string): string {
  return value.replace(/[·‧・]/g, "ㆍ").replace(/\s+/g, "");
}

export interface SupportFieldReading {
  category: ProgramCategory;
  diffusionLevel: 1 | 2 | 3 | null;
  pavittClasses: PavittClass[];
  readings: Reading[];
}

/** The support field through the table; a value the table lacks is `other`, open to every class, and says so. */
export function readSupportField(
  table: readonly SupportFieldRule[],
  portal: Portal,
  field: string,
  value: string | null,
): SupportFieldReading {
  const given = normalizeFieldValue(value ?? "");
  const rule = table.find((row) => row.portal === portal && normalizeFieldValue(row.fieldValue) === given);
  if (!rule)
    return {
      category: "other",
      diffusionLevel: null,
      pavittClasses: [],
      readings: [reading("support_field.unmapped", field, value ?? "", {})],
    };
  return {
    category: rule.category,
    diffusionLevel: rule.diffusionLevel,
    pavittClasses: rule.pavittClasses,
    readings: [
      reading("support_field.mapped", field, value ?? "", {
        category: rule.category,
        diffusionLevel: rule.diffusionLevel,
        pavittClasses: rule.pavittClasses,
      }),
    ],
  };
}

/** Checks the table's rows (from the CSV module's records); a bad row names its line. */
export function supportFieldRules(records: ReadonlyArray<Record<string, string>>): SupportFieldRule[] {
  return records.map((record, index) => {
    const row = (name: string) => record[name] ?? "";
    const line = index + 2;
    const portal = row("portal") as Portal;
    if (portal !== "bizinfo" && portal !== "kstartup")
      throw new Error(`program_support_fields.csv line ${line}: unknown portal "${row("portal")}"`);
    if (!(PROGRAM_CATEGORIES as readonly string[]).includes(row("category")))
      throw new Error(`program_support_fields.csv line ${line}: unknown category "${row("category")}"`);
    const level = row("diffusion_level") === "" ? null : Number(row("diffusion_level"));
    if (level !== null && level !== 1 && level !== 2 && level !== 3)
      throw new Error(`program_support_fields.csv line ${line}: diffusion_level must be 1, 2 or 3`);
    const classes = row("pavitt_classes") === "" ? [] : row("pavitt_classes").split(";");
    for (const cls of classes)
      if (!(PAVITT_CLASSES as readonly string[]).includes(cls))
        throw new Error(`program_support_fields.csv line ${line}: unknown Pavitt class "${cls}"`);
    if (!row("reasoning")) throw new Error(`program_support_fields.csv line ${line}: reasoning is required`);
    return {
      portal,
      fieldValue: row("field_value"),
      category: row("category") as ProgramCategory,
      diffusionLevel: level,
      pavittClasses: classes as PavittClass[],
      reasoning: row("reasoning"),
    };
  });
}
