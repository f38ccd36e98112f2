import fs from "node:fs";
import path from "node:path";
import { listAreas } from "../db/queries/areas";
import { listRegions } from "../db/queries/regions";
import { prepareDatabase } from "../db/setup";
import { importFacilityFile } from "../app/facilities/import.server";
import { FACILITY_IMPORT_SOURCES, type FacilityImportSource } from "../app/domain/facility-import";
import { buildGeocoder } from "../app/domain/geocode";
import { parseOptions, runWithDatabase } from "./cli";

const { options, positional } = parseOptions(process.argv.slice(2));
const source = options.get("source") as FacilityImportSource | undefined;
const file = positional[0];
if (!source || !FACILITY_IMPORT_SOURCES.includes(source) || !file) {
  console.error("Usage: npm run facilities:import -- --source kicox|incubators <file.csv>");
  process.exit(1);
}

await runWithDatabase(async (database) => {
  await prepareDatabase(database.db);
  const bytes = fs.readFileSync(file);
  const [areas, regions] = await Promise.all([listAreas(database.db), listRegions(database.db)]);
  const outcome = await importFacilityFile(
    database.db,
    buildGeocoder(areas, regions),
    source,
    bytes,
    path.basename(file),
  );
  for (const s of outcome.skipped) console.log(`  row ${s.row}: ${s.ko} / ${s.en}`);
  if (outcome.written === null) {
    console.error(
      `${file} (${outcome.encoding}) was not imported; nothing changed. ${outcome.problems.length} problem(s):`,
    );
    for (const p of outcome.problems) console.error(`  row ${p.row}, ${p.column || "file"}: ${p.ko} / ${p.en}`);
    process.exitCode = 1;
    return;
  }
  const byPrecision = new Map<string, number>();
  for (const f of outcome.facilities) byPrecision.set(f.precision, (byPrecision.get(f.precision) ?? 0) + 1);
  console.log(
    `Imported ${outcome.facilities.length} facilities from ${file} (${outcome.encoding}): ${outcome.written.inserted} new, ${outcome.written.updated} updated, ${outcome.written.kept} kept as the council edited them; ` +
      `${[...byPrecision].map(([p, n]) => `${n} at ${p}`).join(", ")}; ${outcome.skipped.length} rows skipped.`,
  );
});
