import { latLngToCell } from "h3-js";
import { classifyPavitt } from "../classification";
import { isInsideKorea, type LatLng, type PavittClass } from "../types";
import type { FirmRecordInput } from "./firm-record";
import { required } from "../../required";

/** H3 resolution of the hexagons firms are counted in (about 36 km² each). */
export const HEX_RESOLUTION = 6;

export interface SynthRegion {
  code: string;
  capitalArea: boolean;
  labelPoint: LatLng;
  strategicIndustries: string[];
}

export interface SynthComplex {
  regionCode: string;
  point: LatLng;
  industries: string[];
}

export interface SynthContext {
  regions: SynthRegion[];
  /** Division code → default Pavitt class (null when the division has none). */
  divisions: Map<string, PavittClass | null>;
  complexes: SynthComplex[];
}

/**
 * Calibration (../shared/DOMAIN.md and the seeds):
 * - 57% of manufacturing firms are in the capital area (seed 004, 2001).
 * - Size mix of Korean SMEs in 2004: 2.68 M micro, 230 k small, 84 k medium (seed 001).
 * - Industrial complexes hold 37.6% of manufacturing employment (seed 004); the same share
 *   of firms is placed around the listed complexes of their region.
 * - Half of a region's firms work in its strategic industries (regions.csv), and firms in a
 *   complex mostly in the complex's industries; the rest spread over manufacturing (10–34).
 * Shares inside the capital area and among the other regions are assumptions (rough
 * shares of manufacturing establishments), not figures from the seeds.
 */
export const CAPITAL_AREA_SHARE = 0.57;
const CAPITAL_WEIGHTS: Record<string, number> = { "41": 0.6, "11": 0.25, "28": 0.15 };
const OTHER_WEIGHTS: Record<string, number> = {
  "48": 9,
  "26": 7,
  "27": 7,
  "47": 7,
  "44": 5,
  "43": 4,
  "31": 2.5,
  "29": 2.5,
  "52": 2.5,
  "46": 2.5,
  "30": 2,
  "51": 1.5,
  "50": 0.5,
  "36": 0.5,
};
const SIZE_MIX = [
  { share: 2_680_000, min: 1, max: 9 },
  { share: 230_000, min: 10, max: 49 },
  { share: 84_000, min: 50, max: 299 },
];
export const COMPLEX_SHARE = 0.376;
const STRATEGIC_SHARE = 0.5;
const COMPLEX_INDUSTRY_SHARE = 0.7;
const COMPLEX_SPREAD_KM = 2.5;
/** Spread around a region's label point: metropolitan cities are compact, provinces wide. */
const METRO_CODES = new Set(["11", "26", "27", "28", "29", "30", "31", "36"]);
const METRO_SPREAD_KM = 6;
const PROVINCE_SPREAD_KM = 28;
const JEJU_SPREAD_KM = 12;
const KM_PER_DEGREE_LAT = 111.2;
const MANUFACTURING = Array.from({ length: 25 }, (_, index) => String(10 + index));

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weightedPicker<T>(entries: { value: T; weight: number }[]): (random: () => number) => T {
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const entry of entries) cumulative.push((running += entry.weight / total));
  return (random) => {
    const draw = random();
    const index = cumulative.findIndex((edge) => draw < edge);
    return required(entries[index === -1 ? entries.length - 1 : index], "an entry to pick by weight").value;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function scatter(random: () => number, center: LatLng, spreadKm: number): LatLng {
  for (let attempt = 0; attempt < 20; attempt++) {
    const lat = center.lat + (gaussian(random) * spreadKm) / KM_PER_DEGREE_LAT;
    const lng =
      center.lng + (gaussian(random) * spreadKm) / (KM_PER_DEGREE_LAT * Math.cos((center.lat * Math.PI) / 180));
    const point = { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
    if (isInsideKorea(point)) return point;
  }
  return center;
}

/** A labelled synthetic population, the same for the same seed and reference data. */
export function* syntheticFirms(count: number, seed: number, context: SynthContext): Generator<FirmRecordInput> {
  const random = seededRandom(seed);
  const regionsByCode = new Map(context.regions.map((region) => [region.code, region]));
  const present = (code: string) => regionsByCode.has(code);
  const pickRegion = weightedPicker([
    ...Object.entries(CAPITAL_WEIGHTS)
      .filter(([code]) => present(code))
      .map(([code, weight]) => ({ value: code, weight: weight * CAPITAL_AREA_SHARE })),
    ...(() => {
      const others = Object.entries(OTHER_WEIGHTS).filter(([code]) => present(code));
      const total = others.reduce((sum, [, weight]) => sum + weight, 0);
      return others.map(([code, weight]) => ({ value: code, weight: (weight / total) * (1 - CAPITAL_AREA_SHARE) }));
    })(),
  ]);
  const pickSize = weightedPicker(SIZE_MIX.map((band) => ({ value: band, weight: band.share })));
  const known = (code: string) => context.divisions.has(code);
  const manufacturing = MANUFACTURING.filter(known);
  const classOf = new Map(
    [...context.divisions].map(([division, defaultClass]) => [
      division,
      classifyPavitt({ division, defaultClass }).pavittClass,
    ]),
  );
  const complexesByRegion = new Map<string, SynthComplex[]>();
  for (const complex of context.complexes)
    complexesByRegion.set(complex.regionCode, [...(complexesByRegion.get(complex.regionCode) ?? []), complex]);
  const pickFrom = <T>(values: readonly T[]) =>
    required(values[Math.floor(random() * values.length)], "a value to pick from");

  for (let index = 1; index <= count; index++) {
    const region = regionsByCode.get(pickRegion(random)) as SynthRegion;
    const size = pickSize(random);
    const employees = size.min + Math.floor(random() ** 2 * (size.max - size.min + 1));
    const complexes = complexesByRegion.get(region.code) ?? [];
    const inComplex = complexes.length > 0 && random() < COMPLEX_SHARE;
    let point: LatLng;
    let industries: string[];
    if (inComplex) {
      const complex = pickFrom(complexes);
      point = scatter(random, complex.point, COMPLEX_SPREAD_KM);
      industries = random() < COMPLEX_INDUSTRY_SHARE ? complex.industries.filter(known) : manufacturing;
    } else {
      const spread =
        region.code === "50" ? JEJU_SPREAD_KM : METRO_CODES.has(region.code) ? METRO_SPREAD_KM : PROVINCE_SPREAD_KM;
      point = scatter(random, region.labelPoint, spread);
      industries = random() < STRATEGIC_SHARE ? region.strategicIndustries.filter(known) : manufacturing;
    }
    const division = pickFrom(industries.length > 0 ? industries : manufacturing);
    yield {
      name: `합성기업 S${seed}-${index}`,
      ksicDivision: division,
      employees,
      regionCode: region.code,
      lat: point.lat,
      lng: point.lng,
      coordPrecision: "address",
      pavittClass: classOf.get(division) as PavittClass,
      h3Cell: latLngToCell(point.lat, point.lng, HEX_RESOLUTION),
      synthetic: true,
      source: `synthetic: seed ${seed}`,
    };
  }
}
