import assert from "node:assert/strict";
import path from "node:path";
import { readCatalog } from "../../db/seed/catalog";
import type { Scenario } from "./harness";
import { screenshot } from "./harness";

/** Every curated facility, as the seed loads them. */
const EXPECTED_FACILITIES = readCatalog(path.resolve("data")).facilities.length;

export const foundationScenarios: Scenario[] = [
  {
    name: "the map loads, draws every seeded facility and the list shows them",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${app.baseUrl}/`);
      const map = page.getByTestId("facility-map");
      await map.locator("xpath=self::*[@data-map-state='loaded']").waitFor({ timeout: 30_000 });
      await page.waitForFunction(
        () => Number(document.querySelector("[data-testid=facility-map]")?.getAttribute("data-drawn-facilities")) > 0,
      );
      assert.equal(Number(await map.getAttribute("data-drawn-facilities")), EXPECTED_FACILITIES);
      // The list starts with 30 places; "show the whole list" adds the rest and moves focus to the first added.
      const list = page.getByTestId("facility-list");
      assert.equal(await list.locator("li").count(), Math.min(30, EXPECTED_FACILITIES));
      await page.getByRole("link", { name: /목록 모두 보기/ }).click();
      assert.equal(await list.locator("li").count(), EXPECTED_FACILITIES);
      assert.equal(
        await page.evaluate(() => document.activeElement?.closest("li")?.getAttribute("data-facility-id")),
        await list.locator("li").nth(30).getAttribute("data-facility-id"),
      );
      assert.ok(!page.url().includes("list=all"), "the list grows in place, without a navigation");
      assert.equal(await page.locator("html").getAttribute("lang"), "ko");
      await page.waitForTimeout(500);
      await screenshot(page, "map-ko");
      await page.close();
    },
  },
  {
    name: "clicking a facility on the map opens a popup whose link opens its page",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // The whole list, as the "show the whole list" link gives it without JavaScript.
      await page.goto(`${app.baseUrl}/?list=all`);
      await page.locator("[data-testid=facility-map][data-map-state=loaded]").waitFor({ timeout: 30_000 });
      const item = page.locator("#facility-list li", { hasText: "제주창조경제혁신센터" });
      const id = await item.getAttribute("data-facility-id");
      assert.ok(id, "the Jeju innovation center is listed");
      // Centre the map on the facility, close the popup that opens, then click the point itself.
      await item.getByRole("button").click();
      await page.locator(".maplibregl-popup").waitFor();
      await page.waitForTimeout(3_000);
      await page.locator(".maplibregl-popup-close-button").click();
      const canvas = page.locator(".maplibregl-canvas");
      const box = await canvas.boundingBox();
      assert.ok(box);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const popup = page.locator(".maplibregl-popup");
      await popup.waitFor();
      // The Jeju techno-park stands in the same building (제주벤처마루): the popup lists both.
      assert.match(await popup.innerText(), /제주창조경제혁신센터/);
      assert.match(await popup.innerText(), /제주테크노파크/);
      await screenshot(page, "map-popup");
      await popup.locator("li", { hasText: "제주창조경제혁신센터" }).getByRole("link").click();
      await page.waitForURL(`**/facilities/${id}`);
      assert.match(await page.locator("h1").innerText(), /제주창조경제혁신센터/);
      await page.close();
    },
  },
  {
    name: "the list link opens a server-rendered facility page, and an unknown id is a real 404",
    async run({ app, browser }) {
      const page = await browser.newPage();
      await page.goto(`${app.baseUrl}/`);
      const first = page.locator("#facility-list li a").first();
      const name = await first.innerText();
      await first.click();
      await page.waitForURL("**/facilities/**");
      // The URL changes as the navigation starts; the page is there once its heading is.
      await page.locator("h1", { hasText: name }).waitFor();
      assert.ok((await page.locator("h1").innerText()).startsWith(name), "the page is the one the list linked to");
      await screenshot(page, "facility-page");
      const missing = await page.goto(`${app.baseUrl}/facilities/no-such-place`);
      assert.equal(missing?.status(), 404);
      await page.close();
    },
  },
  {
    name: "the language switch shows English and is remembered on the next visit",
    async run({ app, browser }) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/`);
      await page.getByRole("link", { name: "Switch to English" }).click();
      await page.waitForURL("**lang=en**");
      await page.getByRole("heading", { name: /Places on the map/ }).waitFor();
      assert.equal(await page.locator("html").getAttribute("lang"), "en");
      await page.goto(`${app.baseUrl}/`);
      assert.equal(await page.locator("html").getAttribute("lang"), "en", "the choice is remembered");
      await page.locator("[data-testid=facility-map][data-map-state=loaded]").waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      await screenshot(page, "map-en");
      await context.close();
    },
  },
];
