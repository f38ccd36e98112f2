import { cellToBoundary } from "h3-js";

/** Hexagons are closed [lng, lat] rings from H3. */
export function hexagonPolygon(h3: string): GeoJSON.Polygon {
  const ring = cellToBoundary(h3, true);
  return { type: "Polygon", coordinates: [[...ring, ring[0]]] };
}
