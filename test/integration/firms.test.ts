import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countFirms, firmReferenceData, replaceSyntheticFirms, storeImportedFirms } from "../../db/queries/firms";
import { parseRegister, type RegisterContext } from "~/domain/gaps/firm-import";
import { CAPITAL_AREA_SHARE, syntheticFirms, type SynthContext } from "~/domain/gaps/synthetic";
import { gapReport } from "~/gaps/report.server";
import type { Services } from "~/services.server";
import { issueMessage } from "~/validation";
import { createTestServices, databaseLabel } from "./support";

describe(`firm populations on ${databaseLabel}`, () => {
  let services: Services;
  let synth: SynthContext;
  let register: RegisterContext;
  beforeAll(async () => {
    services = await createTestServices();
    const reference = await firmReferenceData(services.database.db);
    synth = reference;
    register = {
      divisions: reference.divisions,
      regions: new Map(reference.regions.map((r) => [r.code, r.labelPoint])),
      boundaries: [],
      source: "import: test.csv",
    };
  });
  afterAll(async () => services?.close());

  it("the synthetic population is the same for the same seed and differs for another", () => {
    const first = [...syntheticFirms(500, 7, synth)];
    expect([...syntheticFirms(500, 7, synth)]).toEqual(first);
    expect([...syntheticFirms(500, 8, synth)]).not.toEqual(first);
    expect(first.every((firm) => firm.synthetic && firm.name.startsWith("합성기업"))).toBe(true);
  });

  it("is calibrated to the seeds: 57% in the capital area, mostly micro firms, regional industries", () => {
    const firms = [...syntheticFirms(20_000, 3, synth)];
    const capital = new Set(synth.regions.filter((r) => r.capitalArea).map((r) => r.code));
    const capitalShare = firms.filter((f) => capital.has(f.regionCode)).length / firms.length;
    expect(Math.abs(capitalShare - CAPITAL_AREA_SHARE)).toBeLessThan(0.015);
    const micro = firms.filter((f) => f.employees < 10).length / firms.length;
    const medium = firms.filter((f) => f.employees >= 50).length / firms.length;
    expect(Math.abs(micro - 2.68 / (2.68 + 0.23 + 0.084))).toBeLessThan(0.01);
    expect(Math.abs(medium - 0.084 / (2.68 + 0.23 + 0.084))).toBeLessThan(0.005);
    expect(firms.every((f) => f.employees >= 1 && f.employees < 300)).toBe(true);
    const daegu = synth.regions.find((r) => r.code === "27");
    const inDaegu = firms.filter((f) => f.regionCode === "27");
    // Daegu's own industries: its strategic ones and those of its industrial complexes.
    const regional = new Set([
      ...(daegu?.strategicIndustries ?? []),
      ...synth.complexes.filter((c) => c.regionCode === "27").flatMap((c) => c.industries),
    ]);
    const strategic = inDaegu.filter((f) => regional.has(f.ksicDivision)).length / inDaegu.length;
    expect(strategic).toBeGreaterThan(0.5);
  });

  it("stores synthetic firms flagged, replaces them on the next run, and the report counts them", async () => {
    const db = services.database.db;
    await replaceSyntheticFirms(db, syntheticFirms(300, 1, synth));
    await replaceSyntheticFirms(db, syntheticFirms(200, 2, synth));
    expect(await countFirms(db)).toEqual({ total: 200, synthetic: 200 });
    const report = await gapReport(db, { radiusKm: 30, bySector: false });
    expect(report.population).toEqual({ total: 200, synthetic: 200 });
    expect(report.rows.reduce((sum, row) => sum + row.smes, 0)).toBe(200);
  });

  it("imports a UTF-8 register with coordinates or a region, and a CP949 one", async () => {
    const utf8 =
      "\uFEFFname,ksic_division,employees,lat,lng,region_code\r\n대구정밀,29,45,35.87,128.6,27\r\n부산신발,15,8,,,26\r\n";
    const parsed = parseRegister(new TextEncoder().encode(utf8), register);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.encoding).toBe("utf-8");
    expect(parsed.firms.map((f) => [f.name, f.regionCode, f.coordPrecision, f.pavittClass, f.synthetic])).toEqual([
      ["대구정밀", "27", "address", "specialized_supplier", false],
      ["부산신발", "26", "region", "supplier_dominated", false],
    ]);
    const cp949 = iconv.encode("상호,업종코드,종업원수,시도코드\r\n광주광학,27,30,29\r\n", "cp949");
    const korean = parseRegister(cp949, register);
    expect(korean.ok && korean.encoding).toBe("cp949");
    expect(korean.ok && korean.firms[0]!.name).toBe("광주광학");

    const db = services.database.db;
    const before = await countFirms(db);
    await storeImportedFirms(db, parsed.firms, { replace: false });
    expect(await countFirms(db)).toEqual({ total: before.total + 2, synthetic: before.synthetic });
    if (korean.ok) await storeImportedFirms(db, korean.firms, { replace: true });
    expect(await countFirms(db)).toEqual({ total: before.total + 1, synthetic: before.synthetic });
  });

  it("places a firm by its factory address at the area's centroid, and names an address it cannot place", async () => {
    const geocoder = await services.geocoder();
    const withGeocoder = { ...register, geocode: (query: string) => geocoder.geocode(query) };
    const file = iconv.encode(
      "상호,업종코드,종업원수,공장주소\r\n구미전자,26,40,경상북도 구미시 공단동 123\r\n오송제약,21,60,충청북도 청주시 흥덕구 오송읍 오송생명로 1\r\n",
      "cp949",
    );
    const parsed = parseRegister(file, withGeocoder);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const osong = geocoder.geocode("충청북도 청주시 흥덕구 오송읍");
    expect(parsed.firms.map((f) => [f.name, f.regionCode, f.coordPrecision])).toEqual([
      ["구미전자", "47", "district"],
      ["오송제약", "43", "district"],
    ]);
    expect(osong.ok && [parsed.firms[1]?.lat, parsed.firms[1]?.lng]).toEqual(
      osong.ok && [osong.match.lat, osong.match.lng],
    );

    const bad = parseRegister(
      new TextEncoder().encode(
        "name,ksic_division,employees,address,region_code\n어디,29,5,아틀란티스 해저로 1,\n다른도,29,5,경상북도 구미시,27\n지역만,29,5,아틀란티스,27\n",
      ),
      withGeocoder,
    );
    expect(!bad.ok && bad.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, "address", "address_not_placed"],
      [3, "address", "address_other_region"],
    ]);
  });

  it("reports every bad cell with its row and column, in Korean and English, and yields no firms", () => {
    const bad = [
      "name,ksic_division,employees,lat,lng,region_code",
      "좋은회사,29,10,,,27",
      ",29,10,,,27",
      "업종오류,XX,10,,,27",
      "인원오류,29,-3,,,27",
      "좌표오류,29,5,50.1,128,",
      "지역오류,29,5,,,99",
      "좌표만,29,5,35.8,128.6,",
      "아무것도,29,5,,,",
    ].join("\n");
    const parsed = parseRegister(new TextEncoder().encode(bad), register);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.row, p.field])).toEqual([
      [3, "name"],
      [4, "ksic_division"],
      [5, "employees"],
      [6, "lat"],
      [7, "region_code"],
      [8, "region_code"],
      [9, "region_code"],
    ]);
    for (const problem of parsed.problems) {
      expect(issueMessage(problem, "ko")).toMatch(/[가-힣]/);
      expect(issueMessage(problem, "en")).toMatch(/[a-z]/);
    }
    const missing = parseRegister(new TextEncoder().encode("name,employees\nx,1\n"), register);
    expect(!missing.ok && missing.problems.map((p) => p.field)).toEqual(["ksic_division", "lat/lng/region_code"]);
  });
});
