import assert from "node:assert/strict";
import path from "node:path";
import { runScript, screenshot, type Scenario } from "./harness";
import { startApp } from "../../scripts/harness/app";

const TIPS = "kstartup-178845";

export const programScenarios: Scenario[] = [
  {
    name: "with the clock at 2026-08-10 and the recorded K-Startup page imported, a 2-year-old Daejeon startup opens the 웰컴 투 팁스 (충청권) call from its match results",
    async run({ browser }) {
      const clock = { CLOCK_DATE: "2026-08-10" };
      const app = await startApp(clock, (dataDir) =>
        runScript(
          "scripts/programs-import.ts",
          [
            "--source",
            "kstartup",
            path.resolve("test/fixtures/programs/kstartup/bizradar_announcement_list_sample.json"),
          ],
          dataDir,
          clock,
        ),
      );
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        await page.goto(`${app.baseUrl}/match`);
        await page.locator("select[name=ksic]").selectOption("62");
        await page.locator("input[name=employees]").fill("4");
        await page.locator("select[name=region]").selectOption("30");
        await page.locator("input[name=founded]").fill("2024-08-01");
        await page.getByRole("button", { name: "추천 받기" }).click();
        await page.waitForURL(/founded=2024-08-01/);
        const call = page.getByTestId("match-programs").locator(`li[data-item-id="${TIPS}"]`);
        await call.waitFor();
        assert.match(await call.innerText(), /8일 뒤 마감/);
        assert.match(await call.innerText(), /접수 중: 8일 뒤 마감\(2026-08-18\)/);
        assert.ok(await page.getByTestId("match-feed").getAttribute("href"));
        await screenshot(page, "programs-match");

        await call.getByRole("link").first().click();
        await page.getByTestId("program-page").waitFor();
        assert.equal(await page.getByTestId("program-page").getAttribute("data-status"), "open");
        assert.equal(await page.getByTestId("program-window").innerText(), "2026-08-07 ~ 2026-08-18");
        assert.equal(await page.getByTestId("program-fit").getAttribute("data-eligible"), "true");
        assert.equal(await page.getByTestId("program-apply").getAttribute("href"), "https://buly.kr/HHf3KNe");
        const narrowed = page.getByTestId("program-readings").locator('tr[data-rule="region.narrowed"]');
        assert.match(await narrowed.innerText(), /biz_pbanc_nm/);
        assert.match(await page.getByTestId("program-sources").innerText(), /178845/);
        const ask = new URL((await page.getByTestId("ask-for-help").getAttribute("href")) ?? "", "http://x");
        assert.equal(ask.pathname, "/inquiries/new");
        assert.equal(ask.searchParams.get("targetType"), "program");
        assert.equal(ask.searchParams.get("region"), "30");
        await screenshot(page, "programs-page");
      } finally {
        await page.close();
        await app.stop();
      }
    },
  },
];
