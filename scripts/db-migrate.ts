import { migrateToLatest } from "../db/migrate";
import { runWithDatabase } from "./cli";

await runWithDatabase(async (database) => {
  const applied = await migrateToLatest(database.db);
  console.log(
    applied.length === 0
      ? `Schema up to date (${database.location}).`
      : `Applied ${applied.join(", ")} (${database.location}).`,
  );
});
