/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
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

export default defineConfig({
  plugins: [runningTests ? null : [remix(remixConfig), processEntry], tsconfigPaths()],
  // MapLibre alone is about 1.1 MB minified: a chunk of its own, so a change to the app's map code
  // does not make browsers fetch it again.
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: { manualChunks: (id) => (id.includes("/node_modules/maplibre-gl/") ? "maplibre" : undefined) },
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
