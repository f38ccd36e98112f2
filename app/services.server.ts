import { openDatabase, type DatabaseHandle } from "../db/client";
import { prepareDatabase } from "../db/setup";
import type { AppConfig } from "./config.server";
import { createSearchEngine } from "./search";
import { SearchService, type SearchServiceOptions } from "./search/service.server";

/** Everything a request handler needs, built once per process. */
export interface Services {
  config: AppConfig;
  database: DatabaseHandle;
  search: SearchService;
  close(): Promise<void>;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
  }
}

export interface CreateServicesOptions {
  /** Overrides the engine chosen from the configuration (tests inject failing engines). */
  searchEngine?: SearchService["primary"];
  searchOptions?: SearchServiceOptions;
  /** Start the outbox delivery loop (the server does; short-lived scripts do not). */
  startSync?: boolean;
}

/**
 * Opens the database (embedded unless DATABASE_URL is set), applies migrations,
 * loads the catalogue into an empty database, and brings search up to date.
 */
export async function createServices(config: AppConfig, options: CreateServicesOptions = {}): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database.db);
    const engine = options.searchEngine ?? createSearchEngine(config);
    const search = new SearchService(database.db, engine, options.searchOptions);
    await search.initialize();
    if (options.startSync ?? true) search.start();
    return {
      config,
      database,
      search,
      async close() {
        await search.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
