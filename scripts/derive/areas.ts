import { isPointInGeometry, type PolygonGeometry } from "../../app/domain/geo";
import { required } from "../../app/required";
import { utmkToWgs84 } from "./projection";

/** One row of the KOSTAT-derived centroid table (`admdongkor_centroids_UTMK.tsv`). */
export interface CentroidRow {
  code: string;
  fullName: string;
  x: number;
  y: number;
}

/** A 2018 KOSTAT sigungu polygon with the properties the derivation reads. */
export interface KostatSigungu {
  codeKostat: string;
  nameKo: string;
  nameKoCurrent: string;
  nameEn: string;
  /** KOSTAT province code today (Gunwi-gun: Daegu). */
  sidoKostatCurrent: string;
  geometry: PolygonGeometry;
}

export interface RegionRef {
  code: string;
  kostatCode: string;
  nameKo: string;
  nameEn: string;
  /** Earlier MOIS code, for Gangwon (42) and Jeonbuk (45). */
  previousCode: string | null;
}

export type AreaLevel = "region" | "sigungu" | "eupmyeondong";

/** A row of data/areas.csv. */
export interface AreaRecord {
  code: string;
  level: AreaLevel;
  regionCode: string;
  sigunguCode: string;
  nameKo: string;
  fullNameKo: string;
  nameEn: string;
  lat: number;
  lng: number;
  current: boolean;
  /** For a defunct area: the current areas that took it over. */
  successors: string[];
  /** KOSTAT 2018 sigungu code, for the current sigungu drawn in the boundary file. */
  kostatCode: string;
  source: string;
}

export const CENTROID_SOURCE = "admdongkor@20dca68f";
const DERIVED_CITY_SOURCE = "gu-polygons-centroid";

/** Jeju's MOIS province code before the special self-governing province (2006). */
const OLD_REGION_CODES: Record<string, string> = { "49": "50" };

/** English names of the 2018 file that drop their city. */
const ENGLISH_FIXES: Record<string, string> = { "37011": "Pohang-si Nam-gu", "37012": "Pohang-si Buk-gu" };

export function parseCentroids(tsv: string): CentroidRow[] {
  const lines = tsv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  const header = (lines[0] ?? "").split("\t");
  const at = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`centroid table: column ${name} is missing`);
    return index;
  };
  const [code, name, x, y] = [at("ADMCD"), at("ADMNM"), at("X"), at("Y")];
  return lines.slice(1).map((line, i) => {
    const cells = line.split("\t");
    const row = {
      code: cells[code] ?? "",
      fullName: required(cells[name], `centroid table line ${i + 2}: the name`).trim(),
      x: Number(cells[x]),
      y: Number(cells[y]),
    };
    if (!/^\d{10}$/.test(row.code) || !Number.isFinite(row.x) || !Number.isFinite(row.y))
      throw new Error(`centroid table line ${i + 2}: cannot read ${line}`);
    return row;
  });
}

const levelOf = (code: string): AreaLevel =>
  code.slice(2) === "00000000" ? "region" : code.slice(5) === "00000" ? "sigungu" : "eupmyeondong";
