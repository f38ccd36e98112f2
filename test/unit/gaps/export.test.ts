import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { figuresOf } from "~/domain/gaps/figures";
import { gapReportCsv, type GapNames } from "~/gaps/export";
import type { GapReport } from "~/gaps/report.server";
import { translator, type Lang } from "~/i18n";

const report: GapReport = {
  radiusKm: 30,
  generatedAt: "2026-12-01T00:00:00.000Z",
  population: { total: 15, synthetic: 15 },
  filters: { pavittClass: null, sector: null, regionCode: null },
  rows: [
    {
      regionCode: "27",
      pavittClass: "supplier_dominated",
      sector: "13",
      ...figuresOf(
        [
          { regionCode: "27", pavittClass: "supplier_dominated", nearestKm: 12, firms: 8 },
          { regionCode: "27", pavittClass: "supplier_dominated", nearestKm: 80, firms: 4 },
        ],
        2,
        30,
      ),
    },
    {
      regionCode: "47",
      pavittClass: "science_based",
      sector: "21",
      ...figuresOf([{ regionCode: "47", pavittClass: "science_based", nearestKm: 50, firms: 3 }], 0, 30),
    },
  ],
  areas: [
    { area: "capital", ...figuresOf([], 0, 30) },
    {
      area: "rest",
      ...figuresOf([{ regionCode: "27", pavittClass: "supplier_dominated", nearestKm: 12, firms: 12 }], 2, 30),
    },
  ],
  hotspots: [{ h3: "8630e1ca7ffffff", smes: 4, nearestKm: 80 }],
};

const names = (lang: Lang): GapNames => ({
  t: translator(lang),
  region: (code) =>
    ({ "27": lang === "ko" ? "대구" : "Daegu", "47": lang === "ko" ? "경북" : "Gyeongbuk" })[code] ?? code,
  division: (code) =>
    ({
      "13": lang === "ko" ? "섬유제품 제조업" : "Textiles",
      "21": lang === "ko" ? "의약품 제조업" : "Pharmaceuticals",
    })[code] ?? code,
});

const table = (csv: string) => parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: false }) as string[][];

describe("gap exports", () => {
  it("write one table per file with headers in the chosen language and names beside the codes", () => {
    const [header, daegu, gyeongbuk] = table(gapReportCsv(report, "rows", names("ko")));
    expect(header?.slice(0, 6)).toEqual(["시도 코드", "시·도", "유형 코드", "기업 유형", "업종 코드", "업종"]);
    expect(daegu?.slice(0, 6)).toEqual([
      "27",
      "대구",
      "supplier_dominated",
      translator("ko").label("pavittClass", "supplier_dominated"),
      "13",
      "섬유제품 제조업",
    ]);
    expect(gyeongbuk?.[1]).toBe("경북");
    const [english] = table(gapReportCsv(report, "rows", names("en")));
    expect(english?.slice(0, 2)).toEqual(["Region code", translator("en")("gapsRegion")]);
  });

  it("show a rate only for 10 firms or more, as the page does", () => {
    const [header, daegu, gyeongbuk] = table(gapReportCsv(report, "rows", names("en")));
    const column = (name: string) => header?.indexOf(name) ?? -1;
    expect(daegu?.[column("Coverage")]).toBe("0.6667");
    expect(daegu?.[column("Gap")]).toBe("4");
    expect(gyeongbuk?.[column("Coverage")]).toBe("—");
    expect(gyeongbuk?.[column("Facilities per 1,000")]).toBe("—");
  });

  it("compare the capital area with the rest, and list hotspots, each in its own file", () => {
    const areas = table(gapReportCsv(report, "areas", names("ko")));
    expect(areas.map((row) => row[0])).toEqual(["권역", "수도권", "비수도권"]);
    const spots = table(gapReportCsv(report, "hotspots", names("en")));
    expect(spots).toEqual([
      ["H3 cell", "Firms", "Nearest facility (km)"],
      ["8630e1ca7ffffff", "4", "80"],
    ]);
  });
});
