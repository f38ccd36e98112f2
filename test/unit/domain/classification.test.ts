import { describe, expect, it } from "vitest";
import { assessCapability, classifyPavitt, cooperationMode } from "~/domain/classification";
import { said } from "../i18n/said";

describe("classifyPavitt", () => {
  it("keeps the industry default with medium confidence when there are no answers", () => {
    const result = classifyPavitt({ division: "29", defaultClass: "specialized_supplier" });
    expect(result).toMatchObject({ pavittClass: "specialized_supplier", confidence: "medium", moved: false });
    expect(result.reasons.map((reason) => reason.rule)).toEqual(["classify.default"]);
  });

  it("is highly confident when the answers agree with the default", () => {
    const result = classifyPavitt({
      division: "13",
      defaultClass: "supplier_dominated",
      answers: { techSource: "suppliers", innovationFocus: "process_cost" },
    });
    expect(result).toMatchObject({ pavittClass: "supplier_dominated", confidence: "high", moved: false });
    expect(result.reasons.map((reason) => reason.rule)).toEqual(["classify.default", "classify.confirmed"]);
  });

  it("counts patents as agreeing with a specialized-supplier default (half vote)", () => {
    const result = classifyPavitt({
      division: "29",
      defaultClass: "specialized_supplier",
      answers: { appropriation: "patents" },
    });
    expect(result).toMatchObject({ pavittClass: "specialized_supplier", confidence: "high", moved: false });
  });

  it("moves a machinery firm answering own R&D, patents and new products to science-based", () => {
    const result = classifyPavitt({
      division: "29",
      defaultClass: "specialized_supplier",
      answers: { techSource: "own_rnd", appropriation: "patents", innovationFocus: "new_products" },
      divisionName: { ko: "기타 기계 및 장비 제조업", en: "machinery and equipment" },
    });
    expect(result).toMatchObject({
      pavittClass: "science_based",
      defaultClass: "specialized_supplier",
      moved: true,
      confidence: "high",
    });
    const moved = result.reasons.find((reason) => reason.rule === "classify.moved");
    expect(said(moved)?.en).toContain(
      "point to science-based: sources of technology = own R&D; appropriation = patents; innovation focus = new products",
    );
    expect(said(moved)?.ko).toContain("과학 기반형");
    expect(said(moved)?.ko).toContain("자체 연구개발");
  });

  it("moves with two of three answers when the third supports neither the default nor the challenger", () => {
    const result = classifyPavitt({
      division: "13",
      defaultClass: "supplier_dominated",
      answers: { techSource: "design_and_users", appropriation: "design_knowhow", innovationFocus: "process_scale" },
    });
    expect(result).toMatchObject({ pavittClass: "specialized_supplier", moved: true, confidence: "medium" });
  });

  it("does not move with two answers against one that backs the default", () => {
    const result = classifyPavitt({
      division: "13",
      defaultClass: "supplier_dominated",
      answers: { techSource: "design_and_users", appropriation: "design_knowhow", innovationFocus: "process_cost" },
    });
    expect(result).toMatchObject({ pavittClass: "supplier_dominated", moved: false, confidence: "medium" });
    expect(result.reasons.map((reason) => reason.rule)).toContain("classify.kept");
  });

  it("does not move on a single answer", () => {
    const result = classifyPavitt({
      division: "29",
      defaultClass: "specialized_supplier",
      answers: { techSource: "own_rnd" },
    });
    expect(result).toMatchObject({ pavittClass: "specialized_supplier", moved: false, confidence: "medium" });
  });

  it("does not move a science-based default on design, patents and performance (a tie is not a clear majority)", () => {
    const result = classifyPavitt({
      division: "27",
      defaultClass: "science_based",
      answers: { techSource: "design_and_users", appropriation: "patents", innovationFocus: "product_performance" },
    });
    expect(result).toMatchObject({ pavittClass: "science_based", moved: false });
  });

  it("moves a science-based default on design, design know-how and performance", () => {
    const result = classifyPavitt({
      division: "27",
      defaultClass: "science_based",
      answers: {
        techSource: "design_and_users",
        appropriation: "design_knowhow",
        innovationFocus: "product_performance",
      },
    });
    expect(result).toMatchObject({ pavittClass: "specialized_supplier", moved: true, confidence: "high" });
  });

  it("classifies by the answers alone when there is no default", () => {
    const two = classifyPavitt({
      division: "35",
      defaultClass: null,
      answers: { techSource: "production_engineering", appropriation: "scale_secrecy" },
    });
    expect(two).toMatchObject({ pavittClass: "scale_intensive", confidence: "high", moved: false });
    const one = classifyPavitt({ division: "35", defaultClass: null, answers: { techSource: "own_rnd" } });
    expect(one).toMatchObject({ pavittClass: "science_based", confidence: "low" });
    const split = classifyPavitt({
      division: "35",
      defaultClass: null,
      answers: {
        techSource: "production_engineering",
        appropriation: "scale_secrecy",
        innovationFocus: "new_products",
      },
    });
    expect(split).toMatchObject({ pavittClass: "scale_intensive", confidence: "medium" });
    expect(one.reasons[0]!.rule).toBe("classify.answers");
  });

  it("falls back to supplier-dominated with low confidence and asks for the answers", () => {
    const result = classifyPavitt({ division: "85", defaultClass: null });
    expect(result).toMatchObject({ pavittClass: "supplier_dominated", confidence: "low", moved: false });
    expect(result.reasons[0]!.rule).toBe("classify.fallback");
    expect(said(result.reasons[0])?.ko).toContain("질문");
    expect(said(result.reasons[0])?.en).toContain("Answer the three questions");
  });
});

