import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import {
  Kysely,
  PostgresDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type CompiledQuery,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import { DatabaseAvailability, waitForDatabase } from "./availability";
import { lockDataDir } from "./pglite-lock";
import type { Database } from "./schema";

// bigint counts and money fit safely in a JS number; dates stay plain strings
// so that a date never shifts with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives: the PGlite directory or the server's host/database. */
  location: string;
  /** Whether the database answers now (always true for PGlite, which lives in this process). */
  availability: DatabaseAvailability;
  /** The connection string of a real server, for the change-notification listener; null for PGlite. */
  connectionString: string | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Directory for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Connections this process may hold (PostgreSQL only). */
  poolSize?: number;
  /** How long start-up waits for PostgreSQL to answer before giving up. */
  waitTimeoutMs?: number;
  log?: (message: string) => void;
}

/**
 * Without an 'error' listener, a server-side disconnect (pg_terminate_backend,
 * a restart, a failover) of an idle or checked-out client is an unhandled
 * 'error' event and ends the process. The pool drops the broken client; the
 * availability tracker learns of the outage.
 */
function watchPool(pool: pg.Pool, availability: () => DatabaseAvailability | null): void {
  pool.on("error", (error) => availability()?.suspect(error));
  pool.on("connect", (client) => client.on("error", (error) => availability()?.suspect(error)));
}

/** Kysely's Postgres dialect, reporting every failed query's error to the availability tracker. */
class WatchedDialect implements Dialect {
  constructor(
    private readonly inner: PostgresDialect,
    private readonly onError: (error: unknown) => void,
  ) {}
  createAdapter() {
    return this.inner.createAdapter();
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }
  createDriver(): Driver {
    const driver = this.inner.createDriver();
    const onError = this.onError;
    const watched = new WeakMap<DatabaseConnection, DatabaseConnection>();
    const innerOf = (connection: DatabaseConnection) => watched.get(connection) ?? connection;
    return {
      init: () => driver.init(),
      destroy: () => driver.destroy(),
      async acquireConnection() {
        let connection: DatabaseConnection;
        try {
          connection = await driver.acquireConnection();
        } catch (error) {
          onError(error);
          throw error;
        }
        const wrapper: DatabaseConnection = {
          async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
            try {
              return await connection.executeQuery<R>(query);
            } catch (error) {
              onError(error);
              throw error;
            }
          },
          streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => connection.streamQuery<R>(query, chunkSize),
        };
        watched.set(wrapper, connection);
        return wrapper;
      },
      beginTransaction: (connection: DatabaseConnection, settings: TransactionSettings) =>
        driver.beginTransaction(connection, settings),
      commitTransaction: (connection: DatabaseConnection) => driver.commitTransaction(connection),
      rollbackTransaction: (connection: DatabaseConnection) => driver.rollbackTransaction(connection),
      releaseConnection: (connection: DatabaseConnection) => driver.releaseConnection(innerOf(connection)),
    };
  }
}

/** Opens a real PostgreSQL when a URL is given, otherwise an embedded PGlite under dataDir. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const log = options.log ?? ((message: string) => console.warn(message));
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    const location = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    // A bounded connect wait: while the server is away a request fails (503) instead of hanging.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 3000,
    });
    const availability = new DatabaseAvailability(pool, location, { log });
    watchPool(pool, () => availability);
    try {
      await waitForDatabase(pool, location, { timeoutMs: options.waitTimeoutMs, log });
    } catch (error) {
      await pool.end();
      throw error;
    }
    const db = new Kysely<Database>({
      dialect: new WatchedDialect(new PostgresDialect({ pool }), (error) => availability.report(error)),
    });
    return {
      db,
      kind: "postgres",
      location,
      availability,
      connectionString: options.databaseUrl,
      close: async () => {
        availability.close();
        await db.destroy();
      },
    };
  }

  const pgliteDir = options.dataDir === "memory://" ? "memory://" : path.join(options.dataDir, "pglite");
  const lock = pgliteDir === "memory://" ? null : lockDataDir(options.dataDir);
  if (lock?.tookOverFrom)
    log(`Took over the embedded database lock from process ${lock.tookOverFrom}, which is no longer running.`);
  let pglite: PGlite;
  try {
    if (pgliteDir !== "memory://") fs.mkdirSync(pgliteDir, { recursive: true });
    pglite = await PGlite.create(pgliteDir, { extensions: { cube, earthdistance, pg_trgm } });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const pool = new pg.Pool(createPgConfig(pglite));
  const availability = new DatabaseAvailability(pool, pgliteDir, { log });
  watchPool(pool, () => availability);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    location: pgliteDir,
    availability,
    connectionString: null,
    close: async () => {
      availability.close();
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
