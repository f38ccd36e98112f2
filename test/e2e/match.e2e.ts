import assert from "node:assert/strict";
import type { Scenario } from "./harness";
import { screenshot } from "./harness";

export const matchScenarios: Scenario[] = [
  {
    name: "an SME owner fills the form, sees the classification, centers on the map and programs, and shares the result",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${app.baseUrl}/match`);
      // A dyer types what they do, not the division's name: 염색 leaves the textile division to pick.
      await page.getByTestId("industry-filter").fill("염색");
      assert.deepEqual(await page.locator("select[name=ksic] option:not([value=''])").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)), ["13"]);
      await page.locator("select[name=ksic]").selectOption("13");
      await page.locator("input[name=employees]").fill("40");
      await page.locator("select[name=region]").selectOption("27");
      await page.locator("input[name=techSource][value=suppliers]").check();
      await page.locator("input[name=need][value=technology]").check();
      await page.getByRole("button", { name: "추천 받기" }).click();
      await page.waitForURL(/ksic=13/);
      const card = page.getByTestId("classification");
      await card.waitFor();
      assert.equal(await card.getAttribute("data-pavitt-class"), "supplier_dominated");
      assert.equal(await card.getAttribute("data-is-sme"), "true");
      const centers = page.getByTestId("match-centers").locator("li");
      assert.ok((await centers.count()) > 0);
      assert.ok((await centers.first().locator(".reasons li").count()) > 0, "the top center says why");
      assert.ok((await page.getByTestId("match-programs").locator("li").count()) > 0);
      await page.waitForFunction(() => Number(document.querySelector("[data-testid=facility-map]")?.getAttribute("data-drawn-facilities")) > 0, undefined, { timeout: 30_000 });
      await screenshot(page, "match-results");

      const shared = page.url();
      const topCenter = await centers.first().getAttribute("data-item-id");
      const other = await browser.newPage();
      await other.goto(shared);
      assert.equal(await other.getByTestId("match-centers").locator("li").first().getAttribute("data-item-id"), topCenter);
      await other.close();
      await page.close();
    },
  },
  {
    name: "picking the plant on the map places the firm there, and bad answers are explained next to their fields",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${app.baseUrl}/match?lang=en`);
      await page.locator("[data-testid=facility-map][data-map-state=loaded]").waitFor({ timeout: 30_000 });
      await page.getByTestId("match-pick").click();
      const box = await page.locator(".maplibregl-canvas").boundingBox();
      assert.ok(box);
      await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.55);
      await page.getByTestId("match-point").waitFor();
      await page.locator("input[name=employees]").fill("-5");
      await page.getByRole("button", { name: "Show recommendations" }).click();
      await page.waitForURL(/employees=-5/);
      assert.match(page.url(), /lat=\d/);
      const errors = page.getByTestId("match-errors");
      await errors.waitFor();
      const text = await errors.innerText();
      assert.match(text, /Industry \(KSIC division\): required/);
      assert.match(text, /Employees: must be at least 0/);
      assert.equal(await page.locator("input[name=employees]").getAttribute("aria-invalid"), "true");
      await page.close();
    },
  },
];
