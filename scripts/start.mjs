/**
 * `npm start`: builds when there is no build or a source file is newer than it, then runs the server build's
 * process entry (build/server/start.js, from scripts/start.ts) in this process, on plain node. The workers of
 * WEB_CONCURRENCY run this file too (node:cluster) and use the build their primary checked.
 */
import cluster from "node:cluster";
import { pathToFileURL } from "node:url";
import { buildIsStale, buildServer, SERVER_ENTRY } from "./build.mjs";

if (cluster.isPrimary && buildIsStale()) {
  console.log("Building the app…");
  if (buildServer("inherit").status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(1);
  }
}
// Before the server's modules load: React, Express and the rest pick their production code by it when they do.
process.env.NODE_ENV ??= "production";
await import(pathToFileURL(SERVER_ENTRY).href);
