import assert from "node:assert/strict";
import type { Scenario } from "./harness";
import { screenshot } from "./harness";

export const matchScenarios: Scenario[] = [
  ...(["ko", "en"] as const).map((lang): Scenario => ({
    name: `match (${lang}): the dyer's results on a 390 px phone come first and read plainly: a band and a whole score, grouped reasons, shared ones once, what the class means, distances from the region's centre`,
    async run({ app, browser }) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: lang === "ko" ? "ko-KR" : "en-GB",
      });
      const page = await context.newPage();
      await page.goto(
        `${app.baseUrl}/match?lang=${lang}&ksic=13&employees=40&region=27&techSource=suppliers&need=technology`,
      );
      const results = page.getByTestId("match-results");
      await results.waitFor();
      const top = await results.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
      assert.ok(top < 844, `the results start on the first screen (at ${Math.round(top)} px)`);
      assert.match(
        await page.getByTestId("classification-meaning").innerText(),
        lang === "ko" ? /설비·소재 공급업체/ : /machines and materials you buy/,
      );
      const card = page.getByTestId("match-centers").locator("li").first();
      assert.match(
        await card.locator(".score").innerText(),
        lang === "ko" ? /^(잘 맞음|맞음|참고) · \d+점$/ : /^(Strong fit|Good fit|Worth a look) · \d+ of 100$/,
      );
      assert.deepEqual(
        await card.locator(".reason-group").evaluateAll((groups) => groups.map((g) => g.getAttribute("data-group"))),
        ["fit", "distance"],
      );
      assert.match(
        await card.locator(".meta").innerText(),
        lang === "ko"
          ? /시·도 중심에서 약 \d+ km|시·도 중심 근처/
          : /from the region's centre|near the region's centre/,
      );
      assert.ok(await page.getByTestId("match-region-basis").isVisible());
      const text = await results.innerText();
      assert.doesNotMatch(text, /\b0 km\b/);
      assert.doesNotMatch(text, /\d+\.\d+(점| of 100)/, "no decimal scores");
      // A reason every center gives is said once above the list, not on each card.
      const shared = await page.getByTestId("match-centers-shared").locator("li").allInnerTexts();
      assert.ok(shared.length > 0);
      for (const reason of shared)
        assert.equal(
          await page.getByTestId("match-centers").locator(".reasons li", { hasText: reason }).count(),
          0,
          `"${reason}" is not repeated on the cards`,
        );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no horizontal overflow (${overflow} px)`);
      await screenshot(page, `match-dyer-${lang}-390`);

      // Refused answers: the summary at the top takes focus and links to the fields.
      await page.goto(`${app.baseUrl}/match?lang=${lang}&ksic=13&employees=-5&region=27`);
      const errors = page.getByTestId("match-errors");
      await errors.waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "match-errors");
      const href = await errors.locator("a").first().getAttribute("href");
      assert.ok(href && (await page.locator(href).count()) === 1, `the summary links to a field (${href})`);
      await context.close();
    },
  })),
  {
    name: "an SME owner fills the form, sees the classification, centers on the map and programs, and shares the result",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${app.baseUrl}/match`);
      // A dyer types what they do, not the division's name: 염색 leaves the textile division to pick.
      await page.getByTestId("industry-filter").fill("염색");
      assert.deepEqual(
        await page
          .locator("select[name=ksic] option:not([value=''])")
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
        ["13"],
      );
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
      await page.waitForFunction(
        () => Number(document.querySelector("[data-testid=facility-map]")?.getAttribute("data-drawn-facilities")) > 0,
        undefined,
        { timeout: 30_000 },
      );
      await screenshot(page, "match-results");

      const shared = page.url();
      const topCenter = await centers.first().getAttribute("data-item-id");
      const other = await browser.newPage();
      await other.goto(shared);
      assert.equal(
        await other.getByTestId("match-centers").locator("li").first().getAttribute("data-item-id"),
        topCenter,
      );
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
