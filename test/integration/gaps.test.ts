import fc from "fast-check";
import { latLngToCell } from "h3-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeImportedFirms, replaceSyntheticFirms } from "../../db/queries/firms";
import { firmsWithReach, listGapFacilities, readGapState } from "../../db/queries/gaps";
import { eligiblePairs, facilityServesClass } from "~/domain/gaps/eligibility";
import type { FirmRecordInput } from "~/domain/gaps/firm-record";
import { HEX_RESOLUTION } from "~/domain/gaps/synthetic";
import { distanceKm } from "~/domain/geo";
import { PAVITT_CLASSES, type PavittClass } from "~/domain/types";
import { gapReport, type GapReport } from "~/gaps/report.server";
import { loader as gapsLoader } from "~/routes/api.gaps";
import type { Services } from "~/services.server";
import { createUser } from "~/auth/accounts.server";
import { loader as firmsLoader } from "~/routes/api.gaps_.firms";
import { loader as gapsPageLoader } from "~/routes/gaps";
import { action as importAction } from "~/routes/gaps.import";
import { countFirms } from "../../db/queries/firms";
import { callLoader, callRoute, createTestServices, databaseLabel, signIn } from "./support";

/** Km per degree of latitude on the sphere of app/domain/geo.ts: a firm k km due north of a point is k / KM_PER_DEGREE degrees away. */
const KM_PER_DEGREE = (2 * Math.PI * 6371.0088) / 360;
const A = { lat: 36.0, lng: 128.0 };
const B = { lat: 37.0, lng: 127.0 };
const DIVISION: Record<PavittClass, string> = {
  supplier_dominated: "10",
  specialized_supplier: "29",
  science_based: "20",
  scale_intensive: "24",
};

function firm(
  name: string,
  pavittClass: PavittClass,
  regionCode: string,
  from: { lat: number; lng: number },
  northKm: number,
  synthetic = false,
): FirmRecordInput {
  const lat = from.lat + northKm / KM_PER_DEGREE;
  return {
    name,
    ksicDivision: DIVISION[pavittClass],
    employees: 12,
    regionCode,
    lat,
    lng: from.lng,
    coordPrecision: "address",
    pavittClass,
    h3Cell: latLngToCell(lat, from.lng, HEX_RESOLUTION),
    synthetic,
    source: "test",
  };
}

/**
 * Two facilities and ten firms whose figures are worked out by hand.
 * Center A (techno-park, technical assistance, individual delivery) serves supplier-dominated
 * (stance 0.7) and specialized suppliers (1.0); B (research complex, R&D) serves science-based
 * (1.0) and specialized suppliers (0.5). Neither serves scale-intensive firms.
 */
const TEN_FIRMS: FirmRecordInput[] = [
  firm("sd1", "supplier_dominated", "47", A, 5.5),
  firm("sd2", "supplier_dominated", "47", A, -29.5),
  firm("sd3", "supplier_dominated", "47", A, 40.2),
  firm("ss4", "specialized_supplier", "47", A, -12.3),
  firm("ss5", "specialized_supplier", "41", B, 3.2),
  firm("ss6", "specialized_supplier", "41", B, -31.7),
  firm("sb7", "science_based", "41", B, 8.8),
  firm("sb8", "science_based", "44", B, -55.6),
  firm("si9", "scale_intensive", "47", A, 1, true),
  firm("si10", "scale_intensive", "41", B, 1, true),
];

async function useTwoCenters(services: Services): Promise<void> {
  const db = services.database.db;
  await db.updateTable("facilities").set({ status: "archived" }).execute();
  const base = {
    aliases: [],
    coord_precision: "exact",
    co_anchor_group_ids: [],
    industries: [],
    source: "test",
    anchor_group_id: null,
    delivery_modes: ["individual"],
  };
  await db
    .insertInto("facilities")
    .values([
      {
        ...base,
        id: "test-a",
        kind: "techno_park",
        name_ko: "가",
        name_en: "A",
        region_code: "47",
        lat: A.lat,
        lng: A.lng,
        services: ["technical_assistance"],
      },
      {
        ...base,
        id: "test-b",
        kind: "research_complex",
        name_ko: "나",
        name_en: "B",
        region_code: "41",
        lat: B.lat,
        lng: B.lng,
        services: ["rnd_collaboration"],
      },
    ])
    .execute();
}

