/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const runningTests = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [runningTests ? null : remix(remixConfig), tsconfigPaths()],
  // MapLibre alone is about 1.1 MB minified and is loaded lazily, after the page.
  build: { target: "es2022", chunkSizeWarningLimit: 1200 },
  server: { host: "127.0.0.1" },
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
