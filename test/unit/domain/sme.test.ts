import { describe, expect, it } from "vitest";
import { checkSme, resolveSizeRule, sizeBandOf, type SizeRule } from "~/domain/sme";
import { SEED_001_RULES } from "./fixtures";
import { said } from "../i18n/said";

const manufacturer = { division: "29", sectionCode: "C" };

describe("resolveSizeRule", () => {
  it("finds the section rule for a manufacturer", () => {
    expect(resolveSizeRule("29", "C", SEED_001_RULES)?.id).toBe("manufacturing");
  });

  it("prefers a rule naming the division over one naming its section", () => {
    const divisionRule: SizeRule = {
      ...SEED_001_RULES[0]!,
      id: "a-special",
      ksicSections: [],
      ksicDivisions: ["29"],
      maxEmployeesExclusive: 1000,
    };
    expect(resolveSizeRule("29", "C", [...SEED_001_RULES, divisionRule])?.id).toBe("a-special");
    expect(resolveSizeRule("29", "C", [divisionRule, ...SEED_001_RULES])?.id).toBe("a-special");
  });

  it("uses the wholesale row for division 46 and the retail row for 47", () => {
    expect(resolveSizeRule("46", "G", SEED_001_RULES)?.id).toBe("wholesale-science");
    expect(resolveSizeRule("47", "G", SEED_001_RULES)?.id).toBe("retail-hotel-computer");
  });

  it("returns null when nothing covers the industry", () => {
    expect(resolveSizeRule("85", "P", SEED_001_RULES)).toBeNull();
  });

  it("does not depend on the order of the rules", () => {
    const twin: SizeRule = { ...SEED_001_RULES[0]!, id: "manufacturing-b" };
    expect(resolveSizeRule("29", "C", [twin, ...SEED_001_RULES])?.id).toBe("manufacturing");
  });
});

describe("size bands (seed 001)", () => {
  it.each([
    [0, "micro"],
    [9, "micro"],
    [10, "small"],
    [49, "small"],
    [50, "medium"],
    [299, "medium"],
    [300, "large"],
  ] as const)("%d employees is %s", (employees, band) => {
    expect(sizeBandOf(employees)).toBe(band);
  });
});

describe("checkSme", () => {
  it("299 employees is an SME, 300 is not (no capital given)", () => {
    expect(checkSme({ employees: 299, ...manufacturer }, SEED_001_RULES).isSme).toBe(true);
    expect(checkSme({ employees: 300, ...manufacturer }, SEED_001_RULES).isSme).toBe(false);
  });

  it("capital of exactly KRW 8 bn qualifies a large workforce; KRW 8 bn + 1 does not", () => {
    expect(checkSme({ employees: 500, capitalKrw: 8e9, ...manufacturer }, SEED_001_RULES).isSme).toBe(true);
    expect(checkSme({ employees: 500, capitalKrw: 8e9 + 1, ...manufacturer }, SEED_001_RULES).isSme).toBe(false);
  });

  it("either test suffices", () => {
    expect(checkSme({ employees: 120, capitalKrw: 50e9, ...manufacturer }, SEED_001_RULES).isSme).toBe(true);
    expect(checkSme({ employees: 350, capitalKrw: 5e9, ...manufacturer }, SEED_001_RULES).isSme).toBe(true);
  });

  it("ignores sales for a capital rule", () => {
    expect(checkSme({ employees: 350, salesKrw: 1e9, ...manufacturer }, SEED_001_RULES).isSme).toBe(false);
  });

  it("uses sales for the wholesale row: 120 employees needs sales of KRW 10 bn or less", () => {
    const wholesale = { division: "46", sectionCode: "G" };
    expect(checkSme({ employees: 99, ...wholesale }, SEED_001_RULES).isSme).toBe(true);
    expect(checkSme({ employees: 100, ...wholesale }, SEED_001_RULES).isSme).toBe(false);
    expect(checkSme({ employees: 120, salesKrw: 10e9, ...wholesale }, SEED_001_RULES).isSme).toBe(true);
    expect(checkSme({ employees: 120, salesKrw: 12e9, ...wholesale }, SEED_001_RULES).isSme).toBe(false);
  });

  it("says when no rule applies", () => {
    const result = checkSme({ employees: 20, division: "85", sectionCode: "P" }, SEED_001_RULES);
    expect(result.isSme).toBeNull();
    expect(result.rule).toBeNull();
    expect(result.sizeBand).toBe("small");
    expect(result.reasons.map((reason) => reason.rule)).toEqual(["sme.no_rule"]);
  });

  it("names the rules and quotes the numbers in both languages", () => {
    const result = checkSme({ employees: 350, capitalKrw: 5e9, ...manufacturer }, SEED_001_RULES);
    expect(result.rule?.id).toBe("manufacturing");
    expect(result.sizeBand).toBe("large");
    const [employees, capital] = result.reasons;
    expect(employees!.rule).toBe("sme.employees");
    expect(said(employees)?.ko).toContain("350명");
    expect(said(employees)?.ko).toContain("300명 미만");
    expect(said(employees)?.en).toContain("350 employees");
    expect(capital!.rule).toBe("sme.capital");
    expect(said(capital)?.ko).toContain("50억 원");
    expect(said(capital)?.ko).toContain("80억 원 이하");
    expect(said(capital)?.en).toContain("KRW 5 bn");
    expect(said(capital)?.en).toContain("KRW 8 bn");
  });

  it("says so when the firm gave no capital figure", () => {
    const capital = checkSme({ employees: 350, ...manufacturer }, SEED_001_RULES).reasons.find(
      (reason) => reason.rule === "sme.capital",
    );
    expect(said(capital)?.ko).toContain("직원 수 기준만");
    expect(said(capital)?.en).toContain("only the employee test");
  });

  it("quotes sales for sales rules", () => {
    const sales = checkSme({ employees: 120, salesKrw: 12e9, division: "46", sectionCode: "G" }, SEED_001_RULES)
      .reasons[1];
    expect(sales!.rule).toBe("sme.sales");
    expect(said(sales)?.ko).toContain("매출액 120억 원");
    expect(said(sales)?.en).toContain("KRW 12 bn");
  });
});