describe("assessCapability", () => {
  it("uses size when no technology facts are given: under 50 is non-technological, 50 and over following", () => {
    expect(assessCapability({ employees: 49, certifications: [] }).capability).toBe("non_technological");
    expect(assessCapability({ employees: 50, certifications: [] }).capability).toBe("technology_following");
  });

  it("reads zeros as facts, not as missing", () => {
    const result = assessCapability({ employees: 120, researchers: 0, rndSpendKrw: 0, patents: 0, certifications: [] });
    expect(result.capability).toBe("non_technological");
    expect(result.signals).toEqual([]);
  });

  it("one researcher makes a follower", () => {
    const result = assessCapability({ employees: 15, researchers: 1, certifications: [] });
    expect(result.capability).toBe("technology_following");
    expect(result.reasons[0]!.rule).toBe("capability.researchers");
  });

  it("R&D at 5% of sales is a driven sign, 4.9% a following one", () => {
    const at = assessCapability({ employees: 40, rndSpendKrw: 500_000_000, salesKrw: 10e9, certifications: [] });
    expect(at.signals).toEqual([{ signal: "rnd_ratio", strength: "driven", points: 2 }]);
    expect(at.capability).toBe("technology_following");
    const under = assessCapability({ employees: 40, rndSpendKrw: 490_000_000, salesKrw: 10e9, certifications: [] });
    expect(under.signals[0]!.strength).toBe("following");
  });

  it("a driven sign confirmed by another signal makes a technology-driven firm", () => {
    expect(
      assessCapability({ employees: 40, rndSpendKrw: 500_000_000, salesKrw: 10e9, patents: 2, certifications: [] })
        .capability,
    ).toBe("technology_driven");
    expect(assessCapability({ employees: 15, certifications: ["venture"], patents: 1 }).capability).toBe(
      "technology_driven",
    );
    expect(assessCapability({ employees: 15, researchers: 3, certifications: ["innobiz"] }).capability).toBe(
      "technology_driven",
    );
  });

  it("a tenth of the staff in research (at least two) is a driven sign", () => {
    expect(assessCapability({ employees: 20, researchers: 2, certifications: [] }).signals[0]!.strength).toBe("driven");
    expect(assessCapability({ employees: 21, researchers: 2, certifications: [] }).signals[0]!.strength).toBe(
      "following",
    );
    expect(assessCapability({ employees: 5, researchers: 1, certifications: [] }).signals[0]!.strength).toBe(
      "following",
    );
  });

  it("following signs alone never make a driven firm", () => {
    const result = assessCapability({
      employees: 100,
      researchers: 3,
      rndSpendKrw: 100_000_000,
      salesKrw: 20e9,
      patents: 4,
      certifications: [],
    });
    expect(result.capability).toBe("technology_following");
  });

  it("Main-Biz is a weak hint: alone it does not make a follower", () => {
    const result = assessCapability({ employees: 30, certifications: ["mainbiz"] });
    expect(result.capability).toBe("non_technological");
    expect(result.reasons.map((reason) => reason.rule)).toContain("capability.mainbiz");
    expect(assessCapability({ employees: 30, patents: 1, certifications: ["mainbiz"] }).capability).toBe(
      "technology_following",
    );
  });

  it("Inno-Biz alone makes a follower, and counts as a technology fact", () => {
    const result = assessCapability({ employees: 30, certifications: ["innobiz"] });
    expect(result.capability).toBe("technology_following");
    expect(result.signals.map((signal) => signal.signal)).toEqual(["innobiz"]);
  });

  it("always ends with the result, in both languages", () => {
    const result = assessCapability({ employees: 8, certifications: [] });
    const last = result.reasons.at(-1);
    expect(last?.rule).toBe("capability.result");
    expect(said(last)?.ko).toContain("비기술형");
    expect(said(last)?.en).toContain("non-technological");
  });
});

describe("cooperationMode (seed 003 Figure 2)", () => {
  it.each([
    ["technology_driven", "open_innovation"],
    ["technology_following", "high_end_cooperation"],
    ["non_technological", "low_end_cooperation"],
  ] as const)("%s → %s", (capability, mode) => {
    const advice = cooperationMode(capability);
    expect(advice.mode).toBe(mode);
    expect(advice.reasons[0]!.rule).toBe(`cooperation.${mode}`);
    expect(said(advice.reasons[0])?.ko.length).toBeGreaterThan(0);
  });
});
