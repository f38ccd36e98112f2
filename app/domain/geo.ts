import type { LatLng } from "./types";

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A GeoJSON position: longitude, latitude, then any further ordinates (the boundary check admits no shorter one). */
type Position = [lng: number, lat: number, ...rest: number[]];
type Ring = Position[];
export type PolygonGeometry =
  { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };

/** Ray casting on [lng, lat] rings; a polygon's later rings are holes. */
export function isPointInGeometry(point: LatLng, geometry: PolygonGeometry): boolean {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(
    (rings) =>
      rings[0] !== undefined &&
      isPointInRing(point, rings[0]) &&
      !rings.slice(1).some((hole) => isPointInRing(point, hole)),
  );
}

function isPointInRing(point: LatLng, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const pointI = ring[i];
    const pointJ = ring[j];
    if (pointI === undefined || pointJ === undefined) break;
    const [xi, yi] = pointI;
    const [xj, yj] = pointJ;
    const crosses = yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi;
    if (crosses) inside = !inside;
  }
  return inside;
}

/** Distance from a point to the nearest edge of a geometry, in km (planar approximation, fine at province scale). */
export function distanceToGeometryKm(point: LatLng, geometry: PolygonGeometry): number {
  if (isPointInGeometry(point, geometry)) return 0;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const kmPerDegLat = 111.32;
  const kmPerDegLng = 111.32 * Math.cos((point.lat * Math.PI) / 180);
  let best = Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const start = ring[i - 1];
        const end = ring[i];
        if (start === undefined || end === undefined) break;
        const ax = (start[0] - point.lng) * kmPerDegLng;
        const ay = (start[1] - point.lat) * kmPerDegLat;
        const bx = (end[0] - point.lng) * kmPerDegLng;
        const by = (end[1] - point.lat) * kmPerDegLat;
        best = Math.min(best, distanceToSegment(ax, ay, bx, by));
      }
    }
  }
  return best;
}

function distanceToSegment(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
