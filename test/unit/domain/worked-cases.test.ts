import { distanceKm } from "~/domain/geo";
import { MIN_CENTERS_IN_REACH, reachOf } from "~/domain/matching/reach";
import { describe, expect, it } from "vitest";
import { checkEligibility } from "~/domain/matching/eligibility";
import { matchFirm } from "~/domain/matching/match";
import type { FirmProfile, MatchResult, ScoredItem } from "~/domain/matching/types";
import type { LatLng } from "~/domain/types";
import { loadRealData } from "./real-data";
import { said } from "../i18n/said";

/**
 * Worked cases written from the source documents (seed 002 Table 2-8 and footnotes 58,
 * 67; seed 001 Table 1; seeds 000, 003 and 004), run against the project's data files.
 */
const data = loadRealData();

/** Approximate places of the firms (district centres). */
const PLACES = {
  daeguSeoguDyeing: { lat: 35.8853, lng: 128.557 },
  changwon: { lat: 35.2279, lng: 128.6811 },
  daejeonYuseong: { lat: 36.3622, lng: 127.3563 },
  ulsanBukgu: { lat: 35.5827, lng: 129.3613 },
  ulsanNamgu: { lat: 35.5, lng: 129.38 },
  jejuCity: { lat: 33.4996, lng: 126.5312 },
  seongnamPangyo: { lat: 37.402, lng: 127.1086 },
  gumi: { lat: 36.1195, lng: 128.3446 },
  pohang: { lat: 36.019, lng: 129.3435 },
  busanSasang: { lat: 35.1525, lng: 128.991 },
  gwangjuBukgu: { lat: 35.2044, lng: 126.87 },
  geumsan: { lat: 36.1087, lng: 127.4881 },
  jeonju: { lat: 35.8242, lng: 127.148 },
  gunsan: { lat: 35.9676, lng: 126.7366 },
  incheonNamdong: { lat: 37.4563, lng: 126.7052 },
  seoulGuro: { lat: 37.4849, lng: 126.8966 },
} satisfies Record<string, LatLng>;

type Case = Partial<FirmProfile> & Pick<FirmProfile, "ksicDivision" | "employees" | "location" | "regionCode">;

function profileOf(firm: Case): FirmProfile {
  const division = data.context.divisions.get(firm.ksicDivision);
  if (!division) throw new Error(`unknown division ${firm.ksicDivision}`);
  return { sectionCode: division.sectionCode, certifications: [], needs: [], ...firm };
}

function run(firm: Case): MatchResult & { profile: FirmProfile } {
  const profile = profileOf(firm);
  const result = matchFirm(profile, data, data.context, data.sizeRules);
  expectSound(profile, result);
  return { ...result, profile };
}

const ids = (items: ScoredItem[]) => items.map((item) => item.id);
const rules = (item: ScoredItem | undefined) => (item?.reasons ?? []).map((reason) => reason.rule);
const find = (items: ScoredItem[], id: string) => items.find((item) => item.id === id);
const rank = (items: ScoredItem[], id: string) => items.findIndex((item) => item.id === id);
const points = (item: ScoredItem | undefined, component: string) =>
  item?.breakdown.find((line) => line.component === component)?.points;
const programById = (id: string) => data.programs.find((program) => program.id === id);

