import { randomBytes } from "node:crypto";
import http from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../db/client";
import { firmReferenceData, replaceSyntheticFirms } from "../db/queries/firms";
import { recomputeGaps } from "../db/queries/gaps";
import { prepareDatabase } from "../db/setup";
import { syntheticFirms } from "../app/domain/gaps/synthetic";
import { loader as gapsLoader } from "../app/routes/api.gaps";
import type { Services } from "../app/services.server";
import { required } from "../app/required";
import { loadAverage } from "./bench/stats";
import { callLoader } from "./harness/loader";
import { parseOptions, progressBar } from "./cli";

/**
 * Coverage-gap benchmark on real PostgreSQL: a fresh database with N synthetic firms, the full
 * recompute against one plain aggregate scan of the firms table in the same run, and the
 * latency of /api/gaps answered from the cache over HTTP. Prints numbers, asserts nothing.
 */
const { options } = parseOptions(process.argv.slice(2));
const count = Number(options.get("count") ?? "1000000");
const rounds = Number(options.get("rounds") ?? "5");
const requests = Number(options.get("requests") ?? "1000");
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    "bench:gaps runs on real PostgreSQL: set DATABASE_URL (a server where it may create and drop a database).",
  );
  process.exit(1);
}

const name = `clusterlink_bench_gaps_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.href, dataDir: "memory://" });
const median = (values: number[]) =>
  required([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)], "the median of no timings");
const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

try {
  const db = database.db;
  await prepareDatabase(db);
  const reference = await firmReferenceData(db);
  const progress = progressBar("Synthetic firms");
  const loadMs = await timed(() =>
    replaceSyntheticFirms(db, syntheticFirms(count, 1, reference), (done) => progress(done, count)),
  );
  await sql`vacuum analyze firms`.execute(db);
  console.log(
    `\n${count} synthetic firms loaded in ${(loadMs / 1000).toFixed(1)} s (PostgreSQL ${required((await sql<{ server_version: string }>`show server_version`.execute(db)).rows[0], "the server_version row").server_version}).`,
  );

  await recomputeGaps(db);
  const scan = () =>
    sql`select region_code, pavitt_class, ksic_division, count(*), sum(employees) from firms group by 1, 2, 3`.execute(
      db,
    );
  await scan();
  const recomputeTimes: number[] = [];
  const scanTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    scanTimes.push(await timed(scan));
    recomputeTimes.push(await timed(() => recomputeGaps(db)));
  }
  const recomputeMs = median(recomputeTimes);
  const scanMs = median(scanTimes);
  const cells = required(
    (await sql<{ n: number }>`select count(*)::int as n from gap_cells`.execute(db)).rows[0],
    "the count of gap cells",
  ).n;

  const services = { database } as unknown as Services;
  const server = http.createServer((request, response) => {
    void callLoader(gapsLoader, services, request.url ?? "/").then(async (answer) => {
      response.writeHead(answer.status, { "Content-Type": "application/json" });
      response.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const paths = [10, 20, 30, 50].flatMap((radius) => [
    `/api/gaps?radiusKm=${radius}`,
    `/api/gaps?radiusKm=${radius}&pavittClass=specialized_supplier`,
  ]);
  for (const path of paths) await (await fetch(base + path)).text();
  const latencies: number[] = [];
  for (let index = 0; index < requests; index++) {
    const path = paths[index % paths.length];
    latencies.push(await timed(async () => (await fetch(base + path)).text()));
  }
  server.close();
  latencies.sort((a, b) => a - b);
  const p95 = required(latencies[Math.floor(latencies.length * 0.95)], "the p95 of no requests");
  const p50 = required(latencies[Math.floor(latencies.length * 0.5)], "the p50 of no requests");

  const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
  const ratio = recomputeMs / scanMs;
  console.log(
    `\nCoverage-gap benchmark: ${count} synthetic firms; ${os.cpus().length} CPUs, load average ${loadAverage()} at the end`,
  );
  console.log(
    `full recompute (median of ${rounds}):   ${(recomputeMs / 1000).toFixed(2)} s   [${recomputeTimes.map((t) => (t / 1000).toFixed(2)).join(", ")}]  → ${cells} stored cells`,
  );
  console.log(
    `plain aggregate scan of firms:      ${(scanMs / 1000).toFixed(2)} s   [${scanTimes.map((t) => (t / 1000).toFixed(2)).join(", ")}]`,
  );
  console.log(
    `ratio recompute / scan:             ${ratio.toFixed(1)}×   ${verdict(ratio <= 10 && recomputeMs <= 10_000)} (target ≤ 10×, recompute ≤ 10 s)`,
  );
  console.log(
    `/api/gaps from cache, ${requests} requests: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms   ${verdict(p95 <= 100)} (target p95 ≤ 100 ms)`,
  );
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name}`);
  await admin.end();
}
