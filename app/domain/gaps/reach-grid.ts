import { distanceKm } from "../geo";
import { KOREA_BOUNDS, PAVITT_CLASSES, type LatLng, type PavittClass } from "../types";
import type { EligiblePair } from "./eligibility";

/**
 * The nearest-facility search runs in SQL over a grid of 0.1° cells. For each class and cell
 * the grid keeps only the facilities that can be nearest to some point of the cell: with c the
 * cell's centre and h the farthest any point of the cell lies from c, a point p in the cell
 * has d(p, f) between d(c, f) − h and d(c, f) + h, so only facilities with
 * d(c, f) ≤ min d(c, ·) + 2h can win. Most cells keep one or two; a cell with more than
 * CANDIDATE_SLOTS is marked overflow and SQL falls back to every eligible facility of the class.
 */
export const CELLS_PER_DEGREE = 10;
export const CANDIDATE_SLOTS = 16;
/** Slack on h for rounding: a candidate too many costs nothing, one too few would be wrong. */
const SLACK = 1.01;
const SLACK_KM = 0.01;

/** The grid cell of a point; SQL computes the same expression, floor(lat * 10). */
export function cellOf(point: LatLng): { row: number; col: number } {
  return { row: Math.floor(point.lat * CELLS_PER_DEGREE), col: Math.floor(point.lng * CELLS_PER_DEGREE) };
}

/** A point on the unit sphere; the SQL search compares dot products of these. */
export interface UnitVector {
  x: number;
  y: number;
  z: number;
}

export function unitVector(point: LatLng): UnitVector {
  const lat = (point.lat * Math.PI) / 180;
  const lng = (point.lng * Math.PI) / 180;
  return { x: Math.cos(lat) * Math.cos(lng), y: Math.cos(lat) * Math.sin(lng), z: Math.sin(lat) };
}

export interface ReachCell {
  pavittClass: PavittClass;
  row: number;
  col: number;
  overflow: boolean;
  /** Up to CANDIDATE_SLOTS facility points, nearest to the cell centre first; empty when overflow. */
  candidates: UnitVector[];
}

const gridRange = () => ({
  rows: [
    Math.floor(KOREA_BOUNDS.minLat * CELLS_PER_DEGREE),
    Math.floor(KOREA_BOUNDS.maxLat * CELLS_PER_DEGREE),
  ] as const,
  cols: [
    Math.floor(KOREA_BOUNDS.minLng * CELLS_PER_DEGREE),
    Math.floor(KOREA_BOUNDS.maxLng * CELLS_PER_DEGREE),
  ] as const,
});

/** Candidate facilities for every cell covering Korea, per class that has any eligible facility. */
export function buildReachCells(pairs: readonly EligiblePair[]): ReachCell[] {
  const { rows, cols } = gridRange();
  const cells: ReachCell[] = [];
  for (const pavittClass of PAVITT_CLASSES) {
    const points = pairs
      .filter((pair) => pair.pavittClass === pavittClass)
      .map((pair) => ({ lat: pair.facility.lat, lng: pair.facility.lng }));
    if (points.length === 0) continue;
    for (let row = rows[0]; row <= rows[1]; row++) {
      for (let col = cols[0]; col <= cols[1]; col++) {
        const south = row / CELLS_PER_DEGREE;
        const north = (row + 1) / CELLS_PER_DEGREE;
        const west = col / CELLS_PER_DEGREE;
        const east = (col + 1) / CELLS_PER_DEGREE;
        const center = { lat: (south + north) / 2, lng: (west + east) / 2 };
        const corners = [
          { lat: south, lng: west },
          { lat: south, lng: east },
          { lat: north, lng: west },
          { lat: north, lng: east },
        ];
        const halfSpan = Math.max(...corners.map((corner) => distanceKm(center, corner))) * SLACK + SLACK_KM;
        const distances = points.map((point) => ({ point, km: distanceKm(center, point) }));
        const nearest = Math.min(...distances.map((entry) => entry.km));
        const candidates = distances.filter((entry) => entry.km <= nearest + 2 * halfSpan).sort((a, b) => a.km - b.km);
        const overflow = candidates.length > CANDIDATE_SLOTS;
        cells.push({
          pavittClass,
          row,
          col,
          overflow,
          candidates: overflow ? [] : candidates.map((entry) => unitVector(entry.point)),
        });
      }
    }
  }
  return cells;
}
