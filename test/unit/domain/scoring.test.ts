import { describe, expect, it } from "vitest";
import { MAX_POINTS, proximityDecayPoints, scoreFacility, scoreProgram } from "~/domain/matching/scoring";
import type { FirmFacts } from "~/domain/matching/types";
import { CHANGWON, context, facility, firm, program } from "./fixtures";
import { said } from "../i18n/said";

const facts = (overrides: Partial<FirmFacts> = {}): FirmFacts => ({
  profile: firm(),
  pavittClass: "specialized_supplier",
  capability: "technology_following",
  divisionName: { ko: "기타 기계 및 장비 제조업", en: "machinery and equipment" },
  ...overrides,
});
const points = (scored: { breakdown: { component: string; points: number }[] }, component: string) =>
  scored.breakdown.find((line) => line.component === component)?.points;
const rules = (scored: { reasons: { rule: string }[] }) => scored.reasons.map((reason) => reason.rule);
/** A point `km` kilometres due east of Changwon. */
const eastOfChangwon = (km: number) => ({
  lat: CHANGWON.lat,
  lng: CHANGWON.lng + km / (111.32 * Math.cos((CHANGWON.lat * Math.PI) / 180)),
});

describe("weights", () => {
  it("sum to 100", () => {
    expect(Object.values(MAX_POINTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("the breakdown adds up to the score and stays within each maximum", () => {
    const everything = facility({
      sectors: ["29"],
      services: ["technical_assistance", "consulting"],
      deliveryModes: ["individual"],
    });
    const scored = scoreFacility(
      everything,
      facts({ profile: firm({ needs: ["technology", "management"] }) }),
      context(),
    );
    expect(scored.score).toBe(100);
    for (const line of scored.breakdown) expect(line.points).toBeLessThanOrEqual(line.maxPoints);
    expect(scored.breakdown.reduce((sum, line) => sum + line.points, 0)).toBeCloseTo(scored.score, 5);
  });
});

describe("proximity", () => {
  it("decays smoothly: half the decay points at 40 km", () => {
    expect(proximityDecayPoints(0)).toBe(27);
    expect(proximityDecayPoints(40)).toBe(13.5);
    expect(proximityDecayPoints(80)).toBeCloseTo(5.4, 5);
  });

  it("a center 20 km across the border beats one 150 km inside the region", () => {
    const across = scoreFacility(
      facility({ id: "across", regionCode: "26", location: eastOfChangwon(20) }),
      facts(),
      context(),
    );
    const inside = scoreFacility(
      facility({ id: "inside", regionCode: "38", location: eastOfChangwon(150) }),
      facts(),
      context(),
    );
    expect(points(across, "proximity")).toBeGreaterThan(points(inside, "proximity") as number);
    expect(rules(across)).toContain("proximity.cross_border");
    expect(rules(inside)).toContain("proximity.same_region");
  });

  it("quotes the distance in whole km", () => {
    const scored = scoreFacility(facility({ location: eastOfChangwon(12.4) }), facts(), context());
    const reason = scored.reasons.find((r) => r.rule === "proximity.decay");
    expect(said(reason)?.ko).toBe("회사에서 약 12 km 거리에 있습니다.");
    expect(said(reason)?.en).toBe("About 12 km from the firm.");
  });

  it("a nationwide program without a place gets half the decay points", () => {
    const scored = scoreProgram(program(), undefined, facts(), context());
    expect(scored.distanceKm).toBeNull();
    expect(points(scored, "proximity")).toBe(13.5);
    expect(rules(scored)).toContain("proximity.anywhere");
  });
});

describe("industry fit", () => {
  it("ranks the tiers: facility's own industries, anchor group, regional strategy, same section", () => {
    const ctx = context();
    const named = scoreFacility(facility({ sectors: ["29"] }), facts(), ctx);
    const anchor = scoreFacility(facility({ anchorGroupId: "doosan", regionCode: "27" }), facts(), ctx);
    const strategic = scoreFacility(facility({ regionCode: "38" }), facts(), ctx);
    const section = scoreFacility(facility({ sectors: ["25"], regionCode: "27" }), facts(), ctx);
    const none = scoreFacility(facility({ sectors: ["35"], regionCode: "27" }), facts(), ctx);
    expect([named, anchor, strategic, section, none].map((scored) => points(scored, "industry"))).toEqual([
      20, 14, 10, 4, 0,
    ]);
    expect(rules(named)).toContain("industry.facility");
    expect(rules(anchor)).toContain("industry.anchor");
    expect(said(anchor.reasons.find((r) => r.rule === "industry.anchor"))?.ko).toContain("두산");
    expect(rules(strategic)).toContain("industry.region_strategic");
    expect(rules(section)).toContain("industry.section");
  });

  it("research and development counts as industry fit for science-based firms only", () => {
    const research = facility({ kind: "research_complex", sectors: ["70"], regionCode: "27" });
    const scienceFirm = facts({ pavittClass: "science_based", profile: firm({ ksicDivision: "21" }) });
    expect(points(scoreFacility(research, scienceFirm, context()), "industry")).toBe(14);
    expect(rules(scoreFacility(research, scienceFirm, context()))).toContain("industry.research");
    expect(points(scoreFacility(research, facts(), context()), "industry")).toBe(0);
  });

  it("a program for other industries gets no industry points, one open to all gets some", () => {
    expect(points(scoreProgram(program({ sectors: ["21"] }), undefined, facts(), context()), "industry")).toBe(4);
    expect(points(scoreProgram(program({ sectors: ["29"] }), undefined, facts(), context()), "industry")).toBe(20);
    expect(points(scoreProgram(program(), undefined, facts(), context()), "industry")).toBe(8);
  });
});

describe("class stance (seed 002 Table 2-8, footnote 67)", () => {
  const tp = facility({ kind: "techno_park", services: ["technical_assistance"] });
  const complex = facility({ id: "complex", kind: "industrial_complex", services: ["networking"] });
  const research = facility({ id: "research", kind: "research_complex", services: ["rnd_collaboration"] });
  const ccei = facility({
    id: "ccei",
    kind: "innovation_center",
    anchorGroupId: "hyundai-motor",
    services: ["shared_growth", "startup_incubation"],
  });

  const stance = (cls: FirmFacts["pavittClass"], listing = tp) =>
    scoreFacility(listing, facts({ pavittClass: cls }), context());

  it("specialized suppliers are the core target of technoparks and centers", () => {
    const scored = stance("specialized_supplier");
    expect(points(scored, "stance")).toBe(20);
    expect(said(scored.reasons.find((r) => r.rule === "stance.core_target"))?.en).toContain("core target");
  });

  it("supplier-dominated firms are reached through intermediaries and group demonstrations", () => {
    expect(points(stance("supplier_dominated", complex), "stance")).toBe(20);
    expect(points(stance("supplier_dominated", research), "stance")).toBe(6);
    expect(rules(stance("supplier_dominated", complex))).toContain("stance.intermediary");
  });

  it("science-based firms go to research complexes, not primarily to regional centers", () => {
    expect(points(stance("science_based", research), "stance")).toBe(20);
    const atTp = stance("science_based");
    expect(points(atTp, "stance")).toBe(4);
    expect(said(atTp.reasons.find((r) => r.rule === "stance.not_primary"))?.ko).toContain("주된 지원 대상은 아닙니다");
  });

  it("scale-intensive firms are clearly not the centers' target; anchor shared growth fits them", () => {
    const atTp = stance("scale_intensive");
    expect(points(atTp, "stance")).toBe(2);
    expect(said(atTp.reasons.find((r) => r.rule === "stance.not_target"))?.en).toContain("clearly not the target");
    const atCcei = stance("scale_intensive", ccei);
    expect(points(atCcei, "stance")).toBe(20);
    expect(said(atCcei.reasons.find((r) => r.rule === "stance.shared_growth"))?.ko).toContain("현대자동차");
    expect(points(stance("scale_intensive", complex), "stance")).toBe(14);
  });

  it("science-based firms are pointed to finance programs; a program naming the class was made for it", () => {
    const finance = scoreProgram(
      program({ category: "finance" }),
      undefined,
      facts({ pavittClass: "science_based" }),
      context(),
    );
    expect(points(finance, "stance")).toBe(20);
    const named = scoreProgram(
      program({ category: "other", pavittClasses: ["scale_intensive"] }),
      undefined,
      facts({ pavittClass: "scale_intensive" }),
      context(),
    );
    expect(rules(named)).toContain("stance.program_target");
  });

  it("a program takes its provider's stance when that fits better", () => {
    const provided = scoreProgram(
      program({ category: "other", providerFacilityId: "ccei" }),
      ccei,
      facts({ pavittClass: "scale_intensive" }),
      context(),
    );
    expect(points(provided, "stance")).toBe(20);
  });
});

describe("capability and level (Table 2-6, footnote 58)", () => {
  const at = (level: number, capability: FirmFacts["capability"]) =>
    points(scoreProgram(program({ diffusionLevel: level }), undefined, facts({ capability }), context()), "level");

  it("fits level 1 to non-technological, 2 to following, 3 to driven firms", () => {
    expect([at(1, "non_technological"), at(2, "technology_following"), at(3, "technology_driven")]).toEqual([
      10, 10, 10,
    ]);
    expect([at(2, "non_technological"), at(3, "non_technological")]).toEqual([4, 0]);
  });

  it("finance fits technology-driven firms", () => {
    const scored = scoreProgram(
      program({ category: "finance" }),
      undefined,
      facts({ capability: "technology_driven" }),
      context(),
    );
    expect(points(scored, "level")).toBe(10);
    expect(rules(scored)).toContain("level.finance");
  });

  it("a program's target capabilities decide when given", () => {
    const forFollowers = program({ diffusionLevel: 3, targetCapabilities: ["technology_following"] });
    expect(points(scoreProgram(forFollowers, undefined, facts(), context()), "level")).toBe(10);
    expect(
      points(scoreProgram(forFollowers, undefined, facts({ capability: "technology_driven" }), context()), "level"),
    ).toBe(0);
  });

  it("a facility works at the levels of its services", () => {
    const demo = facility({ services: ["demonstration"] });
    expect(points(scoreFacility(demo, facts({ capability: "non_technological" }), context()), "level")).toBe(10);
    const reason = scoreFacility(demo, facts({ capability: "non_technological" }), context()).reasons.find(
      (r) => r.rule === "level.fit",
    );
    expect(said(reason)?.ko).toContain("1단계");
    expect(said(reason)?.ko).toContain("비기술형");
  });
});

describe("delivery and needs", () => {
  it("groups and intermediaries suit supplier-dominated firms, individual work specialized suppliers", () => {
    const group = facility({ deliveryModes: ["group"] });
    expect(points(scoreFacility(group, facts({ pavittClass: "supplier_dominated" }), context()), "delivery")).toBe(10);
    expect(points(scoreFacility(group, facts(), context()), "delivery")).toBe(0);
    expect(points(scoreFacility(facility({ deliveryModes: ["small_group"] }), facts(), context()), "delivery")).toBe(
      10,
    );
  });

  it("a program whose category matches a need scores higher", () => {
    const needsFinance = facts({ profile: firm({ needs: ["finance"] }) });
    const finance = scoreProgram(program({ category: "finance" }), undefined, needsFinance, context());
    const technology = scoreProgram(program({ category: "technology" }), undefined, needsFinance, context());
    expect(points(finance, "needs")).toBe(10);
    expect(points(technology, "needs")).toBe(0);
    expect(said(finance.reasons.find((r) => r.rule === "needs.match"))?.ko).toBe(
      "요청하신 지원 분야(자금)를 다룹니다.",
    );
  });

  it("cooperation is met by anchor groups and shared-growth services", () => {
    const wantsCooperation = facts({ profile: firm({ needs: ["cooperation"] }) });
    expect(points(scoreFacility(facility({ anchorGroupId: "doosan" }), wantsCooperation, context()), "needs")).toBe(10);
    expect(points(scoreFacility(facility({ services: ["shared_growth"] }), wantsCooperation, context()), "needs")).toBe(
      10,
    );
    expect(points(scoreFacility(facility(), wantsCooperation, context()), "needs")).toBe(0);
  });

  it("a facility whose services cover a need scores higher", () => {
    const wantsExport = facts({ profile: firm({ needs: ["export"] }) });
    expect(points(scoreFacility(facility({ services: ["export_support"] }), wantsExport, context()), "needs")).toBe(10);
  });
});
