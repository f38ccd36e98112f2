import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

/** The fault suite (test/service): real app processes, run one file at a time. */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["test/service/**/*.test.ts"],
    // Built once up front: processes started together would otherwise each build a stale app at the same time.
    globalSetup: ["test/service/build.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: "forks",
  },
});