const row = (report: GapReport, regionCode: string, pavittClass: PavittClass) =>
  report.rows.find((r) => r.regionCode === regionCode && r.pavittClass === pavittClass);

describe(`coverage gaps on ${databaseLabel}: ten firms and two centers`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
    await useTwoCenters(services);
    await storeImportedFirms(services.database.db, TEN_FIRMS, { replace: false });
  });
  afterAll(async () => services?.close());

  it("gives the hand-computed figures at the default 30 km", async () => {
    const response = await callLoader(gapsLoader, services, "/api/gaps");
    expect(response.status).toBe(200);
    const report = (await response.json()) as GapReport;
    expect(report.radiusKm).toBe(30);
    expect(report.population).toEqual({ total: 10, synthetic: 2 });
    const expected = [
      {
        regionCode: "47",
        pavittClass: "supplier_dominated",
        smes: 3,
        covered: 2,
        uncovered: 1,
        coverageRatio: null,
        facilities: 1,
        facilitiesPer1000: null,
        medianNearestKm: 30,
      },
      {
        regionCode: "47",
        pavittClass: "specialized_supplier",
        smes: 1,
        covered: 1,
        uncovered: 0,
        coverageRatio: null,
        facilities: 1,
        facilitiesPer1000: null,
        medianNearestKm: 13,
      },
      {
        regionCode: "41",
        pavittClass: "specialized_supplier",
        smes: 2,
        covered: 1,
        uncovered: 1,
        coverageRatio: null,
        facilities: 1,
        facilitiesPer1000: null,
        medianNearestKm: 18,
      },
      {
        regionCode: "41",
        pavittClass: "science_based",
        smes: 1,
        covered: 1,
        uncovered: 0,
        coverageRatio: null,
        facilities: 1,
        facilitiesPer1000: null,
        medianNearestKm: 9,
      },
      {
        regionCode: "44",
        pavittClass: "science_based",
        smes: 1,
        covered: 0,
        uncovered: 1,
        coverageRatio: null,
        facilities: 0,
        facilitiesPer1000: null,
        medianNearestKm: 56,
      },
      {
        regionCode: "47",
        pavittClass: "scale_intensive",
        smes: 1,
        covered: 0,
        uncovered: 1,
        coverageRatio: null,
        facilities: 0,
        facilitiesPer1000: null,
        medianNearestKm: null,
      },
      {
        regionCode: "41",
        pavittClass: "scale_intensive",
        smes: 1,
        covered: 0,
        uncovered: 1,
        coverageRatio: null,
        facilities: 0,
        facilitiesPer1000: null,
        medianNearestKm: null,
      },
    ];
    expect(report.rows).toHaveLength(expected.length);
    for (const figures of expected)
      expect(row(report, figures.regionCode, figures.pavittClass as PavittClass)).toEqual(figures);
    expect(report.areas).toEqual([
      {
        area: "capital",
        smes: 4,
        covered: 2,
        uncovered: 2,
        coverageRatio: null,
        facilities: 1,
        facilitiesPer1000: null,
        medianNearestKm: 20.5,
      },
      {
        area: "rest",
        smes: 6,
        covered: 3,
        uncovered: 3,
        coverageRatio: null,
        facilities: 1,
        facilitiesPer1000: null,
        medianNearestKm: 35.5,
      },
    ]);
    expect(report.hotspots.reduce((sum, spot) => sum + spot.smes, 0)).toBe(5);
    expect(report.hotspots.map((spot) => spot.nearestKm).sort()).toEqual([32, 41, 56, null, null].sort());
  });

  it("a wider radius covers the firms now within reach, and filters narrow the rows", async () => {
    const wide = (await (await callLoader(gapsLoader, services, "/api/gaps?radiusKm=50")).json()) as GapReport;
    expect(row(wide, "47", "supplier_dominated")?.covered).toBe(3);
    expect(row(wide, "41", "specialized_supplier")?.covered).toBe(2);
    expect(row(wide, "44", "science_based")?.covered).toBe(0);
    const one = (await (
      await callLoader(gapsLoader, services, "/api/gaps?radiusKm=60&pavittClass=science_based&region=44")
    ).json()) as GapReport;
    expect(one.rows).toEqual([
      {
        regionCode: "44",
        pavittClass: "science_based",
        smes: 1,
        covered: 1,
        uncovered: 0,
        coverageRatio: null,
        facilities: 0,
        facilitiesPer1000: null,
        medianNearestKm: 56,
      },
    ]);
    const bySector = (await (await callLoader(gapsLoader, services, "/api/gaps?sector=29")).json()) as GapReport;
    expect(bySector.rows.map((r) => [r.regionCode, r.sector, r.smes]).sort()).toEqual([
      ["41", "29", 2],
      ["47", "29", 1],
    ]);
  });

  it("answers 400 naming the parameter for invalid values", async () => {
    for (const [query, parameter] of [
      ["radiusKm=0", "radiusKm"],
      ["radiusKm=201", "radiusKm"],
      ["radiusKm=abc", "radiusKm"],
      ["radiusKm=12.5", "radiusKm"],
      ["pavittClass=huge", "pavittClass"],
      ["sector=00", "sector"],
      ["region=99", "region"],
      ["bySector=maybe", "bySector"],
    ]) {
      const response = await callLoader(gapsLoader, services, `/api/gaps?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(parameter);
    }
  });

  it("recomputes when firms or facilities change, and serves the cache otherwise", async () => {
    const db = services.database.db;
    const before = await gapReport(db, { radiusKm: 30, bySector: false });
    expect(await gapReport(db, { radiusKm: 30, bySector: false })).toBe(before);
    await db.updateTable("facilities").set({ lat: 36.2 }).where("id", "=", "test-a").execute();
    const state = await readGapState(db);
    expect(state.computedVersion).not.toBe(state.dataVersion);
    const moved = await gapReport(db, { radiusKm: 30, bySector: false });
    expect(moved).not.toBe(before);
    expect(row(moved, "47", "supplier_dominated")?.covered).toBe(2);
    expect(row(moved, "47", "supplier_dominated")?.medianNearestKm).toBe(18);
    await db.updateTable("facilities").set({ lat: A.lat }).where("id", "=", "test-a").execute();
    expect(
      row(await gapReport(db, { radiusKm: 30, bySector: false }), "47", "supplier_dominated")?.medianNearestKm,
    ).toBe(30);
  });

  it("firm-level rows carry the exact distance to the nearest eligible facility", async () => {
    const firms = await firmsWithReach(services.database.db, { regionCode: "47" }, { limit: 100 });
    const byName = new Map(firms.map((f) => [f.name, f.nearestKm]));
    expect(byName.get("sd1")).toBeCloseTo(5.5, 6);
    expect(byName.get("sd3")).toBeCloseTo(40.2, 6);
    expect(byName.get("ss4")).toBeCloseTo(12.3, 6);
    expect(byName.get("si9")).toBeNull();
    const uncovered = await firmsWithReach(
      services.database.db,
      { regionCode: "47" },
      { uncoveredWithinKm: 30, limit: 100 },
    );
    expect(uncovered.map((f) => f.name).sort()).toEqual(["sd3", "si9"]);
  });
});

describe(`coverage gaps on ${databaseLabel}: who sees firm-level rows`, () => {
  const PASSWORD = "correct horse battery";
  let services: Services;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    services = await createTestServices();
    await useTwoCenters(services);
    await storeImportedFirms(services.database.db, TEN_FIRMS, { replace: false });
    const accounts = [
      ["official@example.kr", "official", null],
      ["gyeongbuk@example.kr", "council_reviewer", "47"],
      ["gyeonggi@example.kr", "council_editor", "41"],
    ] as const;
    for (const [email, role, regionCode] of accounts) {
      await createUser(services.database.db, { email, password: PASSWORD, role, regionCode });
      cookies[email] = (await signIn(services, email, PASSWORD)).cookie;
    }
  });
  afterAll(async () => services?.close());

  const names = (body: unknown) => ((body as { firms: { name: string }[] }).firms ?? []).map((f) => f.name).sort();

  it("nobody signed out sees firms; aggregates stay public", async () => {
    expect((await callRoute(firmsLoader, services, "/api/gaps/firms?region=47")).status).toBe(401);
    expect((await callLoader(gapsLoader, services, "/api/gaps?region=47")).status).toBe(200);
    const page = await callRoute(gapsPageLoader, services, "/gaps?region=47");
    expect((page.body as { firmsAllowed: boolean; firms: unknown }).firmsAllowed).toBe(false);
    expect((page.body as { firms: unknown }).firms).toBeNull();
  });

  it("a council sees the firms of its own region only", async () => {
    const own = await callRoute(firmsLoader, services, "/api/gaps/firms?region=47", {
      cookie: cookies["gyeongbuk@example.kr"],
    });
    expect(own.status).toBe(200);
    expect(names(own.body)).toEqual(["sd1", "sd2", "sd3", "si9", "ss4"]);
    const uncovered = await callRoute(firmsLoader, services, "/api/gaps/firms?region=47&uncovered=true", {
      cookie: cookies["gyeongbuk@example.kr"],
    });
    expect(names(uncovered.body)).toEqual(["sd3", "si9"]);
    expect(
      (await callRoute(firmsLoader, services, "/api/gaps/firms?region=41", { cookie: cookies["gyeongbuk@example.kr"] }))
        .status,
    ).toBe(403);
    expect(
      (await callRoute(firmsLoader, services, "/api/gaps/firms?region=47", { cookie: cookies["gyeonggi@example.kr"] }))
        .status,
    ).toBe(403);
    const page = await callRoute(gapsPageLoader, services, "/gaps?region=41", {
      cookie: cookies["gyeonggi@example.kr"],
    });
    expect(((page.body as { firms: { name: string }[] }).firms ?? []).map((f) => f.name)).toEqual(["si10", "ss6"]);
    const elsewhere = await callRoute(gapsPageLoader, services, "/gaps?region=47", {
      cookie: cookies["gyeonggi@example.kr"],
    });
    expect((elsewhere.body as { firms: unknown }).firms).toBeNull();
  });

  it("an official sees every region's firms", async () => {
    for (const region of ["41", "44", "47"]) {
      const response = await callRoute(firmsLoader, services, `/api/gaps/firms?region=${region}`, {
        cookie: cookies["official@example.kr"],
      });
      expect(response.status, region).toBe(200);
    }
    const response = await callRoute(firmsLoader, services, "/api/gaps/firms?region=44", {
      cookie: cookies["official@example.kr"],
    });
    expect(names(response.body)).toEqual(["sb8"]);
    expect(
      (await callRoute(firmsLoader, services, "/api/gaps/firms", { cookie: cookies["official@example.kr"] })).status,
    ).toBe(400);
  });

  it("an official imports a register through /gaps/import: all or nothing, with a report; a council may not", async () => {
    const db = services.database.db;
    const official = await signIn(services, "official@example.kr", PASSWORD);
    const upload = (text: string, csrf: string) => {
      const form = new FormData();
      form.set("csrf", csrf);
      form.set("register", new File([text], "register.csv", { type: "text/csv" }));
      return form;
    };
    const before = await countFirms(db);
    const rejected = await callRoute(importAction, services, "/gaps/import", {
      cookie: official.cookie,
      form: upload("name,ksic_division,employees,region_code\n좋은회사,29,10,27\n나쁜회사,29,열명,27\n", official.csrf),
    });
    expect(rejected.status).toBe(400);
    expect(
      (rejected.body as { problems: { row: number; column: string }[] }).problems.map((p) => [p.row, p.column]),
    ).toEqual([[3, "employees"]]);
    expect(await countFirms(db)).toEqual(before);
    const accepted = await callRoute(importAction, services, "/gaps/import", {
      cookie: official.cookie,
      form: upload("name,ksic_division,employees,region_code\n좋은회사,29,10,27\n", official.csrf),
    });
    expect(accepted.status).toBe(200);
    expect(await countFirms(db)).toEqual({ total: before.total + 1, synthetic: before.synthetic });
    expect((await gapReport(db, { radiusKm: 30, bySector: false, regionCode: "27" })).rows.map((r) => r.smes)).toEqual([
      1,
    ]);
    const council = await signIn(services, "gyeongbuk@example.kr", PASSWORD);
    const refused = await callRoute(importAction, services, "/gaps/import", {
      cookie: council.cookie,
      form: upload("name,ksic_division,employees,region_code\nx,29,1,47\n", council.csrf),
    });
    expect(refused.status).toBe(403);
  });
});

describe(`coverage gaps on ${databaseLabel}: SQL agrees with the matching rules`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.close());

  it("stores exactly the (class, facility) pairs the stance rules accept", async () => {
    const db = services.database.db;
    await gapReport(db, { radiusKm: 30, bySector: false });
    const facilities = await listGapFacilities(db);
    const stored = await db.selectFrom("gap_eligible_facilities").select(["pavitt_class", "facility_id"]).execute();
    const expected = PAVITT_CLASSES.flatMap((cls) =>
      facilities.filter((f) => facilityServesClass(cls, f)).map((f) => `${cls}:${f.id}`),
    );
    expect(stored.map((r) => `${r.pavitt_class}:${r.facility_id}`).sort()).toEqual(expected.sort());
    expect(eligiblePairs(facilities).length).toBe(expected.length);
  });

  it("for random firms, SQL finds the same nearest eligible facility distance as the pure rules, and wider radii never cover fewer", async () => {
    const db = services.database.db;
    const facilities = await listGapFacilities(db);
    const pointArb = fc.record({
      lat: fc.double({ min: 33.2, max: 38.5, noNaN: true }),
      lng: fc.double({ min: 125.0, max: 129.5, noNaN: true }),
      pavittClass: fc.constantFrom(...PAVITT_CLASSES),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(pointArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 199 }),
        async (points, radius) => {
          const firms = points.map((p, index) => ({
            ...firm(`r${index}`, p.pavittClass, "11", { lat: p.lat, lng: p.lng }, 0, true),
          }));
          await replaceSyntheticFirms(db, firms);
          const stored = await firmsWithReach(db, { regionCode: "11" }, { limit: 1000 });
          const expectedNearest = new Map(
            firms.map((f) => {
              const distances = facilities
                .filter((facility) => facilityServesClass(f.pavittClass, facility))
                .map((facility) => distanceKm(f, facility));
              return [f.name, distances.length === 0 ? null : Math.min(...distances)];
            }),
          );
          for (const f of stored) {
            const expected = expectedNearest.get(f.name);
            if (expected === null) expect(f.nearestKm).toBeNull();
            else expect(f.nearestKm).toBeCloseTo(expected as number, 6);
          }
          const narrow = await gapReport(db, { radiusKm: radius, bySector: false });
          const wide = await gapReport(db, { radiusKm: radius + 1, bySector: false });
          const covered = (report: GapReport) => report.rows.reduce((sum, r) => sum + r.covered, 0);
          expect(covered(narrow)).toBe(
            [...expectedNearest.values()].filter((d) => d !== null && Math.ceil(d) <= radius).length,
          );
          expect(covered(wide)).toBeGreaterThanOrEqual(covered(narrow));
          for (const r of narrow.rows) {
            const w = wide.rows.find((x) => x.regionCode === r.regionCode && x.pavittClass === r.pavittClass);
            expect(w?.covered).toBeGreaterThanOrEqual(r.covered);
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
