import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { E2E_ADMIN } from "./council.e2e";
import type { Scenario } from "./harness";

/** Every CSP violation the page reports, and every console error, from the first script on. */
async function watchPolicy(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content Security Policy/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction("__reportViolation", (text: string) => problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  return problems;
}

async function visit(page: Page, url: string, map?: string): Promise<void> {
  const response = await page.goto(url);
  assert.ok(response, url);
  assert.equal(response.status(), 200, url);
  assert.match(response.headers()["content-security-policy"] ?? "", /script-src 'self' 'nonce-[^']+'/, url);
  // Hydration done: Remix's client router is on the page.
  await page.waitForFunction(
    () => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter),
    undefined,
    { timeout: 30_000 },
  );
  if (map) await page.locator(`[data-testid=${map}][data-map-state=loaded]`).waitFor({ timeout: 30_000 });
}

export const headersScenarios: Scenario[] = [
  {
    name: "headers: the map, /match, /gaps and the council pages run under the enforced CSP with no violation",
    async run({ app, browser }) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ko-KR" });
      const page = await context.newPage();
      const problems = await watchPolicy(page);
      await visit(page, `${app.baseUrl}/`, "facility-map");
      await visit(page, `${app.baseUrl}/match`);
      await page.goto(`${app.baseUrl}/login`);
      await page.locator("input[name=email]").fill(E2E_ADMIN.email);
      await page.locator("input[name=password]").fill(E2E_ADMIN.password);
      await page.locator("form button[type=submit]").click();
      await page.getByRole("button", { name: "로그아웃" }).waitFor();
      await visit(page, `${app.baseUrl}/gaps`, "gap-map");
      for (const path of [
        "/council",
        "/council/27",
        "/council/27/import",
        "/council/27/audit",
        "/admin/users",
        "/account/password",
        "/account/sessions",
      ])
        await visit(page, `${app.baseUrl}${path}`);
      // A client-side navigation (fetching route data and modules) under the same policy.
      await page.goto(`${app.baseUrl}/`);
      await page.getByRole("link", { name: "맞춤 지원 찾기" }).first().click();
      await page.waitForURL("**/match");
      assert.deepEqual(problems, []);
      await context.close();
    },
  },
  {
    name: "headers: another site cannot frame a council page",
    async run({ app, browser }) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (message) => problems.push(message.text()));
      await page.setContent(`<iframe src="${app.baseUrl}/login" id="framed"></iframe>`);
      await page.waitForTimeout(1_500);
      const frame = page.frames().find((f) => f.url().includes("/login"));
      const framedText = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
      assert.equal(
        framedText.includes("로그인"),
        false,
        "the sign-in form must not render inside another site's frame",
      );
      await page.close();
    },
  },
];
