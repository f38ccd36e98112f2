import fs from "node:fs";
import { DEFAULT_BOUNDARY_SOURCE, importBoundaries } from "../app/boundaries.server";
import { prepareDatabase } from "../db/setup";
import { parseOptions, runWithDatabase } from "./cli";

const { options, positional } = parseOptions(process.argv.slice(2));
const file = positional[0];
if (!file) {
  console.error("Usage: npm run boundaries:import -- <file.geojson|file.topojson> [--source TEXT] [--license TEXT]");
  process.exit(1);
}

await runWithDatabase(async (database) => {
  await prepareDatabase(database.db);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(`Cannot read ${file}`);
  }
  const result = await importBoundaries(database.db, text, {
    source: options.get("source") ?? DEFAULT_BOUNDARY_SOURCE.source,
    license: options.get("license") ?? DEFAULT_BOUNDARY_SOURCE.license,
  });
  if (!result.ok) {
    console.error(`${file} was not imported; nothing changed:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Imported ${result.provinces} province boundaries (${result.codeSystem} codes) from ${file}.`);
});
