/**
 * Derives the project's own geographic files from the outside data in
 * ../shared/data (see data/README.md, "Areas and boundaries"):
 *   data/areas.csv                  every region, sigungu and eupmyeondong centroid in WGS84
 *   data/boundaries/korea.topo.json sigungu and province polygons, simplified, one topology
 *   data/ksic_classes.csv           KSIC-10 groups, classes and sub-classes with their division
 * `--check` compares instead of writing and fails when the committed files differ.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import { isPointInGeometry, type PolygonGeometry } from "../app/domain/geo";
import { areasCsv, deriveAreas, parseCentroids, type KostatSigungu, type RegionRef } from "./derive/areas";
import { BOUNDARY_CREDIT, deriveBoundaries } from "./derive/boundaries";
import { utmkToWgs84, wgs84ToUtmk } from "./derive/projection";
import { parseOptions } from "./cli";
import { placeFacilities } from "./derive/facilities";
import { deriveKsicClasses } from "./derive/ksic";

const { options } = parseOptions(process.argv.slice(2));
const shared = path.resolve(options.get("shared") ?? "../shared/data");
const dataDir = path.resolve(options.get("data") ?? "data");
const check = options.has("check");

const read = (file: string) => fs.readFileSync(path.join(shared, file), "utf8");

// The projection, checked before anything is converted: the grid origin, and a round trip.
const origin = utmkToWgs84(1_000_000, 2_000_000);
if (Math.abs(origin.lat - 38) > 1e-9 || Math.abs(origin.lng - 127.5) > 1e-9)
  throw new Error(`UTM-K origin maps to ${JSON.stringify(origin)}, not 38°N 127.5°E`);
const back = wgs84ToUtmk(utmkToWgs84(953_003, 1_955_642).lat, utmkToWgs84(953_003, 1_955_642).lng);
if (Math.abs(back.x - 953_003) > 0.01 || Math.abs(back.y - 1_955_642) > 0.01)
  throw new Error("UTM-K round trip is off by more than 1 cm");

const regionRows = parse(fs.readFileSync(path.join(dataDir, "regions.csv"), "utf8"), { columns: true }) as Record<
  "code" | "kostat_code" | "name_ko" | "name_ko_short" | "name_en",
  string
>[];
const sidoCodes = parse(read("boundaries/kr_sido_codes.csv"), { columns: true }) as Record<string, string>[];
const regions: RegionRef[] = regionRows.map((r) => ({
  code: r.code,
  kostatCode: r.kostat_code,
  nameKo: r.name_ko,
  nameEn: r.name_en,
  previousCode: sidoCodes.find((s) => s.code_adm === r.code)?.code_adm_prev || null,
}));

const sigunguSource = JSON.parse(read("boundaries/kr_sigungu_2018_kostat.geojson")) as FeatureCollection<
  Polygon | MultiPolygon,
  Record<"code_kostat" | "name_ko" | "name_ko_current" | "name_en" | "sido_code_kostat_current", string>
>;
const sigungu: KostatSigungu[] = sigunguSource.features.map((f) => ({
  codeKostat: f.properties.code_kostat,
  nameKo: f.properties.name_ko,
  nameKoCurrent: f.properties.name_ko_current,
  nameEn: f.properties.name_en,
  sidoKostatCurrent: f.properties.sido_code_kostat_current,
  geometry: f.geometry as PolygonGeometry,
}));

const { areas, problems } = deriveAreas(parseCentroids(read("geo/admdongkor_centroids_UTMK.tsv")), sigungu, regions);
if (problems.length > 0) {
  console.error(`The area table has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

const topo = deriveBoundaries(sigunguSource, areas, regions, {
  keep: Number(options.get("keep") ?? 0.35),
  quantization: 1e5,
});
const topoText = `${JSON.stringify({ ...topo, credit: BOUNDARY_CREDIT })}\n`;

// How well centroids and simplified polygons agree: each current sigungu's dongs inside its own polygon.
const drawn = feature(topo, topo.objects.sigungu as never) as unknown as FeatureCollection<
  Polygon | MultiPolygon,
  { code: string }
>;
const polygonOf = new Map(drawn.features.map((f) => [f.properties.code, f.geometry as PolygonGeometry]));
let inside = 0;
let checked = 0;
for (const area of areas) {
  if (!area.current || area.level === "region") continue;
  const geometry = polygonOf.get(area.sigunguCode);
  if (!geometry) continue;
  checked += 1;
  if (isPointInGeometry(area, geometry)) inside += 1;
}

const facilitiesFile = path.join(dataDir, "facilities.csv");
const placed = placeFacilities(fs.readFileSync(facilitiesFile, "utf8"), areas, regionRows, polygonOf);
if (placed.problems.length > 0) {
  console.error(`Facilities could not all be placed:\n${placed.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`facilities: ${placed.summary}`);

const ksic = deriveKsicClasses(read("taxonomy/ksic10_full_ko_financedata.csv"));
console.log(`ksic classes: ${ksic.rows} codes below the division`);

const outputs: [string, string][] = [
  [path.join(dataDir, "ksic_classes.csv"), ksic.csv],
  [path.join(dataDir, "areas.csv"), areasCsv(areas)],
  [path.join(dataDir, "boundaries", "korea.topo.json"), topoText],
  [facilitiesFile, placed.csv],
];
const count = (level: string, current: boolean) =>
  areas.filter((a) => a.level === level && a.current === current).length;
console.log(
  `areas: ${areas.length} rows — current ${count("region", true)} regions, ${count("sigungu", true)} sigungu, ${count("eupmyeondong", true)} eupmyeondong; ` +
    `defunct ${count("region", false)} / ${count("sigungu", false)} / ${count("eupmyeondong", false)}`,
);
console.log(
  `boundaries: ${drawn.features.length} sigungu, ${(topo.objects.provinces as { geometries: unknown[] }).geometries.length} provinces, ${(Buffer.byteLength(topoText) / 1024).toFixed(0)} KiB`,
);
console.log(`centroids inside their own simplified sigungu polygon: ${inside} of ${checked}`);

if (check) {
  const stale = outputs
    .filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text)
    .map(([file]) => path.relative(process.cwd(), file));
  if (stale.length > 0) {
    console.error(`Out of date (run npm run data:derive): ${stale.join(", ")}`);
    process.exit(1);
  }
  console.log("The derived files are up to date.");
} else {
  fs.mkdirSync(path.join(dataDir, "boundaries"), { recursive: true });
  for (const [file, text] of outputs) fs.writeFileSync(file, text);
  console.log(`Wrote ${outputs.map(([file]) => path.relative(process.cwd(), file)).join(", ")}`);
}
if (options.has("verbose"))
  for (const area of areas) {
    if (!area.current || area.level === "region") continue;
    const geometry = polygonOf.get(area.sigunguCode);
    if (geometry && !isPointInGeometry(area, geometry)) console.log(`  outside: ${area.code} ${area.fullNameKo}`);
  }
