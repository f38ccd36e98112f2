import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCatalog } from "../../db/seed/catalog";
import { parseProvinceBoundaries } from "~/domain/boundaries";
import { matchInputFromSearchParams, parseMatchInput } from "~/match/input";
import { regionOfPoint } from "~/match/region";

const known = { ksicDivisions: new Set(["13", "29", "21"]), regionCodes: new Set(["11", "27", "48"]) };

describe("parseMatchInput", () => {
  it("accepts a full profile and keeps only what was given", () => {
    const result = parseMatchInput(
      {
        ksicDivision: "29",
        employees: 120,
        salesKrw: 3e10,
        location: { lat: 35.2, lng: 128.6 },
        answers: { techSource: "design_and_users" },
        rnd: { researchers: 8 },
        certifications: ["innobiz", "innobiz"],
        needs: ["export"],
      },
      known,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ksicDivision: "29",
        employees: 120,
        salesKrw: 3e10,
        location: { lat: 35.2, lng: 128.6 },
        answers: { techSource: "design_and_users" },
        rnd: { researchers: 8 },
        certifications: ["innobiz"],
        needs: ["export"],
      },
    });
  });

  it.each([
    [[], ""],
    [{ ksicDivision: "29", employees: 2.5, regionCode: "11" }, "employees"],
    [{ ksicDivision: "29", employees: "many", regionCode: "11" }, "employees"],
    [{ ksicDivision: "29", employees: 10, regionCode: "11", capitalKrw: -1 }, "capitalKrw"],
    [{ ksicDivision: "29", employees: 10, regionCode: "11", rnd: { researchers: 11 } }, "rnd.researchers"],
    [{ ksicDivision: "29", employees: 10, location: { lat: true, lng: 128 } }, "location"],
    [{ ksicDivision: "29", employees: 10, regionCode: "11", needs: "export" }, "needs"],
  ])("rejects %j at %s", (raw, field) => {
    const result = parseMatchInput(raw, known);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((e) => e.field)).toContain(field);
  });
});

describe("matchInputFromSearchParams", () => {
  it("reads the form's flat fields, amounts in 억 원", () => {
    const params = new URLSearchParams(
      "ksic=13&employees=40&capitalEok=12.5&region=27&techSource=suppliers&cert=venture&need=technology&need=finance&rndEok=0.5",
    );
    const result = parseMatchInput(matchInputFromSearchParams(params), known);
    expect(result).toEqual({
      ok: true,
      value: {
        ksicDivision: "13",
        employees: 40,
        capitalKrw: 1_250_000_000,
        regionCode: "27",
        answers: { techSource: "suppliers" },
        rnd: { rndSpendKrw: 50_000_000 },
        certifications: ["venture"],
        needs: ["technology", "finance"],
      },
    });
  });
});

describe("regionOfPoint", () => {
  const regions = [
    { code: "27", labelPoint: { lat: 35.83, lng: 128.57 } },
    { code: "48", labelPoint: { lat: 35.32, lng: 128.26 } },
  ];
  it("uses the nearest label point when no boundaries are loaded", () => {
    expect(regionOfPoint({ lat: 35.23, lng: 128.68 }, regions, [])).toEqual({
      regionCode: "48",
      basis: "nearest_label",
    });
  });
  it("uses the boundaries when they are loaded, and refuses a point far out at sea", () => {
    const file = JSON.parse(fs.readFileSync(path.resolve("data/boundaries/korea.topo.json"), "utf8")) as unknown;
    const codes = readCatalog(path.resolve("data")).regions.map((r) => ({
      code: r.code,
      kostatCode: r.kostat_code,
      nameKo: r.name_ko,
      nameEn: r.name_en,
    }));
    const parsed = parseProvinceBoundaries(file, codes);
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const boundaries = parsed.boundaries.map((b) => ({ regionCode: b.regionCode, geometry: b.geometry }));
    expect(regionOfPoint({ lat: 35.2279, lng: 128.6811 }, regions, boundaries)).toEqual({
      regionCode: "48",
      basis: "boundary",
    });
    expect(regionOfPoint({ lat: 35.8714, lng: 128.6014 }, regions, boundaries)).toEqual({
      regionCode: "27",
      basis: "boundary",
    });
    expect(regionOfPoint({ lat: 34.0, lng: 131.0 }, regions, boundaries)).toEqual({
      regionCode: null,
      basis: "outside",
    });
  });
});
