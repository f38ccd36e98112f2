import assert from "node:assert/strict";
import type { Scenario } from "./harness";
import { screenshot } from "./harness";

/** A dyer's everyday words, with one word no listing holds. */
const DYER_SEARCH = {
  ko: { q: "대구 섬유 염색 폐수처리", unmatched: "폐수처리" },
  en: { q: "Daegu textile dyeing wastewater", unmatched: "wastewater" },
} as const;

export const searchScenarios: Scenario[] = [
  ...(["ko", "en"] as const).map((lang): Scenario => ({
    name: `search (${lang}): a dyer's everyday words find the Daegu textile and dyeing listings first, and the word nothing holds is named`,
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const { q, unmatched } = DYER_SEARCH[lang];
      await page.goto(`${app.baseUrl}/?lang=${lang}&q=${encodeURIComponent(q)}`);
      const results = page.getByTestId("search-results");
      await results.locator("li").first().waitFor();
      const first = await results.locator("li").first().getAttribute("data-hit-id");
      assert.ok(
        first === "pi-dyetec" || first === "pi-ktdi" || first === "tp-daegu",
        `a Daegu textile or dyeing listing comes first (got ${first})`,
      );
      assert.match(await page.getByTestId("unmatched-terms").innerText(), new RegExp(unmatched));
      await screenshot(page, `search-dyer-${lang}-390`);
      await page.close();
    },
  })),
  {
    name: "typing searches as you type, the map follows the results, and the URL can be shared",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      await page.goto(`${app.baseUrl}/`);
      await page.locator("[data-testid=facility-map][data-map-state=loaded]").waitFor({ timeout: 30_000 });
      await page.getByTestId("search-input").pressSequentially("기계 창원", { delay: 40 });
      const results = page.getByTestId("search-results");
      await results.locator("li[data-hit-id=nic-changwon]").waitFor();
      await page.waitForFunction(
        () => document.querySelector("[data-testid=facility-map]")?.getAttribute("data-drawn-facilities") === "1",
      );
      const shared = page.url();
      assert.match(decodeURIComponent(shared), /q=기계\+창원/);
      assert.doesNotMatch(shared, /type=&/, "empty fields stay out of the URL");

      await results.locator("li[data-hit-id=nic-changwon]").hover();
      await screenshot(page, "search-typed");

      const other = await browser.newPage();
      await other.goto(shared);
      assert.deepEqual(
        await other
          .getByTestId("search-results")
          .locator("li")
          .evaluateAll((items) => items.map((li) => li.getAttribute("data-hit-id"))),
        ["nic-changwon"],
      );
      await other.close();
      await page.close();
    },
  },
  {
    name: "a filter narrows the results and its facet counts are shown",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      await page.goto(`${app.baseUrl}/?q=${encodeURIComponent("테크노파크")}`);
      await page.getByTestId("search-results").waitFor();
      const before = Number(await page.getByTestId("search-results").locator("li").count());
      await page.locator("select[name=region]").selectOption("48");
      await page.waitForURL(/region=48/);
      // The router writes the URL a moment before it renders the new results: wait for the list itself,
      // read from here (in CI, waitForFunction's in-page polling timed out while the list was already right).
      const facilityIds = () =>
        page
          .getByTestId("search-results")
          .locator("li[data-hit-type=facility]")
          .evaluateAll((items) => items.map((li) => li.getAttribute("data-hit-id")));
      let ids = await facilityIds();
      for (const deadline = Date.now() + 30_000; ids.join() !== "tp-gyeongnam" && Date.now() < deadline;) {
        await page.waitForTimeout(100);
        ids = await facilityIds();
      }
      assert.deepEqual(
        ids,
        ["tp-gyeongnam"],
        `at ${page.url()} with the region select on ${await page.locator("select[name=region]").inputValue()}; offline notice shown: ${await page.getByTestId("offline-notice").isVisible()}`,
      );
      assert.ok(before > ids.length);
      assert.match(await page.locator("select[name=kind] option[value=techno_park]").innerText(), /\(\d+\)/);
      await page.close();
    },
  },
  {
    name: "picking a point on the map searches around it, nearest first",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      await page.goto(`${app.baseUrl}/`);
      await page.locator("[data-testid=facility-map][data-map-state=loaded]").waitFor({ timeout: 30_000 });
      await page.getByTestId("pick-point").click();
      const box = await page.locator(".maplibregl-canvas").boundingBox();
      assert.ok(box);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForURL(/near=/);
      assert.match(page.url(), /radiusKm=30/);
      await page.locator("select[name=radiusKm]").selectOption("100");
      await page.waitForURL(/radiusKm=100/);
      await page.getByTestId("search-results").locator("li").first().waitFor();
      const distances = await page
        .getByTestId("search-results")
        .locator(".meta")
        .evaluateAll((metas) => metas.map((m) => Number(/([\d.]+) km/.exec(m.textContent ?? "")?.[1])));
      assert.ok(distances.length > 0);
      assert.deepEqual(
        distances,
        [...distances].sort((a, b) => a - b),
      );
      assert.ok(distances.every((d) => d <= 100));
      await page.waitForTimeout(800);
      await screenshot(page, "search-near-point");
      await page.close();
    },
  },
  {
    name: "without JavaScript the search form still answers, and an empty result suggests what to relax",
    async run({ app, browser }) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/`);
      await page.locator("input[name=q]").fill("대구 섬유");
      await page.locator("form[role=search] button[type=submit]").click();
      await page.waitForURL(/q=/);
      assert.ok((await page.getByTestId("search-results").locator("li").count()) > 0);

      await page.goto(`${app.baseUrl}/?q=${encodeURIComponent("대구테크노파크")}&kind=research_complex`);
      const empty = page.getByTestId("search-empty");
      await empty.waitFor();
      await empty.getByRole("link", { name: /기관 종류/ }).click();
      await page.waitForURL((url) => !url.search.includes("kind="));
      await page.getByTestId("search-results").locator("li[data-hit-id=tp-daegu]").waitFor();
      assert.ok((await page.getByTestId("search-results").locator("li").count()) > 0);
      await context.close();
    },
  },
];
