import { reason, type Reason } from "../reasons";
import { PAVITT_CLASSES, type Certification, type PavittClass } from "../types";
import type { ProgramCandidate } from "./types";

export type EligibilityProgram = Pick<
  ProgramCandidate,
  "smeOnly" | "maxEmployees" | "nationwide" | "regionCodes" | "pavittClasses" | "requiredCertifications" | "regionBasis"
>;

export interface EligibilityFirm {
  /** null when no SME rule covers the firm's industry. */
  isSme: boolean | null;
  employees: number;
  regionCode: string;
  pavittClass: PavittClass;
  certifications: readonly Certification[];
}

export interface Eligibility {
  eligible: boolean;
  reasons: Reason[];
}

/**
 * A program is open to a firm only when every condition it sets holds: SME status,
 * a size cap, its regions (or the whole country), its target classes, and one of its
 * required certifications. Each condition the program sets gives a reason, met or not.
 */
export function checkEligibility(program: EligibilityProgram, firm: EligibilityFirm): Eligibility {
  let eligible = true;
  const reasons: Reason[] = [];
  for (const check of CHECKS) {
    const checked = check(program, firm);
    if (checked === null) continue;
    eligible &&= checked.met;
    reasons.push(checked.reason);
  }
  return { eligible, reasons };
}

interface Check {
  met: boolean;
  reason: Reason;
}

function smeCheck(program: EligibilityProgram, firm: EligibilityFirm): Check | null {
  if (!program.smeOnly) return null;
  return check(firm.isSme === true, reason("eligibility.sme", { firmIsSme: firm.isSme }));
}

function sizeCheck(program: EligibilityProgram, firm: EligibilityFirm): Check | null {
  const cap = program.maxEmployees;
  if (cap === null) return null;
  const met = firm.employees <= cap;
  return check(met, reason("eligibility.max_employees", { cap, employees: firm.employees, met }));
}

function regionCheck(program: EligibilityProgram, firm: EligibilityFirm): Check {
  const met = program.nationwide || program.regionCodes.includes(firm.regionCode);
  // An imported call says which field its regions were read from (a title marker, supt_regin…).
  if (!program.nationwide && program.regionBasis) {
    return check(
      met,
      reason("call.region", {
        field: program.regionBasis.field,
        value: program.regionBasis.value,
        codes: [...program.regionCodes],
        met,
      }),
    );
  }
  return check(met, reason("eligibility.region", { nationwide: program.nationwide, met }));
}

/** A program naming all four classes, or none, is open to every class. */
function classCheck(program: EligibilityProgram, firm: EligibilityFirm): Check | null {
  const targets = PAVITT_CLASSES.filter((cls) => program.pavittClasses.includes(cls));
  if (targets.length === 0 || targets.length === PAVITT_CLASSES.length) return null;
  const met = targets.includes(firm.pavittClass);
  return check(met, reason("eligibility.class", { pavittClass: firm.pavittClass, targets, met }));
}

function certificationCheck(program: EligibilityProgram, firm: EligibilityFirm): Check | null {
  const required = program.requiredCertifications;
  if (required.length === 0) return null;
  const met = required.some((certification) => (firm.certifications as readonly string[]).includes(certification));
  return check(met, reason("eligibility.certification", { required: [...required], met }));
}

function check(met: boolean, given: Reason): Check {
  return { met, reason: given };
}

const CHECKS = [smeCheck, sizeCheck, regionCheck, classCheck, certificationCheck];
