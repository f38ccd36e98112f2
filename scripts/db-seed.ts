import { migrateToLatest } from "../db/migrate";
import { CATALOG_DIR } from "../db/setup";
import { applyCatalog } from "../db/seed/apply";
import { readCatalog } from "../db/seed/catalog";
import { runWithDatabase } from "./cli";

await runWithDatabase(async (database) => {
  await migrateToLatest(database.db);
  const report = await applyCatalog(database.db, readCatalog(CATALOG_DIR));
  const line = (label: string, counts: Record<string, number>) => {
    const parts = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${table} ${n}`);
    console.log(`${label}: ${parts.length > 0 ? parts.join(", ") : "none"}`);
  };
  line("Inserted", report.inserted);
  line("Updated", report.updated);
  line("Archived", report.archived);
  if (report.keptCouncilEdits.length > 0) console.log(`Kept council edits: ${report.keptCouncilEdits.join(", ")}`);
  console.log("Search picks the changes up from the outbox when the app runs (or run npm run search:reindex).");
});
