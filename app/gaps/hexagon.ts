import { cellToBoundary } from "h3-js";
import { required } from "../required";

/** Hexagons are closed [lng, lat] rings from H3. */
export function hexagonPolygon(h3: string): GeoJSON.Polygon {
  const ring = cellToBoundary(h3, true);
  return { type: "Polygon", coordinates: [[...ring, required(ring[0], "the first vertex of a hexagon")]] };
}
