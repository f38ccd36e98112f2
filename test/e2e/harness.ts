import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildServer } from "../../scripts/build.mjs";
import type { RunningApp } from "../../scripts/harness/app";

export const RESULTS_DIR = path.resolve("test-results");

/** Builds the app once so every scenario runs against the production bundle. */
export function buildApp(): void {
  if (buildServer("inherit").status !== 0) throw new Error("build failed");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

/** Runs an npm script's entry file (scripts/*.ts) against an embedded database; throws with its output when it fails. */
export function runScript(script: string, args: string[], dataDir: string, env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), script, ...args], {
    env: { ...process.env, DATABASE_URL: "", MEILI_HOST: "", ...env, DATA_DIR: dataDir },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
}

export type Scenario = { name: string; run: (context: { app: RunningApp; browser: Browser }) => Promise<void> };

/**
 * `work`, or an error naming `what` after `ms`. Playwright's `evaluate` and axe's `analyze` wait
 * without limit, so a page whose main thread never frees would otherwise hold the suite forever.
 */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
