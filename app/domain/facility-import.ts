/**
 * Reading outside facility lists: KICOX's 전국산업단지현황통계 (industrial
 * complexes) and the data.go.kr list of business incubators. Every row is
 * placed by the geocoder at the centroid of the area it names, never at an
 * invented point. Pure: text and a geocoder in, facilities and a per-row
 * report out; the caller stores them only when the report has no problem.
 */
import type { GeocodeMatch, Geocoder } from "./geocode";
import type { CoordPrecision, FacilityKind } from "./types";
import { required } from "../required";

export const FACILITY_IMPORT_SOURCES = ["kicox", "incubators"] as const;
export type FacilityImportSource = (typeof FACILITY_IMPORT_SOURCES)[number];

export interface ImportedFacility {
  externalId: string;
  kind: FacilityKind;
  subtype: string | null;
  nameKo: string;
  regionCode: string;
  lat: number;
  lng: number;
  precision: CoordPrecision;
  areaCode: string;
  address: string | null;
  phone: string | null;
  website: string | null;
  figures: Record<string, number | string>;
  row: number;
}

export interface ImportProblem {
  row: number;
  column: string;
  ko: string;
  en: string;
}

export interface FacilityImportResult {
  facilities: ImportedFacility[];
  problems: ImportProblem[];
  /** Rows read but not imported, and why (subtotals, parts of a complex counted in its group row). */
  skipped: { row: number; ko: string; en: string }[];
}

/** KICOX's four types of complex (data.go.kr 15085874) and the subtypes they become. */
const COMPLEX_TYPES: Record<string, string> = {
  국가: "national",
  일반: "general",
  도시첨단: "urban_high_tech",
  농공: "agro",
};
/** The columns of the statistics file; the industrial-zone columns may carry the prefix 산업시설구역. */
const KICOX_COLUMNS = [
  "유형",
  "시도",
  "시군",
  "단지명",
  "조성상태",
  "지정면적",
  "관리면적",
  "분양",
  "미분양",
  "분양률",
  "입주업체",
  "가동업체",
];
const INCUBATOR_COLUMNS = ["센터명", "운영기관", "시도", "주소", "전화번호", "홈페이지"];
const NUMERIC = new Set(["지정면적", "관리면적", "분양", "미분양", "분양률", "입주업체", "가동업체"]);

/** `반월특수(①)`, `반월특수(② )`, `반월특수(① + ②)`: the base name and whether the row is a group total. */
function groupOf(name: string): { base: string; part: boolean; total: boolean } {
  const match = /^(.*?)\s*\(\s*([①-⑳](?:\s*\+\s*[①-⑳])*)\s*\)\s*$/.exec(name);
  if (!match) return { base: name, part: false, total: false };
  const total = required(match[2], "the part numbers of a complex name").includes("+");
  return { base: required(match[1], "the base of a complex name").trim(), part: !total, total };
}

/** Where a placed row stands: its area's centroid, under the finest area code the geocoder named. */
function placement(
  match: GeocodeMatch,
): Pick<ImportedFacility, "regionCode" | "lat" | "lng" | "precision" | "areaCode"> {
  return {
    regionCode: match.regionCode,
    lat: match.lat,
    lng: match.lng,
    precision: match.precision,
    areaCode:
      match.eupmyeondong?.code ?? (match.sigungu ? `${match.sigungu.code}00000` : `${match.regionCode}00000000`),
  };
}

function columnValue(values: Record<string, string>, column: string): string {
  const entry = Object.entries(values).find(
    ([k]) => k.replace(/\s+/g, "") === column || k.replace(/\s+/g, "") === `산업시설구역${column}`,
  );
  return (entry ? entry[1] : "").trim();
}

