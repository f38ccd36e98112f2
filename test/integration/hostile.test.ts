/**
 * Hostile requests against the real app (Express edge, production build,
 * Remix) over HTTP: none may answer 5xx, each says what is wrong, and none
 * changes a stored row.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/accounts.server";
import { logTo } from "~/log.server";
import type { Services } from "~/services.server";
import { rawRequest, serveApp, type ServedApp } from "./app-server";
import { createTestServices, databaseLabel } from "./support";

const PASSWORD = "a long enough password";
const EDITOR = "editor@daegu.example";
/** The tables a hostile request could damage; sessions and sign-in counters change by signing in. */
const GUARDED_TABLES = [
  "users",
  "facilities",
  "programs",
  "listing_drafts",
  "import_staging",
  "audit_log",
  "firms",
  "regions",
] as const;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

describe(`hostile requests against the real app on ${databaseLabel}`, () => {
  let services: Services;
  let app: ServedApp;
  let editor: { cookie: string; csrf: string };
  let facilityId: string;

  async function send(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${app.baseUrl}${path}`, { redirect: "manual", ...init });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** A digest of every guarded table's rows, to show a request changed nothing. */
  async function storedRows(): Promise<Record<string, string>> {
    const digests: Record<string, string> = {};
    for (const table of GUARDED_TABLES) {
      const { rows } = await sql<{
        digest: string;
      }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(table)} t`.execute(
        services.database.db,
      );
      digests[table] = rows[0]!.digest;
    }
    return digests;
  }

  /** No 5xx, and a message a person can read: the error body's message, or the error page's heading. */
  function expectClearRefusal(answer: Answer, label: string, status?: number): void {
    expect(answer.status, `${label}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
    expect(answer.status, label).toBeGreaterThanOrEqual(300);
    if (status) expect(answer.status, label).toBe(status);
    if (answer.status >= 400) {
      const type = answer.headers.get("content-type") ?? "";
      if (type.includes("json")) {
        const body = JSON.parse(answer.text) as {
          errors?: { message: string; ko: string; en: string }[];
          error?: string;
        };
        const message = body.errors?.[0]?.message ?? body.error;
        expect(message, label).toMatch(/\S{2}/);
      } else {
        expect(answer.text, label).toMatch(/<h1>[^<]+<\/h1>|role="alert"|\S{4}/);
      }
    }
  }

  async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
    const login = await send("/login", {
      method: "POST",
      headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: PASSWORD }),
    });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const page = await send("/account/password", { headers: { Cookie: cookie } });
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!csrf) throw new Error("no CSRF token on the page");
    return { cookie, csrf };
  }

  beforeAll(async () => {
    services = await createTestServices();
    await createUser(services.database.db, {
      email: EDITOR,
      password: PASSWORD,
      role: "council_editor",
      regionCode: "27",
    });
    app = await serveApp(services);
    editor = await signIn(EDITOR);
    const facility = await services.database.db
      .selectFrom("facilities")
      .select("id")
      .where("region_code", "=", "27")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    facilityId = facility.id;
  });
  afterAll(async () => {
    await app?.close();
    await services?.close();
  });

  it("refuses oversized bodies with 413 before reading them: declared, chunked, and multipart without a length", async () => {
    const before = await storedRows();
    // 200 MB declared, 64 KB sent: the answer comes without the server waiting for the rest.
    const started = Date.now();
    const declared = await rawRequest(app.port, {
      method: "POST",
      path: "/login",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(200 * 1024 * 1024),
        Origin: app.baseUrl,
      },
      body: Buffer.alloc(64 * 1024, "a"),
    });
    expect(declared.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(JSON.parse(declared.body).errors[0]).toMatchObject({
      code: "body_too_large",
      en: "The request body is too large (at most 256 KB).",
    });

    const match = await send("/api/match", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ note: "x".repeat(20_000) }),
    });
    expectClearRefusal(match, "/api/match 20 KB", 413);

    // Chunked (no Content-Length): counted as it streams, stopped at the limit, not buffered to the end (2 MB offered).
    let sent = 0;
    const chunked = await rawRequest(app.port, {
      method: "POST",
      path: "/api/match",
      headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      body: async (write) => {
        for (let i = 0; i < 128; i++) {
          write(Buffer.alloc(16 * 1024, " "));
          sent += 16 * 1024;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      },
    });
    const sentWhenAnswered = sent;
    expect(chunked.status).toBe(413);
    expect(sentWhenAnswered).toBeLessThan(1024 * 1024);

    // A multipart upload whose part has no length, past the import limit (10 MB), as a signed-in editor.
    const boundary = "----hostile";
    const upload = await rawRequest(app.port, {
      method: "POST",
      path: "/council/27/import",
      headers: {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Transfer-Encoding": "chunked",
        Cookie: editor.cookie,
        Origin: app.baseUrl,
      },
      body: async (write) => {
        write(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${editor.csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nfacility\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
          ),
        );
        for (let i = 0; i < 12 * 16; i++)
          if (!write(Buffer.alloc(64 * 1024, "a"))) await new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    expect(upload.status).toBe(413);
    expect(JSON.parse(upload.body).errors[0]).toMatchObject({ field: "file", code: "file_too_large" });
    expect(await storedRows()).toEqual(before);
  });

  it("refuses wrong content types on form posts and JSON APIs with 415 and the error body", async () => {
    const before = await storedRows();
    const cases: [string, RequestInit][] = [
      [
        "/login",
        {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: app.baseUrl },
          body: JSON.stringify({ email: EDITOR, password: PASSWORD }),
        },
      ],
      [
        "/login",
        { method: "POST", headers: { "Content-Type": "text/plain", Origin: app.baseUrl }, body: `email=${EDITOR}` },
      ],
      ["/login", { method: "POST", headers: { Origin: app.baseUrl }, body: new Blob([`email=${EDITOR}`]) }],
      [
        `/council/27/facility/${facilityId}`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: app.baseUrl, Cookie: editor.cookie },
          body: JSON.stringify({ csrf: editor.csrf, nameKo: "바뀐 이름" }),
        },
      ],
      [
        "/account/password",
        {
          method: "POST",
          headers: { "Content-Type": "text/plain", Origin: app.baseUrl, Cookie: editor.cookie },
          body: "x",
        },
      ],
      ["/api/match", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" }],
      ["/api/match", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1" }],
    ];
    for (const [path, init] of cases) {
      const answer = await send(path, init);
      expectClearRefusal(answer, `${path} ${JSON.stringify(init.headers)}`, 415);
      expect(JSON.parse(answer.text).errors[0].code).toBe("content_type");
    }
    expect(await storedRows()).toEqual(before);
  });

  it("refuses cross-site posts with 403 and a Korean/English message before Remix (which answered an empty 500)", async () => {
    const before = await storedRows();
    const origins = [
      "https://evil.example",
      "null",
      "not a url",
      `${app.baseUrl.replace("http:", "https:")}`,
      "http://127.0.0.1:1",
    ];
    for (const origin of origins) {
      const answer = await send("/login", {
        method: "POST",
        headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: EDITOR, password: PASSWORD }),
      });
      expectClearRefusal(answer, `Origin ${origin}`, 403);
      const entry = JSON.parse(answer.text).errors[0];
      expect(entry).toMatchObject({
        code: "cross_site",
        ko: "다른 사이트에서 보낸 요청은 받지 않습니다. 이 사이트의 페이지에서 다시 시도하세요.",
        en: "Requests sent from another site are refused; try again from this site's own pages.",
      });
      expect(answer.headers.get("set-cookie")).toBeNull();
    }
    // A forged X-Forwarded-Host naming the attacker's origin does not make it same-origin.
    const forwarded = await send(`/council/27/facility/${facilityId}`, {
      method: "POST",
      headers: {
        Origin: "http://evil.example",
        "X-Forwarded-Host": "evil.example",
        Cookie: editor.cookie,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ csrf: editor.csrf, intent: "save" }),
    });
    expectClearRefusal(forwarded, "X-Forwarded-Host", 403);
    const fetchMetadata = await send("/logout", {
      method: "POST",
      headers: {
        "Sec-Fetch-Site": "cross-site",
        Cookie: editor.cookie,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ csrf: editor.csrf }),
    });
    expectClearRefusal(fetchMetadata, "Sec-Fetch-Site cross-site", 403);
    expect(await storedRows()).toEqual(before);
  });

  it("answers a browser's form post it refuses at the edge with a page in the reader's language, not JSON", async () => {
    const before = await storedRows();
    const browser = { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
    const crossSite = await send("/login", {
      method: "POST",
      headers: { ...browser, Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: EDITOR, password: PASSWORD }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("content-type")).toContain("text/html");
    expect(crossSite.text).toContain('<html lang="ko">');
    expect(crossSite.text).toContain("<h1>권한이 없습니다</h1>");
    expect(crossSite.text).toContain("다른 사이트에서 보낸 요청은 받지 않습니다.");
    const wrongType = await send("/login?lang=en", {
      method: "POST",
      headers: { ...browser, "Content-Type": "text/plain" },
      body: "email=x",
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.text).toContain('<html lang="en">');
    expect(wrongType.text).toContain("<h1>This kind of request is not accepted</h1>");
    const tooLarge = await send("/login", {
      method: "POST",
      headers: { ...browser, "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=" + "a".repeat(300 * 1024),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain("<h1>보낸 내용이 너무 큽니다</h1>");
    for (const page of [crossSite, wrongType, tooLarge]) {
      expect(page.text).not.toMatch(/<script/);
      expect(page.text).toMatch(/<title>[^<]+<\/title>/);
    }
    // Remix's own data requests and the API keep the JSON body.
    const data = await send("/login.data", {
      method: "POST",
      headers: { ...browser, Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=x",
    });
    expect(data.status).toBe(403);
    expect(JSON.parse(data.text).errors[0].code).toBe("cross_site");
    expect(await storedRows()).toEqual(before);
  });

  it("answers NUL and other control characters in every route parameter and query without a 5xx", async () => {
    const before = await storedRows();
    const bad = [
      "%00",
      "x%00",
      "%00x",
      "%01",
      "%7F",
      "%C0%AF",
      "%FF",
      "..%2F..%2Fetc",
      "-".repeat(36),
      "a".repeat(3000),
    ];
    const templates = [
      "/facilities/{}",
      "/api/facilities/{}",
      "/council/{}",
      "/council/{}/audit",
      "/council/{}/import",
      "/council/{}/export.csv",
      "/council/{}/export.geojson",
      "/council/27/{}/x",
      "/council/27/facility/{}",
      "/council/27/program/{}",
      "/council/27/new/{}",
      "/api/search?q={}",
      "/api/search?region={}",
      "/api/facilities?region={}",
      "/api/programs?region={}",
      "/api/geocode?q={}",
      "/api/gaps?region={}",
      "/api/gaps/firms?region={}",
      "/gaps?region={}",
      "/match?region={}",
      "/?lang={}",
      "/?q={}&region={}",
      "/login?redirectTo={}",
    ];
    const failures: string[] = [];
    for (const template of templates) {
      for (const value of bad) {
        for (const cookie of [undefined, editor.cookie]) {
          const path = template.replaceAll("{}", value);
          const answer = await send(path, { headers: cookie ? { Cookie: cookie } : {} });
          if (answer.status >= 500) failures.push(`${path} ${cookie ? "(signed in)" : ""} → ${answer.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await storedRows()).toEqual(before);
  });

  it("refuses objects and arrays where strings and numbers belong, and NUL in fields, with field errors", async () => {
    const before = await storedRows();
    const bodies: unknown[] = [
      { answers: { techSource: { toString: 1 } } },
      { ksicDivision: ["13"], employees: 10 },
      { ksicDivision: "13", employees: [10], lat: [35.8], lng: [127] },
      { ksicDivision: { $gt: "" }, employees: "10" },
      { ksicDivision: "13\u0000", employees: 10 },
      { __proto__: { admin: true }, constructor: { prototype: {} } },
      [],
      "text",
      null,
      12,
    ];
    for (const body of bodies) {
      const answer = await send("/api/match", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expectClearRefusal(answer, JSON.stringify(body), 400);
    }
    const notJson = await send("/api/match", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"a":',
    });
    expectClearRefusal(notJson, "truncated JSON", 400);

    // A NUL byte in a sign-in email, and in a listing field posted without JavaScript.
    const login = await send("/login", {
      method: "POST",
      headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=editor%00@daegu.example&password=${encodeURIComponent(PASSWORD)}`,
    });
    expectClearRefusal(login, "NUL in email", 400);
    const repeated = await send("/login", {
      method: "POST",
      headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=a@b.kr&email=c@d.kr&password=x`,
    });
    expectClearRefusal(repeated, "two emails", 400);
    const form = new URLSearchParams({
      csrf: editor.csrf,
      intent: "save",
      nameKo: "대구\u0000창조경제혁신센터",
      nameEn: "Daegu",
    });
    const save = await send(`/council/27/facility/${facilityId}`, {
      method: "POST",
      headers: { Origin: app.baseUrl, Cookie: editor.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expectClearRefusal(save, "NUL in a listing field");
    // A session id of 36 dashes, and other cookies that are not session ids.
    for (const cookie of [
      `session=${"-".repeat(36)}`,
      "session=%00",
      `session=${"A".repeat(4000)}`,
      "session=;session=x",
    ]) {
      const answer = await send("/council", { headers: { Cookie: cookie } });
      expect(answer.status, cookie).toBe(302);
      expect(answer.headers.get("location"), cookie).toMatch(/^\/login/);
    }
    expect(await storedRows()).toEqual(before);
  });

  it("refuses a UTF-8 CSV with one CP949 row, naming the line, and stores nothing", async () => {
    const before = await storedRows();
    const header = "external_id,kind,name_ko,name_en,lat,lng,coord_precision,source\n";
    const utf8Row = Buffer.from("hostile-1,techno_park,대구 시험 기관,Test one,35.87,128.60,exact,test\n");
    const cp949Row = Buffer.from([
      ...Buffer.from("hostile-2,techno_park,"),
      0xb4,
      0xeb,
      0xb1,
      0xb8,
      ...Buffer.from(",Test two,35.87,128.60,exact,test\n"),
    ]);
    const file = new Blob([Buffer.from(header), utf8Row, cp949Row], { type: "text/csv" });
    const form = new FormData();
    form.set("csrf", editor.csrf);
    form.set("type", "facility");
    form.set("file", file, "mixed.csv");
    const answer = await send("/council/27/import", {
      method: "POST",
      headers: { Origin: app.baseUrl, Cookie: editor.cookie },
      body: form,
    });
    expect(answer.status).toBeLessThan(500);
    const plan = /plan=([^&"]+)/.exec(answer.headers.get("location") ?? "")?.[1];
    const page = await send(plan ? `/council/27/import?plan=${plan}` : "/council/27/import", {
      headers: { Cookie: editor.cookie },
    });
    expect(page.text).toMatch(/UTF-8과 CP949\(EUC-KR\)가 섞인 파일입니다[^<]*3/);

    // Bytes neither UTF-8 nor CP949 reads are refused too, never turned into U+FFFD.
    const invalid = new FormData();
    invalid.set("csrf", editor.csrf);
    invalid.set("type", "facility");
    invalid.set(
      "file",
      new Blob(
        [
          Buffer.from(header),
          Buffer.from([
            ...Buffer.from("hostile-3,techno_park,"),
            0xff,
            0xfe,
            0xff,
            ...Buffer.from(",Three,35.87,128.60,exact,test\n"),
          ]),
        ],
        { type: "text/csv" },
      ),
      "invalid.csv",
    );
    const refused = await send("/council/27/import", {
      method: "POST",
      headers: { Origin: app.baseUrl, Cookie: editor.cookie },
      body: invalid,
    });
    expect(refused.status).toBeLessThan(500);
    const invalidPlan = /plan=([^&"]+)/.exec(refused.headers.get("location") ?? "")?.[1];
    const invalidPage = await send(invalidPlan ? `/council/27/import?plan=${invalidPlan}` : "/council/27/import", {
      headers: { Cookie: editor.cookie },
    });
    expect(invalidPage.text).toMatch(/UTF-8로도 CP949\(EUC-KR\)로도 읽을 수 없는 글자가 있습니다\(행: 2\)/);
    expect(invalidPage.text).not.toContain("\uFFFD");
    expect(await storedRows()).toEqual(before);
  });

  it("counts 100 parallel wrong sign-ins over HTTP exactly: 4 checked, 96 answered 429 with Retry-After", async () => {
    // A first delay longer than the burst takes: on a loaded machine the 100 answers can span the default 2 s, and a 5th admission would then be right.
    const slow = { freeFailures: 4, firstDelaySeconds: 600, maxDelaySeconds: 900 };
    const throttled = await serveApp({
      ...services,
      config: { ...services.config, loginThrottle: { pair: slow, address: { ...slow, freeFailures: 20 } } },
    });
    try {
      const attempts = await Promise.all(
        Array.from({ length: 100 }, () =>
          fetch(`${throttled.baseUrl}/login`, {
            method: "POST",
            redirect: "manual",
            headers: { Origin: throttled.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ email: "parallel-http@example.kr", password: "not the password" }),
          }),
        ),
      );
      expect(attempts.filter((a) => a.status === 401)).toHaveLength(4);
      const refused = attempts.filter((a) => a.status === 429);
      expect(refused).toHaveLength(96);
      for (const answer of refused) expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await throttled.close();
    }
    const checked = await services.database.db
      .selectFrom("login_attempts")
      .select("id")
      .where("email", "=", "parallel-http@example.kr")
      .execute();
    expect(checked).toHaveLength(4);
  });

  it("serves Korean pages without the NUL padding of React 18's stream, so no form can send it back", async () => {
    for (const path of [
      "/",
      `/council/27/facility/${facilityId}`,
      "/match",
      "/gaps",
      `/facilities/${facilityId}`,
      "/council/27",
    ]) {
      const response = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: editor.cookie } });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.status, path).toBe(200);
      expect(bytes.includes(0), `${path}: NUL byte`).toBe(false);
      expect(bytes.toString("utf8").includes("\uFFFD"), `${path}: U+FFFD`).toBe(false);
    }
  });

  it("sends the security headers on pages, API JSON, edge errors and assets; every inline script carries the response's nonce", async () => {
    const page = await send("/");
    const policy = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("worker-src 'self' blob:");
    const scriptSources = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
    expect(scriptSources).toBe(`'self' 'nonce-${nonce}'`);
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    const again = await send("/");
    expect(again.headers.get("content-security-policy")).not.toBe(policy);
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(page.text)?.[1];
    for (const answer of [
      page,
      await send("/api/search?q=대구"),
      await send("/api/match", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "" }),
      await send(asset!),
    ]) {
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      // Outside production there is no HSTS: the app is on plain HTTP here.
      expect(answer.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("sends HSTS in production only", async () => {
    const production = await serveApp({ ...services, config: { ...services.config, env: "production" } });
    try {
      const answer = await fetch(`${production.baseUrl}/healthz`);
      expect(answer.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    } finally {
      await production.close();
    }
  });

  it("rate-limits the public API per address with Retry-After on every 429", async () => {
    const limited = await serveApp({ ...services, config: { ...services.config, apiRateLimit: 5 } });
    try {
      const answers = [];
      for (let i = 0; i < 8; i++) answers.push(await fetch(`${limited.baseUrl}/api/regions?lang=en`));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      for (const refused of answers.slice(5)) {
        const seconds = Number(refused.headers.get("retry-after"));
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThanOrEqual(60);
        const body = (await refused.json()) as { errors: { code: string; message: string }[] };
        expect(body.errors[0]).toMatchObject({
          code: "rate_limited",
          message: `Too many requests; try again in ${seconds} s.`,
        });
      }
      // Pages are not limited.
      expect((await fetch(`${limited.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("trusts X-Forwarded-For only from the configured number of proxies: a rotated header does not reset the throttle", async () => {
    const behindProxy = await serveApp({ ...services, config: { ...services.config, trustProxyHops: 1 } });
    try {
      const attempt = (forwardedFor: string, password: string) =>
        fetch(`${behindProxy.baseUrl}/login`, {
          method: "POST",
          redirect: "manual",
          headers: {
            Origin: behindProxy.baseUrl,
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": forwardedFor,
          },
          body: new URLSearchParams({ email: EDITOR, password }),
        });
      // The proxy appends the real client (198.51.100.5); whatever the client put before it is ignored.
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await attempt(`10.0.0.${i}, 198.51.100.5`, "not the password")).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      const refused = await attempt("10.9.9.9, 198.51.100.5", PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // The owner, at another address behind the same proxy, signs in.
      expect((await attempt("198.51.100.6", PASSWORD)).status).toBe(302);
    } finally {
      await behindProxy.close();
    }
    // Without a trusted proxy the header is ignored altogether: every attempt is the socket's address.
    const direct = [];
    for (let i = 0; i < 6; i++) {
      const answer = await send("/login", {
        method: "POST",
        headers: {
          Origin: app.baseUrl,
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Forwarded-For": `203.0.113.${i}`,
        },
        body: new URLSearchParams({ email: "nobody-direct@example.kr", password: "not the password" }),
      });
      direct.push(answer.status);
    }
    expect(direct).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it("logs sign-in failures, cross-site refusals and access denials as JSON events carrying the answer's request id", async () => {
    const lines: string[] = [];
    logTo({ write: (line: string) => lines.push(line) });
    try {
      const failed = await send("/login", {
        method: "POST",
        headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "ghost@example.kr", password: "not the password" }),
      });
      const crossSite = await send("/login", {
        method: "POST",
        headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=a",
      });
      const denied = await send("/admin/users", { headers: { Cookie: editor.cookie } });
      expect([failed.status, crossSite.status, denied.status]).toEqual([401, 403, 403]);
      const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(events.find((e) => e.event === "login")).toMatchObject({
        level: "warn",
        outcome: "failed",
        email: "ghost@example.kr",
        requestId: failed.headers.get("x-request-id"),
        path: "/login",
      });
      expect(events.find((e) => e.event === "cross_site_refused")).toMatchObject({
        origin: "https://evil.example",
        requestId: crossSite.headers.get("x-request-id"),
      });
      expect(events.find((e) => e.event === "access_denied")).toMatchObject({
        reason: "role",
        requestId: denied.headers.get("x-request-id"),
        path: "/admin/users",
      });
      expect(lines.join("\n")).not.toContain("not the password");
    } finally {
      logTo({ write: () => true }, "silent");
    }
  });
});
