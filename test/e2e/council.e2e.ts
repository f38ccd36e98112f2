import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { screenshot, type Scenario } from "./harness";
import { type RunningApp } from "../../scripts/harness/app";
import { translator } from "../../app/i18n";

/** The app under test creates this administrator at start (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const E2E_ADMIN = { email: "admin@clusterlink.test", password: "e2e admin password" };
const EDITOR = { email: "editor.daegu@clusterlink.test", password: "daegu editor password" };
const REVIEWER = { email: "reviewer.daegu@clusterlink.test", password: "daegu reviewer password" };
const OTHER_EDITOR = { email: "editor.seoul@clusterlink.test", password: "seoul editor password" };
/** Markup in a name must show as text and never run. */
const NEW_NAME = `대구창조경제혁신센터 새단장 <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

export async function signedInPage(
  browser: Browser,
  app: RunningApp,
  account: { email: string; password: string },
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel("이메일").fill(account.email);
  await page.getByLabel("비밀번호").fill(account.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await page.getByRole("button", { name: "로그아웃" }).waitFor();
  return page;
}

export async function createAccount(
  page: Page,
  account: { email: string; password: string },
  role: string,
  region: string,
): Promise<void> {
  const form = page.locator("form.stacked-form");
  await form.getByLabel("이메일").fill(account.email);
  await form.getByLabel(/비밀번호/).fill(account.password);
  await form.getByLabel("역할").selectOption(role);
  await form.getByLabel(/지역/).selectOption(region);
  await form.getByRole("button", { name: "계정 만들기" }).click();
  await page.getByTestId("users").getByText(account.email).waitFor();
}

export const councilScenarios: Scenario[] = [
  {
    name: "council: the administrator signs in and creates council accounts",
    async run({ app, browser }) {
      const page = await signedInPage(browser, app, E2E_ADMIN);
      const cookies = await page.context().cookies();
      const session = cookies.find((c) => c.name.endsWith("session"));
      assert.ok(session, "a session cookie is set");
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, "Lax");
      await page.goto(`${app.baseUrl}/admin/users`);
      await createAccount(page, EDITOR, "council_editor", "27");
      await createAccount(page, REVIEWER, "council_reviewer", "27");
      await createAccount(page, OTHER_EDITOR, "council_editor", "11");
      await screenshot(page, "council-admin-users");
      await page.context().close();
    },
  },
  {
    name: "council: an editor edits a listing, a reviewer publishes it, the map and search show it; markup stays inert",
    async run({ app, browser }) {
      const editor = await signedInPage(browser, app, EDITOR);
      await editor.goto(`${app.baseUrl}/council`);
      await editor.waitForURL("**/council/27");
      await screenshot(editor, "council-workspace");
      await editor.getByTestId("listings").locator("tr[data-listing-id=ccei-daegu] a").click();
      await editor.waitForURL("**/council/27/facility/ccei-daegu");
      await editor.getByLabel("이름 (한국어)").fill(NEW_NAME);
      await editor.getByRole("button", { name: "초안 저장" }).click();
      await editor.getByTestId("draft-fields").waitFor();
      await screenshot(editor, "council-draft");

      const before = (await (await fetch(`${app.baseUrl}/api/facilities/ccei-daegu`)).json()) as {
        properties?: { nameKo: string };
        nameKo?: string;
      };
      assert.ok(!JSON.stringify(before).includes("새단장"), "the draft is not public yet");

      const reviewer = await signedInPage(browser, app, REVIEWER);
      await reviewer.goto(`${app.baseUrl}/council/27/facility/ccei-daegu`);
      await reviewer.getByRole("button", { name: "게시", exact: true }).click();
      await reviewer.getByTestId("draft-fields").waitFor({ state: "detached" });
      await reviewer.getByTestId("audit").getByText("게시", { exact: true }).first().waitFor();
      await screenshot(reviewer, "council-published");

      const publicPage = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await publicPage.goto(`${app.baseUrl}/facilities/ccei-daegu`);
      assert.equal(await publicPage.locator("h1").evaluate((h) => h.firstChild?.textContent?.trim()), NEW_NAME);
      assert.equal(
        await publicPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
        undefined,
        "no stored script ran",
      );
      assert.equal(await publicPage.locator("h1 img, h1 script").count(), 0);
      await screenshot(publicPage, "council-public-page");
      await publicPage.goto(`${app.baseUrl}/?list=all`);
      await publicPage.locator("#facility-list li", { hasText: "새단장" }).waitFor();
      assert.equal(await publicPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      const search = (await (await fetch(`${app.baseUrl}/api/search?q=${encodeURIComponent("새단장")}`)).json()) as {
        hits?: { id: string }[];
        results?: { id: string }[];
      };
      assert.ok(
        JSON.stringify(search).includes("ccei-daegu"),
        `search finds the published change: ${JSON.stringify(search).slice(0, 300)}`,
      );
      await publicPage.goto(`${app.baseUrl}/?q=${encodeURIComponent("새단장")}`);
      const hit = publicPage.getByTestId("search-results").locator("li[data-hit-id=ccei-daegu]");
      await hit.waitFor();
      assert.ok((await hit.innerText()).includes("<script>"), "the search result shows the markup as text");
      assert.equal(await publicPage.getByTestId("search-results").locator("img, script").count(), 0);
      assert.equal(await publicPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      await screenshot(publicPage, "council-public-search");
      await editor.context().close();
      await reviewer.context().close();
      await publicPage.context().close();
    },
  },
  {
    name: "council: a published new address, phone and website reach the public facility page, not only the API",
    async run({ app, browser }) {
      const editor = await signedInPage(browser, app, EDITOR);
      await editor.goto(`${app.baseUrl}/council/27/facility/tp-daegu`);
      await editor.getByLabel("주소", { exact: true }).fill("대구광역시 동구 동대구로 475 (신천동)");
      // The typed address moves the point to the area it names (신천동 spans several dongs: the gu).
      await editor.getByTestId("place-status").getByText("대구광역시 동구").waitFor();
      assert.equal(await editor.locator("select[name=coord_precision]").inputValue(), "sigungu");
      await editor.getByLabel("전화", { exact: true }).fill("053-000-1234");
      await editor.getByLabel("웹사이트 (http/https)").fill("https://tp.example.kr/");
      await editor.getByRole("button", { name: "초안 저장" }).click();
      await editor.getByTestId("draft-fields").waitFor();

      const reviewer = await signedInPage(browser, app, REVIEWER);
      await reviewer.goto(`${app.baseUrl}/council/27/facility/tp-daegu`);
      await reviewer.getByRole("button", { name: "게시", exact: true }).click();
      await reviewer.getByTestId("draft-fields").waitFor({ state: "detached" });

      const api = (await (await fetch(`${app.baseUrl}/api/facilities/tp-daegu`)).json()) as {
        address: string;
        phone: string;
        website: string;
      };
      assert.equal(api.address, "대구광역시 동구 동대구로 475 (신천동)");
      assert.equal(api.phone, "053-000-1234");
      for (const [lang, width] of [
        ["ko", 390],
        ["en", 1280],
      ] as const) {
        const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
        await page.goto(`${app.baseUrl}/facilities/tp-daegu${lang === "en" ? "?lang=en" : ""}`);
        const facts = await page.locator("dl.facts").innerText();
        assert.ok(
          facts.includes("대구광역시 동구 동대구로 475 (신천동)"),
          `the page shows the published address: ${facts.slice(0, 400)}`,
        );
        assert.ok(facts.includes("053-000-1234"), "the page shows the published phone");
        assert.equal(
          await page.locator("dl.facts a[href='https://tp.example.kr/']").count(),
          1,
          "the website is a working link",
        );
        assert.ok((await page.getByTestId("citations").locator("li").count()) > 0, "the sources are listed");
        await screenshot(page, `facility-page-council-edit-${lang}-${width}`);
        await page.context().close();
      }
      await editor.context().close();
      await reviewer.context().close();
    },
  },
  {
    name: "council: an editor of another region cannot reach the listing",
    async run({ app, browser }) {
      const page = await signedInPage(browser, app, OTHER_EDITOR);
      await page.goto(`${app.baseUrl}/council`);
      await page.waitForURL("**/council/11");
      const workspace = await page.goto(`${app.baseUrl}/council/27`);
      assert.equal(workspace?.status(), 403);
      const listing = await page.goto(`${app.baseUrl}/council/27/facility/ccei-daegu`);
      assert.equal(listing?.status(), 403);
      await page.getByRole("heading", { name: "권한이 없습니다" }).waitFor();
      await screenshot(page, "council-forbidden");
      const viaSeoul = await page.goto(`${app.baseUrl}/council/11/facility/ccei-daegu`);
      assert.equal(viaSeoul?.status(), 403);
      await page.goto(`${app.baseUrl}/council/11/facility/ccei-seoul?lang=en`);
      await page.getByRole("heading", { name: "Published version" }).waitFor();
      await screenshot(page, "council-listing-en");
      await page.context().close();
    },
  },
];

/** The words the picker scenario reads and clicks, per language; the industry searches stay in Korean, as a Korean editor of the English page types them. */
const PICKER_WORDS = {
  ko: {
    kind: "종류",
    incubator: "창업보육센터",
    nameKo: "이름 (한국어)",
    nameEn: "이름 (영어)",
    listingName: "대구 금형 창업보육센터",
    address: "주소",
    incubation: "창업 보육",
    testing: "시험·장비 지원",
    industrySearch: "업종 검색",
    add: (code: string) => new RegExp(`^${code} `),
    remove: (code: string) => new RegExp(`^${code} .* 빼기$`),
    saveDraft: "초안 저장",
    sourceLink: /출처/,
    publish: "게시",
    requestArchive: "보관 요청…",
    explanation: /검토자가 게시하면/,
    confirmArchive: "보관 요청 보내기",
    draftArchive: "보관 요청 (검토 대기)",
    actions: ["보관", "보관 요청", "게시", "초안 작성"],
    statusDiff: /상태: 게시됨 → 보관됨/,
    servicesDiff: /서비스: — → 창업 보육, 시험·장비 지원/,
    industriesDiff: /주요 업종 \(KSIC\): — → 29, 26/,
  },
  en: {
    kind: "Kind",
    incubator: "business incubator",
    nameKo: "Name (Korean)",
    nameEn: "Name (English)",
    listingName: "대구 금형 창업보육센터 2관",
    address: "Address",
    incubation: "start-up incubation",
    testing: "testing and equipment",
    industrySearch: "Search industries",
    add: (code: string) => new RegExp(`^${code} `),
    remove: (code: string) => new RegExp(`^Remove ${code} `),
    saveDraft: "Save draft",
    sourceLink: /Source/,
    publish: "Publish",
    requestArchive: "Request archiving…",
    explanation: /When a reviewer of this region publishes it/,
    confirmArchive: "Send archive request",
    draftArchive: "Archive request (awaiting review)",
    actions: ["Archived", "Archive requested", "Published", "Draft created"],
    statusDiff: /Status: Published → Archived/,
    servicesDiff: /Services: — → start-up incubation, testing and equipment/,
    industriesDiff: /Main industries \(KSIC\): — → 29, 26/,
  },
} as const;

councilScenarios.push(
  ...(["ko", "en"] as const).map((lang): Scenario => {
    const w = PICKER_WORDS[lang];
    return {
      name: `council (${lang}): an editor fills a listing with the pickers, fixes what the error summary names, asks to archive it and confirms; a reviewer publishes; the audit trail reads as a diff`,
      async run({ app, browser }) {
        const editor = await signedInPage(browser, app, EDITOR);
        await editor.goto(`${app.baseUrl}/council/27/new/facility?lang=${lang}`);
        await editor.getByLabel(w.kind).selectOption({ label: w.incubator });
        await editor.getByLabel(w.nameKo).fill(w.listingName);
        await editor.getByLabel(w.nameEn).fill(`Daegu Mould Incubator (${lang})`);
        await editor.getByLabel(w.address, { exact: true }).fill("대구광역시 중구 삼덕동 50");
        await editor.getByTestId("place-status").getByText("삼덕동").waitFor();
        await editor.getByLabel(w.incubation).check();
        await editor.getByLabel(w.testing).check();
        const industries = editor.getByTestId("picker-industries");
        const industrySearch = industries.getByRole("combobox", { name: w.industrySearch });
        await industrySearch.fill("금형");
        await industries.getByRole("option", { name: w.add("29") }).click();
        // The keyboard path of the combobox: the arrow makes a suggestion active, Enter adds it, Escape closes the list.
        await industrySearch.fill("전자 부품");
        assert.equal(await industrySearch.getAttribute("aria-expanded"), "true");
        const activeText = async () => {
          const active = await industrySearch.getAttribute("aria-activedescendant");
          return active ? industries.locator(`[id="${active}"][role=option]`).innerText() : "";
        };
        for (let step = 0; step < 8 && !w.add("26").test(await activeText()); step += 1) {
          await industrySearch.press("ArrowDown");
        }
        assert.match(await activeText(), w.add("26"), "the arrows reach the suggestion");
        await industrySearch.press("Enter");
        await industrySearch.fill("음료");
        await industrySearch.press("Escape");
        assert.equal(await industrySearch.getAttribute("aria-expanded"), "false");
        await industrySearch.press("ArrowDown");
        await industries.getByRole("option", { name: w.add("11") }).click();
        await industries.getByRole("button", { name: w.remove("11") }).click();
        assert.deepEqual(
          await industries
            .locator("input[type=hidden][name=industries]")
            .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
          ["29", "26"],
        );

        // The source is left out: the save is refused, and the summary at the top takes focus and links to the field.
        await editor.getByRole("button", { name: w.saveDraft }).click();
        const summary = editor.getByTestId("error-summary");
        await summary.waitFor();
        assert.equal(
          await editor.evaluate(() => document.activeElement?.getAttribute("data-testid")),
          "error-summary",
          "the error summary has the focus",
        );
        await screenshot(editor, `council-error-summary-${lang}`);
        const link = summary.getByRole("link", { name: w.sourceLink });
        assert.equal(await link.getAttribute("href"), "#field-source");
        await link.click();
        assert.equal(
          await editor.evaluate(() => document.activeElement?.id),
          "field-source",
          "the link leads to the field",
        );
        assert.equal(
          await editor.getByLabel(w.incubation).isChecked(),
          true,
          "picked services survive the refused save",
        );
        await editor.locator("#field-source").fill("대구 협의회 현장 확인");
        await editor.getByRole("button", { name: w.saveDraft }).click();
        await editor.waitForURL(/\/council\/27\/facility\/f-27-[0-9a-f]+(\?.*)?$/);
        await editor.getByTestId("draft-fields").waitFor();
        const id = new URL(editor.url()).pathname.split("/").pop()!;

        const reviewer = await signedInPage(browser, app, REVIEWER);
        await reviewer.goto(`${app.baseUrl}/council/27/facility/${id}?lang=${lang}`);
        await reviewer.getByRole("button", { name: w.publish, exact: true }).click();
        await reviewer.getByTestId("draft-fields").waitFor({ state: "detached" });
        const published = (await (await fetch(`${app.baseUrl}/api/facilities/${id}`)).json()) as Record<
          string,
          unknown
        >;
        assert.ok(JSON.stringify(published).includes(w.listingName), "the published listing is public");

        await editor.reload();
        await editor.getByRole("button", { name: w.requestArchive }).click();
        const confirm = editor.getByTestId("confirm-status");
        await confirm.waitFor();
        assert.match(await confirm.innerText(), w.explanation);
        await screenshot(editor, `council-archive-confirm-${lang}`);
        await confirm.getByRole("button", { name: w.confirmArchive }).click();
        await editor.getByRole("heading", { name: w.draftArchive }).waitFor();
        assert.equal(
          (await fetch(`${app.baseUrl}/api/facilities/${id}`)).status,
          200,
          "an archive request leaves the listing public",
        );

        await reviewer.goto(`${app.baseUrl}/council/27/facility/${id}?lang=${lang}`);
        await reviewer.getByRole("heading", { name: w.draftArchive }).waitFor();
        await reviewer.getByRole("button", { name: w.publish, exact: true }).click();
        await reviewer.getByTestId("draft-fields").waitFor({ state: "detached" });
        assert.equal(
          (await fetch(`${app.baseUrl}/api/facilities/${id}`)).status,
          404,
          "the published archive hides the listing",
        );

        await editor.goto(`${app.baseUrl}/council/27/facility/${id}?lang=${lang}`);
        const audit = editor.getByTestId("audit");
        const actions = await audit.locator("tbody tr td:nth-child(3)").allInnerTexts();
        assert.deepEqual(actions, w.actions);
        assert.equal(
          await audit.locator("thead th").count(),
          await audit.locator("tbody tr").first().locator("td").count(),
          "one heading per column: the change list sits under its own heading",
        );
        const diffs = await audit.getByTestId("audit-diff").allInnerTexts();
        assert.match(diffs[0]!, w.statusDiff);
        assert.match(diffs[1]!, w.statusDiff);
        const created = diffs[diffs.length - 1]!;
        assert.match(created, w.servicesDiff);
        assert.match(created, w.industriesDiff);
        assert.ok(!/[{}"]/.test(diffs.join("\n")), `no raw JSON in the audit trail: ${diffs.join(" | ")}`);
        assert.ok(!diffs.join("\n").includes("version"), "bookkeeping fields are not shown");
        await screenshot(editor, `council-audit-diff-${lang}`);
        await editor.context().close();
        await reviewer.context().close();
      },
    };
  }),
);

function bigCsv(rows: number): string {
  const header = "external_id,kind,name_ko,name_en,lat,lng,coord_precision,industries,services,source";
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `e2e-${i},business_incubator,대구 시험 보육센터 ${i}호,Daegu Test Incubator ${i},${(35.8 + (i % 100) * 0.001).toFixed(4)},${(128.55 + Math.floor(i / 100) * 0.001).toFixed(4)},sigungu,26,startup_incubation,시험 자료`,
  );
  return [header, ...lines].join("\r\n");
}

councilScenarios.push({
  name: "council: a 10,000-row CSV shows a check report, then progress, and finishes",
  async run({ app, browser }) {
    const page = await signedInPage(browser, app, EDITOR);
    await page.goto(`${app.baseUrl}/council/27/import`);
    await page
      .getByLabel("CSV 파일")
      .setInputFiles({ name: "daegu-10000.csv", mimeType: "text/csv", buffer: Buffer.from(bigCsv(10_000), "utf8") });
    await page.getByRole("button", { name: "검사" }).click();
    await page.getByTestId("import-report").waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId("import-report").innerText(), /10,000행, 인코딩 UTF-8, 문제 0건/);
    await screenshot(page, "council-import-report");
    await page.getByRole("button", { name: "10,000행 가져오기" }).click();
    await page.getByTestId("import-job").waitFor();
    const firstSeen = await page.getByTestId("import-job").getAttribute("data-state");
    const firstDone = Number(await page.locator("progress").getAttribute("value"));
    await screenshot(page, "council-import-progress");
    assert.equal(firstSeen, "running", "the page shows the import while it runs");
    assert.ok(firstDone < 10_000, `progress starts below the total (${firstDone})`);
    await page.locator("[data-testid=import-job][data-state=done]").waitFor({ timeout: 120_000 });
    assert.match(await page.getByTestId("import-job").innerText(), /새 초안 10,000건/);
    assert.equal(await page.locator("progress").getAttribute("value"), "10000");
    await screenshot(page, "council-import-done");
    await page.context().close();
  },
});

councilScenarios.push(
  ...(["ko", "en"] as const).map((lang): Scenario => ({
    name: `council (${lang}): a half-typed date is named as incomplete before the listing form posts, not saved as empty`,
    async run({ app, browser }) {
      const t = translator(lang);
      const editor = await signedInPage(browser, app, EDITOR);
      await editor.goto(`${app.baseUrl}/council/27/new/program?lang=${lang}`);
      const start = editor.locator("#field-period_start");
      // One segment of the date typed: the browser holds it as bad input and would post an empty value.
      await start.focus();
      await editor.keyboard.type("05");
      assert.equal(await start.evaluate((input) => (input as HTMLInputElement).validity.badInput), true);
      const url = editor.url();
      await editor.getByRole("button", { name: t("saveDraft") }).click();
      const summary = editor.getByTestId("error-summary");
      await summary.waitFor();
      const link = summary.getByRole("link", { name: new RegExp(t("dateIncomplete").slice(0, 8)) });
      assert.equal(await link.getAttribute("href"), "#field-period_start");
      assert.equal(editor.url(), url, "nothing was posted");
      assert.equal(await start.getAttribute("aria-invalid"), "true");
      assert.match(
        (await start.getAttribute("aria-describedby")) ?? "",
        /field-period_start-error/,
        "the error is read with the field",
      );
      await screenshot(editor, `council-date-incomplete-${lang}`);
      await editor.context().close();
    },
  })),
);
