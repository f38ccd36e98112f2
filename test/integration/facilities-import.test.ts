import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFacilityFile } from "~/facilities/import.server";
import { loader as facilitiesLoader } from "~/routes/api.facilities";
import { loader as geocodeLoader } from "~/routes/api.geocode";
import type { Services } from "~/services.server";
import { createTestServices, databaseLabel } from "./support";
import { callLoader } from "../../scripts/harness/loader";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve("test/fixtures/facilities", name)));

describe(`facility importers and the geocoder API on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.close());

  const count = async () =>
    Number(
      (
        await services.database.db
          .selectFrom("facilities")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("GET /api/geocode answers the Contract, 404 for no area and 400 for an empty or overlong query", async () => {
    const ok = await callLoader(geocodeLoader, services, `/api/geocode?q=${encodeURIComponent("인천 남구 주안1동")}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      regionCode: "28",
      sigungu: { code: "28177", nameKo: "미추홀구", nameEn: expect.any(String) },
      eupmyeondong: { nameKo: "주안1동" },
      precision: "eupmyeondong",
      lat: expect.any(Number),
      lng: expect.any(Number),
    });
    const none = await callLoader(geocodeLoader, services, `/api/geocode?q=${encodeURIComponent("아틀란티스")}`);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({
      errors: [{ field: "q", code: "area_unknown", message: expect.any(String) }],
    });
    expect((await callLoader(geocodeLoader, services, "/api/geocode?q=%20")).status).toBe(400);
    expect((await callLoader(geocodeLoader, services, `/api/geocode?q=${"가".repeat(201)}`)).status).toBe(400);
  });

  it("a KICOX file with one bad row stores nothing and reports row, column and message in both languages", async () => {
    const before = await count();
    const outcome = await importFacilityFile(
      services.database.db,
      await services.geocoder(),
      "kicox",
      fixture("kicox-synthetic-bad.csv"),
      "bad.csv",
    );
    expect(outcome.written).toBeNull();
    expect(outcome.problems.map((p) => [p.row, p.column])).toEqual(
      expect.arrayContaining([
        [4, "시군"],
        [4, "입주업체"],
        [5, "유형"],
      ]),
    );
    for (const p of outcome.problems) expect(p.ko && p.en).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it("a CP949 KICOX file places every complex at its sigungu centroid and counts a complex in parts once", async () => {
    const before = await count();
    const outcome = await importFacilityFile(
      services.database.db,
      await services.geocoder(),
      "kicox",
      fixture("kicox-synthetic.cp949.csv"),
      "kicox.csv",
    );
    expect(outcome.encoding).toBe("cp949");
    expect(outcome.problems).toEqual([]);
    expect(outcome.facilities.map((f) => f.nameKo)).toEqual([
      "합성반월 산업단지",
      "합성테크노 산업단지",
      "합성도시첨단 산업단지",
      "합성농공 농공단지",
      "합성춘천 산업단지",
    ]);
    expect(outcome.skipped).toHaveLength(3);
    const banwol = outcome.facilities[0];
    expect(banwol).toMatchObject({
      subtype: "national",
      precision: "sigungu",
      figures: { 입주업체: 180, 가동업체: 165 },
    });
    expect(outcome.facilities.find((f) => f.nameKo.startsWith("합성농공"))).toMatchObject({
      regionCode: "27",
      areaCode: "2772000000",
      subtype: "agro",
    });
    expect(outcome.facilities.find((f) => f.nameKo.startsWith("합성도시첨단"))).toMatchObject({
      areaCode: "2817700000",
      subtype: "urban_high_tech",
    });
    expect(outcome.written).toEqual({ inserted: 5, updated: 0, kept: 0 });
    expect(await count()).toBe(before + 5);

    const again = await importFacilityFile(
      services.database.db,
      await services.geocoder(),
      "kicox",
      fixture("kicox-synthetic.cp949.csv"),
      "kicox.csv",
    );
    expect(again.written).toEqual({ inserted: 0, updated: 5, kept: 0 });
    expect(await count()).toBe(before + 5);

    const features = (await (
      await callLoader(facilitiesLoader, services, "/api/facilities?kind=industrial_complex&region=27")
    ).json()) as { features: { properties: Record<string, unknown> }[] };
    const agro = features.features.find((f) => f.properties.nameKo === "합성농공 농공단지");
    expect(agro?.properties).toMatchObject({
      subtype: "agro",
      address: null,
      phone: null,
      website: null,
      precision: "sigungu",
    });
  });

  it("an EUC-KR incubator list places each centre from its address, at its eupmyeondong when the address names one", async () => {
    const outcome = await importFacilityFile(
      services.database.db,
      await services.geocoder(),
      "incubators",
      fixture("incubators-synthetic.euc-kr.csv"),
      "incubators.csv",
    );
    expect(outcome.problems).toEqual([]);
    expect(outcome.facilities.map((f) => [f.nameKo, f.precision, f.regionCode])).toEqual([
      ["합성대학교 창업보육센터", "eupmyeondong", "27"],
      ["합성테크 창업보육센터", "eupmyeondong", "41"],
      ["합성군 창업보육센터", "eupmyeondong", "52"],
    ]);
    expect(outcome.facilities[0]).toMatchObject({ phone: "053-000-0001", website: "http://www.example.ac.kr" });
    const features = (await (
      await callLoader(facilitiesLoader, services, "/api/facilities?kind=business_incubator")
    ).json()) as { features: { properties: Record<string, unknown> }[] };
    expect(features.features.map((f) => f.properties.address)).toContain("경기도 성남시 분당구 삼평동 681");
  });
});
