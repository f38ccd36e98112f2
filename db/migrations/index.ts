import type { Migration, MigrationProvider } from "kysely";
import * as foundation from "./001_foundation";
import * as council from "./002_council";
import * as gaps from "./003_gaps";
import * as councilImports from "./004_council_imports";
import * as service from "./005_service";
import * as programCalls from "./006_program_calls";
import * as facilities from "./007_facilities";
import * as loginThrottles from "./008_login_throttles";
import * as inquiries from "./011_inquiries";
import * as draftChange from "./012_draft_change";
import * as programSourcesFillfactor from "./013_program_sources_fillfactor";

/** Migrations are listed here rather than read from disk so that bundled builds carry them. */
const migrations: Record<string, Migration> = {
  "001_foundation": foundation,
  "002_council": council,
  "003_gaps": gaps,
  "004_council_imports": councilImports,
  "005_service": service,
  "006_program_calls": programCalls,
  "007_facilities": facilities,
  "008_login_throttles": loginThrottles,
  "011_inquiries": inquiries,
  "012_draft_change": draftChange,
  "013_program_sources_fillfactor": programSourcesFillfactor,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
