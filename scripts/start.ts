import cluster from "node:cluster";
import * as remixBuild from "virtual:remix/server-build";
import { ConfigError, loadConfig, type AppConfig } from "../app/config.server";
import { openDatabase } from "../db/client";
import { DataDirLockedError } from "../db/pglite-lock";
import { prepareDatabase } from "../db/setup";
import { ensureFirstAdmin } from "../app/auth/first-admin.server";
import { createServices } from "../app/services.server";
import { drain, startServer } from "./serve";

/*
 * The server process, built into the server build beside the Remix build (vite.config.ts): build/server/start.js,
 * which `npm start` (scripts/start.mjs) runs with plain node once the build is up to date.
 */

/** How long SIGTERM waits for requests in flight before closing their connections. */
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** WEB_CONCURRENCY: how many worker processes to run (1 when unset). */
function workerCount(): number {
  const raw = process.env.WEB_CONCURRENCY?.trim();
  if (!raw) return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${raw}".`);
    process.exit(1);
  }
  return count;
}

/** One server process: opens the database, serves, and on SIGTERM drains its requests and closes the database. */
async function runServer(config: AppConfig, role: "process" | "worker"): Promise<void> {
  let services;
  try {
    services = await createServices(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (role === "process") {
    const createdAdmin = await ensureFirstAdmin(services.database.db, config.firstAdmin ?? {});
    if (createdAdmin) console.log(`Created the first administrator account, ${createdAdmin}.`);
  }
  const server = await startServer(services, remixBuild);
  const where =
    services.database.kind === "pglite"
      ? `embedded PostgreSQL at ${services.database.location}`
      : `PostgreSQL at ${services.database.location}`;
  console.log(
    `ClusterLink ${role} ${process.pid} on http://${config.host}:${config.port} (${where}; search: ${services.search.primary.name})`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `${signal} (${process.pid}): no new connections; finishing the requests in flight (at most ${SHUTDOWN_GRACE_MS / 1000} s)…`,
    );
    void drain(server, SHUTDOWN_GRACE_MS)
      .then((forced) => {
        if (forced > 0) console.warn(`Closed ${forced} connection(s) still busy after ${SHUTDOWN_GRACE_MS / 1000} s.`);
        return services.close();
      })
      .then(
        () => {
          console.log(`Stopped ${process.pid}: requests drained, database closed.`);
          process.exit(0);
        },
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

/** Migrations and the first administrator, once, before any worker starts. */
async function prepareOnce(config: AppConfig): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await prepareDatabase(database.db);
    const createdAdmin = await ensureFirstAdmin(database.db, config.firstAdmin ?? {});
    if (createdAdmin) console.log(`Created the first administrator account, ${createdAdmin}.`);
  } finally {
    await database.close();
  }
}

/**
 * The primary of WEB_CONCURRENCY workers (node:cluster; they share the port):
 * restarts a worker that dies, and on SIGTERM passes it on and waits for every
 * worker to drain.
 */
function runPrimary(count: number): void {
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        console.log("All workers stopped.");
        process.exit(0);
      }
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    setTimeout(fork, 1000);
  });
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping ${count} workers…`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  for (let i = 0; i < count; i++) fork();
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (cluster.isWorker) return runServer(config, "worker");
  const count = workerCount();
  if (count > 1 && config.databaseUrl) {
    await prepareOnce(config);
    console.log(`Starting ${count} workers on PostgreSQL (WEB_CONCURRENCY=${count}).`);
    runPrimary(count);
    return;
  }
  if (count > 1)
    console.log(
      `WEB_CONCURRENCY=${count} ignored: the embedded PGlite database belongs to one process, so ClusterLink runs as one. Set DATABASE_URL to a PostgreSQL server to run ${count} workers.`,
    );
  await runServer(config, "process");
}

await main();
