// @ts-check
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The server build's process entry (vite.config.ts): what `npm start` runs. */
export const SERVER_ENTRY = path.resolve("build/server/start.js");

/** Everything the build is made from: a change to any of it makes the build stale. */
const SOURCES = [
  "app",
  "db",
  "public",
  "scripts/start.ts",
  "scripts/serve.ts",
  "remix.config.js",
  "vite.config.ts",
  "tsconfig.json",
  "package-lock.json",
];

/**
 * @param {string} entry
 * @returns {number}
 */
function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce(
      (/** @type {number} */ newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
      stat.mtimeMs,
    );
}

/** True when there is no build or a source file is newer than it. */
export function buildIsStale() {
  const builtAt = fs.existsSync(SERVER_ENTRY) ? fs.statSync(SERVER_ENTRY).mtimeMs : 0;
  return builtAt <= Math.max(...SOURCES.map(newestMtime));
}

/**
 * `remix vite:build` for production: the client, then the server build (the Remix build and the process entry).
 * @param {"inherit" | "pipe"} stdio
 */
export function buildServer(stdio) {
  return spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    stdio,
    encoding: "utf8",
    // Under the test runner VITEST is set, and vite.config.ts would leave the Remix plugin out.
    env: { ...process.env, NODE_ENV: "production", VITEST: "" },
  });
}
