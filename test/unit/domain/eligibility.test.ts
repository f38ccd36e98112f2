import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityFirm } from "~/domain/matching/eligibility";
import { program } from "./fixtures";
import { said } from "../i18n/said";

const firm: EligibilityFirm = {
  isSme: true,
  employees: 120,
  regionCode: "38",
  pavittClass: "specialized_supplier",
  certifications: [],
};
const rules = (result: { reasons: { rule: string }[] }) => result.reasons.map((reason) => reason.rule);

describe("checkEligibility", () => {
  it("an open nationwide program is open to everyone and says so", () => {
    const result = checkEligibility(program(), { ...firm, isSme: false });
    expect(result.eligible).toBe(true);
    expect(rules(result)).toEqual(["eligibility.region"]);
  });

  it("SME-only programs need isSme true", () => {
    const smeOnly = program({ smeOnly: true });
    expect(checkEligibility(smeOnly, firm).eligible).toBe(true);
    expect(checkEligibility(smeOnly, { ...firm, isSme: false }).eligible).toBe(false);
    const unknown = checkEligibility(smeOnly, { ...firm, isSme: null });
    expect(unknown.eligible).toBe(false);
    expect(said(unknown.reasons[0])?.en).toContain("cannot be confirmed");
  });

  it("the employee cap is inclusive", () => {
    const capped = program({ maxEmployees: 120 });
    expect(checkEligibility(capped, firm).eligible).toBe(true);
    expect(checkEligibility(capped, { ...firm, employees: 121 }).eligible).toBe(false);
    expect(rules(checkEligibility(capped, firm))).toContain("eligibility.max_employees");
  });

  it("a regional program serves only its regions", () => {
    const regional = program({ nationwide: false, regionCodes: ["38", "26"], regionCode: "38" });
    expect(checkEligibility(regional, firm).eligible).toBe(true);
    const elsewhere = checkEligibility(regional, { ...firm, regionCode: "27" });
    expect(elsewhere.eligible).toBe(false);
    expect(said(elsewhere.reasons.find((reason) => reason.rule === "eligibility.region"))?.ko).toContain(
      "지원 대상 지역이 아닙니다",
    );
  });

  it("target classes restrict; all four, or none, mean open", () => {
    const forScience = program({ pavittClasses: ["science_based"] });
    expect(checkEligibility(forScience, firm).eligible).toBe(false);
    expect(checkEligibility(forScience, { ...firm, pavittClass: "science_based" }).eligible).toBe(true);
    expect(checkEligibility(program({ pavittClasses: [] }), firm).eligible).toBe(true);
    const refused = checkEligibility(forScience, firm);
    expect(said(refused.reasons.find((reason) => reason.rule === "eligibility.class"))?.ko).toContain(
      "전문 공급자형 기업은 지원 대상이 아닙니다",
    );
  });

  it("required certifications are any-of", () => {
    const certified = program({ requiredCertifications: ["innobiz", "venture"] });
    expect(checkEligibility(certified, firm).eligible).toBe(false);
    expect(checkEligibility(certified, { ...firm, certifications: ["venture"] }).eligible).toBe(true);
    expect(checkEligibility(certified, { ...firm, certifications: ["mainbiz"] }).eligible).toBe(false);
    expect(said(checkEligibility(certified, firm).reasons.at(-1))?.ko).toContain("이노비즈, 벤처기업");
  });

  it("every condition must hold", () => {
    const strict = program({
      smeOnly: true,
      maxEmployees: 300,
      nationwide: false,
      regionCodes: ["38"],
      requiredCertifications: ["innobiz"],
    });
    expect(checkEligibility(strict, { ...firm, certifications: ["innobiz"] }).eligible).toBe(true);
    expect(checkEligibility(strict, { ...firm, certifications: ["innobiz"], isSme: false }).eligible).toBe(false);
    expect(rules(checkEligibility(strict, firm))).toEqual([
      "eligibility.sme",
      "eligibility.max_employees",
      "eligibility.region",
      "eligibility.certification",
    ]);
  });
});
