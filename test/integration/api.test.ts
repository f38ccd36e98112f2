import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as facilityLoader } from "~/routes/api.facilities.$id";
import { loader as facilitiesLoader } from "~/routes/api.facilities";
import { loader as programsLoader } from "~/routes/api.programs";
import { loader as regionsLoader } from "~/routes/api.regions";
import { loader as facilityPageLoader } from "~/routes/facilities.$id";
import { loader as healthLoader } from "~/routes/healthz";
import type { Services } from "~/services.server";
import { ALL_REGION_CODES } from "~/domain/programs/regions";
import { readCatalog } from "../../db/seed/catalog";
import { createTestServices, databaseLabel } from "./support";
import { callLoader } from "../../scripts/harness/loader";

const CURATED_FACILITIES = readCatalog(path.resolve("data")).facilities.length;

type Feature = { geometry: { type: string; coordinates: [number, number] }; properties: Record<string, unknown> };

describe(`JSON API on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.close());

  it("GET /api/regions lists the 17 regions by MOIS code with label points", async () => {
    const response = await callLoader(regionsLoader, services, "/api/regions");
    expect(response.status).toBe(200);
    const regions = (await response.json()) as {
      code: string;
      nameKo: string;
      nameEn: string;
      capitalArea: boolean;
      labelPoint: [number, number];
    }[];
    expect(regions.map((r) => r.code).sort()).toEqual(ALL_REGION_CODES);
    const seoul = regions.find((r) => r.code === "11");
    expect(seoul).toMatchObject({ nameKo: "서울특별시", nameEn: "Seoul", capitalArea: true });
    expect(
      regions
        .filter((r) => r.capitalArea)
        .map((r) => r.code)
        .sort(),
    ).toEqual(["11", "28", "41"]);
    for (const r of regions) {
      expect(r.labelPoint[0]).toBeGreaterThan(124);
      expect(r.labelPoint[1]).toBeGreaterThan(33);
    }
  });

  it("GET /api/facilities answers GeoJSON with the documented properties, filtered by kind and region", async () => {
    const all = await callLoader(facilitiesLoader, services, "/api/facilities");
    expect(all.headers.get("content-type")).toMatch(/geo\+json/);
    const collection = (await all.json()) as { type: string; features: Feature[] };
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.length).toBe(CURATED_FACILITIES);
    const daegu = collection.features.find((f) => f.properties.id === "ccei-daegu");
    expect(daegu?.properties).toMatchObject({
      kind: "innovation_center",
      regionCode: "27",
      anchorGroup: { id: "samsung" },
    });
    expect(Object.keys(daegu?.properties ?? {}).sort()).toEqual([
      "address",
      "anchorGroup",
      "id",
      "kind",
      "nameEn",
      "nameKo",
      "phone",
      "precision",
      "regionCode",
      "sectors",
      "subtype",
      "website",
    ]);
    expect(daegu?.properties).toMatchObject({
      subtype: "government_led",
      address: "대구광역시 북구 호암로 51",
      phone: null,
      website: "https://ccei.creativekorea.or.kr/daegu/",
    });
    const daeguTp = collection.features.find((f) => f.properties.id === "tp-daegu");
    expect(daeguTp?.properties).toMatchObject({
      address: "대구광역시 동구 동대구로 475 대구벤처센터 9층",
      precision: "sigungu",
    });

    const centers = (await (
      await callLoader(facilitiesLoader, services, "/api/facilities?kind=innovation_center&region=27")
    ).json()) as { features: Feature[] };
    expect(centers.features.map((f) => f.properties.id)).toEqual(["ccei-daegu"]);
    const twoKinds = (await (
      await callLoader(facilitiesLoader, services, "/api/facilities?kind=techno_park,research_complex")
    ).json()) as { features: Feature[] };
    expect(twoKinds.features.length).toBe(20);
  });

  it("an unknown parameter value is a 400 that names the parameter", async () => {
    for (const [path, parameter] of [
      ["/api/facilities?kind=bogus", "kind"],
      ["/api/facilities?region=99", "region"],
      ["/api/programs?pavittClass=big", "pavittClass"],
      ["/api/programs?region=seoul", "region"],
    ] as const) {
      const response = await callLoader(
        path.startsWith("/api/facilities") ? facilitiesLoader : programsLoader,
        services,
        path,
      );
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(parameter);
    }
  });

  it("GET /api/facilities/:id answers the facility with its programs; an unknown id is 404", async () => {
    const response = await callLoader(facilityLoader, services, "/api/facilities/ccei-daegu", { id: "ccei-daegu" });
    expect(response.status).toBe(200);
    const facility = (await response.json()) as {
      id: string;
      source: string;
      precision: string;
      programs: { id: string }[];
    };
    expect(facility.id).toBe("ccei-daegu");
    expect(facility.source).toBeTruthy();
    expect(facility.precision).toBe("sigungu");
    expect(facility.programs.length).toBeGreaterThan(0);
    expect((await callLoader(facilityLoader, services, "/api/facilities/nope", { id: "nope" })).status).toBe(404);
    expect((await callLoader(facilityPageLoader, services, "/facilities/nope", { id: "nope" })).status).toBe(404);
  });

  it("GET /api/programs returns only programs open in the region and meant for the class", async () => {
    const response = await callLoader(programsLoader, services, "/api/programs?region=27&pavittClass=science_based");
    const programs = (await response.json()) as {
      regionCodes: string[];
      regionScope: string;
      targetPavittClasses: string[];
    }[];
    expect(programs.length).toBeGreaterThan(0);
    for (const p of programs) {
      expect(p.regionScope === "national" || p.regionCodes.includes("27")).toBe(true);
      // No target classes means open to every class.
      if (p.targetPavittClasses.length > 0) expect(p.targetPavittClasses).toContain("science_based");
    }
    expect(programs.some((p) => p.regionScope === "regional")).toBe(true);
    const all = (await (await callLoader(programsLoader, services, "/api/programs")).json()) as unknown[];
    expect(all.length).toBeGreaterThan(programs.length);
  });

  it("GET /healthz reports the database and the search engine", async () => {
    const response = await callLoader(healthLoader, services, "/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      db: "ok",
      search: { engine: "embedded", reachable: true, outbox: { pending: 0 } },
    });
  });
});
