import { randomBytes } from "node:crypto";
import pg from "pg";
import type { AppConfig } from "~/config.server";
import { createServices, type CreateServicesOptions, type Services } from "~/services.server";

/**
 * A database of the test's own: PGlite in memory by default, or a fresh
 * database on the server DATABASE_URL names (CI), dropped afterwards.
 */
export async function createTestDatabase(): Promise<{
  databaseUrl?: string;
  dataDir: string;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { dataDir: "memory://", drop: async () => undefined };
  const name = `clusterlink_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.href,
    dataDir: "memory://",
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      // A closed pool's sockets finish closing after its end() resolves; forcing the drop
      // while they do would kill them mid-goodbye, so wait for them to leave first.
      for (let attempt = 0; attempt < 100; attempt++) {
        const { rows } = await client.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = $1",
          [name],
        );
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export function testConfig(database: { databaseUrl?: string; dataDir: string }): AppConfig {
  return {
    env: "test",
    basemap: { kind: "offline" },
    port: 0,
    host: "127.0.0.1",
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
  };
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

export interface RouteCall {
  method?: "GET" | "POST";
  /** Form fields for a POST (a FormData is sent as is, e.g. with files). */
  form?: Record<string, string> | FormData;
  /** The whole Cookie header, e.g. from signIn(). */
  cookie?: string;
  /** Origin header for a POST; defaults to the app's own origin, null sends none. */
  origin?: string | null;
  params?: Record<string, string>;
  clientAddress?: string;
  headers?: Record<string, string>;
}

export interface RouteResult {
  status: number;
  headers: Headers;
  /** The loader's or action's data, whether it answered a Response, data() or a plain object. */
  body: unknown;
}

type Handler = (args: {
  request: Request;
  context: { services: Services; clientAddress?: string };
  params: Record<string, string>;
}) => Promise<unknown>;

/** Calls a route's loader or action as Remix would and normalizes what it answers or throws. */
export async function callRoute(
  handler: unknown,
  services: Services,
  path: string,
  call: RouteCall = {},
): Promise<RouteResult> {
  const method = call.method ?? (call.form ? "POST" : "GET");
  const headers = new Headers(call.headers);
  if (call.cookie) headers.set("Cookie", call.cookie);
  if (method === "POST" && call.origin !== null) headers.set("Origin", call.origin ?? "http://localhost");
  let body: BodyInit | undefined;
  if (call.form instanceof FormData) body = call.form;
  else if (call.form) body = new URLSearchParams(call.form);
  const request = new Request(`http://localhost${path}`, { method, headers, body });
  let outcome: unknown;
  try {
    outcome = await (handler as Handler)({
      request,
      context: { services, clientAddress: call.clientAddress ?? "203.0.113.1" },
      params: call.params ?? {},
    });
  } catch (thrown) {
    outcome = thrown;
    if (!(thrown instanceof Response)) throw thrown;
  }
  if (outcome instanceof Response) {
    const text = await outcome.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the text itself is the body.
    }
    return { status: outcome.status, headers: outcome.headers, body: parsed };
  }
  if (outcome && typeof outcome === "object" && (outcome as { type?: string }).type === "DataWithResponseInit") {
    const wrapped = outcome as { data: unknown; init: ResponseInit | null };
    return { status: wrapped.init?.status ?? 200, headers: new Headers(wrapped.init?.headers), body: wrapped.data };
  }
  return { status: 200, headers: new Headers(), body: outcome };
}

export interface SignedIn {
  cookie: string;
  csrf: string;
}

/** Signs in through the real /login action and returns the session cookie and its CSRF token. */
export async function signIn(services: Services, email: string, password: string): Promise<SignedIn> {
  const { action } = await import("~/routes/login");
  const { findActiveSession } = await import("../../db/queries/sessions");
  const { hashToken } = await import("~/auth/session.server");
  const result = await callRoute(action, services, "/login", { form: { email, password, redirectTo: "/council" } });
  const setCookie = result.headers.get("Set-Cookie");
  if (result.status !== 302 || !setCookie)
    throw new Error(`sign-in as ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
  const cookie = setCookie.split(";")[0]!;
  const session = await findActiveSession(services.database.db, hashToken(cookie.split("=")[1]!));
  if (!session) throw new Error("no session row after sign-in");
  return { cookie, csrf: session.csrfToken };
}

type Action = (args: {
  request: Request;
  context: { services: Services };
  params: Record<string, string>;
}) => Promise<unknown>;

/** Posts JSON to a route's action as Remix would, and returns its Response. */
export async function postJson(action: unknown, services: Services, path: string, body: unknown): Promise<Response> {
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const result = await (action as Action)({ request, context: { services }, params: {} });
  if (!(result instanceof Response)) throw new Error(`${path}: the action did not answer with a Response`);
  return result;
}
