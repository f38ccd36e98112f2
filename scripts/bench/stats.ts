/** Small numeric helpers shared by the benchmark scripts. */
import os from "node:os";
import { required } from "../../app/required";

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return required(sorted[rank - 1], "the sample at a percentile rank");
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}

/** The one-minute load average, as the reports print it. */
export function loadAverage(): string {
  return required(os.loadavg()[0], "the one-minute load average").toFixed(1);
}

export function verdict(pass: boolean): string {
  return pass ? "PASS" : "FAIL";
}

/** The synthetic population's generator: the same seed gives the same catalogue and queries on every machine. */
export { seededRandom } from "../../app/domain/gaps/synthetic";

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return required(items[Math.floor(random() * items.length)], "an item to pick from");
}

/** `count` distinct items, in random order. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return chosen;
}

export function weighted<T>(random: Random, options: ReadonlyArray<readonly [T, number]>): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return required(options.at(-1), "an option to pick by weight")[0];
}
