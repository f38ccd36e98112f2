import os from "node:os";
import { performance } from "node:perf_hooks";
import { CERTIFICATIONS, NEEDS, TECH_SOURCES, APPROPRIATIONS, INNOVATION_FOCUSES } from "../app/domain/types";
import { parseMatchInput, type MatchInput } from "../app/match/input";
import { matchReference } from "../app/match/reference.server";
import { runMatch } from "../app/match/service.server";
import { createServices } from "../app/services.server";
import { buildCatalogue, CITIES, loadVocabulary } from "./bench/catalogue";
import {
  formatMs,
  loadAverage,
  median,
  percentile,
  pick,
  pickSome,
  seededRandom,
  verdict,
  type Random,
} from "./bench/stats";
import { parseOptions } from "./cli";

/**
 * Times matching on a synthetic catalogue: 500 random firm profiles, each
 * matched end to end (retrieval through the search engine, then the rules).
 * The baseline, timed in the same run, is one plain nearest-facilities search.
 * Usage: npm run bench:match [-- --seed 20261128 --profiles 500]
 */

const FACILITIES = 5_000;
const PROGRAMS = 20_000;
const TARGET_P95_MS = 50;

const { options } = parseOptions(process.argv.slice(2));
const seed = Number(options.get("seed") ?? 20261128);
const profileCount = Number(options.get("profiles") ?? 500);

function randomProfile(random: Random, divisions: string[]): Record<string, unknown> {
  const city = pick(random, CITIES);
  const jitter = () => (random() - 0.5) * 0.2;
  // Firm sizes are skewed small, as in the SME population: most under 50, a few over 300.
  const employees = Math.max(1, Math.round(Math.exp(random() * Math.log(600))));
  const maybe = <T>(value: T) => (random() < 0.5 ? value : undefined);
  return {
    ksicDivision: pick(random, divisions),
    employees,
    capitalKrw: maybe(Math.round(random() * 2e10)),
    ...(random() < 0.7
      ? { location: { lat: city.lat + jitter(), lng: city.lng + jitter() } }
      : { regionCode: city.regionCode }),
    answers: {
      techSource: maybe(pick(random, TECH_SOURCES)),
      appropriation: maybe(pick(random, APPROPRIATIONS)),
      innovationFocus: maybe(pick(random, INNOVATION_FOCUSES)),
    },
    rnd: {
      researchers: maybe(Math.floor(random() * Math.min(employees, 20))),
      patents: maybe(Math.floor(random() * 10)),
    },
    certifications: pickSome(random, CERTIFICATIONS, Math.floor(random() * 2)),
    needs: pickSome(random, NEEDS, Math.floor(random() * 3)),
  };
}

const services = await createServices(
  { env: "test", basemap: { kind: "offline" }, port: 0, host: "127.0.0.1", dataDir: "memory://" },
  { startSync: false },
);
try {
  const random = seededRandom(seed);
  const started = performance.now();
  await services.search.primary.replaceAll(
    buildCatalogue(random, loadVocabulary(), { facilities: FACILITIES, programs: PROGRAMS }),
  );
  const indexMs = performance.now() - started;

  const reference = await matchReference(services);
  const divisions = [...reference.known.ksicDivisions];
  const profiles: MatchInput[] = [];
  while (profiles.length < profileCount) {
    const parsed = parseMatchInput(randomProfile(random, divisions), reference.known);
    if (!parsed.ok) throw new Error(`generated an invalid profile: ${JSON.stringify(parsed.issues)}`);
    profiles.push(parsed.value);
  }

  const total: number[] = [];
  const retrieval: number[] = [];
  const ranking: number[] = [];
  const baseline: number[] = [];
  let centersReturned = 0;
  let programsReturned = 0;
  const warmup = Math.min(50, profiles.length);
  for (const [index, profile] of profiles.entries()) {
    const point = profile.location ?? reference.regions.find((r) => r.code === profile.regionCode)!.labelPoint;
    const baselineStart = performance.now();
    await services.search.search({
      filters: { type: "facility" },
      near: point,
      sort: "distance",
      limit: 100,
      offset: 0,
    });
    const baselineMs = performance.now() - baselineStart;

    const start = performance.now();
    const outcome = await runMatch(services, profile);
    const elapsed = performance.now() - start;
    if (!outcome.ok) throw new Error(`match failed: ${JSON.stringify(outcome.issues)}`);
    if (index < warmup) continue;
    baseline.push(baselineMs);
    total.push(elapsed);
    retrieval.push(outcome.value.timings.retrievalMs);
    ranking.push(outcome.value.timings.rankingMs);
    centersReturned += outcome.value.centers.length;
    programsReturned += outcome.value.programs.length;
  }

  const measured = total.length;
  const row = (label: string, samples: number[]) =>
    console.log(
      `${label.padEnd(26)}${formatMs(median(samples)).padStart(12)}${formatMs(percentile(samples, 95)).padStart(12)}${formatMs(Math.max(...samples)).padStart(12)}`,
    );
  console.log(
    `Match benchmark: embedded engine, seed ${seed}; ${os.cpus().length} CPUs, load average ${loadAverage()} at the end`,
  );
  console.log(`Catalogue: ${FACILITIES} facilities + ${PROGRAMS} programs (indexed in ${formatMs(indexMs)})`);
  console.log(`Profiles: ${profiles.length} (${warmup} warm-up, ${measured} measured)`);
  console.log("");
  console.log(`${"".padEnd(26)}${"p50".padStart(12)}${"p95".padStart(12)}${"max".padStart(12)}`);
  row("whole match", total);
  row("  retrieval", retrieval);
  row("  ranking", ranking);
  row("baseline: nearest search", baseline);
  const ratio = percentile(total, 95) / percentile(baseline, 95);
  console.log(`${"match / baseline (p95)".padEnd(26)}${`${ratio.toFixed(2)}×`.padStart(24)}`);
  console.log("");
  console.log(
    `Average returned: ${(centersReturned / measured).toFixed(1)} centers, ${(programsReturned / measured).toFixed(1)} programs per profile`,
  );
  const checks: Array<[string, boolean]> = [
    [
      `whole match p95 ${formatMs(percentile(total, 95))} ≤ ${TARGET_P95_MS} ms`,
      percentile(total, 95) <= TARGET_P95_MS,
    ],
    [`every profile got centers (${(centersReturned / measured).toFixed(1)} on average)`, centersReturned >= measured],
  ];
  for (const [label, pass] of checks) console.log(`${verdict(pass)}  ${label}`);
  if (checks.some(([, pass]) => !pass)) process.exitCode = 1;
} finally {
  await services.close();
}
