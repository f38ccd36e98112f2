import assert from "node:assert/strict";
import { translator } from "../../app/i18n";
import type { Scenario } from "./harness";
import { screenshot } from "./harness";

export const offlineScenarios: Scenario[] = (["ko", "en"] as const).map((lang): Scenario => ({
  name: `offline (${lang}): a search that fails for the network keeps the last results and the header, says what to do, and the retry loads the new ones`,
  async run({ app, browser }) {
    const t = translator(lang);
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();

    await page.goto(`${app.baseUrl}/?lang=${lang}&q=${encodeURIComponent("테크노파크")}`);
    await page.locator("[data-testid=facility-map][data-map-state=loaded]").waitFor({ timeout: 30_000 });
    const results = page.getByTestId("search-results");
    await results.locator("li").first().waitFor();
    const hitIds = () =>
      results.locator("li").evaluateAll((items) => items.map((li) => li.getAttribute("data-hit-id")));
    const before = await hitIds();

    await context.setOffline(true);
    // Typing also searches after a pause; that search must fail too before the connection comes back.
    // (The typed search carries only the filled fields; the submitted form carries every field.)
    const typedSearchFailed = page.waitForEvent(
      "requestfailed",
      (request) => request.url().includes("_routes=") && !request.url().includes("type="),
    );
    await page.getByTestId("search-input").fill("기계 창원");
    await page.getByTestId("search-input").press("Enter");
    const notice = page.getByTestId("offline-notice");
    await notice.waitFor();
    await typedSearchFailed;
    assert.match(await notice.innerText(), new RegExp(t("offlineKeptResults").slice(0, 12)));
    assert.deepEqual(await hitIds(), before, "the last results stay on screen");
    assert.ok(await page.getByRole("navigation", { name: t("menu") }).isVisible(), "the header stays");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `offline-search-${lang}-390`);
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.locator(".results[aria-busy=false]").waitFor();
    await context.setOffline(false);
    await notice.getByRole("button", { name: t("retry") }).click();
    await notice.waitFor({ state: "detached" });
    await results.locator("li[data-hit-id=nic-changwon]").waitFor();

    // /match keeps its answer the same way.
    await page.goto(`${app.baseUrl}/match?lang=${lang}&ksic=13&employees=40&region=27`);
    await page.getByTestId("match-results").waitFor();
    const centers = await page.getByTestId("match-centers").innerText();
    await context.setOffline(true);
    await page.locator("input[name=employees]").fill("60");
    await page.getByRole("button", { name: t("matchSubmit") }).click();
    await page.getByTestId("offline-notice").waitFor();
    assert.equal(await page.getByTestId("match-centers").innerText(), centers, "the last answer stays on screen");
    await screenshot(page, `offline-match-${lang}`);
    await context.setOffline(false);

    // A page with nothing to keep shows the error page under the header, and its retry loads it.
    // The coverage-gap page is opened once online, so its code is in the browser when the connection drops.
    const nav = page.getByRole("navigation", { name: t("menu") });
    await page.goto(`${app.baseUrl}/?lang=${lang}`);
    await nav.getByRole("link", { name: t("navGaps") }).click();
    await page.getByRole("heading", { level: 1, name: t("gapsTitle") }).waitFor();
    await nav.getByRole("link", { name: t("navMap") }).click();
    await page.getByTestId("facility-list").waitFor();
    await context.setOffline(true);
    await nav.getByRole("link", { name: t("navGaps") }).click();
    const error = page.locator("[data-testid=page-error][data-offline=true]");
    await error.waitFor();
    await error.getByRole("heading", { level: 1, name: t("offlineTitle") }).waitFor();
    assert.ok(await page.getByRole("navigation", { name: t("menu") }).isVisible(), "the header stays");
    await screenshot(page, `offline-error-${lang}`);
    await context.setOffline(false);
    await error.getByRole("button", { name: t("retry") }).click();
    await page.getByRole("heading", { level: 1, name: t("gapsTitle") }).waitFor();
    await context.close();
  },
}));
