/**
 * The fault suite: the app operated as a service, from outside, on a real
 * PostgreSQL (DATABASE_URL; SERVICE_PG_DATA and SERVICE_PG_BIN name the
 * cluster so it can be restarted) and on PGlite. Run by `npm run test:service`.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { Browser, exited, freePort, startApp, status, stopApp, waitFor, waitHealthy, type AppProcess } from "./harness";

const ADMIN = { email: "ops-admin@clusterlink.example", password: "correct horse battery staple 42" };
const HEADER = "external_id,kind,name_ko,name_en,lat,lng,coord_precision,industries,services,url,source";
const row = (id: string, nameKo: string) =>
  [
    id,
    "business_incubator",
    nameKo,
    `Fault test ${id}`,
    "35.87",
    "128.60",
    "sigungu",
    "26",
    "startup_incubation",
    "https://example.kr",
    "운영 시험",
  ].join(",");

/** The server's own options (port, socket directory, listen address), as pg_ctl recorded them, for a start after a stop. */
function serverOptions(): string {
  const recorded = fs.readFileSync(path.join(process.env.SERVICE_PG_DATA!, "postmaster.opts"), "utf8").trim();
  const args = [...recorded.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const dataAt = args.indexOf("-D");
  if (dataAt >= 0) args.splice(dataAt, 2);
  return args.join(" ");
}

function pgCtl(args: string): void {
  const bin = process.env.SERVICE_PG_BIN ?? "/usr/lib/postgresql/15/bin";
  // With -l the server's output goes to a file: otherwise it would hold pg_ctl's pipe open and spawnSync would wait for ever.
  const command = `${bin}/pg_ctl -D ${process.env.SERVICE_PG_DATA} -w ${args}`;
  const options = { encoding: "utf8" as const, timeout: 60_000 };
  const result =
    process.getuid?.() === 0
      ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", command], options)
      : spawnSync("/bin/sh", ["-c", command], options);
  if (result.status !== 0) throw new Error(`pg_ctl ${args} failed: ${result.stderr}${result.stdout}`);
}

async function query<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function appEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  // The processes run as an operator starts them: not as part of a test run (vite.config.ts reads VITEST).
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && key !== "DATABASE_URL" && !key.startsWith("VITEST") && key !== "NODE_ENV")
      env[key] = value;
  return { ...env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...extra };
}

async function checkFile(browser: Browser, csv: string): Promise<string> {
  const form = new FormData();
  form.set("csrf", await browser.field("/council/27/import", "csrf"));
  form.set("intent", "check");
  form.set("type", "facility");
  form.set("file", new Blob([csv]), "listings.csv");
  const answer = await browser.post("/council/27/import", form);
  expect(answer.status, answer.text.slice(0, 300)).toBe(302);
  return new URL(answer.location!, "http://x").searchParams.get("plan")!;
}

async function commitForm(browser: Browser, planId: string): Promise<FormData> {
  const form = new FormData();
  form.set("csrf", await browser.field("/council/27/import", "csrf"));
  form.set("intent", "commit");
  form.set("plan", planId);
  return form;
}

async function publishAll(browser: Browser): Promise<void> {
  const form = new FormData();
  form.set("csrf", await browser.field("/council/27", "csrf"));
  form.set("intent", "publishAll");
  form.set("reviewToken", await browser.field("/council/27", "reviewToken"));
  const answer = await browser.post("/council/27", form);
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
}

async function jobState(browser: Browser, jobId: string): Promise<{ state: string; done: number }> {
  const page = await browser.get(`/council/27/import?job=${jobId}`);
  const state = /data-state="(\w+)"/.exec(page.text)?.[1] ?? "missing";
  const done = Number(/<progress[^>]*value="(\d+)"/.exec(page.text)?.[1] ?? 0);
  return { state, done };
}

async function searchFinds(app: AppProcess, text: string): Promise<boolean> {
  try {
    const response = await fetch(`${app.base}/api/search?q=${encodeURIComponent(text)}`, {
      signal: AbortSignal.timeout(3000),
    });
    if (response.status !== 200) return false;
    // The answer names the query's words that matched nothing, so only the hits count.
    const body = (await response.json()) as { hits: Array<{ nameKo: string }> };
    return body.hits.some((hit) => hit.nameKo.includes(text));
  } catch {
    return false;
  }
}