/** What every case must show: eligible programs only, reasons in both languages, the nearer of two equal centers first. */
function expectSound(profile: FirmProfile, result: MatchResult): void {
  const firm = {
    isSme: result.eligibility.isSme,
    employees: profile.employees,
    regionCode: profile.regionCode,
    pavittClass: result.classification.pavitt.pavittClass,
    certifications: profile.certifications,
  };
  for (const item of result.programs) expect(checkEligibility(programById(item.id)!, firm).eligible).toBe(true);
  // Every center within reach is listed; those beyond it only when too few are within it.
  const within = data.facilities
    .filter((f) => reachOf(profile.regionCode, f, f.location ? distanceKm(profile.location, f.location) : null).within)
    .map((f) => f.id);
  const expected = within.length >= MIN_CENTERS_IN_REACH ? within : data.facilities.map((f) => f.id);
  expect(ids(result.centers).sort()).toEqual([...expected].sort());

  const allReasons = [
    ...result.eligibility.reasons,
    ...result.classification.pavitt.reasons,
    ...result.classification.capability.reasons,
    ...result.classification.cooperation.reasons,
    ...[...result.centers, ...result.programs].flatMap((item) => {
      expect(item.reasons.length).toBeGreaterThan(0);
      return item.reasons;
    }),
  ];
  for (const reason of allReasons) {
    expect(said(reason)?.ko).toMatch(/[가-힣]/);
    expect(said(reason)?.en).toMatch(/^[\x20-\x7E–]+$/);
  }

  const rest = (item: ScoredItem) =>
    JSON.stringify([
      item.breakdown.filter((line) => line.component !== "proximity"),
      rules(item).includes("proximity.same_region"),
    ]);
  result.centers.forEach((a, i) =>
    result.centers.slice(i + 1).forEach((b) => {
      if (rest(a) === rest(b) && a.distanceKm !== null && b.distanceKm !== null)
        expect(a.distanceKm).toBeLessThanOrEqual(b.distanceKm);
    }),
  );
}

