import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { isInsideKorea } from "./types";
import type { PolygonGeometry } from "./geo";

export interface RegionCodes {
  code: string;
  kostatCode: string;
  nameKo: string;
  nameEn: string;
}

export interface ProvinceBoundary {
  regionCode: string;
  geometry: PolygonGeometry;
  bbox: [number, number, number, number];
}

export type BoundaryParseResult =
  { ok: true; boundaries: ProvinceBoundary[]; codeSystem: "mois" | "kostat" } | { ok: false; problems: string[] };

interface RawFeature {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates?: unknown } | null;
}

/**
 * Reads a province boundary file (GeoJSON FeatureCollection or TopoJSON) and
 * checks it: exactly one valid polygon feature for each of the 17 regions,
 * identified by MOIS code (`code_adm`), KOSTAT code (`code_kostat`) or a
 * `code` property whose values are all of one system.
 */
export function parseProvinceBoundaries(input: unknown, regions: RegionCodes[]): BoundaryParseResult {
  const features = readFeatures(input);
  if (typeof features === "string") return { ok: false, problems: [features] };

  const codeSystem = detectCodeSystem(features, regions);
  if (typeof codeSystem === "string" && codeSystem !== "mois" && codeSystem !== "kostat")
    return { ok: false, problems: [codeSystem] };

  const problems: string[] = [];
  const byRegion = new Map<string, ProvinceBoundary>();
  features.forEach((f, index) => {
    const label = `feature ${index + 1}`;
    const regionCode = regionCodeOf(f, codeSystem as "mois" | "kostat", regions);
    if (!regionCode) {
      problems.push(`${label}: its code ${JSON.stringify(codeValue(f))} matches no region`);
      return;
    }
    if (byRegion.has(regionCode)) {
      problems.push(`${label}: region ${regionCode} appears more than once`);
      return;
    }
    const geometry = checkGeometry(f.geometry, `${label} (region ${regionCode})`, problems);
    if (geometry) byRegion.set(regionCode, { regionCode, geometry, bbox: bboxOf(geometry) });
  });
  const missing = regions.filter((r) => !byRegion.has(r.code)).map((r) => `${r.code} ${r.nameEn}`);
  if (missing.length > 0) problems.push(`missing province(s): ${missing.join(", ")}`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    boundaries: regions.map((r) => byRegion.get(r.code)!),
    codeSystem: codeSystem as "mois" | "kostat",
  };
}

function readFeatures(input: unknown): RawFeature[] | string {
  if (!input || typeof input !== "object") return "the file is not a JSON object";
  const doc = input as { type?: unknown; features?: unknown; objects?: Record<string, unknown> };
  if (doc.type === "FeatureCollection" && Array.isArray(doc.features)) return doc.features as RawFeature[];
  if (doc.type === "Topology" && doc.objects && typeof doc.objects === "object") {
    const all = Object.keys(doc.objects);
    // The project's own file carries sigungu and provinces in one topology; take the provinces.
    const names = all.length > 1 && all.includes("provinces") ? ["provinces"] : all;
    const [name] = names;
    if (names.length !== 1 || name === undefined)
      return `the TopoJSON file has ${names.length} objects; expected exactly one (the provinces) or one named "provinces"`;
    try {
      const collection = feature(input as Topology, doc.objects[name] as never) as unknown as {
        features?: RawFeature[];
      };
      if (!Array.isArray(collection.features)) return "the TopoJSON object is not a collection of features";
      return collection.features;
    } catch (error) {
      return `the TopoJSON file cannot be read: ${(error as Error).message}`;
    }
  }
  return "expected a GeoJSON FeatureCollection or a TopoJSON Topology";
}

function codeValue(f: RawFeature): string | undefined {
  const p = f.properties ?? {};
  const value = p.code_adm ?? p.code_kostat ?? p.code;
  return value === undefined || value === null ? undefined : String(value);
}

function detectCodeSystem(features: RawFeature[], regions: RegionCodes[]): "mois" | "kostat" | string {
  const props = features.map((f) => f.properties ?? {});
  if (props.every((p) => p.code_adm !== undefined && p.code_adm !== "")) return "mois";
  if (props.every((p) => p.code_kostat !== undefined && p.code_kostat !== "")) return "kostat";
  if (props.every((p) => p.code !== undefined)) {
    const codes = new Set(props.map((p) => String(p.code)));
    const mois = new Set(regions.map((r) => r.code));
    const kostat = new Set(regions.map((r) => r.kostatCode));
    if ([...codes].every((c) => kostat.has(c)) && ![...codes].every((c) => mois.has(c))) return "kostat";
    if ([...codes].every((c) => mois.has(c)) && ![...codes].every((c) => kostat.has(c))) return "mois";
    return "the features' `code` values are neither all MOIS codes nor all KOSTAT codes";
  }
  return "every feature needs a province code: a `code_adm` (MOIS), `code_kostat` (KOSTAT) or `code` property";
}

function regionCodeOf(f: RawFeature, system: "mois" | "kostat", regions: RegionCodes[]): string | undefined {
  const p = f.properties ?? {};
  if (system === "mois") {
    const code = String(p.code_adm ?? p.code);
    const previous = p.code_adm_prev ? String(p.code_adm_prev) : undefined;
    return regions.find((r) => r.code === code || r.code === previous)?.code;
  }
  const code = String(p.code_kostat ?? p.code);
  return regions.find((r) => r.kostatCode === code)?.code;
}

function checkGeometry(geometry: RawFeature["geometry"], label: string, problems: string[]): PolygonGeometry | null {
  if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) {
    problems.push(`${label}: geometry must be a Polygon or MultiPolygon`);
    return null;
  }
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as unknown[];
  if (!Array.isArray(polygons) || polygons.length === 0) {
    problems.push(`${label}: geometry has no polygons`);
    return null;
  }
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) {
      problems.push(`${label}: a polygon has no rings`);
      return null;
    }
    for (const ring of rings as unknown[]) {
      if (!Array.isArray(ring) || ring.length < 4) {
        problems.push(`${label}: a ring has fewer than 4 positions`);
        return null;
      }
      for (const position of ring as unknown[]) {
        if (
          !Array.isArray(position) ||
          position.length < 2 ||
          !isInsideKorea({ lng: Number(position[0]), lat: Number(position[1]) })
        ) {
          problems.push(
            `${label}: a position ${JSON.stringify(position)} is not a [longitude, latitude] pair inside Korea`,
          );
          return null;
        }
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(`${label}: a ring is not closed`);
        return null;
      }
    }
  }
  return geometry as PolygonGeometry;
}

function bboxOf(geometry: PolygonGeometry): [number, number, number, number] {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons)
    for (const [lng, lat] of rings[0] ?? []) {
      minLng = Math.min(minLng, lng);
      minLat = Math.min(minLat, lat);
      maxLng = Math.max(maxLng, lng);
      maxLat = Math.max(maxLat, lat);
    }
  return [minLng, minLat, maxLng, maxLat];
}
