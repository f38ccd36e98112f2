import { createRequire } from "node:module";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Natural Earth 1:50m countries shown on the offline map: South Korea and its neighbours for context. */
const COUNTRIES = [
  { id: "410", role: "korea" },
  { id: "408", role: "neighbour" },
  { id: "392", role: "neighbour" },
] as const;

let cached: string | null = null;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === "Polygon")
    return {
      type: "Polygon",
      coordinates: geometry.coordinates.map((ring) => ring.map((position) => position.slice(0, 2).map(round))),
    };
  return {
    type: "MultiPolygon",
    coordinates: geometry.coordinates.map((polygon) =>
      polygon.map((ring) => ring.map((position) => position.slice(0, 2).map(round))),
    ),
  };
}

/** The land outline as GeoJSON text, built once from the world-atlas package (no network). */
export function landOutlineJson(): string {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/countries-50m.json") as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection: FeatureCollection<Polygon | MultiPolygon, { name: string; role: string }> = {
    type: "FeatureCollection",
    features: [],
  };
  for (const country of COUNTRIES) {
    const geometry = topology.objects.countries.geometries.find((g) => g.id === country.id);
    if (!geometry) continue;
    const converted = feature(topology, geometry) as GeoJSON.Feature<Polygon | MultiPolygon, { name: string }>;
    collection.features.push({
      type: "Feature",
      properties: { name: converted.properties?.name ?? country.id, role: country.role },
      geometry: roundGeometry(converted.geometry),
    });
  }
  cached = JSON.stringify(collection);
  return cached;
}
