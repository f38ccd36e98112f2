import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { checkImport } from "~/domain/listing-import";
import { mayActOnRegion } from "~/domain/access";
import type { PolygonGeometry } from "~/domain/geo";
import { toRawFields, validateFacility, validateProgram, type ValidationContext } from "~/domain/listings";

/** A square around Daegu's centre standing in for its boundary. */
const square: PolygonGeometry = {
  type: "Polygon",
  coordinates: [
    [
      [128.4, 35.7],
      [128.8, 35.7],
      [128.8, 36.0],
      [128.4, 36.0],
      [128.4, 35.7],
    ],
  ],
};
const context: ValidationContext = { ksicDivisions: new Set(["26", "58"]), boundary: square };
const facility = {
  external_id: "x-1",
  kind: "business_incubator",
  name_ko: "시험 센터",
  name_en: "Test Center",
  lat: "35.87",
  lng: "128.60",
  coord_precision: "sigungu",
  industries: "26; 58",
  services: "networking",
  url: "https://example.kr/a",
  phone: "+82 53-000-0000",
  address_ko: "",
  location_note: "",
  source: "시험",
};

describe("listing rules", () => {
  it("accepts a valid facility and keeps markup as plain text", () => {
    const result = validateFacility({ ...facility, name_ko: "<script>alert(1)</script> 센터" }, context);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.nameKo).toBe("<script>alert(1)</script> 센터");
      expect(result.value.industries).toEqual(["26", "58"]);
      expect(toRawFields("facility", result.value).industries).toBe("26;58");
    }
  });

  it("refuses points outside Korea, and outside the region when its boundary is loaded", () => {
    const outsideKorea = validateFacility({ ...facility, lat: "40.0" }, context);
    expect(!outsideKorea.ok && outsideKorea.issues).toEqual([{ field: "lat", code: "outside_korea" }]);
    const seoul = validateFacility({ ...facility, lat: "37.56", lng: "126.97" }, context);
    expect(!seoul.ok && seoul.issues).toEqual([{ field: "lat", code: "outside_region" }]);
    expect(validateFacility({ ...facility, lat: "37.56", lng: "126.97" }, { ...context, boundary: null }).ok).toBe(
      true,
    );
  });

  it("allows only http(s) URLs, known codes, bounded text and real dates", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,x", "ftp://example.kr", "not a url"]) {
      const result = validateFacility({ ...facility, url }, context);
      expect(!result.ok && result.issues[0]!.code, url).toBe("url_scheme");
    }
    const codes = validateFacility({ ...facility, kind: "castle", industries: "26;77", services: "magic" }, context);
    expect(!codes.ok && codes.issues.map((p) => p.code)).toEqual(["unknown_value", "unknown_ksic", "unknown_value"]);
    const long = validateFacility({ ...facility, name_en: "x".repeat(201), location_note: "a\u0000b" }, context);
    expect(!long.ok && long.issues.map((p) => p.code)).toEqual(["too_long", "control_chars"]);
    const program = {
      name_ko: "사업",
      name_en: "Program",
      category: "technology",
      source: "시험",
      period_start: "2026-02-30",
    };
    const badDate = validateProgram(program, context);
    expect(!badDate.ok && badDate.issues).toEqual([{ field: "period_start", code: "date_format" }]);
    expect(validateProgram({ ...program, period_start: "2028-02-29" }, context).ok).toBe(true);
  });
});

describe("listing import", () => {
  const header = Object.keys(facility).join(",");
  const line = Object.values(facility).join(",");

  it("names the file line of each bad row, counting quoted line breaks and blank lines", () => {
    const multiline = Object.values({ ...facility, location_note: '"1층\n로비"' }).join(",");
    const bad = line.replace("x-1", "x-3").replace("35.87", "abc");
    const result = checkImport(
      "facility",
      new Uint8Array(Buffer.from([header, multiline, "", bad].join("\n"))),
      context,
    );
    expect(result.rows.map((r) => r.row)).toEqual([3]);
    expect(result.problems).toEqual([{ row: 5, field: "lat", code: "not_a_number" }]);
  });

  it("reports a repeated external id with the line where it first appeared, and refuses a file mixing encodings", () => {
    const repeated = checkImport("facility", new Uint8Array(Buffer.from([header, line, line].join("\n"))), context);
    expect(repeated.problems).toEqual([
      { row: 3, field: "external_id", code: "external_id_repeated", params: { first: 2 } },
    ]);
    const mixed = Buffer.concat([
      Buffer.from(`${header}\n${line}\n`),
      iconv.encode(line.replace("x-1", "x-2"), "cp949"),
    ]);
    const refused = checkImport("facility", new Uint8Array(mixed), context);
    expect(refused.rows).toEqual([]);
    expect(refused.fileProblems).toEqual([{ field: "file", code: "csv_mixed_encoding", params: { rows: "3" } }]);
  });
});

describe("region access", () => {
  it("gives councils their own region only, reviewers and editors different powers, officials reading only", () => {
    const editor = { role: "council_editor" as const, regionCode: "27" };
    const reviewer = { role: "council_reviewer" as const, regionCode: "27" };
    expect([
      mayActOnRegion(editor, "edit", "27"),
      mayActOnRegion(editor, "review", "27"),
      mayActOnRegion(editor, "edit", "11"),
      mayActOnRegion(editor, "view", "11"),
    ]).toEqual([true, false, false, false]);
    expect([
      mayActOnRegion(reviewer, "edit", "27"),
      mayActOnRegion(reviewer, "review", "27"),
      mayActOnRegion(reviewer, "review", "11"),
    ]).toEqual([false, true, false]);
    const official = { role: "official" as const, regionCode: null };
    expect([
      mayActOnRegion(official, "view", "11"),
      mayActOnRegion(official, "edit", "11"),
      mayActOnRegion(official, "review", "11"),
    ]).toEqual([true, false, false]);
    expect(mayActOnRegion({ role: "admin", regionCode: null }, "review", "50")).toBe(true);
  });
});
