import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig } from "../app/config.server";
import { DataDirLockedError } from "../db/pglite-lock";
import { ensureFirstAdmin } from "../app/auth/first-admin.server";
import { createServices } from "../app/services.server";
import { BUILD_DIR, drain, startServer } from "./serve";

/** How long SIGTERM waits for requests in flight before closing their connections. */
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);

const SOURCES = ["app", "public", "remix.config.js", "vite.config.ts", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Builds when there is no build or a source file is newer than it. */
function buildIfStale(): void {
  const built = path.join(BUILD_DIR, "server/index.js");
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestMtime))) return;
  console.log("Building the app…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  buildIfStale();
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
  const createdAdmin = await ensureFirstAdmin(services.database.db, config.firstAdmin ?? {});
  if (createdAdmin) console.log(`Created the first administrator account, ${createdAdmin}.`);
  const server = await startServer(services);
  const where = services.database.kind === "pglite" ? `embedded PostgreSQL at ${services.database.location}` : `PostgreSQL at ${services.database.location}`;
  console.log(`ClusterLink on http://${config.host}:${config.port} (${where}; search: ${services.search.primary.name})`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new connections; finishing the requests in flight (at most ${SHUTDOWN_GRACE_MS / 1000} s)…`);
    void drain(server, SHUTDOWN_GRACE_MS)
      .then((forced) => {
        if (forced > 0) console.warn(`Closed ${forced} connection(s) still busy after ${SHUTDOWN_GRACE_MS / 1000} s.`);
        return services.close();
      })
      .then(
        () => {
          console.log("Stopped: requests drained, database closed.");
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

await main();