describe.runIf(process.env.DATABASE_URL && process.env.SERVICE_PG_DATA)("two app processes on one PostgreSQL", () => {
  const name = `clusterlink_service_${randomBytes(5).toString("hex")}`;
  let url: string;
  let a: AppProcess;
  let b: AppProcess;
  let browser: Browser;

  beforeAll(async () => {
    await query(
      process.env.DATABASE_URL!,
      `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
    );
    const parsed = new URL(process.env.DATABASE_URL!);
    parsed.pathname = `/${name}`;
    url = parsed.href;
    a = startApp("A", appEnv({ DATABASE_URL: url }), await freePort());
    await waitHealthy(a, 150_000);
    b = startApp("B", appEnv({ DATABASE_URL: url }), await freePort());
    await waitHealthy(b);
    browser = new Browser(a.base);
    await browser.signIn(ADMIN.email, ADMIN.password);
  }, 240_000);

  afterAll(async () => {
    for (const app of [a, b]) if (app) await stopApp(app);
    await query(process.env.DATABASE_URL!, `drop database if exists ${name} with (force)`).catch(() => undefined);
  });

  it("two simultaneous commits of one file, one through each process: one runs, the other is refused with a message", async () => {
    const planId = await checkFile(browser, [HEADER, row("svc-1", "결함시험보육센터")].join("\n"));
    const [viaA, viaB] = await Promise.all([
      browser.post("/council/27/import", await commitForm(browser, planId)),
      browser.at(b.base).post("/council/27/import", await commitForm(browser, planId)),
    ]);
    expect([viaA.status, viaB.status].sort()).toEqual([302, 409]);
    const refused = viaA.status === 409 ? viaA : viaB;
    expect(refused.text).toContain("이 파일은 이미 가져오기를 시작했습니다");
    const jobId = new URL((viaA.status === 302 ? viaA : viaB).location!, "http://x").searchParams.get("job")!;
    await waitFor("import done", async () => (await jobState(browser, jobId)).state === "done", 20_000);
    const drafts = await query<{ n: number }>(
      url,
      "select count(*)::int as n from listing_drafts where payload->>'externalId' = 'svc-1'",
    );
    expect(drafts[0]?.n).toBe(1);
  });

  it("a listing published through B is found in A's search within 5 s; archived, it disappears from both", async () => {
    await publishAll(browser.at(b.base));
    const found = await waitFor("A finds it", () => searchFinds(a, "결함시험보육센터"), 5000, 50);
    expect(await searchFinds(b, "결함시험보육센터")).toBe(true);
    console.log(`published via B, found in A's search after ${found.ms} ms`);

    await query(url, "update facilities set status = 'archived' where external_id = 'svc-1'");
    await query(
      url,
      "insert into search_outbox (entity_type, entity_id) select 'facility', id from facilities where external_id = 'svc-1'",
    );
    const gone = await waitFor(
      "gone from both",
      async () => !(await searchFinds(a, "결함시험보육센터")) && !(await searchFinds(b, "결함시험보육센터")),
      5000,
      50,
    );
    console.log(`archived, gone from both searches after ${gone.ms} ms`);
    await query(url, "update facilities set status = 'published' where external_id = 'svc-1'");
    await query(
      url,
      "insert into search_outbox (entity_type, entity_id) select 'facility', id from facilities where external_id = 'svc-1'",
    );
    await waitFor(
      "back in both",
      async () => (await searchFinds(a, "결함시험보육센터")) && (await searchFinds(b, "결함시험보육센터")),
      5000,
      50,
    );
  });

  it("pg_terminate_backend on every app connection: both processes keep answering and are healthy again without a restart", async () => {
    const killed = await query<{ n: number }>(
      url,
      "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [name],
    );
    expect(killed[0]?.n).toBeGreaterThan(0);
    const seen = new Set<number>();
    for (let i = 0; i < 10; i++) for (const app of [a, b]) seen.add(await status(`${app.base}/api/search?q=대구`));
    expect([...seen].filter((code) => code !== 200 && code !== 503)).toEqual([]);
    for (const app of [a, b])
      await waitFor(`${app.name} healthy`, async () => (await status(`${app.base}/healthz`)) === 200, 10_000);
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  });

  it("PostgreSQL stopped and restarted: 503 meanwhile (JSON error body and page), 200 after, nothing lost", async () => {
    const options = serverOptions();
    pgCtl("-m fast stop");
    try {
      for (const app of [a, b]) {
        const api = await fetch(`${app.base}/api/search?q=대구`);
        expect(api.status).toBe(503);
        expect(api.headers.get("retry-after")).toBe("5");
        expect(await api.json()).toMatchObject({
          errors: [
            {
              code: "database_unavailable",
              ko: expect.stringContaining("데이터베이스"),
              en: expect.stringContaining("database"),
            },
          ],
        });
        const page = await fetch(`${app.base}/council/27`, {
          headers: { Cookie: browser.cookie, Accept: "text/html" },
        });
        expect(page.status).toBe(503);
        expect(await page.text()).toContain("잠시 서비스를 이용할 수 없습니다");
        const health = await fetch(`${app.base}/healthz`);
        expect(health.status).toBe(503);
        expect(await health.json()).toMatchObject({ status: "unhealthy", db: "unreachable" });
      }
    } finally {
      pgCtl(`-l ${path.join(path.dirname(process.env.SERVICE_PG_DATA!), "restart.log")} -o '${options}' start`);
    }
    for (const app of [a, b]) {
      const back = await waitFor(
        `${app.name} healthy`,
        async () => (await status(`${app.base}/healthz`)) === 200,
        20_000,
      );
      console.log(`${app.name}: healthy ${back.ms} ms after PostgreSQL started again`);
    }

    // The same once more with pg_ctl restart, watching both processes all along.
    const codes = new Set<number>();
    const watching = (async () => {
      const until = Date.now() + 6000;
      while (Date.now() < until) for (const app of [a, b]) codes.add(await status(`${app.base}/api/search?q=대구`));
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    pgCtl(`-l ${path.join(path.dirname(process.env.SERVICE_PG_DATA!), "restart.log")} -m fast restart`);
    await watching;
    expect([...codes].filter((code) => code !== 200 && code !== 503)).toEqual([]);
    for (const app of [a, b])
      await waitFor(`${app.name} healthy`, async () => (await status(`${app.base}/healthz`)) === 200, 20_000);

    expect(await searchFinds(a, "결함시험보육센터")).toBe(true);
    expect(await searchFinds(b, "결함시험보육센터")).toBe(true);
    // Still one truth after the outages: a change through A reaches B.
    const planId = await checkFile(browser, [HEADER, row("svc-2", "재시작후보육센터")].join("\n"));
    const commit = await browser.post("/council/27/import", await commitForm(browser, planId));
    const jobId = new URL(commit.location!, "http://x").searchParams.get("job")!;
    await waitFor("import done", async () => (await jobState(browser, jobId)).state === "done", 20_000);
    await publishAll(browser);
    await waitFor("B finds it", () => searchFinds(b, "재시작후보육센터"), 5000, 50);
    expect(a.output()).toContain('"event":"database_available"');
  });
});

describe("PGlite: one owner, and kill -9 during a commit", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterlink-service-"));
  let owner: AppProcess;
  afterAll(async () => {
    if (owner) await stopApp(owner);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("a second opener of the data directory, script or server, is refused with the owner's PID", async () => {
    owner = startApp("PGlite", appEnv({ DATA_DIR: dataDir }), await freePort());
    await waitHealthy(owner, 150_000);
    const script = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/user-create.ts", "--email", "late@clusterlink.example", "--role", "admin"],
      {
        env: appEnv({
          DATA_DIR: dataDir,
          npm_lifecycle_event: "user:create",
          USER_PASSWORD: "a long enough password",
        }) as unknown as NodeJS.ProcessEnv,
        encoding: "utf8",
      },
    );
    expect(script.status).toBe(1);
    expect(script.stderr).toContain(`in use by process ${owner.child.pid}`);
    expect(script.stderr).toContain(`kill -TERM ${owner.child.pid}`);

    const second = startApp("second", appEnv({ DATA_DIR: dataDir }), await freePort());
    expect(await exited(second.child, 60_000)).toBe(1);
    expect(second.output()).toContain(`in use by process ${owner.child.pid}`);
    expect(await status(`${owner.base}/healthz`)).toBe(200);
  });

  it("kill -9 while an import commits, then a clean start: the lock is taken over and the import is all or nothing", async () => {
    const browser = new Browser(owner.base);
    await browser.signIn(ADMIN.email, ADMIN.password);
    const rows = Array.from({ length: 8000 }, (_, i) => row(`k9-${i}`, `강제종료시험 ${i}호`));
    const planId = await checkFile(browser, [HEADER, ...rows].join("\n"));
    const commit = await browser.post("/council/27/import", await commitForm(browser, planId));
    const jobId = new URL(commit.location!, "http://x").searchParams.get("job")!;
    const running = await waitFor(
      "commit under way",
      async () => {
        const job = await jobState(browser, jobId);
        return job.state === "running" && job.done > 0 ? job : null;
      },
      30_000,
      20,
    );
    owner.child.kill("SIGKILL");
    await exited(owner.child);
    console.log(`killed the PGlite owner with ${running.value.done}/8000 rows staged`);

    const restarted = startApp("restarted", appEnv({ DATA_DIR: dataDir }), await freePort());
    await waitHealthy(restarted, 90_000);
    expect(restarted.output()).toContain(`from process ${owner.child.pid}, which is no longer running`);
    expect(await searchFinds(restarted, "대구")).toBe(true);
    await stopApp(restarted);
    expect(restarted.child.exitCode).toBe(0);

    const database = await openDatabase({ dataDir });
    try {
      const { rows: counts } = await sql<{ drafts: number; jobs: number }>`
        select (select count(*)::int from listing_drafts where payload->>'externalId' like 'k9-%') as drafts,
               (select count(*)::int from import_jobs where id = ${jobId}) as jobs`.execute(database.db);
      expect([0, 8000]).toContain(counts[0]?.drafts);
      expect(counts[0]?.jobs).toBe(1);
    } finally {
      await database.close();
    }
  });
});
