import fs from "node:fs";
import { today } from "../app/clock";
import { parsePortalReply } from "../app/domain/programs/parse";
import { PORTALS, type Portal } from "../app/domain/programs/types";
import { importRecords } from "../app/programs/import.server";
import { prepareDatabase } from "../db/setup";
import { parseOptions, runWithDatabase } from "./cli";

const USAGE = "Usage: npm run programs:import -- --source bizinfo|kstartup <file.json> [--complete]";

const { options, positional } = parseOptions(process.argv.slice(2));
const source = options.get("source");
const file = positional[0];
if (!source || !(PORTALS as readonly string[]).includes(source) || !file) {
  console.error(USAGE);
  process.exit(2);
}

await runWithDatabase(async (database) => {
  let body: unknown;
  try {
    body = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not a JSON reply (${(error as Error).message})`);
  }
  const reply = parsePortalReply(source as Portal, body);
  if (!reply.ok) {
    console.error(
      `${file}: the portal answered with an error (${reply.error.kind}${reply.error.code ? ` ${reply.error.code}` : ""}): ${reply.error.message}`,
    );
    process.exitCode = 1;
    return;
  }
  await prepareDatabase(database.db);
  // A saved file is one page unless the operator says it is the whole listing (--complete).
  const report = await importRecords(database.db, source as Portal, reply.page.records, {
    today: today(),
    complete: options.get("complete") === "true",
  });
  const c = report.counts;
  console.log(
    `${source}: ${c.fetched} records read, ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.closed} closed, ${c.rejected} rejected (run ${report.runId}).`,
  );
  for (const error of report.errors)
    console.log(`  rejected ${error.sourceId ?? "(no id)"}: ${error.field}: ${error.message}`);
});
