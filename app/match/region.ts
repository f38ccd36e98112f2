import { distanceKm, distanceToGeometryKm, isPointInGeometry, type PolygonGeometry } from "~/domain/geo";
import type { LatLng } from "~/domain/types";

export interface RegionPlace {
  code: string;
  labelPoint: LatLng;
}

/** Coastal plants sit on reclaimed land the simplified boundaries may leave in the sea. */
const COAST_TOLERANCE_KM = 10;

export type RegionOfPoint =
  { regionCode: string; basis: "boundary" | "nearest_label" } | { regionCode: null; basis: "outside" };

/**
 * The region a point lies in: by the province boundaries when they are loaded,
 * otherwise the region whose label point is nearest (an approximation the
 * result says it made).
 */
export function regionOfPoint(
  point: LatLng,
  regions: readonly RegionPlace[],
  boundaries: readonly { regionCode: string; geometry: PolygonGeometry }[],
): RegionOfPoint {
  if (boundaries.length > 0) {
    const inside = boundaries.find((b) => isPointInGeometry(point, b.geometry));
    if (inside) return { regionCode: inside.regionCode, basis: "boundary" };
    const nearest = boundaries
      .map((b) => ({ code: b.regionCode, km: distanceToGeometryKm(point, b.geometry) }))
      .sort((a, b) => a.km - b.km)[0];
    return nearest && nearest.km <= COAST_TOLERANCE_KM
      ? { regionCode: nearest.code, basis: "boundary" }
      : { regionCode: null, basis: "outside" };
  }
  const nearest = [...regions].sort((a, b) => distanceKm(point, a.labelPoint) - distanceKm(point, b.labelPoint))[0];
  return nearest ? { regionCode: nearest.code, basis: "nearest_label" } : { regionCode: null, basis: "outside" };
}
