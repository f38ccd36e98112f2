import os from "node:os";
import { performance } from "node:perf_hooks";
import { loader } from "../app/routes/api.search";
import { resolvePlacePhrase } from "../app/search/place.server";
import { parseSearchRequest, toSearchQuery, type SearchResponse } from "../app/search/request.server";
import type { SearchQuery } from "../app/search/types";
import { required } from "../app/required";
import { createServices } from "../app/services.server";
import { callLoader } from "./harness/loader";
import { buildCatalogue, loadVocabulary } from "./bench/catalogue";
import { buildQueries, QUERY_CATEGORIES, type BenchQuery } from "./bench/search-queries";
import { formatMs, loadAverage, median, percentile, seededRandom, verdict } from "./bench/stats";
import { parseOptions } from "./cli";

/**
 * Times the embedded search engine on a synthetic catalogue, through the `/api/search` route
 * loader and through the raw engine call, in the same process and on the same queries.
 * Usage: npm run bench:search [-- --seed 20261128 --rounds 5 --warmup 2]
 */

const FACILITIES = 5_000;
const PROGRAMS = 20_000;
const TARGET_P95_MS = 30;
const TARGET_OVERHEAD = 1.3;
/** Below this share of queries with a hit, the engine is answering nothing and its speed means nothing. */
const MIN_HIT_SHARE = 0.8;

const { options } = parseOptions(process.argv.slice(2));
const seed = Number(options.get("seed") ?? 20261128);
const rounds = Number(options.get("rounds") ?? 5);
const warmupRounds = Number(options.get("warmup") ?? 2);

function describe(params: URLSearchParams): string {
  return [...params].map(([name, value]) => `${name}=${value}`).join("&");
}

interface Prepared extends BenchQuery {
  path: string;
  query: SearchQuery;
  handlerMs: number[];
  engineMs: number[];
  handlerTotal?: number;
  engineTotal?: number;
}