const compact = (name: string) => name.replace(/\s+/g, "");
const round = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * Builds the area table: every centroid converted to WGS84, each region,
 * sigungu and eupmyeondong marked current or defunct, and each defunct one
 * pointed at the current areas that took it over (found by where its
 * centroids fall in today's sigungu polygons). Cities whose only rows are
 * their gu get a row of their own, at the area-weighted centroid of the gu.
 */
export function deriveAreas(
  rows: CentroidRow[],
  sigungu: KostatSigungu[],
  regions: RegionRef[],
): { areas: AreaRecord[]; problems: string[] } {
  const problems: string[] = [];
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const successorRegion = (code: string) =>
    regionByCode.has(code)
      ? code
      : (regions.find((r) => r.previousCode === code)?.code ?? OLD_REGION_CODES[code] ?? null);
  const kostatToMois = new Map(regions.map((r) => [r.kostatCode, r.code]));

  // A province whose code changed after the table was made (Jeonbuk, 45 → 52 on 2024-01-18) gets its rows under the new code.
  const recoded = new Set<string>();
  const allRows = [...rows];
  for (const region of regions) {
    if (!region.previousCode || rows.some((row) => row.code.startsWith(region.code))) continue;
    for (const row of rows.filter((r) => r.code.startsWith(region.previousCode!))) {
      const code = `${region.code}${row.code.slice(2)}`;
      recoded.add(code);
      allRows.push({ ...row, code, fullName: [region.nameKo, ...row.fullName.split(/\s+/).slice(1)].join(" ") });
    }
  }

  // Branch offices (출장소, 지소) are listed beside the areas they serve but are not areas.
  const base = allRows
    .filter((row) => !/(출장소|지소|분소)$/.test(row.fullName))
    .map((row) => {
      const level = levelOf(row.code);
      const parts = row.fullName.split(/\s+/);
      const point = utmkToWgs84(row.x, row.y);
      const first = parts[0] ?? "";
      const nameKo =
        level === "region" ? first : level === "sigungu" ? parts.slice(1).join(" ") || first : (parts.at(-1) ?? "");
      return {
        row,
        level,
        nameKo,
        lat: round(point.lat),
        lng: round(point.lng),
        sigunguName: level === "eupmyeondong" ? parts.slice(1, -1).join(" ") || first : nameKo,
      };
    });

  // Current sigungu: the ones drawn in the 2018 KOSTAT polygons, under today's province and name.
  const sigunguRows = base.filter((b) => b.level === "sigungu");
  const kostatOf = new Map<string, KostatSigungu>();
  for (const feature of sigungu) {
    const regionCode = kostatToMois.get(feature.sidoKostatCurrent);
    if (!regionCode) {
      problems.push(`sigungu ${feature.codeKostat}: unknown province ${feature.sidoKostatCurrent}`);
      continue;
    }
    const wanted =
      feature.nameKo === "세종시" ? compact(regionByCode.get(regionCode)!.nameKo) : compact(feature.nameKoCurrent);
    const matches = sigunguRows.filter((b) => b.row.code.startsWith(regionCode) && compact(b.nameKo) === wanted);
    const [match] = matches;
    if (matches.length !== 1 || match === undefined) {
      problems.push(
        `sigungu ${feature.codeKostat} ${feature.nameKoCurrent}: ${matches.length} centroid rows match in region ${regionCode}`,
      );
      continue;
    }
    kostatOf.set(match.row.code.slice(0, 5), feature);
  }
  const leafSigungu = new Set(kostatOf.keys());
  const cityOf = (code5: string) => `${code5.slice(0, 4)}0`;
  // Gu of a city carry the city's name first (수원시 장안구); 미추홀구 is a gu of no city.
  const nameOfLeaf = new Map(
    sigunguRows.filter((b) => leafSigungu.has(b.row.code.slice(0, 5))).map((b) => [b.row.code.slice(0, 5), b.nameKo]),
  );
  const citiesWithGu = new Set(
    [...leafSigungu].filter((code) => nameOfLeaf.get(code)!.split(" ").length === 2).map(cityOf),
  );
  const currentSigungu = new Set([...leafSigungu, ...citiesWithGu]);

  const containing = (lat: number, lng: number): string | null => {
    for (const [code, feature] of kostatOf) if (isPointInGeometry({ lat, lng }, feature.geometry)) return code;
    return null;
  };

  const areas: AreaRecord[] = base.map((b) => {
    const code = b.row.code;
    const sigunguCode = b.level === "region" ? "" : code.slice(0, 5);
    const regionNow = successorRegion(code.slice(0, 2));
    const current = b.level === "region" ? regionByCode.has(code.slice(0, 2)) : currentSigungu.has(sigunguCode);
    const feature = b.level === "sigungu" ? kostatOf.get(sigunguCode) : undefined;
    return {
      code,
      level: b.level,
      regionCode: current ? code.slice(0, 2) : (regionNow ?? code.slice(0, 2)),
      sigunguCode,
      nameKo: b.nameKo,
      fullNameKo: b.row.fullName,
      nameEn:
        b.level === "region"
          ? (regionByCode.get(code.slice(0, 2))?.nameEn ?? "")
          : feature
            ? (ENGLISH_FIXES[feature.codeKostat] ?? feature.nameEn)
            : "",
      lat: b.lat,
      lng: b.lng,
      current,
      successors: [],
      kostatCode: feature?.codeKostat ?? "",
      source: recoded.has(code)
        ? `${CENTROID_SOURCE};recoded-${regions.find((r) => r.code === code.slice(0, 2))?.previousCode}`
        : CENTROID_SOURCE,
    };
  });

  // Cities with gu whose own row is missing get one, at the gu polygons' area-weighted centroid.
  const present = new Set(areas.filter((a) => a.level === "sigungu").map((a) => a.sigunguCode));
  for (const city of citiesWithGu) {
    const gu = areas.filter(
      (a) => a.level === "sigungu" && a.current && a.sigunguCode !== city && cityOf(a.sigunguCode) === city,
    );
    const firstGu = required(gu[0], `the first gu of city ${city}`);
    const cityName = firstGu.nameKo.split(" ")[0] ?? "";
    const englishCity = firstGu.nameEn.split(" ")[0] ?? "";
    if (present.has(city)) {
      const row = areas.find((a) => a.level === "sigungu" && a.sigunguCode === city)!;
      row.nameEn = englishCity;
      continue;
    }
    const centre = weightedCentroid(gu.map((g) => kostatOf.get(g.sigunguCode)!.geometry));
    const regionCode = firstGu.regionCode;
    areas.push({
      code: `${city}00000`,
      level: "sigungu",
      regionCode,
      sigunguCode: city,
      nameKo: cityName,
      fullNameKo: `${regionByCode.get(regionCode)!.nameKo} ${cityName}`,
      nameEn: englishCity,
      lat: round(centre.lat),
      lng: round(centre.lng),
      current: true,
      successors: [],
      kostatCode: "",
      source: DERIVED_CITY_SOURCE,
    });
  }

  // A dong that moved to another gu keeps its old code in the table: it is defunct where
  // its centroid lies in another current sigungu that has a dong of the same name.
  const currentDongs = new Map<string, AreaRecord[]>();
  for (const a of areas)
    if (a.level === "eupmyeondong" && a.current)
      currentDongs.set(a.sigunguCode, [...(currentDongs.get(a.sigunguCode) ?? []), a]);
  for (const a of areas) {
    if (a.level !== "eupmyeondong" || !a.current || !leafSigungu.has(a.sigunguCode)) continue;
    const home = containing(a.lat, a.lng);
    if (home === null || home === a.sigunguCode) continue;
    const twin = (currentDongs.get(home) ?? []).find(
      (d) => normalizeDongName(d.nameKo) === normalizeDongName(a.nameKo),
    );
    if (twin) {
      a.current = false;
      a.successors = [twin.code];
    }
  }
  for (const a of areas) {
    if (a.current || a.successors.length > 0) continue;
    if (a.level === "region") {
      const next = successorRegion(a.code.slice(0, 2));
      if (next) a.successors = [`${next}00000000`];
      else problems.push(`region ${a.code} ${a.nameKo}: no successor`);
      continue;
    }
    if (a.level === "sigungu") {
      const points = [a, ...areas.filter((d) => d.level === "eupmyeondong" && d.sigunguCode === a.sigunguCode)];
      const successors = new Set(points.flatMap((p) => containing(p.lat, p.lng) ?? []));
      a.successors = [...successors].sort().map((code) => `${code}00000`);
      if (a.successors.length === 0) problems.push(`sigungu ${a.code} ${a.fullNameKo}: lies in no current sigungu`);
      continue;
    }
    const home = containing(a.lat, a.lng);
    const candidates = home ? (currentDongs.get(home) ?? []) : [];
    const sameName = candidates.filter((d) => normalizeDongName(d.nameKo) === normalizeDongName(a.nameKo));
    const samePlace = candidates.filter((d) => d.lat === a.lat && d.lng === a.lng);
    const chosen = sameName.length > 0 ? sameName : samePlace;
    const [latest] = chosen.sort((x, y) => y.code.localeCompare(x.code));
    a.successors = latest ? [latest.code] : home ? [`${home}00000`] : [];
  }
  for (const a of areas)
    if (a.regionCode === "" || !regionByCode.has(a.regionCode)) problems.push(`area ${a.code}: no current region`);
  areas.sort((x, y) => x.code.localeCompare(y.code));
  return { areas, problems };
}

/** 역삼제1동 and 역삼1동 are one name; so are 대명2.8동 and 대명2·8동. */
export function normalizeDongName(name: string): string {
  return name.replace(/제(\d)/g, "$1").replace(/[·.]/g, ".");
}

/** Centroid of several polygons weighted by their planar area (fine at city scale), whatever their rings' winding. */
function weightedCentroid(geometries: PolygonGeometry[]): { lat: number; lng: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const geometry of geometries) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons)
      rings.forEach((ring, index) => {
        let a = 0;
        let mx = 0;
        let my = 0;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const from = ring[j];
          const to = ring[i];
          if (from === undefined || to === undefined) break;
          const cross = from[0] * to[1] - to[0] * from[1];
          a += cross / 2;
          mx += ((from[0] + to[0]) * cross) / 6;
          my += ((from[1] + to[1]) * cross) / 6;
        }
        const sign = (a < 0 ? -1 : 1) * (index === 0 ? 1 : -1);
        area += sign * a;
        cx += sign * mx;
        cy += sign * my;
      });
  }
  return { lng: cx / area, lat: cy / area };
}

export const AREA_COLUMNS = [
  "code",
  "level",
  "region_code",
  "sigungu_code",
  "name_ko",
  "name_en",
  "lat",
  "lng",
  "current",
  "successors",
  "kostat_code",
  "source",
] as const;

export function areasCsv(areas: AreaRecord[]): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [AREA_COLUMNS.join(",")];
  for (const a of areas)
    lines.push(
      [
        a.code,
        a.level,
        a.regionCode,
        a.sigunguCode,
        a.nameKo,
        a.nameEn,
        a.lat.toFixed(5),
        a.lng.toFixed(5),
        String(a.current),
        a.successors.join(";"),
        a.kostatCode,
        a.source,
      ]
        .map((v) => quote(String(v)))
        .join(","),
    );
  return `${lines.join("\r\n")}\r\n`;
}
