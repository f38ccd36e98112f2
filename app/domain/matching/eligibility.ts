import { CERTIFICATION_LABELS, PAVITT_CLASS_LABELS, joinLabels, type Bilingual } from "../labels";
import { PAVITT_CLASSES, type Certification, type PavittClass, type Reason } from "../types";
import type { ProgramCandidate } from "./types";

export type EligibilityProgram = Pick<
  ProgramCandidate,
  "smeOnly" | "maxEmployees" | "nationwide" | "regionCodes" | "pavittClasses" | "requiredCertifications"
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
  const checks = [smeCheck, sizeCheck, regionCheck, classCheck, certificationCheck]
    .map((check) => check(program, firm))
    .filter((check): check is Check => check !== null);
  return { eligible: checks.every((check) => check.met), reasons: checks.map((check) => check.reason) };
}

interface Check {
  met: boolean;
  reason: Reason;
}

function smeCheck(program: EligibilityProgram, firm: EligibilityFirm): Check | null {
  if (!program.smeOnly) return null;
  if (firm.isSme === true)
    return met("eligibility.sme", "중소기업 전용 사업이며, 회사는 중소기업 기준을 충족합니다.", "For SMEs only, and the firm is an SME.");
  if (firm.isSme === null)
    return unmet(
      "eligibility.sme",
      "중소기업 전용 사업인데, 회사 업종에 적용할 중소기업 기준이 없어 자격을 확인할 수 없습니다.",
      "For SMEs only, and no SME rule covers the firm's industry, so eligibility cannot be confirmed."
    );
  return unmet("eligibility.sme", "중소기업 전용 사업인데, 회사는 중소기업 기준을 넘습니다.", "For SMEs only, and the firm is not an SME.");
}

function sizeCheck(program: EligibilityProgram, firm: EligibilityFirm): Check | null {
  const cap = program.maxEmployees;
  if (cap === null) return null;
  return firm.employees <= cap
    ? met(
        "eligibility.max_employees",
        `직원 ${cap}명 이하 기업이 대상이며, 회사는 ${firm.employees}명입니다.`,
        `For firms of up to ${cap} employees; the firm has ${firm.employees}.`
      )
    : unmet(
        "eligibility.max_employees",
        `직원 ${cap}명 이하 기업이 대상인데, 회사는 ${firm.employees}명입니다.`,
        `For firms of up to ${cap} employees; the firm has ${firm.employees}.`
      );
}

function regionCheck(program: EligibilityProgram, firm: EligibilityFirm): Check {
  if (program.nationwide) return met("eligibility.region", "전국의 기업이 신청할 수 있습니다.", "Open to firms nationwide.");
  return program.regionCodes.includes(firm.regionCode)
    ? met("eligibility.region", "회사가 있는 시·도가 지원 대상 지역입니다.", "Serves the firm's province or metropolitan city.")
    : unmet(
        "eligibility.region",
        "회사가 있는 시·도는 지원 대상 지역이 아닙니다.",
        "Does not serve the firm's province or metropolitan city."
      );
}

/** A program naming all four classes, or none, is open to every class. */
function classCheck(program: EligibilityProgram, firm: EligibilityFirm): Check | null {
  const targets = PAVITT_CLASSES.filter((cls) => program.pavittClasses.includes(cls));
  if (targets.length === 0 || targets.length === PAVITT_CLASSES.length) return null;
  const label = PAVITT_CLASS_LABELS[firm.pavittClass];
  return targets.includes(firm.pavittClass)
    ? met("eligibility.class", `${label.ko} 기업이 지원 대상에 포함됩니다.`, `Open to ${label.en} firms.`)
    : unmet(
        "eligibility.class",
        `${label.ko} 기업은 지원 대상이 아닙니다(대상: ${joinLabels(targets.map((cls) => PAVITT_CLASS_LABELS[cls])).ko}).`,
        `Not open to ${label.en} firms (for: ${joinLabels(targets.map((cls) => PAVITT_CLASS_LABELS[cls])).en}).`
      );
}

function certificationCheck(program: EligibilityProgram, firm: EligibilityFirm): Check | null {
  const required = program.requiredCertifications;
  if (required.length === 0) return null;
  const names = joinLabels(required.map(certificationLabel));
  return required.some((certification) => (firm.certifications as readonly string[]).includes(certification))
    ? met(
        "eligibility.certification",
        `필요한 인증(${names.ko}) 가운데 하나를 보유하고 있습니다.`,
        `Holds one of the required certifications (${names.en}).`
      )
    : unmet(
        "eligibility.certification",
        `필요한 인증(${names.ko}) 가운데 하나가 있어야 합니다.`,
        `Requires one of these certifications: ${names.en}.`
      );
}

function certificationLabel(code: string): Bilingual {
  return CERTIFICATION_LABELS[code as Certification] ?? { ko: code, en: code };
}

function met(rule: string, ko: string, en: string): Check {
  return { met: true, reason: { rule, ko, en } };
}

function unmet(rule: string, ko: string, en: string): Check {
  return { met: false, reason: { rule, ko, en } };
}
