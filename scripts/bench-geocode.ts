/**
 * Geocodes 100,000 addresses built from the area table (road-name, lot-number,
 * short and old forms, deterministic from --seed) and times each call, against
 * a plain Map lookup of the same area names in the same run.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { readAreas } from "../db/seed/areas";
import { readCatalog } from "../db/seed/catalog";
import { buildGeocoder } from "../app/domain/geocode";
import { required } from "../app/required";
import { parseOptions } from "./cli";
import { percentile, seededRandom } from "./bench/stats";

const { options } = parseOptions(process.argv.slice(2));
const count = Number(options.get("count") ?? 100_000);
const random = seededRandom(Number(options.get("seed") ?? 1));
const catalog = readCatalog(path.resolve("data"));
const areas = readAreas(path.resolve("data"));
const regions = catalog.regions.map((r) => ({
  code: r.code,
  nameKo: r.name_ko,
  nameKoShort: r.name_ko_short,
  nameEn: r.name_en,
}));
const started = performance.now();
const geocoder = buildGeocoder(areas, regions);
const buildMs = performance.now() - started;

const byCode = new Map(areas.map((a) => [a.code, a]));
const dongs = areas.filter((a) => a.level === "eupmyeondong" && a.current);
const regionOf = new Map(catalog.regions.map((r) => [r.code, r]));
const pick = <T>(list: T[]) => required(list[Math.floor(random() * list.length)], "an item to pick from");
const queries: { text: string; plain: string }[] = [];
for (let i = 0; i < count; i++) {
  const dong = pick(dongs);
  const sigungu = byCode.get(`${dong.sigunguCode}00000`)!;
  const region = regionOf.get(dong.regionCode)!;
  const province = random() < 0.5 ? region.name_ko : region.name_ko_short;
  const plain = `${region.name_ko} ${sigungu.nameKo} ${dong.nameKo}`;
  const form = random();
  const text =
    form < 0.35
      ? `${province} ${sigungu.nameKo} ${dong.nameKo} ${1 + Math.floor(random() * 900)}-${1 + Math.floor(random() * 30)}`
      : form < 0.7
        ? `${province} ${sigungu.nameKo} 중앙로${Math.floor(random() * 90)}번길 ${1 + Math.floor(random() * 200)} (${dong.nameKo})`
        : form < 0.9
          ? `${province} ${sigungu.nameKo} 산업로 ${1 + Math.floor(random() * 500)}`
          : `${sigungu.nameKo} ${dong.nameKo}`;
  queries.push({ text, plain });
}
const plainIndex = new Map(
  dongs.map((d) => [
    `${regionOf.get(d.regionCode)!.name_ko} ${byCode.get(`${d.sigunguCode}00000`)!.nameKo} ${d.nameKo}`,
    d,
  ]),
);

const geocodeTimes: number[] = [];
const plainTimes: number[] = [];
let found = 0;
let plainFound = 0;
const t0 = performance.now();
for (const q of queries) {
  const a = performance.now();
  if (geocoder.geocode(q.text).ok) found += 1;
  geocodeTimes.push(performance.now() - a);
}
const geocodeTotal = performance.now() - t0;
const t1 = performance.now();
for (const q of queries) {
  const a = performance.now();
  if (plainIndex.get(q.plain)) plainFound += 1;
  plainTimes.push(performance.now() - a);
}
const plainTotal = performance.now() - t1;
const ms = (v: number) => `${v.toFixed(4)} ms`;
console.log(`index build ${buildMs.toFixed(0)} ms over ${areas.length} areas`);
console.log(
  `geocode: ${count} addresses in ${(geocodeTotal / 1000).toFixed(2)} s — p50 ${ms(percentile(geocodeTimes, 50))}, p95 ${ms(percentile(geocodeTimes, 95))}, p99 ${ms(percentile(geocodeTimes, 99))}; placed ${found} (${((100 * found) / count).toFixed(1)}%)`,
);
console.log(
  `plain lookup (exact full name in a Map): ${count} in ${(plainTotal / 1000).toFixed(3)} s — p95 ${ms(percentile(plainTimes, 95))}; found ${plainFound}`,
);
console.log(`ratio geocode/plain total: ${(geocodeTotal / plainTotal).toFixed(1)}×`);
