/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const runningTests = Boolean(process.env.VITEST);

/**
 * The server build gets a second entry, the process (scripts/start.ts → build/server/start.js), beside the
 * Remix build (index.js). One Rollup build for both means one copy of every module: the services the process
 * creates are the ones the routes are handed, and plain node runs it all.
 */
const processEntry: Plugin = {
  name: "clusterlink-process-entry",
  apply: "build",
  enforce: "post",
  config(config, env) {
    if (!env.isSsrBuild) return;
    const remixBuild = config.build?.rollupOptions?.input;
    if (typeof remixBuild !== "string") throw new Error("the Remix plugin did not set the server build's entry");
    return {
      build: {
        rollupOptions: {
          input: { index: remixBuild, start: "scripts/start.ts" },
          output: { entryFileNames: "[name].js" },
        },
      },
    };
  },
};

/** What is worth compressing ahead: text. Images and fonts (woff2) are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|json|svg|txt|map)$/;

/**
 * The client's files compressed once, at the highest settings, beside each file (`x.js.br`, `x.js.gz`), for
 * the server to send as they are (scripts/serve.ts). Compressing on each request has to be quick and gave
 * MapLibre about 296 KiB; Brotli at quality 11 gives about 241 KiB, which brings every map page under the
 * 408 KB budget.
 */
let clientOutDir: string | null = null;
const precompressedAssets: Plugin = {
  name: "clusterlink-precompressed-assets",
  apply: "build",
  // After the server build, the last of the two: Remix writes the browser's route manifest into the
  // client's assets then, outside the client's own bundle. scripts/serve.ts serves the same folder.
  configResolved(config) {
    clientOutDir = config.build.ssr ? path.resolve(config.root, "build/client") : null;
  },
  closeBundle() {
    if (!clientOutDir) return;
    for (const entry of fs.readdirSync(clientOutDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const content = fs.readFileSync(file);
      if (content.length < 1024) continue;
      fs.writeFileSync(
        `${file}.br`,
        zlib.brotliCompressSync(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
      );
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: zlib.constants.Z_BEST_COMPRESSION }));
    }
  },
};

/**
 * Tests render routes on the server without the Remix plugin, which empties `.client` modules in a server
 * build. The same here: MapLibre's browser entry starts a Web Worker when it loads, and node has none.
 */
const emptyClientModulesInTests: Plugin = {
  name: "clusterlink-empty-client-modules-in-tests",
  enforce: "pre",
  load(id, options) {
    if (options?.ssr && /\.client\.[cm]?[jt]sx?(\?|$)/.test(id)) return "export default undefined;";
    return null;
  },
};

export default defineConfig({
  plugins: [
    runningTests ? emptyClientModulesInTests : [remix(remixConfig), processEntry, precompressedAssets],
    tsconfigPaths(),
  ],
  // MapLibre alone is about 1.1 MB minified: a chunk of its own, so a change to the app's map code
  // does not make browsers fetch it again.
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // Only MapLibre's code: its stylesheet's URL (`?url`, imported by the root) would bring the whole
      // chunk to every page, map or not.
      output: {
        manualChunks: (id) => (id.includes("/node_modules/maplibre-gl/") && !id.includes("?") ? "maplibre" : undefined),
      },
    },
  },
  server: { host: "127.0.0.1" },
  // `npm run dev`: the browser's dependencies, bundled once up front. Found one by one as pages load them
  // (some only after a click), each new one re-bundled them all and reloaded the page, over and over.
  optimizeDeps: {
    include: ["maplibre-gl", "topojson-client", "es-hangul", "h3-js", "pmtiles", "@protomaps/basemaps", "zod"],
  },
  test: {
    include: ["test/{unit,integration,contract}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite boots in a few seconds and takes a few hundred MB: few workers at once.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
