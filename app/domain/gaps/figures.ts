import type { PavittClass } from "../types";
import { required } from "../../required";

/** Firms of one region, class (and industry) at one whole-km distance to the nearest eligible facility. */
export interface DistanceCount {
  regionCode: string;
  pavittClass: PavittClass;
  sector?: string;
  /** Rounded up to whole km; null when no facility anywhere serves the class. */
  nearestKm: number | null;
  firms: number;
}

export interface EligibleFacilityRef {
  pavittClass: PavittClass;
  facilityId: string;
  regionCode: string;
}

/**
 * Rates and ratios of fewer firms than this are not shown (null on the API, "—" on the page and in
 * exports): 2 of 3 firms is not a 66.67% coverage anyone should quote, and a cell that small
 * comes close to naming firms.
 */
export const SMALL_CELL_MIN_FIRMS = 10;

export interface GapFigures {
  smes: number;
  covered: number;
  /** Firms without an eligible facility within the radius: the gap itself. */
  uncovered: number;
  /** Null below SMALL_CELL_MIN_FIRMS firms. */
  coverageRatio: number | null;
  facilities: number;
  /** Null below SMALL_CELL_MIN_FIRMS firms. */
  facilitiesPer1000: number | null;
  medianNearestKm: number | null;
}

export const isSmallCell = (smes: number) => smes < SMALL_CELL_MIN_FIRMS;

export interface GapRow extends GapFigures {
  regionCode: string;
  pavittClass: PavittClass;
  sector?: string;
}

export type Area = "capital" | "rest";
export interface AreaFigures extends GapFigures {
  area: Area;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Median of the firms' distances, where a firm with no eligible facility anywhere is farther
 * than any distance: the mean of the two middle firms for an even count, null when a middle
 * firm has none.
 */
export function medianNearest(counts: readonly { nearestKm: number | null; firms: number }[]): number | null {
  const total = counts.reduce((sum, entry) => sum + entry.firms, 0);
  if (total === 0) return null;
  const sorted = [...counts]
    .filter((entry) => entry.firms > 0)
    .sort((a, b) => (a.nearestKm ?? Infinity) - (b.nearestKm ?? Infinity));
  const at = (index: number): number | null => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.firms;
      if (index < seen) return entry.nearestKm;
    }
    return null;
  };
  const lower = at(Math.floor((total - 1) / 2));
  const upper = at(Math.floor(total / 2));
  return lower === null || upper === null ? null : (lower + upper) / 2;
}

/** A firm is covered when an eligible facility lies within the radius (distances are whole km rounded up). */
export function figuresOf(counts: readonly DistanceCount[], facilities: number, radiusKm: number): GapFigures {
  const smes = counts.reduce((sum, entry) => sum + entry.firms, 0);
  const covered = counts.reduce(
    (sum, entry) => sum + (entry.nearestKm !== null && entry.nearestKm <= radiusKm ? entry.firms : 0),
    0,
  );
  const small = isSmallCell(smes);
  return {
    smes,
    covered,
    uncovered: smes - covered,
    coverageRatio: small ? null : round(covered / smes, 4),
    facilities,
    facilitiesPer1000: small ? null : round((facilities * 1000) / smes, 2),
    medianNearestKm: medianNearest(counts),
  };
}

const groupKey = (entry: { regionCode: string; pavittClass: string; sector?: string }) =>
  `${entry.regionCode}|${entry.pavittClass}|${entry.sector ?? ""}`;

/** One row per region × class (× industry when the counts carry one), most uncovered firms first. */
export function gapRows(
  counts: readonly DistanceCount[],
  eligible: readonly EligibleFacilityRef[],
  radiusKm: number,
): GapRow[] {
  const groups = new Map<string, DistanceCount[]>();
  for (const entry of counts) {
    const key = groupKey(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const rows = [...groups.values()].map((group) => {
    const { regionCode, pavittClass, sector } = required(group[0], "the first count of a group");
    const facilities = eligible.filter(
      (ref) => ref.regionCode === regionCode && ref.pavittClass === pavittClass,
    ).length;
    return {
      regionCode,
      pavittClass,
      ...(sector === undefined ? {} : { sector }),
      ...figuresOf(group, facilities, radiusKm),
    };
  });
  return rows.sort(
    (a, b) =>
      b.smes - b.covered - (a.smes - a.covered) ||
      a.regionCode.localeCompare(b.regionCode) ||
      a.pavittClass.localeCompare(b.pavittClass) ||
      (a.sector ?? "").localeCompare(b.sector ?? ""),
  );
}

/**
 * The capital area (Seoul, Incheon, Gyeonggi) against the rest of the country (seed 004).
 * Facilities are counted once each, whichever classes they serve among those shown.
 */
export function areaFigures(
  counts: readonly DistanceCount[],
  eligible: readonly EligibleFacilityRef[],
  capitalRegions: ReadonlySet<string>,
  radiusKm: number,
): AreaFigures[] {
  const classes = new Set(counts.map((entry) => entry.pavittClass));
  return (["capital", "rest"] as const).map((area) => {
    const inArea = (regionCode: string) => capitalRegions.has(regionCode) === (area === "capital");
    const facilities = new Set(
      eligible.filter((ref) => inArea(ref.regionCode) && classes.has(ref.pavittClass)).map((ref) => ref.facilityId),
    ).size;
    return {
      area,
      ...figuresOf(
        counts.filter((entry) => inArea(entry.regionCode)),
        facilities,
        radiusKm,
      ),
    };
  });
}