describe("worked cases on the project data", () => {
  it("1. a 40-person textile dyer in Daegu: supplier-dominated, reached first through the institutes that serve dyers, then the technopark's group work", () => {
    const result = run({ ksicDivision: "13", employees: 40, location: PLACES.daeguSeoguDyeing, regionCode: "27" });
    expect(result.classification.pavitt).toMatchObject({
      pavittClass: "supplier_dominated",
      defaultClass: "supplier_dominated",
    });
    expect(result.eligibility).toMatchObject({ isSme: true, sizeBand: "small" });
    expect(ids(result.centers.slice(0, 2)).sort()).toEqual(["pi-dyetec", "pi-ktdi"]);
    for (const institute of result.centers.slice(0, 2))
      expect(rules(institute)).toEqual(
        expect.arrayContaining(["industry.facility", "stance.extension_service", "delivery.fit"]),
      );
    const tp = result.centers.find((c) => c.id === "tp-daegu")!;
    expect(result.centers.indexOf(tp)).toBeLessThan(5);
    expect(rules(tp)).toEqual(expect.arrayContaining(["industry.facility", "stance.intermediary", "delivery.fit"]));
    expect(said(tp.reasons.find((reason) => reason.rule === "stance.intermediary"))?.en).toContain(
      "group presentations and demonstrations",
    );
    expect(ids(result.centers.slice(0, 5))).toContain("ccei-daegu");
    expect(ids(result.programs.slice(0, 2))).toEqual(expect.arrayContaining(["tp-daegu-tech-assist"]));
  });

  it("2. a 120-person machine-tool maker in Changwon: specialized supplier, the core target", () => {
    const result = run({ ksicDivision: "29", employees: 120, location: PLACES.changwon, regionCode: "48" });
    expect(result.classification.pavitt.pavittClass).toBe("specialized_supplier");
    expect(result.eligibility).toMatchObject({ isSme: true, sizeBand: "medium" });
    expect(ids(result.centers.slice(0, 2)).sort()).toEqual(["ccei-gyeongnam", "tp-gyeongnam"]);
    const core = result.centers[0]!.reasons.find((reason) => reason.rule === "stance.core_target");
    expect(said(core)?.en).toContain("core target");
    expect(said(core)?.ko).toContain("가장 중점적으로 돕는 대상");
    expect(ids(result.programs.slice(0, 2)).sort()).toEqual([
      "ccei-gyeongnam-shared-growth",
      "tp-gyeongnam-tech-assist",
    ]);
  });

  it("3. a 15-person biotech spin-off in Daejeon: science-based, pointed to Daedeok and to finance", () => {
    const result = run({
      ksicDivision: "21",
      employees: 15,
      location: PLACES.daejeonYuseong,
      regionCode: "30",
      salesKrw: 3e9,
      rnd: { researchers: 5, rndSpendKrw: 6e8, patents: 2 },
      needs: ["finance", "technology"],
    });
    expect(result.classification.pavitt.pavittClass).toBe("science_based");
    expect(result.classification.capability.capability).toBe("technology_driven");
    expect(result.classification.cooperation.mode).toBe("open_innovation");
    expect(result.centers[0]!.id).toBe("rc-daedeok");
    expect(rules(result.centers[0])).toEqual(expect.arrayContaining(["stance.science_based", "industry.research"]));
    expect(result.programs[0]!.id).toBe("daedeok-commercialization");
    const topFive = result.programs.slice(0, 5).map((item) => programById(item.id)?.category);
    expect(topFive).toContain("finance");
    expect(result.centers.some((item) => rules(item).includes("stance.core_target"))).toBe(false);
  });

  it("4. a 250-person car-parts subcontractor in Ulsan: scale-intensive, anchor-group shared growth first", () => {
    const result = run({ ksicDivision: "30", employees: 250, location: PLACES.ulsanBukgu, regionCode: "31" });
    expect(result.classification.pavitt.pavittClass).toBe("scale_intensive");
    expect(result.eligibility.isSme).toBe(true);
    expect(result.centers[0]!.id).toBe("ccei-ulsan");
    expect(said(result.centers[0]!.reasons.find((reason) => reason.rule === "stance.shared_growth"))?.ko).toContain(
      "현대중공업그룹",
    );
    expect(result.programs[0]!.id).toBe("ccei-ulsan-shared-growth");
    const technopark = find(result.centers, "tp-ulsan");
    expect(said(technopark?.reasons.find((reason) => reason.rule === "stance.not_target"))?.en).toContain(
      "clearly not the target",
    );
    expect(result.programs.some((item) => item.id.endsWith("-tech-assist"))).toBe(false);
  });

  it("5. a 350-person manufacturer that gives no capital: not an SME, no SME-only programs, every facility still listed", () => {
    const result = run({ ksicDivision: "29", employees: 350, location: PLACES.changwon, regionCode: "48" });
    expect(result.eligibility).toMatchObject({ isSme: false, sizeBand: "large" });
    expect(said(result.eligibility.reasons.find((reason) => reason.rule === "sme.capital"))?.en).toContain(
      "only the employee test",
    );
    expect(result.programs.length).toBeGreaterThan(0);
    expect(result.programs.every((item) => !programById(item.id)?.smeOnly)).toBe(true);
    expect(ids(result.programs)).toEqual(expect.arrayContaining(["kotra-export-support", "kccp-tech-cooperation"]));
  });

  it("6. the same 350-person manufacturer with capital of KRW 5 bn: an SME by capital", () => {
    const result = run({
      ksicDivision: "29",
      employees: 350,
      capitalKrw: 5e9,
      location: PLACES.changwon,
      regionCode: "48",
    });
    expect(result.eligibility).toMatchObject({ isSme: true, sizeBand: "large" });
    const capital = result.eligibility.reasons.find((reason) => reason.rule === "sme.capital");
    expect(said(capital)?.ko).toContain("50억 원");
    expect(said(capital)?.en).toContain("KRW 8 bn");
    expect(result.programs.some((item) => programById(item.id)?.smeOnly)).toBe(true);
  });

  it("7. capital of exactly KRW 8 bn qualifies, KRW 8 bn + 1 does not (seed 001 Table 1)", () => {
    const at = run({
      ksicDivision: "29",
      employees: 350,
      capitalKrw: 8e9,
      location: PLACES.changwon,
      regionCode: "48",
    });
    const over = run({
      ksicDivision: "29",
      employees: 350,
      capitalKrw: 8e9 + 1,
      location: PLACES.changwon,
      regionCode: "48",
    });
    expect(at.eligibility.isSme).toBe(true);
    expect(over.eligibility.isSme).toBe(false);
  });

  it("8. a food firm in Jeju: supplier-dominated, served on the island first", () => {
    const result = run({ ksicDivision: "10", employees: 25, location: PLACES.jejuCity, regionCode: "50" });
    expect(result.classification.pavitt.pavittClass).toBe("supplier_dominated");
    expect(ids(result.centers.slice(0, 2)).sort()).toEqual(["nic-jeju-hightech", "tp-jeju"]);
    expect(ids(result.programs)).toContain("regional-industry-promotion");
    expect(ids(result.programs)).not.toContain("tp-chungnam-tech-assist");
  });

  it("9. an electronics firm in Pangyo with research staff: science-based and technology-driven", () => {
    const result = run({
      ksicDivision: "26",
      employees: 60,
      location: PLACES.seongnamPangyo,
      regionCode: "41",
      salesKrw: 15e9,
      rnd: { researchers: 8, rndSpendKrw: 1e9, patents: 5 },
    });
    expect(result.classification.pavitt.pavittClass).toBe("science_based");
    expect(result.classification.capability.capability).toBe("technology_driven");
    expect(result.centers[0]!.id).toBe("ccei-gyeonggi");
    expect(rules(result.centers[0])).toContain("stance.science_based");
    expect(ids(result.programs)).not.toContain("tp-gyeonggi-tech-assist");
    expect(result.programs[0]!.id).toBe("ccei-gyeonggi-shared-growth");
  });

  it("10. an electronics-parts supplier in Gumi whose answers make it a specialized supplier", () => {
    const result = run({
      ksicDivision: "26",
      employees: 80,
      location: PLACES.gumi,
      regionCode: "47",
      answers: {
        techSource: "design_and_users",
        appropriation: "design_knowhow",
        innovationFocus: "product_performance",
      },
    });
    expect(result.classification.pavitt).toMatchObject({
      pavittClass: "specialized_supplier",
      defaultClass: "science_based",
      moved: true,
      confidence: "high",
    });
    expect(result.centers[0]!.id).toBe("ccei-gyeongbuk");
    expect(said(result.centers[0]!.reasons.find((reason) => reason.rule === "industry.anchor"))?.ko).toContain("삼성");
    expect(ids(result.programs)).toContain("tp-gyeongbuk-tech-assist");
  });

  it("11. a steel-processing firm in Pohang: scale-intensive, POSCO's shared growth first", () => {
    const result = run({ ksicDivision: "24", employees: 90, location: PLACES.pohang, regionCode: "47" });
    expect(result.classification.pavitt.pavittClass).toBe("scale_intensive");
    expect(result.centers[0]!.id).toBe("ccei-pohang");
    expect(said(result.centers[0]!.reasons.find((reason) => reason.rule === "stance.shared_growth"))?.ko).toContain(
      "포스코",
    );
    expect(rank(result.centers, "nic-pohang")).toBeLessThan(rank(result.centers, "tp-pohang"));
    expect(result.programs[0]!.id).toBe("ccei-pohang-shared-growth");
  });

  it("12. a footwear maker in Busan: supplier-dominated, group and intermediary channels first", () => {
    const result = run({ ksicDivision: "15", employees: 35, location: PLACES.busanSasang, regionCode: "26" });
    expect(result.classification.pavitt.pavittClass).toBe("supplier_dominated");
    expect(result.centers[0]!.id).toBe("pi-filk");
    expect(rules(result.centers[0])).toEqual(expect.arrayContaining(["industry.facility", "stance.extension_service"]));
    const channels = result.centers.filter((c) => c.id === "nic-myeongji-noksan" || c.id === "tp-busan");
    expect(channels).toHaveLength(2);
    for (const item of channels) {
      expect(rules(item)).toEqual(
        expect.arrayContaining(["industry.region_strategic", "stance.intermediary", "delivery.fit"]),
      );
    }
  });

  it("13. an optics firm in Gwangju: specialized supplier by seed 002 Table 2-8 (instruments)", () => {
    const result = run({
      ksicDivision: "27",
      employees: 45,
      location: PLACES.gwangjuBukgu,
      regionCode: "29",
      rnd: { researchers: 2 },
    });
    expect(result.classification.pavitt).toMatchObject({
      pavittClass: "specialized_supplier",
      defaultClass: "specialized_supplier",
      moved: false,
    });
    expect(result.centers[0]!.id).toBe("tp-gwangju");
    expect(result.programs[0]!.id).toBe("tp-gwangju-tech-assist");
    expect(points(find(result.centers, "nic-gwangju-cheomdan"), "stance")).toBeLessThan(
      points(result.centers[0], "stance") as number,
    );
  });

  it("14. a machinery firm answering own R&D, patents and new products moves to science-based", () => {
    const answers = { techSource: "own_rnd", appropriation: "patents", innovationFocus: "new_products" } as const;
    const moved = run({ ksicDivision: "29", employees: 60, location: PLACES.changwon, regionCode: "48", answers });
    expect(moved.classification.pavitt).toMatchObject({
      pavittClass: "science_based",
      defaultClass: "specialized_supplier",
      moved: true,
      confidence: "high",
    });
    expect(said(moved.classification.pavitt.reasons.find((reason) => reason.rule === "classify.moved"))?.en).toContain(
      "sources of technology = own R&D; appropriation = patents; innovation focus = new products",
    );
    expect(rules(find(moved.centers, "tp-gyeongnam"))).toContain("stance.science_based");
    expect(ids(moved.programs)).not.toContain("tp-gyeongnam-tech-assist");
    const unmoved = run({ ksicDivision: "29", employees: 60, location: PLACES.changwon, regionCode: "48" });
    expect(ids(unmoved.programs)).toContain("tp-gyeongnam-tech-assist");
  });

  it("15. a non-technological micro firm: demonstration-level help and basic cooperation", () => {
    const result = run({
      ksicDivision: "10",
      employees: 5,
      location: PLACES.jeonju,
      regionCode: "52",
      rnd: { researchers: 0, rndSpendKrw: 0, patents: 0 },
    });
    expect(result.classification.capability.capability).toBe("non_technological");
    expect(result.classification.cooperation.mode).toBe("low_end_cooperation");
    expect(result.eligibility.sizeBand).toBe("micro");
    const guidance = find(result.programs, "kitech-technical-guidance");
    const innovation = find(result.programs, "sme-tech-innovation");
    expect(points(guidance, "level")).toBe(10);
    expect(points(innovation, "level")).toBe(0);
    expect(rank(result.programs, "kitech-technical-guidance")).toBeLessThan(
      rank(result.programs, "sme-tech-innovation"),
    );
  });

  it("16. an Inno-Biz certified firm: programs requiring Inno-Biz open only then", () => {
    const base = { ksicDivision: "29", employees: 120, location: PLACES.changwon, regionCode: "48" } as const;
    const certified = run({ ...base, certifications: ["innobiz"] });
    const plain = run(base);
    expect(ids(certified.programs)).toEqual(
      expect.arrayContaining(["innobiz-preferential-rnd", "certified-innovative-sme-benefits"]),
    );
    expect(ids(plain.programs)).not.toContain("innobiz-preferential-rnd");
    expect(ids(plain.programs)).not.toContain("certified-innovative-sme-benefits");
    expect(ids(certified.programs)).not.toContain("venture-stock-option-tax");
    expect(rules(find(certified.programs, "innobiz-preferential-rnd"))).toContain("eligibility.certification");
  });

  it("17. a venture-certified firm with patents: technology-driven, open innovation, venture benefits open", () => {
    const result = run({
      ksicDivision: "28",
      employees: 30,
      location: PLACES.changwon,
      regionCode: "48",
      certifications: ["venture"],
      rnd: { patents: 3 },
    });
    expect(result.classification.capability.capability).toBe("technology_driven");
    expect(result.classification.cooperation.mode).toBe("open_innovation");
    expect(ids(result.programs)).toContain("venture-stock-option-tax");
  });

  it("18. a firm at a provincial border: a technopark across the border beats a distant one at home", () => {
    const result = run({ ksicDivision: "29", employees: 70, location: PLACES.geumsan, regionCode: "44" });
    const across = find(result.centers, "tp-daejeon");
    const home = find(result.centers, "tp-chungnam");
    expect(across?.distanceKm).toBeLessThan(25);
    expect(home?.distanceKm).toBeGreaterThan(80);
    expect(rank(result.centers, "tp-daejeon")).toBeLessThan(rank(result.centers, "tp-chungnam"));
    expect(rules(across)).toContain("proximity.cross_border");
    expect(rules(home)).toContain("proximity.same_region");
  });

  it("19. a wholesaler with 120 employees: an SME only with sales of KRW 10 bn or less (seed 001 wholesale row)", () => {
    const base = { ksicDivision: "46", employees: 120, location: PLACES.busanSasang, regionCode: "26" } as const;
    const noSales = run(base);
    expect(noSales.eligibility.isSme).toBe(false);
    expect(said(noSales.eligibility.reasons[0])?.ko).toContain("100명 미만");
    expect(run({ ...base, salesKrw: 10e9 }).eligibility.isSme).toBe(true);
    expect(run({ ...base, salesKrw: 10e9 + 1 }).eligibility.isSme).toBe(false);
    expect(noSales.classification.pavitt.pavittClass).toBe("supplier_dominated");
  });

  it("20. a petrochemical firm in Ulsan answering like a scale-intensive firm moves there", () => {
    const result = run({
      ksicDivision: "20",
      employees: 80,
      location: PLACES.ulsanNamgu,
      regionCode: "31",
      answers: {
        techSource: "production_engineering",
        appropriation: "scale_secrecy",
        innovationFocus: "process_scale",
      },
    });
    expect(result.classification.pavitt).toMatchObject({
      pavittClass: "scale_intensive",
      defaultClass: "science_based",
      moved: true,
    });
    expect(result.centers[0]!.id).toBe("ccei-ulsan");
    expect(ids(result.programs.slice(0, 4))).toEqual(
      expect.arrayContaining(["ccei-ulsan-shared-growth", "kccp-benefit-sharing", "kccp-tech-cooperation"]),
    );
  });

  it("21. a shipbuilding-parts maker in Gunsan: the technopark's individual help beats the nearer complex", () => {
    const result = run({ ksicDivision: "31", employees: 110, location: PLACES.gunsan, regionCode: "52" });
    expect(result.classification.pavitt.pavittClass).toBe("specialized_supplier");
    const complex = find(result.centers, "nic-gunsan");
    const technopark = find(result.centers, "tp-jeonbuk");
    expect(complex?.distanceKm).toBeLessThan(technopark?.distanceKm as number);
    expect(result.centers[0]!.id).toBe("tp-jeonbuk");
    expect(rules(complex).some((rule) => rule.startsWith("stance."))).toBe(false);
  });

  it("22. a crafts studio with no default class and no answers: provisional supplier-dominated, asked to answer", () => {
    const result = run({ ksicDivision: "90", employees: 6, location: PLACES.jeonju, regionCode: "52" });
    expect(result.classification.pavitt).toMatchObject({
      pavittClass: "supplier_dominated",
      defaultClass: null,
      confidence: "low",
    });
    expect(result.classification.pavitt.reasons[0]!.rule).toBe("classify.fallback");
    expect(result.eligibility.isSme).toBe(true);
    expect(rules(find(result.centers, "ccei-jeonbuk"))).toContain("industry.facility");
  });

  it("23. a warehousing firm in Incheon: the division rule for warehousing beats the transport section rule", () => {
    const result = run({ ksicDivision: "52", employees: 30, location: PLACES.incheonNamdong, regionCode: "28" });
    expect(result.eligibility.isSme).toBe(true);
    expect(said(result.eligibility.reasons[0])?.ko).toContain("200명 미만");
    expect(result.centers[0]!.id).toBe("tp-incheon");
    expect(rules(result.centers[0])).toContain("industry.facility");
  });

  it("24. a software firm in Seoul: science-based; over 300 staff and KRW 30 bn sales is not an SME", () => {
    const small = run({ ksicDivision: "62", employees: 40, location: PLACES.seoulGuro, regionCode: "11" });
    expect(small.classification.pavitt.pavittClass).toBe("science_based");
    expect(small.eligibility.isSme).toBe(true);
    expect(ids(small.centers.slice(0, 3))).toEqual(expect.arrayContaining(["tp-seoul", "tp-gyeonggi"]));
    const large = run({
      ksicDivision: "62",
      employees: 320,
      salesKrw: 35e9,
      location: PLACES.seoulGuro,
      regionCode: "11",
    });
    expect(large.eligibility.isSme).toBe(false);
    expect(said(large.eligibility.reasons[1])?.en).toContain("KRW 30 bn");
  });

  it("25. an R&D services firm in Daejeon with 120 staff: an SME by sales under the science-services row", () => {
    const base = { ksicDivision: "70", employees: 120, location: PLACES.daejeonYuseong, regionCode: "30" } as const;
    expect(run({ ...base, salesKrw: 8e9 }).eligibility.isSme).toBe(true);
    const large = run({ ...base, salesKrw: 12e9 });
    expect(large.eligibility.isSme).toBe(false);
    expect(ids(large.centers.slice(0, 3))).toEqual(
      expect.arrayContaining(["rc-daedeok", "ccei-daejeon", "tp-daejeon"]),
    );
  });

  it("26. regional programs serve their regions only", () => {
    const jeju = run({ ksicDivision: "10", employees: 25, location: PLACES.jejuCity, regionCode: "50" });
    const seoul = run({ ksicDivision: "10", employees: 25, location: PLACES.seoulGuro, regionCode: "11" });
    expect(ids(jeju.programs)).toContain("regional-industry-promotion");
    expect(ids(seoul.programs)).not.toContain("regional-industry-promotion");
    expect(ids(seoul.programs)).not.toContain("ccei-jeju-shared-growth");
  });

  it("27. stated needs lift matching programs and facilities", () => {
    const base = { ksicDivision: "29", employees: 120, location: PLACES.changwon, regionCode: "48" } as const;
    const exporter = run({ ...base, needs: ["export"] });
    for (const item of exporter.programs) {
      expect(points(item, "needs")).toBe(programById(item.id)?.category === "export" ? 10 : 0);
    }
    const cooperating = run({ ...base, needs: ["cooperation"] });
    expect(rules(find(cooperating.centers, "ccei-gyeongnam"))).toContain("needs.match");
    expect(rules(find(cooperating.centers, "tp-gyeongnam"))).not.toContain("needs.match");
  });

  it("28. Main-Biz alone is management, not technology, innovation", () => {
    const result = run({
      ksicDivision: "25",
      employees: 30,
      location: PLACES.changwon,
      regionCode: "48",
      certifications: ["mainbiz"],
    });
    expect(result.classification.capability.capability).toBe("non_technological");
    expect(result.classification.capability.reasons.map((reason) => reason.rule)).toContain("capability.mainbiz");
    expect(ids(result.programs)).not.toContain("certified-innovative-sme-benefits");
  });

  it("29. distance is reach: an Ulsan auto-parts firm gets the Busan center, and neither Gwangju's (about 220 km) nor Jeju's (across the sea)", () => {
    const result = run({ ksicDivision: "30", employees: 40, location: PLACES.ulsanBukgu, regionCode: "31" });
    const busan = rank(result.centers, "ccei-busan");
    expect(busan).toBeGreaterThanOrEqual(0);
    expect(busan).toBeLessThan(10);
    for (const above of result.centers.slice(0, busan)) expect(above.distanceKm!).toBeLessThan(100);
    expect(ids(result.centers)).not.toContain("ccei-gwangju");
    expect(ids(result.centers)).not.toContain("ccei-jeju");
    expect(result.centers.every((item) => !rules(item).includes("reach.beyond"))).toBe(true);
  });

  it("30. a firm with too few centers within reach sees the far ones after them, each saying why", () => {
    const result = run({
      ksicDivision: "30",
      employees: 40,
      location: { lat: 33.4996, lng: 126.5312 },
      regionCode: "50",
    });
    const beyond = result.centers.filter((item) => rules(item).includes("reach.beyond"));
    expect(beyond.length).toBeGreaterThan(0);
    expect(result.centers.findIndex((item) => rules(item).includes("reach.beyond"))).toBe(
      result.centers.length - beyond.length,
    );
    expect(said(beyond[0]!.reasons.find((r) => r.rule === "reach.beyond"))?.en).toMatch(
      /^Across the sea from you: shown because only \d+ centers? (is|are) within your reach\.$/,
    );
  });

  it("31. a 15-person biotech whose own R&D is its source and patents its protection is technology-driven without R&D figures", () => {
    const result = run({
      ksicDivision: "21",
      employees: 15,
      location: PLACES.daejeonYuseong,
      regionCode: "30",
      answers: { techSource: "own_rnd", appropriation: "patents" },
    });
    expect(result.classification.capability.capability).toBe("technology_driven");
    expect(result.classification.cooperation.mode).toBe("open_innovation");
    expect(said(result.classification.capability.reasons.find((r) => r.rule === "capability.answers"))?.ko).toContain(
      "자체 연구개발",
    );
    const ownRndOnly = run({
      ksicDivision: "21",
      employees: 15,
      location: PLACES.daejeonYuseong,
      regionCode: "30",
      answers: { techSource: "own_rnd" },
    });
    expect(ownRndOnly.classification.capability.capability).toBe("technology_following");
  });
});
