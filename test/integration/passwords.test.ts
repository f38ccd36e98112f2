import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/accounts.server";
import { getCurrentUser } from "~/auth/user.server";
import { action as passwordAction } from "~/routes/account.password";
import { action as adminAction } from "~/routes/admin.users";
import { action as loginAction } from "~/routes/login";
import type { Services } from "~/services.server";
import { callRoute, createTestServices, databaseLabel, signIn } from "./support";

const PASSWORD = "a long enough password";
const NEW_PASSWORD = "새로운 비밀번호 문장 2027";

describe(`password rule, change and reset on ${databaseLabel}`, () => {
  let services: Services;
  let userId: string;
  beforeAll(async () => {
    services = await createTestServices();
    await createUser(services.database.db, {
      email: "admin@example.kr",
      password: PASSWORD,
      role: "admin",
      regionCode: null,
    });
    userId = (
      await createUser(services.database.db, {
        email: "editor@daegu.example",
        password: PASSWORD,
        role: "council_editor",
        regionCode: "27",
      })
    ).id;
  });
  afterAll(async () => services?.close());

  it("refuses common and repetitive passwords for new accounts, with a Korean and English message", async () => {
    const admin = await signIn(services, "admin@example.kr", PASSWORD);
    for (const weak of [
      "aaaaaaaaaaaa",
      "password1234",
      "abcabcabcabc",
      "123456789012",
      "qwertyuiop12",
      "iloveyou2024",
    ]) {
      const result = await callRoute(adminAction, services, "/admin/users", {
        form: { csrf: admin.csrf, email: "weak@example.kr", password: weak, role: "official", regionCode: "" },
        cookie: admin.cookie,
      });
      expect(result.status, weak).toBe(400);
      expect((result.body as { errors: string[] }).errors).toEqual([
        "비밀번호: 흔히 쓰이거나 짐작하기 쉬운 비밀번호입니다(잘 알려진 비밀번호, 같은 글자의 반복, 연속된 글자). 다른 비밀번호를 고르세요.",
      ]);
    }
    const english = await callRoute(adminAction, services, "/admin/users?lang=en", {
      form: { csrf: admin.csrf, email: "weak@example.kr", password: "password1234", role: "official", regionCode: "" },
      cookie: admin.cookie,
    });
    expect((english.body as { errors: string[] }).errors[0]).toMatch(
      /^Password: this password is common or easy to guess/,
    );
    const stored = await services.database.db
      .selectFrom("users")
      .select("email")
      .where("email", "=", "weak@example.kr")
      .execute();
    expect(stored).toEqual([]);
  });

  it("a signed-in user changes their password: wrong current refused, other sessions end, this one stays, audited", async () => {
    const here = await signIn(services, "editor@daegu.example", PASSWORD);
    const elsewhere = await signIn(services, "editor@daegu.example", PASSWORD);
    const wrong = await callRoute(passwordAction, services, "/account/password", {
      form: {
        csrf: here.csrf,
        currentPassword: "not my password at all",
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      },
      cookie: here.cookie,
      clientAddress: "198.51.100.9",
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body as { messages: string[] }).messages).toEqual(["현재 비밀번호: 현재 비밀번호가 맞지 않습니다."]);
    const weak = await callRoute(passwordAction, services, "/account/password", {
      form: {
        csrf: here.csrf,
        currentPassword: PASSWORD,
        newPassword: "password1234",
        confirmPassword: "password1234",
      },
      cookie: here.cookie,
    });
    expect(weak.status).toBe(400);
    const mismatch = await callRoute(passwordAction, services, "/account/password", {
      form: {
        csrf: here.csrf,
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        confirmPassword: `${NEW_PASSWORD}!`,
      },
      cookie: here.cookie,
    });
    expect((mismatch.body as { messages: string[] }).messages).toEqual([
      "새 비밀번호 확인: 새 비밀번호와 확인란이 다릅니다.",
    ]);
    const forged = await callRoute(passwordAction, services, "/account/password", {
      form: { csrf: "forged", currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      cookie: here.cookie,
    });
    expect(forged.status).toBe(403);

    const changed = await callRoute(passwordAction, services, "/account/password", {
      form: { csrf: here.csrf, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      cookie: here.cookie,
    });
    expect(changed.status).toBe(200);
    expect(
      await getCurrentUser(new Request("http://localhost/", { headers: { Cookie: here.cookie } }), services),
    ).not.toBeNull();
    expect(
      await getCurrentUser(new Request("http://localhost/", { headers: { Cookie: elsewhere.cookie } }), services),
    ).toBeNull();
    const old = await callRoute(loginAction, services, "/login", {
      form: { email: "editor@daegu.example", password: PASSWORD },
      clientAddress: "198.51.100.10",
    });
    expect(old.status).toBe(401);
    await signIn(services, "editor@daegu.example", NEW_PASSWORD);
    const audit = await services.database.db
      .selectFrom("audit_log")
      .select(["action", "entity_type", "entity_id", "user_email"])
      .where("entity_type", "=", "user")
      .execute();
    expect(audit).toEqual([
      { action: "password_change", entity_type: "user", entity_id: userId, user_email: "editor@daegu.example" },
    ]);
  });

  it("an administrator resets another account's password; its sessions end; the reset is audited; others may not", async () => {
    const admin = await signIn(services, "admin@example.kr", PASSWORD);
    const editor = await signIn(services, "editor@daegu.example", NEW_PASSWORD);
    const byEditor = await callRoute(adminAction, services, "/admin/users", {
      form: {
        csrf: editor.csrf,
        intent: "reset_password",
        userId,
        newPassword: "editor chose this one 99",
        confirmPassword: "editor chose this one 99",
      },
      cookie: editor.cookie,
    });
    expect(byEditor.status).toBe(403);
    const reset = await callRoute(adminAction, services, "/admin/users", {
      form: {
        csrf: admin.csrf,
        intent: "reset_password",
        userId,
        newPassword: "reset by the administrator",
        confirmPassword: "reset by the administrator",
      },
      cookie: admin.cookie,
    });
    expect(reset.status).toBe(200);
    expect((reset.body as { done: string }).done).toBe(
      "editor@daegu.example 계정의 비밀번호를 재설정했습니다. 그 계정의 세션은 모두 종료됐습니다.",
    );
    expect(
      await getCurrentUser(new Request("http://localhost/", { headers: { Cookie: editor.cookie } }), services),
    ).toBeNull();
    await signIn(services, "editor@daegu.example", "reset by the administrator");
    const audit = await services.database.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "user_email"])
      .where("action", "=", "password_reset")
      .execute();
    expect(audit).toEqual([{ action: "password_reset", entity_id: userId, user_email: "admin@example.kr" }]);
    const bogus = await callRoute(adminAction, services, "/admin/users", {
      form: {
        csrf: admin.csrf,
        intent: "reset_password",
        userId: "-".repeat(36),
        newPassword: "x",
        confirmPassword: "x",
      },
      cookie: admin.cookie,
    });
    expect(bogus.status).toBe(400);
  });
});
