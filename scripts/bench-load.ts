/**
 * Load benchmark from outside, as clients see the server: /api/search and
 * /api/match under autocannon at 10 and 50 connections, with one and with two
 * worker processes (WEB_CONCURRENCY), in one run. Two workers need PostgreSQL
 * (DATABASE_URL); on PGlite only the one-process rows are measured.
 *
 *   DATABASE_URL=postgres://… npm run bench:load          (30 s per row)
 *   BENCH_SECONDS=5 npm run bench:load                    (shorter)
 *
 * The API rate limit is off unless API_RATE_LIMIT is set.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "./harness/app";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = [10, 50];
const WORKERS = process.env.DATABASE_URL ? [1, 2] : [1];

const SEARCHES = [
  "대구",
  "부산 섬유",
  "창원 기계",
  "Daegu textile",
  "반도체",
  "전주 탄소",
  "광주 인공지능",
  "ㄷㄱ",
].map((q) => ({ method: "GET" as const, path: `/api/search?q=${encodeURIComponent(q)}` }));
const MATCHES = [
  { ksicDivision: "13", employees: 40, regionCode: "27", needs: ["technology"] },
  { ksicDivision: "29", employees: 120, regionCode: "48" },
  { ksicDivision: "26", employees: 15, location: { lat: 37.4, lng: 127.1 } },
  { ksicDivision: "20", employees: 300, regionCode: "31", needs: ["cooperation"] },
].map((body) => ({
  method: "POST" as const,
  path: "/api/match",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
}));
const ENDPOINTS = [
  { name: "/api/search", requests: SEARCHES },
  { name: "/api/match", requests: MATCHES },
];

interface Row {
  workers: number;
  endpoint: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rssMb: number;
  /** Cores' worth of CPU used during the row: by the server's processes, by the load generator (this process), by the whole machine. */
  appCores: number;
  generatorCores: number;
  machineCores: number;
}

/** A process and its children (the cluster's workers), with their resident memory in KB. */
function processTree(pid: number): { pid: number; rssKb: number }[] {
  const listed = spawnSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" }).stdout.trim().split("\n");
  const rows = listed.map((line) => {
    const [child = 0, parent = 0, rss = 0] = line.trim().split(/\s+/).map(Number);
    return { child, parent, rss };
  });
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { child, parent } of rows)
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
  }
  return rows.filter(({ child }) => tree.has(child)).map(({ child, rss }) => ({ pid: child, rssKb: rss }));
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds the server's processes have used (user + system, from /proc). */
function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const { pid: member } of processTree(pid)) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = fs.readFileSync(`/proc/${member}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A worker that exited between ps and the read has nothing left to count.
    }
  }
  return ticks / CLOCK_TICKS;
}

/** Busy and total CPU time of the whole machine, in ticks (/proc/stat), to show what other work took. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const ticks = values.map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

async function startServer(workers: number, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: String(workers),
    // The per-address API limit would answer most requests 429: measured is the app, not the limiter.
    API_RATE_LIMIT: process.env.API_RATE_LIMIT ?? "0",
  };
  // The server logs a line per request: into a file, so that reading them costs the load generator nothing.
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-load-")), "server.log");
  const logFd = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [path.resolve("scripts/start.mjs")], {
    env,
    stdio: ["ignore", logFd, "inherit"],
  });
  fs.closeSync(logFd);
  const readLog = () => fs.readFileSync(logFile, "utf8");
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${readLog()}`);
    const ready = (readLog().match(/ClusterLink (worker|process) \d+ on/g) ?? []).length >= workers;
    if (
      ready &&
      (await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return child;
    if (Date.now() - started > 180_000) throw new Error(`the server did not start:\n${readLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

async function load(
  port: number,
  requests: autocannon.Request[],
  connections: number,
  seconds: number,
): Promise<autocannon.Result> {
  return autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests, timeout: 10 });
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const workers of WORKERS) {
    const port = await freePort();
    const server = await startServer(workers, port);
    try {
      for (const endpoint of ENDPOINTS) {
        // Warm-up: the first requests load reference data and JIT the hot paths.
        await load(port, endpoint.requests, 10, Math.min(3, SECONDS));
        for (const connections of CONNECTIONS) {
          const before = { app: treeCpuSeconds(server.pid!), generator: process.cpuUsage(), machine: machineTicks() };
          const started = performance.now();
          const result = await load(port, endpoint.requests, connections, SECONDS);
          const wallSeconds = (performance.now() - started) / 1000;
          const generator = process.cpuUsage(before.generator);
          const machine = machineTicks();
          const row = {
            workers,
            endpoint: endpoint.name,
            connections,
            rps: Math.round(result.requests.average),
            p50: result.latency.p50,
            p99: result.latency.p99,
            errors: result.errors + result.timeouts + result.non2xx,
            rssMb: Math.round(processTree(server.pid!).reduce((sum, { rssKb }) => sum + rssKb, 0) / 1024),
            appCores: (treeCpuSeconds(server.pid!) - before.app) / wallSeconds,
            generatorCores: (generator.user + generator.system) / 1e6 / wallSeconds,
            machineCores:
              ((machine.busy - before.machine.busy) / (machine.total - before.machine.total)) * os.cpus().length,
          };
          rows.push(row);
          console.log(
            `${workers} worker(s) ${row.endpoint} ${connections} conn: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}, RSS ${row.rssMb} MB, CPU app ${row.appCores.toFixed(2)} / generator ${row.generatorCores.toFixed(2)} / machine ${row.machineCores.toFixed(2)} cores`,
          );
        }
      }
    } finally {
      await stopServer(server);
    }
  }

  const database = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
  console.log("");
  console.log(
    `Load benchmark: ${SECONDS} s per row, ${database}, embedded search; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
  );
  console.log("workers  endpoint     conn   req/s   p50 ms   p99 ms  errors  RSS MB   app/generator/machine cores");
  for (const r of rows)
    console.log(
      `${String(r.workers).padStart(7)}  ${r.endpoint.padEnd(11)} ${String(r.connections).padStart(5)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.rssMb).padStart(7)}   ${r.appCores.toFixed(2)}/${r.generatorCores.toFixed(2)}/${r.machineCores.toFixed(2)}`,
    );
  if (WORKERS.length > 1) {
    console.log("");
    for (const endpoint of ENDPOINTS) {
      for (const connections of CONNECTIONS) {
        const one = rows.find((r) => r.workers === 1 && r.endpoint === endpoint.name && r.connections === connections)!;
        const two = rows.find((r) => r.workers === 2 && r.endpoint === endpoint.name && r.connections === connections)!;
        console.log(
          `${endpoint.name} at ${connections} connections: 2 workers / 1 worker = ${(two.rps / one.rps).toFixed(2)}×`,
        );
      }
    }
  } else console.log("Two workers need PostgreSQL: set DATABASE_URL to measure them.");
  const failed = rows.filter((r) => r.errors > 0);
  const slow = rows.filter((r) => r.connections === 50 && r.p99 > 250);
  console.log(
    `Targets: 0 errors (${failed.length === 0 ? "met" : `missed in ${failed.length} rows`}), p99 ≤ 250 ms at 50 connections (${slow.length === 0 ? "met" : `missed in ${slow.length} rows`}), 2 workers ≥ 1.6× one (see the ratios).`,
  );
  console.log(
    "Cores: what the app, this load generator and the whole machine used during each row. Two workers can add only what the machine had left: its cores minus the generator and other work.",
  );
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(rows, null, 2));
}

await main();