export function readFacilityRows(
  source: FacilityImportSource,
  header: string[],
  rows: { row: number; values: Record<string, string> }[],
  geocoder: Geocoder,
): FacilityImportResult {
  const problems: ImportProblem[] = [];
  const skipped: FacilityImportResult["skipped"] = [];
  const facilities: ImportedFacility[] = [];
  const wanted = source === "kicox" ? KICOX_COLUMNS : INCUBATOR_COLUMNS;
  const compactHeader = header.map((h) => h.replace(/\s+/g, "").replace(/^산업시설구역/, ""));
  const missing = wanted.filter((c) => !compactHeader.includes(c));
  if (missing.length > 0)
    return {
      facilities,
      skipped,
      problems: [
        {
          row: 1,
          column: missing.join(", "),
          ko: `열이 없습니다: ${missing.join(", ")}`,
          en: `missing column(s): ${missing.join(", ")}`,
        },
      ],
    };

  const place = (row: number, column: string, text: string) => {
    const result = geocoder.geocode(text);
    if (!result.ok) {
      problems.push({ row, column, ko: `"${text}"에서 지역을 찾지 못했습니다.`, en: `no area found in "${text}"` });
      return null;
    }
    return result.match;
  };

  const seen = new Set<string>();
  /** A second row for the same facility is a problem; the first one stands. */
  const noteRepeat = (externalId: string, problem: ImportProblem) => {
    if (seen.has(externalId)) problems.push(problem);
    seen.add(externalId);
  };

  if (source === "kicox") {
    const groupsWithTotal = new Set(
      rows
        .map((r) => groupOf(columnValue(r.values, "단지명")))
        .filter((g) => g.total)
        .map((g) => g.base),
    );
    for (const { row, values } of rows) {
      const name = columnValue(values, "단지명");
      const type = columnValue(values, "유형");
      if (name === "" || /^(합계|소계|계|총계)$/.test(name) || /^(합계|소계|계|총계)$/.test(type)) {
        skipped.push({ row, ko: "합계 행이라 건너뜁니다.", en: "a total row, skipped" });
        continue;
      }
      const group = groupOf(name);
      if (group.part && groupsWithTotal.has(group.base)) {
        skipped.push({
          row,
          ko: `${group.base}의 일부로, 합계 행에 이미 들어 있습니다.`,
          en: `part of ${group.base}, already counted in its group row`,
        });
        continue;
      }
      const subtype = COMPLEX_TYPES[type.replace(/산업단지|단지/g, "")];
      if (!subtype)
        problems.push({ row, column: "유형", ko: `알 수 없는 유형입니다: ${type}`, en: `unknown type: ${type}` });
      const figures: Record<string, number | string> = { status: columnValue(values, "조성상태") };
      for (const column of KICOX_COLUMNS.filter((c) => NUMERIC.has(c))) {
        const raw = columnValue(values, column).replace(/[,%\s]/g, "");
        if (raw === "" || raw === "-") continue;
        const value = Number(raw);
        if (!Number.isFinite(value) || value < 0)
          problems.push({
            row,
            column,
            ko: `숫자가 아닙니다: ${columnValue(values, column)}`,
            en: `not a number: ${columnValue(values, column)}`,
          });
        else figures[column] = value;
      }
      const province = columnValue(values, "시도");
      const city = (columnValue(values, "시군").split(/[,·]/)[0] ?? "").trim();
      const placed = place(row, "시군", `${province} ${city}`);
      // A complex is placed at its 시군구: a row whose 시군 is not understood is a problem, not a province point.
      if (placed && placed.precision === "region")
        problems.push({
          row,
          column: "시군",
          ko: `"${province} ${city}"에서 시·군·구를 찾지 못했습니다.`,
          en: `no city, county or district found in "${province} ${city}"`,
        });
      const match = placed && placed.precision !== "region" ? placed : null;
      const displayName = group.total ? group.base : name;
      const externalId = `kicox:${type}:${province}:${displayName}`;
      noteRepeat(externalId, {
        row,
        column: "단지명",
        ko: `같은 단지가 두 번 나옵니다: ${displayName}`,
        en: `the same complex appears twice: ${displayName}`,
      });
      if (!match || !subtype) continue;
      facilities.push({
        externalId,
        kind: "industrial_complex",
        subtype,
        nameKo: displayName.endsWith("단지")
          ? displayName
          : `${displayName} ${type === "농공" ? "농공단지" : "산업단지"}`,
        ...placement(match),
        address: null,
        phone: null,
        website: null,
        figures,
        row,
      });
    }
  } else {
    for (const { row, values } of rows) {
      const name = columnValue(values, "센터명");
      const address = columnValue(values, "주소");
      const province = columnValue(values, "시도");
      if (name === "") {
        problems.push({ row, column: "센터명", ko: "센터명이 비어 있습니다.", en: "the centre's name is empty" });
        continue;
      }
      const match = place(
        row,
        "주소",
        address === "" ? province : /^\S+(도|시)\s/.test(address) ? address : `${province} ${address}`,
      );
      const phone = columnValue(values, "전화번호") || null;
      if (phone !== null && !/^[0-9+()\- .~]+$/.test(phone))
        problems.push({
          row,
          column: "전화번호",
          ko: `전화번호가 아닙니다: ${phone}`,
          en: `not a phone number: ${phone}`,
        });
      const homepage = columnValue(values, "홈페이지");
      const website = homepage === "" ? null : /^https?:\/\//i.test(homepage) ? homepage : `http://${homepage}`;
      if (website !== null && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website))
        problems.push({
          row,
          column: "홈페이지",
          ko: `웹 주소가 아닙니다: ${homepage}`,
          en: `not a web address: ${homepage}`,
        });
      const externalId = `incubator:${province}:${name}`;
      noteRepeat(externalId, {
        row,
        column: "센터명",
        ko: `같은 센터가 두 번 나옵니다: ${name}`,
        en: `the same centre appears twice: ${name}`,
      });
      if (!match) continue;
      facilities.push({
        externalId,
        kind: "business_incubator",
        subtype: null,
        nameKo: name,
        ...placement(match),
        address: address || null,
        phone,
        website,
        figures: { operator: columnValue(values, "운영기관") },
        row,
      });
    }
  }
  return { facilities: problems.length > 0 ? [] : facilities, problems, skipped };
}
