import fs from "node:fs";
import path from "node:path";
import { listAreas } from "../db/queries/areas";
import { firmReferenceData, storeImportedFirms } from "../db/queries/firms";
import { recomputeGaps } from "../db/queries/gaps";
import { listRegions } from "../db/queries/regions";
import { prepareDatabase } from "../db/setup";
import { parseRegister } from "../app/domain/gaps/firm-import";
import { buildGeocoder } from "../app/domain/geocode";
import { issueMessage } from "../app/validation";
import { parseOptions, runWithDatabase } from "./cli";

const { options, positional } = parseOptions(process.argv.slice(2));
const file = positional[0];
if (!file) {
  console.error(
    "Usage: npm run firms:import -- <register.csv> [--replace]\n  columns: name, ksic_division, employees, and lat+lng, address (주소) or region_code (UTF-8 or CP949)",
  );
  process.exit(1);
}

await runWithDatabase(async (database) => {
  await prepareDatabase(database.db);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new Error(`Cannot read ${file}`);
  }
  const [reference, areas, regions] = await Promise.all([
    firmReferenceData(database.db),
    listAreas(database.db),
    listRegions(database.db),
  ]);
  const geocoder = buildGeocoder(areas, regions);
  const parsed = parseRegister(bytes, {
    divisions: reference.divisions,
    regions: new Map(reference.regions.map((region) => [region.code, region.labelPoint])),
    boundaries: reference.boundaries,
    source: `import: ${path.basename(file)}`,
    geocode: (query) => geocoder.geocode(query),
  });
  if (!parsed.ok) {
    console.error(`${file} was not imported; nothing changed. ${parsed.problems.length} problem(s):`);
    for (const problem of parsed.problems)
      console.error(
        `  row ${problem.row}, ${problem.field}: ${issueMessage(problem, "ko")} / ${issueMessage(problem, "en")}`,
      );
    process.exitCode = 1;
    return;
  }
  const replace = options.get("replace") === "true";
  const stored = await storeImportedFirms(database.db, parsed.firms, { replace });
  await recomputeGaps(database.db);
  console.log(
    `Imported ${stored} firms from ${file} (${parsed.encoding})${replace ? ", replacing earlier imported firms" : ""}; coverage figures recomputed.`,
  );
});
