import { randomBytes } from "node:crypto";
import pg from "pg";
import type { AppConfig } from "~/config.server";
import { createServices, type CreateServicesOptions, type Services } from "~/services.server";

/**
 * A database of the test's own: PGlite in memory by default, or a fresh
 * database on the server DATABASE_URL names (CI), dropped afterwards.
 */
export async function createTestDatabase(): Promise<{ databaseUrl?: string; dataDir: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { dataDir: "memory://", drop: async () => undefined };
  const name = `clusterlink_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.href,
    dataDir: "memory://",
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export function testConfig(database: { databaseUrl?: string; dataDir: string }): AppConfig {
  return { env: "test", port: 0, host: "127.0.0.1", dataDir: database.dataDir, databaseUrl: database.databaseUrl };
}

/** The app's services on a test database, seeded from data/, without the background sync loop. */
export async function createTestServices(options: CreateServicesOptions = {}): Promise<Services> {
  const database = await createTestDatabase();
  const services = await createServices(testConfig(database), { startSync: false, ...options });
  return {
    ...services,
    close: async () => {
      await services.close();
      await database.drop();
    },
  };
}

export const databaseLabel = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

type Loader = (args: { request: Request; context: { services: Services }; params: Record<string, string> }) => Promise<unknown>;

/** Calls a route's loader as Remix would, and returns its Response. */
export async function callLoader(loader: unknown, services: Services, path: string, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await (loader as Loader)({ request: new Request(`http://localhost${path}`), context: { services }, params });
    if (!(result instanceof Response)) throw new Error(`${path}: the loader did not answer with a Response`);
    return result;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

type Action = (args: { request: Request; context: { services: Services }; params: Record<string, string> }) => Promise<unknown>;

/** Posts JSON to a route's action as Remix would, and returns its Response. */
export async function postJson(action: unknown, services: Services, path: string, body: unknown): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const result = await (action as Action)({ request, context: { services }, params: {} });
  if (!(result instanceof Response)) throw new Error(`${path}: the action did not answer with a Response`);
  return result;
}
