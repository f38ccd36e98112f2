import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig } from "../app/config.server";
import { ensureFirstAdmin } from "../app/auth/first-admin.server";
import { createServices } from "../app/services.server";
import { BUILD_DIR, startServer } from "./serve";

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
  const services = await createServices(config);
  const createdAdmin = await ensureFirstAdmin(services.database.db, config.firstAdmin ?? {});
  if (createdAdmin) console.log(`Created the first administrator account, ${createdAdmin}.`);
  const server = await startServer(services);
  const where = services.database.kind === "pglite" ? `embedded PostgreSQL at ${services.database.location}` : `PostgreSQL at ${services.database.location}`;
  console.log(`ClusterLink on http://${config.host}:${config.port} (${where}; search: ${services.search.primary.name})`);

  const shutdown = () => {
    server.close();
    void services.close().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

await main();
