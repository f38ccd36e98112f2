import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { listAreas } from "../../db/queries/areas";
import type { Database } from "../../db/schema";
import { CATALOG_DIR } from "../../db/setup";

let boundaries: string | null = null;
const round = (degrees: number) => Math.round(degrees * 1e4) / 1e4;
let places: string | null = null;

/** data/boundaries/korea.topo.json as shipped: it changes only with `npm run data:derive`. */
export function boundaryTopologyText(): string {
  boundaries ??= fs.readFileSync(path.join(CATALOG_DIR, "boundaries", "korea.topo.json"), "utf8");
  return boundaries;
}

/** The current 시군구 and 읍면동 as labelled points, built once per process from the areas table. */
export async function placeLabelsJson(db: Kysely<Database>): Promise<string> {
  if (places) return places;
  const areas = await listAreas(db);
  const features = areas
    .filter((area) => area.current && (area.level === "sigungu" || area.level === "eupmyeondong"))
    .map((area) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [round(area.lng), round(area.lat)] },
      properties: { level: area.level, nameKo: area.nameKo, nameEn: area.nameEn },
    }));
  if (features.length > 0) places = JSON.stringify({ type: "FeatureCollection", features });
  return places ?? JSON.stringify({ type: "FeatureCollection", features: [] });
}
