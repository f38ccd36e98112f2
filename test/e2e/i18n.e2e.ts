import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { E2E_ADMIN } from "./council.e2e";
import { screenshot, type Scenario } from "./harness";

/** React 18's production messages for a server/browser difference (418–425) and the development wording. */
const HYDRATION = /hydrat|did not match|Minified React error #4(18|19|21|22|23|25)/i;

interface Visit {
  page: Page;
  problems: string[];
}

/** A browser whose own locale and time zone differ from the page's: the text must not depend on them. */
async function visitor(browser: Browser, locale: string, timezoneId: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, timezoneId });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && HYDRATION.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return { page, problems };
}

async function settle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  // Hydration errors are reported after the scripts ran; give React the moment it needs.
  await page.waitForTimeout(300);
}

export const i18nScenarios: Scenario[] = [
  {
    name: "i18n: council, account and match pages hydrate without a difference in Korean and English, whatever the browser's locale and time zone",
    async run({ app, browser }) {
      const cases = [
        { lang: "ko", locale: "en-US", timezoneId: "America/Los_Angeles", signIn: "로그인", signedIn: "로그아웃" },
        { lang: "en", locale: "ko-KR", timezoneId: "Asia/Seoul", signIn: "Sign in", signedIn: "Sign out" },
      ] as const;
      for (const { lang, locale, timezoneId, signIn, signedIn } of cases) {
        const { page, problems } = await visitor(browser, locale, timezoneId);
        await page.goto(`${app.baseUrl}/login?lang=${lang}`);
        await page.locator("input[name=email]").fill(E2E_ADMIN.email);
        await page.locator("input[name=password]").fill(E2E_ADMIN.password);
        await page.getByRole("button", { name: signIn }).click();
        await page.getByRole("button", { name: signedIn }).waitFor();
        const pages = [
          `/council/27/facility/ccei-daegu`,
          `/council/27/audit`,
          `/account/sessions`,
          `/match?ksic=13&employees=40&region=27&techSource=suppliers&need=technology`,
          `/gaps`,
        ];
        for (const path of pages) {
          await settle(page, `${app.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
          assert.equal(await page.locator("html").getAttribute("lang"), lang, `${path}: html lang`);
          assert.doesNotMatch(
            await page.locator("main").innerText(),
            /\b(AM|PM)\b|오전|오후/,
            `${path} (${lang}): times use the 24-hour clock`,
          );
        }
        await settle(page, `${app.baseUrl}/council/27/audit?lang=${lang}`);
        const when = await page.getByTestId("audit").locator("tbody tr td").first().innerText();
        assert.match(
          when,
          lang === "ko" ? /^\d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2}$/ : /^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/,
          `audit time in ${lang}: ${when}`,
        );
        await screenshot(page, `i18n-audit-${lang}`);
        assert.deepEqual(problems, [], `no hydration error in ${lang}`);
        await page.context().close();
      }
    },
  },
];
