import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as searchLoader } from "~/routes/api.search";
import type { SearchResponse } from "~/search/request.server";
import type { Services } from "~/services.server";
import { readCatalog } from "../../db/seed/catalog";
import { createTestServices, databaseLabel } from "./support";
import { callLoader } from "../../scripts/harness/loader";

const CURATED_FACILITIES = readCatalog(path.resolve("data")).facilities.length;

describe(`GET /api/search on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.close());

  const search = async (query: string) => {
    const response = await callLoader(searchLoader, services, `/api/search?${query}`);
    return {
      status: response.status,
      body: (await response.json()) as SearchResponse & { errors?: { field: string; message: string }[] },
    };
  };

  it("answers a Korean two-word search with every hit in the place named", async () => {
    const { status, body } = await search(`q=${encodeURIComponent("대구 섬유")}`);
    expect(status).toBe(200);
    expect(body.engine).toBe("embedded");
    expect(body.total).toBeGreaterThan(0);
    for (const hit of body.hits.filter((h) => h.type === "facility")) expect(hit.regionCode).toBe("27");
    expect(Object.keys(body.hits[0]!).sort()).toEqual(
      expect.arrayContaining(["id", "kind", "nameEn", "nameKo", "regionCode", "type"]),
    );
  });

  it("tolerates a particle and a typo", async () => {
    const particle = await search(`q=${encodeURIComponent("대구에서")}&type=facility`);
    const plain = await search(`q=${encodeURIComponent("대구")}&type=facility`);
    expect(particle.body.hits.map((h) => h.id)).toEqual(plain.body.hits.map((h) => h.id));
    const typo = await search("q=Changwn&type=facility");
    expect(typo.body.hits.map((h) => h.id)).toContain("nic-changwon");
  });

  it("filters by kind and region and counts facets over the whole result", async () => {
    const { body } = await search("kind=techno_park&region=48");
    expect(body.hits.map((h) => h.id)).toEqual(["tp-gyeongnam"]);
    const all = await search("type=facility&limit=1");
    expect(all.body.total).toBe(CURATED_FACILITIES);
    expect(all.body.facets.kind).toMatchObject({ innovation_center: 19, techno_park: 19, research_complex: 1 });
    expect(Object.values(all.body.facets.regionCode!).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
      CURATED_FACILITIES,
    );
  });

  it("with near and no text, sorts by distance and gives distances", async () => {
    const changwon = "35.2279,128.6811";
    const { body } = await search(`near=${changwon}&radiusKm=40&type=facility`);
    expect(body.total).toBeGreaterThan(0);
    const distances = body.hits.map((h) => h.distanceKm ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d <= 40)).toBe(true);
    expect(body.hits.map((h) => h.id)).toContain("nic-changwon");
  });

  it.each([
    ["kind=bogus", "kind"],
    ["type=people", "type"],
    ["region=99", "region"],
    ["sector=00", "sector"],
    ["pavittClass=huge", "pavittClass"],
    ["near=51.5,-0.12", "near"],
    ["near=abc", "near"],
    ["near=35.2,128.6&radiusKm=-3", "radiusKm"],
    ["radiusKm=10", "radiusKm"],
    ["limit=101", "limit"],
    ["limit=2.5", "limit"],
    ["offset=-1", "offset"],
  ])("%s → 400 naming %s", async (query, parameter) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.field).toBe(parameter);
  });

  it("cuts a very long query instead of failing", async () => {
    const { status } = await search(`q=${encodeURIComponent("대구 ".repeat(5_000))}`);
    expect(status).toBe(200);
  });
});

describe(`place phrases in /api/search on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.close());

  it("technopark near Changwon searches technoparks around Changwon, nearest first", async () => {
    const response = await callLoader(
      searchLoader,
      services,
      `/api/search?q=${encodeURIComponent("technopark near Changwon")}&type=facility`,
    );
    const body = (await response.json()) as SearchResponse;
    expect(body.place).toMatchObject({ nameEn: "Changwon", radiusKm: 30 });
    expect(body.hits[0]!.id).toBe("tp-gyeongnam");
    expect(body.hits.every((h) => h.kind === "techno_park" && (h.distanceKm ?? 99) <= 30)).toBe(true);
  });

  it("대구 근처 섬유 searches around Daegu's label point", async () => {
    const response = await callLoader(searchLoader, services, `/api/search?q=${encodeURIComponent("대구 근처 섬유")}`);
    const body = (await response.json()) as SearchResponse;
    expect(body.place?.nameEn).toBe("Daegu");
    expect(body.total).toBeGreaterThan(0);
  });

  it("an unknown place leaves the words as typed", async () => {
    const response = await callLoader(searchLoader, services, `/api/search?q=${encodeURIComponent("made in Narnia")}`);
    const body = (await response.json()) as SearchResponse;
    expect(body.place).toBeUndefined();
    // The words stay words: what holds "in" is found, and the words nothing holds are named.
    expect(body.unmatchedTerms.map((word) => word.toLowerCase())).toEqual(["made", "narnia"]);
  });
});
