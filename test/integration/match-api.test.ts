import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as matchAction } from "~/routes/api.match";
import type { MatchResponse } from "~/match/service.server";
import type { Services } from "~/services.server";
import { createTestServices, databaseLabel, postJson } from "./support";

const DAEGU_SEOGU = { lat: 35.8718, lng: 128.5592 };
const CHANGWON = { lat: 35.2279, lng: 128.6811 };

describe(`POST /api/match on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.close());

  const match = async (body: unknown, path = "/api/match") => {
    const response = await postJson(matchAction, services, path, body);
    return {
      status: response.status,
      body: (await response.json()) as MatchResponse & { errors?: { field: string; message: string }[] },
    };
  };

  it("a 40-person textile dyer in Daegu: supplier-dominated SME, Daegu listings first, every item with reasons in both languages", async () => {
    const { status, body } = await match({
      ksicDivision: "13",
      employees: 40,
      location: DAEGU_SEOGU,
      needs: ["technology"],
    });
    expect(status).toBe(200);
    expect(body.classification).toMatchObject({ pavittClass: "supplier_dominated", sizeBand: "small" });
    expect(body.eligibility.isSme).toBe(true);
    expect(body.firm.regionCode).toBe("27");
    expect(body.centers[0]!.regionCode).toBe("27");
    const scores = body.centers.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of [...body.centers, ...body.programs]) {
      expect(item.reasons.length).toBeGreaterThan(0);
      for (const reason of item.reasons) expect(reason.rule && reason.ko && reason.en).toBeTruthy();
    }
    expect(body.programs.length).toBeGreaterThan(0);
  });

  it("a region stands for its label point", async () => {
    const { body } = await match({ ksicDivision: "29", employees: 120, regionCode: "48" });
    expect(body.firm).toMatchObject({ regionCode: "48", locationBasis: "region_label" });
    expect(body.centers.length).toBeGreaterThan(0);
    expect(body.centers.every((c) => c.distanceKm !== null)).toBe(true);
  });

  it("the factory's address places the firm at its eupmyeondong; an unreadable address falls back to a given region, else is named", async () => {
    const { status, body } = await match({
      ksicDivision: "26",
      employees: 40,
      address: "경상북도 구미시 산동읍 첨단기업1로 17",
    });
    expect(status).toBe(200);
    expect(body.firm).toMatchObject({
      regionCode: "47",
      locationBasis: "address",
      place: { precision: "eupmyeondong", label: { ko: "경상북도 구미시 산동읍" } },
    });
    const fallback = await match({
      ksicDivision: "26",
      employees: 40,
      address: "아틀란티스 해저로 1",
      regionCode: "47",
    });
    expect(fallback.body.firm).toMatchObject({ regionCode: "47", locationBasis: "region_label" });
    const nowhere = await match({ ksicDivision: "26", employees: 40, address: "아틀란티스 해저로 1" });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors?.map((e) => e.field)).toContain("address");
    const elsewhere = await match({
      ksicDivision: "26",
      employees: 40,
      address: "경상북도 구미시 산동읍",
      regionCode: "27",
    });
    expect(elsewhere.body.errors?.map((e) => e.field)).toContain("address");
  });

  it("a 350-person manufacturer with large capital is not an SME: 200, the reasons, and no SME-only programs", async () => {
    const { status, body } = await match({
      ksicDivision: "29",
      employees: 350,
      capitalKrw: 20_000_000_000,
      location: CHANGWON,
    });
    expect(status).toBe(200);
    expect(body.eligibility.isSme).toBe(false);
    expect(body.eligibility.reasons.length).toBeGreaterThan(0);
    const smeOnly = await services.database.db
      .selectFrom("programs")
      .select("id")
      .where("sme_only", "=", true)
      .execute();
    const smeOnlyIds = new Set(smeOnly.map((p) => p.id));
    expect(body.programs.filter((p) => smeOnlyIds.has(p.id))).toEqual([]);
  });

  it.each([
    [{ ksicDivision: "00", employees: 10, regionCode: "11" }, "ksicDivision"],
    [{ ksicDivision: "13", employees: -1, regionCode: "11" }, "employees"],
    [{ ksicDivision: "13", regionCode: "11" }, "employees"],
    [{ ksicDivision: "13", employees: 10, location: { lat: 51.5, lng: -0.1 } }, "location"],
    [{ ksicDivision: "13", employees: 10 }, "location"],
    [{ ksicDivision: "13", employees: 10, regionCode: "99" }, "regionCode"],
    [{ ksicDivision: "13", employees: 10, regionCode: "11", answers: { techSource: "magic" } }, "answers.techSource"],
    [{ ksicDivision: "13", employees: 10, regionCode: "11", certifications: ["iso9001"] }, "certifications"],
  ])("invalid input %j → 400 naming %s", async (body, field) => {
    const { status, body: answer } = await match(body);
    expect(status).toBe(400);
    expect(answer.errors?.map((e) => e.field)).toContain(field);
  });

  it("reports every field error at once, in the requested language", async () => {
    const ko = await match({ ksicDivision: "00", employees: -5 });
    expect(ko.body.errors?.map((e) => e.field).sort()).toEqual(["employees", "ksicDivision", "location"]);
    expect(ko.body.errors?.[0]!.message).toMatch(/[가-힣]/);
    const en = await match({ ksicDivision: "00", employees: 5, regionCode: "11" }, "/api/match?lang=en");
    expect(en.body.errors?.[0]!.message).toBe("Industry (KSIC division): not a KSIC code: 00");
  });

  it("rejects a body that is not JSON", async () => {
    const response = await postJson(matchAction, services, "/api/match", "{ not json");
    expect(response.status).toBe(400);
  });

  it("the same profile always gives the same answer", async () => {
    const profile = {
      ksicDivision: "21",
      employees: 15,
      location: { lat: 36.3741, lng: 127.3604 },
      rnd: { researchers: 6, patents: 3 },
      answers: { techSource: "own_rnd" },
    };
    const first = await match(profile);
    const second = await match(profile);
    const strip = (b: MatchResponse) => ({ ...b, timings: null });
    expect(strip(second.body)).toEqual(strip(first.body));
    expect(first.body.classification.pavittClass).toBe("science_based");
  });
});
