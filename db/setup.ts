import path from "node:path";
import type { Kysely } from "kysely";
import { migrateToLatest } from "./migrate";
import { countRegions } from "./queries/regions";
import type { Database } from "./schema";
import { readAreas } from "./seed/areas";
import { applyAreas, applyCatalog, type SeedReport } from "./seed/apply";
import { readCatalog } from "./seed/catalog";

/** The project's curated data files; scripts and the server run from the project root. */
export const CATALOG_DIR = path.resolve("data");

/**
 * Brings a database to a usable state: schema up to date and, when it holds no
 * catalogue yet, the data files loaded. A database that already has data is
 * left alone; `npm run db:seed` applies edited files on purpose.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  catalogDir = CATALOG_DIR,
): Promise<{ migrations: string[]; seeded: SeedReport | null }> {
  const migrations = await migrateToLatest(db);
  if ((await countRegions(db)) > 0) {
    // A database seeded before the area table existed gets it now: the geocoder needs it.
    const areas = await db.selectFrom("areas").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    if (Number(areas.n) === 0) await applyAreas(db, readAreas(catalogDir));
    return { migrations, seeded: null };
  }
  return { migrations, seeded: await applyCatalog(db, readCatalog(catalogDir)) };
}
