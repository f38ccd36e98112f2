import { describe, expect, expectTypeOf, it } from "vitest";
import { matchFirm } from "~/domain/matching/match";
import type { FacilityCandidate, ProgramCandidate } from "~/domain/matching/types";
import type { SearchDocument } from "~/search/types";
import { CHANGWON, SEED_001_RULES, context, facility, firm, program } from "./fixtures";

const near = (km: number) => ({ lat: CHANGWON.lat + km / 111.2, lng: CHANGWON.lng });

describe("matchFirm", () => {
  it("accepts search documents as candidates", () => {
    expectTypeOf<SearchDocument>().toMatchTypeOf<FacilityCandidate>();
    expectTypeOf<SearchDocument>().toMatchTypeOf<ProgramCandidate>();
  });

  it("classifies the firm and reports SME status, size band and reasons", () => {
    const result = matchFirm(firm(), { facilities: [], programs: [] }, context(), SEED_001_RULES);
    expect(result.classification.pavitt.pavittClass).toBe("specialized_supplier");
    expect(result.classification.capability.capability).toBe("technology_following");
    expect(result.classification.cooperation.mode).toBe("high_end_cooperation");
    expect(result.eligibility).toMatchObject({ isSme: true, sizeBand: "medium" });
    expect(result.eligibility.reasons.map((reason) => reason.rule)).toEqual(["sme.employees", "sme.capital"]);
  });

  it("a firm that is not an SME gets no SME-only programs, and still sees every facility", () => {
    const candidates = {
      facilities: [facility(), facility({ id: "other", location: near(30) })],
      programs: [program({ id: "sme-only", smeOnly: true }), program({ id: "open" })],
    };
    const large = matchFirm(firm({ employees: 350 }), candidates, context(), SEED_001_RULES);
    expect(large.eligibility.isSme).toBe(false);
    expect(large.programs.map((item) => item.id)).toEqual(["open"]);
    expect(large.centers).toHaveLength(2);

    const byCapital = matchFirm(firm({ employees: 350, capitalKrw: 5e9 }), candidates, context(), SEED_001_RULES);
    expect(byCapital.eligibility.isSme).toBe(true);
    expect(byCapital.programs.map((item) => item.id).sort()).toEqual(["open", "sme-only"]);
  });

  it("breaks score ties by distance, then by id", () => {
    const far = facility({ id: "a-far", location: near(10.04) });
    const close = facility({ id: "z-close", location: near(10) });
    const twin = facility({ id: "b-twin", location: near(10.04) });
    const result = matchFirm(firm(), { facilities: [far, twin, close], programs: [] }, context(), SEED_001_RULES);
    expect(result.centers.map((item) => item.score)).toEqual([
      result.centers[0]!.score,
      result.centers[0]!.score,
      result.centers[0]!.score,
    ]);
    expect(result.centers.map((item) => item.id)).toEqual(["z-close", "a-far", "b-twin"]);
  });

  it("uses the provider facility for a program's stance and reasons", () => {
    const ccei = facility({
      id: "ccei",
      kind: "innovation_center",
      anchorGroupId: "hyundai-motor",
      services: ["shared_growth"],
    });
    const viaCcei = program({ id: "partner", category: "other", providerFacilityId: "ccei", location: CHANGWON });
    const result = matchFirm(
      firm({ ksicDivision: "30", employees: 250 }),
      { facilities: [ccei], programs: [viaCcei] },
      context(),
      SEED_001_RULES,
    );
    expect(result.classification.pavitt.pavittClass).toBe("scale_intensive");
    const rules = result.programs[0]!.reasons.map((reason) => reason.rule);
    expect(rules).toContain("stance.shared_growth");
    expect(rules).toContain("industry.anchor");
  });

  it("shows eligibility reasons on the programs it returns", () => {
    const result = matchFirm(
      firm(),
      { facilities: [], programs: [program({ smeOnly: true, maxEmployees: 299 })] },
      context(),
      SEED_001_RULES,
    );
    const rules = result.programs[0]!.reasons.map((reason) => reason.rule);
    expect(rules).toEqual(
      expect.arrayContaining(["eligibility.sme", "eligibility.max_employees", "eligibility.region"]),
    );
  });
});
