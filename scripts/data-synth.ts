import { firmReferenceData, replaceSyntheticFirms } from "../db/queries/firms";
import { recomputeGaps } from "../db/queries/gaps";
import { prepareDatabase } from "../db/setup";
import { syntheticFirms } from "../app/domain/gaps/synthetic";
import { parseOptions, progressBar, runWithDatabase } from "./cli";

const MAX_COUNT = 5_000_000;
const { options } = parseOptions(process.argv.slice(2));
const count = Number(options.get("count") ?? "10000");
const seed = Number(options.get("seed") ?? "1");
if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
  console.error(
    `--count must be a whole number from 0 to ${MAX_COUNT}.\nUsage: npm run data:synth -- --count N --seed S`,
  );
  process.exit(1);
}
if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
  console.error("--seed must be a whole number from 0 to 4294967295.\nUsage: npm run data:synth -- --count N --seed S");
  process.exit(1);
}

await runWithDatabase(async (database) => {
  await prepareDatabase(database.db);
  const reference = await firmReferenceData(database.db);
  const progress = progressBar("Synthetic firms");
  const started = Date.now();
  const stored = await replaceSyntheticFirms(database.db, syntheticFirms(count, seed, reference), (done) =>
    progress(done, count),
  );
  if (count === 0) progress(0, 0);
  console.log(
    `Stored ${stored} synthetic firms (seed ${seed}) in ${database.location} in ${((Date.now() - started) / 1000).toFixed(1)} s; earlier synthetic firms were replaced, imported firms kept.`,
  );
  const computing = Date.now();
  await recomputeGaps(database.db);
  console.log(`Coverage figures recomputed in ${((Date.now() - computing) / 1000).toFixed(1)} s.`);
});
