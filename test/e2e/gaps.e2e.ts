import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { runScript, screenshot, type Scenario } from "./harness";
import { startApp } from "../../scripts/harness/app";

const OFFICIAL = { email: "official@example.kr", password: "official passphrase 2026" };
const BOUNDARIES = path.resolve("data/boundaries/korea.topo.json");

async function coveredFigure(page: Page): Promise<string> {
  return page.getByTestId("gap-total-covered").innerText();
}

async function setRadius(page: Page, km: number): Promise<void> {
  // A range input cannot be typed into: set it as a person dragging it would, with an input event.
  await page.locator("input[name=radiusKm]").evaluate((input, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    setter?.call(input, String(value));
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, km);
}

export const gapsScenarios: Scenario[] = [
  {
    name: "an official signs in, opens /gaps, changes the radius and the figures change; English too; firm-level rows in a drill-down",
    async run({ browser }) {
      const app = await startApp({}, (dataDir) => {
        runScript("scripts/data-synth.ts", ["--count", "4000", "--seed", "11"], dataDir);
        runScript("scripts/user-create.ts", ["--email", OFFICIAL.email, "--role", "official"], dataDir, {
          USER_PASSWORD: OFFICIAL.password,
        });
        if (fs.existsSync(BOUNDARIES)) runScript("scripts/boundaries-import.ts", [BOUNDARIES], dataDir);
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
        await page.goto(`${app.baseUrl}/login?redirectTo=%2Fgaps`);
        await page.locator("input[name=email]").fill(OFFICIAL.email);
        await page.locator("input[name=password]").fill(OFFICIAL.password);
        await page.locator("form button[type=submit]").click();
        await page.waitForURL("**/gaps");
        await page.locator("[data-testid=gap-map][data-map-state=loaded]").waitFor({ timeout: 30_000 });
        assert.match(await page.getByTestId("synthetic-badge").innerText(), /4,000/);
        assert.ok(Number(await page.getByTestId("gap-map").getAttribute("data-hexagons")) > 0, "hexagons are drawn");
        if (fs.existsSync(BOUNDARIES))
          assert.equal(await page.getByTestId("gap-map").getAttribute("data-choropleth"), "drawn");
        assert.ok((await page.locator("[data-testid=gap-charts] svg").count()) > 0, "a chart per region");
        const before = await coveredFigure(page);
        await page.waitForTimeout(800);
        await screenshot(page, "gaps-ko");

        await setRadius(page, 5);
        await page.waitForURL("**radiusKm=5**");
        await page.waitForFunction(
          (previous) => document.querySelector("[data-testid=gap-total-covered]")?.textContent !== previous,
          before,
        );
        const after = await coveredFigure(page);
        assert.ok(
          Number(after.replace(/,/g, "")) < Number(before.replace(/,/g, "")),
          `a 5 km radius covers fewer firms (${after} < ${before})`,
        );
        assert.equal(await page.getByTestId("radius-value").innerText(), "5 km");

        // The official sorts the table by a header and downloads it, finding names beside the codes.
        const gapColumn = async () =>
          page
            .locator("[data-testid=gap-table] tbody tr td:nth-child(3)")
            .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent?.replace(/,/g, ""))));
        await page.getByRole("button", { name: "기업 기준으로 정렬" }).click();
        await page.waitForFunction(() =>
          document.querySelector("[data-testid=gap-table] th[aria-sort]")?.textContent?.startsWith("기업"),
        );
        const firmsColumn = await gapColumn();
        assert.deepEqual(
          firmsColumn,
          [...firmsColumn].sort((x, y) => y - x),
          "sorted by firms, largest first",
        );
        await page.getByRole("button", { name: "기업 기준으로 정렬" }).click();
        const ascending = await gapColumn();
        assert.deepEqual(
          ascending,
          [...ascending].sort((x, y) => x - y),
          "a second click reverses the order",
        );
        const download = page.waitForEvent("download");
        await page.getByRole("link", { name: "표 (CSV)" }).click();
        const csv = fs.readFileSync((await (await download).path()) ?? "", "utf8");
        assert.match(csv.split("\r\n")[0] ?? "", /^\uFEFF시도 코드,시·도,유형 코드,기업 유형/);
        assert.match(csv, /\r\n27,대구,/);
        assert.match(await page.getByTestId("gap-legend").innerText(), /육각형/);

        // The same in English: sorting, and an export with English headers and names.
        await page.goto(`${app.baseUrl}/gaps?radiusKm=20&lang=en`);
        await page.getByRole("button", { name: "Sort by Firms" }).click();
        await page.waitForFunction(() =>
          document.querySelector("[data-testid=gap-table] th[aria-sort]")?.textContent?.startsWith("Firms"),
        );
        const firmsEnglish = await gapColumn();
        assert.deepEqual(
          firmsEnglish,
          [...firmsEnglish].sort((x, y) => y - x),
          "sorted by firms, largest first, in English",
        );
        const englishDownload = page.waitForEvent("download");
        await page.getByRole("link", { name: "Table (CSV)" }).click();
        const englishCsv = fs.readFileSync((await (await englishDownload).path()) ?? "", "utf8");
        assert.match(englishCsv.split("\r\n")[0] ?? "", /^\uFEFFRegion code,/);
        assert.match(englishCsv, /\r\n27,Daegu,/);

        await page.goto(`${app.baseUrl}/gaps?radiusKm=20&region=27&lang=en`);
        await page.locator("[data-testid=gap-map][data-map-state=loaded]").waitFor({ timeout: 30_000 });
        await page.getByRole("heading", { name: /Details for Daegu/ }).waitFor();
        assert.ok(
          (await page.locator("[data-testid=gap-firms] tbody tr").count()) > 0,
          "the official sees firm-level rows",
        );
        await page.waitForTimeout(800);
        await screenshot(page, "gaps-en-daegu");
        await page.close();
      } finally {
        await app.stop();
      }
    },
  },
  {
    name: "signed out, /gaps shows the public figures but no firm-level rows",
    async run({ app, browser }) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const response = await page.goto(`${app.baseUrl}/gaps?region=27`);
      assert.equal(response?.status(), 200);
      await page.getByTestId("firms-hidden").waitFor();
      assert.equal(await page.locator("[data-testid=gap-firms]").count(), 0);
      const api = await page.request.get(`${app.baseUrl}/api/gaps/firms?region=27`);
      assert.equal(api.status(), 401);
      const bad = await page.request.get(`${app.baseUrl}/api/gaps?radiusKm=-3`);
      assert.equal(bad.status(), 400);
      await page.close();
    },
  },
];
