import { now as clockNow } from "./clock";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { failStaleJobs, pruneImports } from "../db/queries/import-plans";
import { pruneOutbox } from "../db/queries/outbox";
import { listAreas } from "../db/queries/areas";
import { listRegions } from "../db/queries/regions";
import { listKsicDivisions } from "../db/queries/taxonomy";
import { prepareDatabase } from "../db/setup";
import type { AppConfig } from "./config.server";
import { CHECK_TTL_SECONDS, IMPORT_STALE_SECONDS } from "./council/import.server";
import { buildGeocoder, type Geocoder } from "./domain/geocode";
import { startDailySync, type DailySync } from "./programs/schedule.server";
import { createMailer, deliverPendingMailIn, type Mailer } from "./inquiries/mail.server";
import { runRetention } from "./inquiries/service.server";
import { JobScheduler, type Job } from "./jobs.server";
import { createSearchEngine } from "./search";
import type { KnownCodes } from "./search/request.server";
import { SearchService, type SearchServiceOptions } from "./search/service.server";

/** Everything a request handler needs, built once per process. */
export interface Services {
  config: AppConfig;
  database: DatabaseHandle;
  search: SearchService;
  /** Outgoing mail: SMTP when configured, else kept in mail_outbox. */
  mailer: Mailer;
  /** Region codes and names, KSIC divisions, read once: reference data changes only with a reseed and restart. */
  referenceCodes(): Promise<KnownCodes>;
  /** The daily announcement sync, when portal keys are set and background work is on. */
  programSync: DailySync | null;
  /** The offline geocoder over the area table, built on first use. */
  geocoder(): Promise<Geocoder>;
  close(): Promise<void>;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
    /** The TCP peer's address, for sign-in throttling (absent in tests that do not give one). */
    clientAddress?: string;
  }
}

export interface CreateServicesOptions {
  /** Overrides the engine chosen from the configuration (tests inject failing engines). */
  searchEngine?: SearchService["primary"];
  searchOptions?: SearchServiceOptions;
  /** Start the outbox delivery loop and the background jobs (the server does; short-lived scripts do not). */
  startSync?: boolean;
  /** Connections this process may hold on PostgreSQL. */
  poolSize?: number;
}

/** Housekeeping that must run once across all processes on the database, not once per process. */
function backgroundJobs(sharedEngine: boolean): Job[] {
  return [
    {
      name: "search-outbox-prune",
      everySeconds: 3600,
      run: (trx) => pruneOutbox(trx, { keepUndelivered: sharedEngine }).then(() => undefined),
    },
    {
      name: "imports-prune",
      everySeconds: 300,
      run: async (trx) => {
        await failStaleJobs(trx, IMPORT_STALE_SECONDS);
        await pruneImports(trx, CHECK_TTL_SECONDS);
      },
    },
  ];
}

/**
 * Opens the database (embedded unless DATABASE_URL is set), applies migrations,
 * loads the catalogue into an empty database, and brings search up to date.
 */
export async function createServices(config: AppConfig, options: CreateServicesOptions = {}): Promise<Services> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: options.poolSize,
  });
  try {
    await prepareDatabase(database.db);
    const engine = options.searchEngine ?? createSearchEngine(config);
    const search = new SearchService(database.db, engine, {
      listenUrl: database.connectionString,
      ...options.searchOptions,
    });
    await search.initialize();
    const mailer = createMailer(config.mail?.smtpUrl, config.mail?.from ?? DEFAULT_MAIL_FROM);
    const jobs = new JobScheduler(database.db, [
      ...backgroundJobs(search.primary.name !== "embedded"),
      ...inquiryJobs(mailer),
    ]);
    if (options.startSync ?? true) {
      search.start();
      jobs.start();
    }
    const programSync =
      (options.startSync ?? true) && config.programSources
        ? startDailySync({ db: database.db, sources: config.programSources })
        : null;
    let codes: Promise<KnownCodes> | null = null;
    const loadCodes = async (): Promise<KnownCodes> => {
      const [regions, divisions] = await Promise.all([listRegions(database.db), listKsicDivisions(database.db)]);
      return {
        regionCodes: regions.map((r) => r.code),
        ksicDivisions: divisions.map((d) => d.code),
        regionPlaces: regions.map((r) => ({
          nameKo: r.nameKo,
          nameEn: r.nameEn,
          aliases: [r.nameKoShort, r.nameEnFull],
          point: { lat: r.labelPoint[1], lng: r.labelPoint[0] },
        })),
      };
    };
    let geocoder: Promise<Geocoder> | null = null;
    const loadGeocoder = async (): Promise<Geocoder> => {
      const [areas, regions] = await Promise.all([listAreas(database.db), listRegions(database.db)]);
      return buildGeocoder(areas, regions);
    };
    return {
      config,
      database,
      search,
      programSync,
      mailer,
      geocoder() {
        geocoder ??= loadGeocoder().catch((error: unknown) => {
          geocoder = null;
          throw error;
        });
        return geocoder;
      },
      referenceCodes() {
        codes ??= loadCodes().catch((error: unknown) => {
          codes = null;
          throw error;
        });
        return codes;
      },
      async close() {
        await programSync?.stop();
        await jobs.stop();
        mailer.transport?.close();
        await search.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

const DEFAULT_MAIL_FROM = "no-reply@localhost";

/** Mail the server refused or that was written while it was away is retried; personal data past its retention is erased. */
function inquiryJobs(mailer: Mailer): Job[] {
  return [
    { name: "mail-delivery", everySeconds: 60, run: (trx) => deliverPendingMailIn(trx, mailer).then(() => undefined) },
    {
      name: "inquiry-retention",
      everySeconds: 3600,
      run: (trx) => runRetention(trx, clockNow()).then(() => undefined),
    },
  ];
}
