import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/accounts.server";
import { ensureFirstAdmin } from "~/auth/first-admin.server";
import { getCurrentUser, requireUser } from "~/auth/user.server";
import { sessionCookie } from "~/auth/session.server";
import { action as sessionsAction, loader as sessionsLoader } from "~/routes/account.sessions";
import { action as loginAction, safeRedirectPath } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import type { Services } from "~/services.server";
import { callRoute, createTestServices, databaseLabel, signIn } from "./support";

const PASSWORD = "a long enough password";

function requestWith(cookie: string): Request {
  return new Request("http://localhost/council", { headers: { Cookie: cookie } });
}

describe(`accounts and sessions on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
    await createUser(services.database.db, {
      email: "editor@daegu.example",
      password: PASSWORD,
      role: "council_editor",
      regionCode: "27",
    });
    await createUser(services.database.db, {
      email: "official@example.kr",
      password: PASSWORD,
      role: "official",
      regionCode: null,
    });
  });
  afterAll(async () => services?.close());

  it("stores argon2id hashes, never the password, and refuses short passwords and bad roles", async () => {
    const row = await services.database.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "=", "editor@daegu.example")
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    await expect(
      createUser(services.database.db, {
        email: "short@example.kr",
        password: "elevenchars",
        role: "admin",
        regionCode: null,
      }),
    ).rejects.toThrow(/password_too_short/);
    await expect(
      createUser(services.database.db, {
        email: "nor@example.kr",
        password: PASSWORD,
        role: "council_editor",
        regionCode: null,
      }),
    ).rejects.toThrow(/region_required/);
    await expect(
      createUser(services.database.db, {
        email: "EDITOR@daegu.example",
        password: PASSWORD,
        role: "official",
        regionCode: null,
      }),
    ).rejects.toThrow(/already exists/);
    const count = await services.database.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it("signing in opens a new session each time with HttpOnly, SameSite=Lax cookies", async () => {
    const first = await callRoute(loginAction, services, "/login", {
      form: { email: "Editor@Daegu.example", password: PASSWORD, redirectTo: "/council/listings" },
    });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/council/listings");
    const cookie = first.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const again = await signIn(services, "editor@daegu.example", PASSWORD);
    expect(again.cookie).not.toBe(cookie.split(";")[0]);
    const user = await getCurrentUser(requestWith(cookie.split(";")[0]!), services);
    expect(user).toMatchObject({ email: "editor@daegu.example", role: "council_editor", regionCode: "27" });
    // A session id chosen by someone else before sign-in is never adopted.
    const planted = `session=${"A".repeat(43)}`;
    const withPlanted = await callRoute(loginAction, services, "/login", {
      form: { email: "editor@daegu.example", password: PASSWORD },
      cookie: planted,
    });
    expect(withPlanted.headers.get("Set-Cookie")).not.toContain("A".repeat(43));
  });

  it("uses the __Host- prefix and Secure in production", () => {
    const production = { ...services, config: { ...services.config, env: "production" as const } };
    const cookie = sessionCookie(production, "x".repeat(43));
    expect(cookie).toMatch(/^__Host-session=/);
    expect(cookie).toContain("; Secure");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Domain");
  });

  it("redirects only to paths on this site", () => {
    expect(safeRedirectPath("/council/listings?x=1")).toBe("/council/listings?x=1");
    expect(safeRedirectPath("//evil.example")).toBe("/council");
    expect(safeRedirectPath("https://evil.example")).toBe("/council");
    expect(safeRedirectPath("/\\evil.example")).toBe("/council");
  });

  it("logout needs the CSRF token and then ends the session", async () => {
    const { cookie, csrf } = await signIn(services, "editor@daegu.example", PASSWORD);
    const forged = await callRoute(logoutAction, services, "/logout", { form: { csrf: "wrong" }, cookie });
    expect(forged.status).toBe(403);
    expect(await getCurrentUser(requestWith(cookie), services)).not.toBeNull();
    const crossSite = await callRoute(logoutAction, services, "/logout", {
      form: { csrf },
      cookie,
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    expect(await getCurrentUser(requestWith(cookie), services)).not.toBeNull();

    const out = await callRoute(logoutAction, services, "/logout", { form: { csrf }, cookie });
    expect(out.status).toBe(302);
    expect(out.headers.get("Set-Cookie")).toMatch(/^session=; Max-Age=0/);
    expect(await getCurrentUser(requestWith(cookie), services)).toBeNull();
    // The old cookie no longer reaches protected pages.
    const page = await callRoute(sessionsLoader, services, "/account/sessions", { cookie });
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/login?redirectTo=%2Faccount%2Fsessions");
  });

  it("a user sees their sessions and ends another one; someone else's session id changes nothing", async () => {
    const laptop = await signIn(services, "official@example.kr", PASSWORD);
    const phone = await signIn(services, "official@example.kr", PASSWORD);
    const editor = await signIn(services, "editor@daegu.example", PASSWORD);
    const listing = await callRoute(sessionsLoader, services, "/account/sessions", { cookie: laptop.cookie });
    const sessions = (listing.body as { sessions: { publicId: string; current: boolean }[] }).sessions;
    expect(sessions.length).toBe(2);
    const phoneSession = sessions.find((s) => !s.current)!;

    const editorSessions = (await callRoute(sessionsLoader, services, "/account/sessions", { cookie: editor.cookie }))
      .body as { sessions: { publicId: string; current: boolean }[] };
    const editorCurrent = editorSessions.sessions.find((s) => s.current)!;
    await callRoute(sessionsAction, services, "/account/sessions", {
      form: { csrf: laptop.csrf, session: editorCurrent.publicId },
      cookie: laptop.cookie,
    });
    expect(await getCurrentUser(requestWith(editor.cookie), services)).not.toBeNull();

    const ended = await callRoute(sessionsAction, services, "/account/sessions", {
      form: { csrf: laptop.csrf, session: phoneSession.publicId },
      cookie: laptop.cookie,
    });
    expect(ended.status).toBe(302);
    expect(await getCurrentUser(requestWith(phone.cookie), services)).toBeNull();
    expect(await getCurrentUser(requestWith(laptop.cookie), services)).not.toBeNull();
  });

  it("requireUser redirects when signed out and answers 403 for a role that is not allowed", async () => {
    const signedOut = await requireUser(new Request("http://localhost/admin/users?tab=1"), services).catch(
      (r: Response) => r,
    );
    expect((signedOut as Response).status).toBe(302);
    expect((signedOut as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Ftab%3D1");
    const { cookie } = await signIn(services, "official@example.kr", PASSWORD);
    const denied = await requireUser(requestWith(cookie), services, { roles: ["admin"] }).catch((r: Response) => r);
    expect((denied as Response).status).toBe(403);
    expect(await requireUser(requestWith(cookie), services, { roles: ["official", "admin"] })).toMatchObject({
      role: "official",
    });
  });

  it("a cross-site sign-in post is refused", async () => {
    const result = await callRoute(loginAction, services, "/login", {
      form: { email: "editor@daegu.example", password: PASSWORD },
      origin: "https://evil.example",
    });
    expect(result.status).toBe(403);
  });

  it("failed sign-ins are logged and throttled per account and address: the owner elsewhere still signs in", async () => {
    await createUser(services.database.db, {
      email: "target@example.kr",
      password: PASSWORD,
      role: "official",
      regionCode: null,
    });
    for (let i = 0; i < 4; i++) {
      const wrong = await callRoute(loginAction, services, "/login", {
        form: { email: "target@example.kr", password: "not the password" },
        clientAddress: "198.51.100.66",
      });
      expect(wrong.status).toBe(401);
      expect((wrong.body as { error: string }).error).toBe("이메일 또는 비밀번호가 맞지 않습니다.");
    }
    // From the guessing address even the right password waits now, and is not checked.
    const throttled = await callRoute(loginAction, services, "/login", {
      form: { email: "target@example.kr", password: PASSWORD },
      clientAddress: "198.51.100.66",
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("Retry-After"))).toBe(2);
    expect((throttled.body as { error: string }).error).toMatch(/초 후에 다시 시도하세요/);
    const attempts = await services.database.db
      .selectFrom("login_attempts")
      .selectAll()
      .where("email", "=", "target@example.kr")
      .execute();
    expect(attempts.map((a) => a.succeeded)).toEqual([false, false, false, false]);
    const sessions = await services.database.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .where("users.email", "=", "target@example.kr")
      .select("token_hash")
      .execute();
    expect(sessions).toEqual([]);
    // The owner, from their own address, is not locked out by the stranger.
    const owner = await callRoute(loginAction, services, "/login", {
      form: { email: "target@example.kr", password: PASSWORD },
      clientAddress: "203.0.113.50",
    });
    expect(owner.status).toBe(302);
  });

  it("100 parallel wrong passwords for one account and address get exactly 4 checks; every refusal carries Retry-After", async () => {
    await createUser(services.database.db, {
      email: "parallel@example.kr",
      password: PASSWORD,
      role: "official",
      regionCode: null,
    });
    // A delay longer than the run: on a loaded machine the 100 checks can take longer than the
    // default first delay, and an attempt after the delay is rightly admitted.
    const slow = { freeFailures: 4, firstDelaySeconds: 600, maxDelaySeconds: 900 };
    const throttled: Services = {
      ...services,
      config: { ...services.config, loginThrottle: { pair: slow, address: { ...slow, freeFailures: 20 } } },
    };
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        callRoute(loginAction, throttled, "/login", {
          form: { email: "parallel@example.kr", password: "not the password" },
          clientAddress: "198.51.100.77",
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(96);
    for (const refused of results.filter((r) => r.status === 429))
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const checked = await services.database.db
      .selectFrom("login_attempts")
      .select("id")
      .where("email", "=", "parallel@example.kr")
      .execute();
    expect(checked).toHaveLength(4);
  });

  it("successful sign-ins from one address are not failures: 30 in a row all pass", async () => {
    for (let i = 0; i < 30; i++) {
      const ok = await callRoute(loginAction, services, "/login", {
        form: { email: "official@example.kr", password: PASSWORD },
        clientAddress: "198.51.100.30",
      });
      expect(ok.status).toBe(302);
    }
  });

  it("many failures from one address are throttled across accounts", async () => {
    for (let i = 0; i < 20; i++) {
      const wrong = await callRoute(loginAction, services, "/login", {
        form: { email: `nobody${i}@example.kr`, password: "guess guess guess" },
        clientAddress: "192.0.2.7",
      });
      expect(wrong.status).toBe(401);
    }
    const next = await callRoute(loginAction, services, "/login", {
      form: { email: "official@example.kr", password: PASSWORD },
      clientAddress: "192.0.2.7",
    });
    expect(next.status).toBe(429);
    const elsewhere = await callRoute(loginAction, services, "/login", {
      form: { email: "official@example.kr", password: PASSWORD },
      clientAddress: "192.0.2.8",
    });
    expect(elsewhere.status).toBe(302);
  });

  it("a disabled account cannot sign in and its sessions end", async () => {
    const user = await createUser(services.database.db, {
      email: "leaver@example.kr",
      password: PASSWORD,
      role: "official",
      regionCode: null,
    });
    const { cookie } = await signIn(services, "leaver@example.kr", PASSWORD);
    const { disableUser } = await import("../../db/queries/users");
    await disableUser(services.database.db, user.id);
    expect(await getCurrentUser(requestWith(cookie), services)).toBeNull();
    const again = await callRoute(loginAction, services, "/login", {
      form: { email: "leaver@example.kr", password: PASSWORD },
      clientAddress: "198.51.100.200",
    });
    expect(again.status).toBe(401);
  });

  it("the first administrator is created from the environment once, and only when there is none", async () => {
    const db = services.database.db;
    expect(await ensureFirstAdmin(db, {})).toBeNull();
    expect(await ensureFirstAdmin(db, { email: "Root@Example.kr", password: PASSWORD })).toBe("root@example.kr");
    expect(await ensureFirstAdmin(db, { email: "second@example.kr", password: PASSWORD })).toBeNull();
    const admins = await db.selectFrom("users").select("email").where("role", "=", "admin").execute();
    expect(admins.map((a) => a.email)).toEqual(["root@example.kr"]);
    await signIn(services, "root@example.kr", PASSWORD);
  });
});
