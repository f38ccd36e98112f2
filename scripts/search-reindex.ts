import { prepareDatabase } from "../db/setup";
import { createSearchEngine } from "../app/search";
import { SearchService } from "../app/search/service.server";
import { progressBar, runWithDatabase } from "./cli";

await runWithDatabase(async (database, config) => {
  await prepareDatabase(database.db);
  const engine = createSearchEngine(config);
  if (engine.name === "embedded") {
    console.log(
      "No MEILI_HOST set: the embedded engine is rebuilt from the database each time the app starts. Checking that it builds:",
    );
  }
  const service = new SearchService(database.db, engine);
  const count = await service.rebuild(progressBar(`Indexing into ${engine.name}`));
  console.log(`Indexed ${count} documents; the outbox is marked delivered.`);
});