const services = await createServices(
  { env: "test", basemap: { kind: "offline" }, port: 0, host: "127.0.0.1", dataDir: "memory://" },
  { startSync: false },
);
try {
  const engine = services.search.primary;
  const random = seededRandom(seed);
  const vocabulary = loadVocabulary();

  let started = performance.now();
  const documents = buildCatalogue(random, vocabulary, { facilities: FACILITIES, programs: PROGRAMS });
  const generatedMs = performance.now() - started;
  started = performance.now();
  await engine.replaceAll(documents);
  const indexMs = performance.now() - started;

  // The engine path runs exactly the query the handler builds, place phrases ("near Changwon") included.
  const known = await services.referenceCodes();
  const prepared: Prepared[] = [];
  for (const benchQuery of buildQueries(random, vocabulary)) {
    const request = await resolvePlacePhrase(parseSearchRequest(benchQuery.params, known), known, services.search);
    prepared.push({
      ...benchQuery,
      path: `/api/search?${benchQuery.params}`,
      query: toSearchQuery(request),
      handlerMs: [],
      engineMs: [],
    });
  }

  const timeHandler = async (item: Prepared, record: boolean) => {
    const start = performance.now();
    const response = await callLoader(loader, services, item.path);
    const elapsed = performance.now() - start;
    if (response.status !== 200) throw new Error(`${item.path} answered ${response.status}: ${await response.text()}`);
    if (record) {
      item.handlerMs.push(elapsed);
      item.handlerTotal ??= ((await response.json()) as SearchResponse).total;
    }
  };
  const timeEngine = async (item: Prepared, record: boolean) => {
    const start = performance.now();
    const result = await engine.search(item.query);
    const elapsed = performance.now() - start;
    if (record) {
      item.engineMs.push(elapsed);
      item.engineTotal ??= result.total;
    }
  };

  // Each round visits the queries in a new order and swaps which path goes first, so that
  // neither path always runs on a cache the other just warmed.
  const order = prepared.map((_, i) => i);
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = required(order[i], "a query position");
      order[i] = required(order[j], "a query position");
      order[j] = swap;
    }
    const record = round >= warmupRounds;
    for (const [position, index] of order.entries()) {
      const item = required(prepared[index], "a prepared query");
      if ((position + round) % 2 === 0) {
        await timeHandler(item, record);
        await timeEngine(item, record);
      } else {
        await timeEngine(item, record);
        await timeHandler(item, record);
      }
    }
  }

  const handlerAll = prepared.flatMap((item) => item.handlerMs);
  const engineAll = prepared.flatMap((item) => item.engineMs);
  const engineP50 = median(engineAll);
  const engineP95 = percentile(engineAll, 95);
  const handlerP50 = median(handlerAll);
  const handlerP95 = percentile(handlerAll, 95);
  const ratioP50 = handlerP50 / engineP50;
  const ratioP95 = handlerP95 / engineP95;
  const withHits = prepared.filter((item) => (item.engineTotal ?? 0) > 0).length;
  const disagreeing = prepared.filter((item) => item.engineTotal !== item.handlerTotal);
  const hitShare = withHits / prepared.length;

  const pad = (text: string, width: number) => text.padStart(width);
  console.log(
    `Search benchmark: embedded engine, seed ${seed}; ${os.cpus().length} CPUs, load average ${loadAverage()} at the end`,
  );
  console.log(
    `Catalogue: ${FACILITIES} facilities + ${PROGRAMS} programs = ${documents.length} documents (generated in ${formatMs(generatedMs)})`,
  );
  console.log(`Index build (replaceAll): ${formatMs(indexMs)}`);
  console.log(
    `Queries: ${prepared.length}; ${warmupRounds} warm-up rounds, then ${rounds} measured rounds, paths alternated: ${engineAll.length} samples per path`,
  );
  console.log("");
  console.log(`${"".padEnd(16)}${pad("p50", 12)}${pad("p95", 12)}${pad("max", 12)}`);
  console.log(
    `${"engine".padEnd(16)}${pad(formatMs(engineP50), 12)}${pad(formatMs(engineP95), 12)}${pad(formatMs(Math.max(...engineAll)), 12)}`,
  );
  console.log(
    `${"handler".padEnd(16)}${pad(formatMs(handlerP50), 12)}${pad(formatMs(handlerP95), 12)}${pad(formatMs(Math.max(...handlerAll)), 12)}`,
  );
  console.log(
    `${"handler/engine".padEnd(16)}${pad(`${ratioP50.toFixed(2)}×`, 12)}${pad(`${ratioP95.toFixed(2)}×`, 12)}`,
  );
  console.log("");
  console.log(
    `${"category".padEnd(16)}${pad("queries", 8)}${pad("≥1 hit", 8)}${pad("engine p50", 12)}${pad("engine p95", 12)}${pad("handler p50", 13)}${pad("handler p95", 13)}`,
  );
  for (const category of QUERY_CATEGORIES) {
    const items = prepared.filter((item) => item.category === category);
    const engineMs = items.flatMap((item) => item.engineMs);
    const handlerMs = items.flatMap((item) => item.handlerMs);
    const hits = items.filter((item) => (item.engineTotal ?? 0) > 0).length;
    console.log(
      `${category.padEnd(16)}${pad(String(items.length), 8)}${pad(`${Math.round((hits / items.length) * 100)}%`, 8)}${pad(formatMs(median(engineMs)), 12)}${pad(formatMs(percentile(engineMs, 95)), 12)}${pad(formatMs(median(handlerMs)), 13)}${pad(formatMs(percentile(handlerMs, 95)), 13)}`,
    );
  }
  const slowest = [...prepared].sort((a, b) => median(b.engineMs) - median(a.engineMs)).slice(0, 8);
  console.log("");
  console.log("Slowest queries (engine median / max of their runs):");
  for (const item of slowest) {
    console.log(
      `  ${formatMs(median(item.engineMs)).padStart(9)} / ${formatMs(Math.max(...item.engineMs)).padStart(9)}  ${String(item.engineTotal).padStart(5)} hits  ${describe(item.params)}`,
    );
  }
  const empty = prepared.filter((item) => item.engineTotal === 0);
  console.log("");
  console.log(`Queries without hits (${empty.length}):`);
  for (const item of empty) console.log(`  [${item.category}] ${describe(item.params)}`);

  const checks: Array<[string, boolean]> = [
    [`engine p95 ${formatMs(engineP95)} ≤ ${TARGET_P95_MS} ms`, engineP95 <= TARGET_P95_MS],
    [`handler p95 ${formatMs(handlerP95)} ≤ ${TARGET_P95_MS} ms`, handlerP95 <= TARGET_P95_MS],
    [`overhead p95 ${ratioP95.toFixed(2)}× ≤ ${TARGET_OVERHEAD}×`, ratioP95 <= TARGET_OVERHEAD],
    [`overhead p50 ${ratioP50.toFixed(2)}× ≤ ${TARGET_OVERHEAD}×`, ratioP50 <= TARGET_OVERHEAD],
    [
      `queries with ≥1 hit ${withHits}/${prepared.length} (${Math.round(hitShare * 100)}%) ≥ ${MIN_HIT_SHARE * 100}%`,
      hitShare >= MIN_HIT_SHARE,
    ],
    [
      `handler and engine totals agree on ${prepared.length - disagreeing.length}/${prepared.length} queries`,
      disagreeing.length === 0,
    ],
  ];
  console.log("");
  for (const [label, pass] of checks) console.log(`${verdict(pass)}  ${label}`);
  for (const item of disagreeing)
    console.log(`  totals differ: handler ${item.handlerTotal}, engine ${item.engineTotal}  ${describe(item.params)}`);
  if (checks.some(([, pass]) => !pass)) process.exitCode = 1;
} finally {
  await services.close();
}
