import type { Migration, MigrationProvider } from "kysely";
import * as foundation from "./001_foundation";
import * as council from "./002_council";

/** Migrations are listed here rather than read from disk so that bundled builds carry them. */
const migrations: Record<string, Migration> = {
  "001_foundation": foundation,
  "002_council": council,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
