import { openDatabase, type DatabaseHandle } from "../db/client";
import { listAreas } from "../db/queries/areas";
import { listRegions } from "../db/queries/regions";
import { listKsicDivisions } from "../db/queries/taxonomy";
import { prepareDatabase } from "../db/setup";
import type { AppConfig } from "./config.server";
import { buildGeocoder, type Geocoder } from "./domain/geocode";
import { createMailer, deliverPendingMail, type Mailer } from "./inquiries/mail.server";
import { runRetention } from "./inquiries/service.server";
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
    const mailer = createMailer(config.mail?.smtpUrl, config.mail?.from ?? DEFAULT_MAIL_FROM);
    const background = options.startSync ?? true ? startInquiryLoop(database, mailer) : null;
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
        if (background) clearInterval(background);
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
const INQUIRY_LOOP_MS = 60_000;

/** Retries unsent mail and erases personal data past its retention, once a minute. */
function startInquiryLoop(database: DatabaseHandle, mailer: Mailer): NodeJS.Timeout {
  const timer = setInterval(() => {
    void (async () => {
      try {
        await deliverPendingMail(database.db, mailer);
        await database.db.transaction().execute((trx) => runRetention(trx, new Date()));
      } catch (error) {
        console.warn(JSON.stringify({ event: "inquiry_loop_failed", error: error instanceof Error ? error.message : String(error) }));
      }
    })();
  }, INQUIRY_LOOP_MS);
  timer.unref();
  return timer;
}
