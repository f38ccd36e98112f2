import { today } from "../app/clock";
import { configuredPortals, DEFAULT_FETCH_POLICY, syncPortal } from "../app/programs/sync.server";
import { prepareDatabase } from "../db/setup";
import { progressBar, runWithDatabase } from "./cli";

await runWithDatabase(async (database, config) => {
  const portals = configuredPortals(config.programSources);
  if (portals.length === 0) {
    console.error(
      "No portal key is set: BIZINFO_API_KEY (기업마당 bizinfoApi.do) and/or KSTARTUP_SERVICE_KEY (data.go.kr getAnnouncementInformation01).",
    );
    process.exitCode = 1;
    return;
  }
  await prepareDatabase(database.db);
  for (const portal of portals) {
    const outcome = await syncPortal(database.db, portal, config.programSources!, today(), {
      ...DEFAULT_FETCH_POLICY,
      onProgress: progressBar(`${portal}`),
      log: (line) => console.log(line),
    });
    const c = outcome.report.counts;
    console.log(
      `${portal}: ${c.fetched} records read, ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.closed} closed, ${c.rejected} rejected; ${outcome.report.complete ? "complete" : "incomplete (nothing closed as withdrawn)"} (run ${outcome.report.runId}).`,
    );
    for (const error of outcome.report.errors.slice(0, 20))
      console.log(`  ${error.sourceId ? `rejected ${error.sourceId}: ${error.field}: ` : ""}${error.message}`);
    if (outcome.error) {
      console.error(outcome.error.message);
      process.exitCode = 1;
    }
  }
});
