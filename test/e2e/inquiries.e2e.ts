import assert from "node:assert/strict";
import type { CapturedMail } from "../support/smtp";
import { mailText } from "../support/smtp";
import { createAccount, E2E_ADMIN, signedInPage } from "./council.e2e";
import { screenshot, type Scenario } from "./harness";

/** What differs between the Korean and the English run: accounts, the firm, its industry, and the words on the buttons. */
const RUNS = {
  ko: {
    editor: { email: "editor.inquiries.daegu@clusterlink.test", password: "daegu inquiries password" },
    other: { email: "editor.inquiries.seoul@clusterlink.test", password: "seoul inquiries password" },
    official: { email: "official.inquiries@clusterlink.test", password: "official inquiries password" },
    firm: {
      name: "김염색",
      email: "owner@dyeworks.example",
      message: "염색 공정의 폐수 처리 비용을 줄이는 방법을 상담받고 싶습니다.",
    },
    reply: "다음 주 화요일 오전에 공정 진단을 해 드릴 수 있습니다.",
    ksic: "13",
    locale: "ko-KR",
    query: "",
    forwardedFor: "198.51.100.10",
    words: {
      send: "신청 보내기",
      noConsent: /동의하지 않으면/,
      accept: "맡기",
      start: "상담 시작",
      replyLabel: "기업에 이메일로 답변",
      sendReply: "답변 보내기",
      close: "종료",
    },
  },
  en: {
    editor: { email: "editor.inquiries.daegu.en@clusterlink.test", password: "daegu inquiries password en" },
    other: { email: "editor.inquiries.seoul.en@clusterlink.test", password: "seoul inquiries password en" },
    official: { email: "official.inquiries.en@clusterlink.test", password: "official inquiries password en" },
    firm: {
      name: "Jane Park",
      email: "owner@apparel.example",
      message: "We would like advice on cutting the energy cost of our sewing lines.",
    },
    reply: "We can visit your plant next Tuesday morning for a process review.",
    ksic: "14",
    locale: "en-US",
    query: "lang=en&",
    forwardedFor: "198.51.100.20",
    words: {
      send: "Send request",
      noConsent: /without consent/,
      accept: "Accept",
      start: "Start",
      replyLabel: "Reply to the firm by e-mail",
      sendReply: "Send reply",
      close: "Close",
    },
  },
} as const;

/** The test SMTP server's messages, handed to the scenarios by run.ts. */
export function inquiryScenarios(mail: CapturedMail[]): Scenario[] {
  return (["ko", "en"] as const).map((lang): Scenario => {
    const run = RUNS[lang];
    return {
      name: `inquiries (${lang}): a firm asks from /match on a phone, the Daegu editor accepts, replies by e-mail and closes as helped; Seoul gets 403; /gaps counts it without personal data`,
      async run({ app, browser }) {
        const admin = await signedInPage(browser, app, E2E_ADMIN);
        await admin.goto(`${app.baseUrl}/admin/users`);
        await createAccount(admin, run.editor, "council_editor", "27");
        await createAccount(admin, run.other, "council_editor", "11");
        await createAccount(admin, run.official, "official", "");
        await admin.context().close();

        // The firm, on a 390 px phone, without an account.
        const phone = await browser.newContext({
          viewport: { width: 390, height: 844 },
          locale: run.locale,
          isMobile: true,
          hasTouch: true,
          extraHTTPHeaders: { "X-Forwarded-For": run.forwardedFor },
        });
        const firm = await phone.newPage();
        await firm.goto(
          `${app.baseUrl}/match?${run.query}ksic=${run.ksic}&employees=40&region=27&techSource=suppliers&need=technology`,
        );
        const daeguCenter = firm.getByTestId("match-centers").locator("li[data-item-id=ccei-daegu]");
        await daeguCenter.waitFor();
        await daeguCenter.getByTestId("ask-for-help").click();
        await firm.waitForURL(/\/inquiries\/new\?/);
        assert.equal(
          await firm.locator("select[name=ksic]").inputValue(),
          run.ksic,
          "the industry comes from the match profile",
        );
        assert.equal(await firm.locator("select[name=pavittClass]").inputValue(), "supplier_dominated");
        assert.equal(await firm.locator("input[name=needs][value=technology]").isChecked(), true);
        const overflow = await firm.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `the form fits 390 px (overflow ${overflow})`);
        await firm.locator("input[name=contact_name]").fill(run.firm.name);
        await firm.locator("input[name=contact_email]").fill(run.firm.email);
        await firm.locator("textarea[name=message]").fill(run.firm.message);
        // Without consent nothing is sent, and the page says why.
        await firm.waitForTimeout(3200);
        await firm.getByRole("button", { name: run.words.send }).click();
        await firm.getByTestId("inquiry-problems").waitFor();
        assert.match(await firm.getByTestId("inquiry-problems").innerText(), run.words.noConsent);
        await screenshot(firm, `inquiry-refused-390-${lang}`);
        await firm.locator("input[name=consent]").check();
        await firm.waitForTimeout(3200);
        await firm.getByRole("button", { name: run.words.send }).click();
        await firm.getByTestId("inquiry-status").waitFor();
        const reference = (await firm.getByTestId("inquiry-reference").innerText()).trim();
        assert.match(reference, /^CL-\d{6}-[2-9A-Z]{6}$/);
        const statusUrl = firm.url().replace(/\?.*$/, "");
        await screenshot(firm, `inquiry-sent-390-${lang}`);

        // The Daegu editor works the request through.
        const editor = await signedInPage(browser, app, run.editor);
        await editor.goto(`${app.baseUrl}/council/27/inquiries${lang === "en" ? "?lang=en" : ""}`);
        await editor.getByTestId("inquiry-inbox").getByText(reference).click();
        await editor.getByTestId("inquiry-detail").waitFor();
        const detailUrl = editor.url();
        assert.equal((await editor.getByTestId("inquiry-contact-name").innerText()).trim(), run.firm.name);
        await editor.getByRole("button", { name: run.words.accept }).click();
        await editor.locator("[data-testid=inquiry-detail][data-state=accepted]").waitFor();
        await editor.getByRole("button", { name: run.words.start }).click();
        await editor.locator("[data-testid=inquiry-detail][data-state=in_progress]").waitFor();
        await editor.getByLabel(run.words.replyLabel).fill(run.reply);
        await editor.getByRole("button", { name: run.words.sendReply }).click();
        await editor.getByTestId("inquiry-steps").locator("li[data-kind=reply]").waitFor();
        await editor.locator("select[name=outcome]").selectOption("helped");
        await editor.getByRole("button", { name: run.words.close, exact: true }).click();
        await editor.locator("[data-testid=inquiry-detail][data-state=closed][data-outcome=helped]").waitFor();
        await screenshot(editor, `inquiry-closed-editor-${lang}`);
        await editor.context().close();

        const deadline = Date.now() + 10_000;
        let reply: CapturedMail | undefined;
        while (!reply && Date.now() < deadline) {
          reply = mail.find((m) => m.to.includes(run.firm.email) && mailText(m).includes(run.reply));
          if (!reply) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        assert.ok(reply, `the test SMTP server captured the reply (${mail.length} messages)`);

        // The firm's status page shows each step, in its language and in the other.
        await firm.goto(`${statusUrl}?lang=${lang}`);
        const kinds = await firm
          .getByTestId("inquiry-steps")
          .locator("li")
          .evaluateAll((items) => items.map((li) => li.getAttribute("data-kind")));
        assert.deepEqual(kinds, ["submitted", "accepted", "in_progress", "reply", "closed"]);
        assert.ok((await firm.getByTestId("inquiry-steps").innerText()).includes(run.reply));
        await firm.goto(`${statusUrl}?lang=${lang === "ko" ? "en" : "ko"}`);
        assert.match(await firm.getByTestId("inquiry-steps").innerText(), lang === "ko" ? /Closed: Helped/ : /종료/);
        await screenshot(firm, `inquiry-status-390-${lang}`);
        await phone.close();

        // An editor of another region is refused the request.
        const other = await signedInPage(browser, app, run.other);
        const refused = await other.goto(detailUrl);
        assert.equal(refused?.status(), 403);
        await other.context().close();

        // Nine more requests of the same kind pass the small-cell threshold, so the official sees the count.
        for (let i = 0; i < 9; i++) {
          const response = await fetch(`${app.baseUrl}/api/inquiries`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Forwarded-For": run.forwardedFor },
            body: JSON.stringify({
              targetType: "facility",
              targetId: "ccei-daegu",
              contact: { name: `기업 ${i}`, email: `firm${i}.${lang}@dyeworks.example` },
              message: "상담 요청",
              consent: true,
              profile: {
                ksicDivision: run.ksic,
                regionCode: "27",
                pavittClass: "supplier_dominated",
                sizeBand: "small",
              },
            }),
          });
          assert.equal(response.status, 201);
        }
        const official = await signedInPage(browser, app, run.official);
        await official.goto(`${app.baseUrl}/gaps?${run.query}region=27`);
        const row = official
          .getByTestId("gap-demand-table")
          .locator("tbody tr:not([data-suppressed])")
          .filter({ has: official.locator("td", { hasText: new RegExp(`^${run.ksic} `) }) });
        await row.waitFor();
        assert.match(await row.innerText(), /\b10\b/);
        const html = await official.content();
        for (const personal of [run.firm.name, run.firm.email, run.firm.message, `firm0.${lang}@dyeworks.example`])
          assert.ok(!html.includes(personal), `no personal data on /gaps: ${personal}`);
        assert.equal(
          (await official.goto(`${app.baseUrl}/council/27/inquiries`))?.status(),
          403,
          "officials see counts only",
        );
        await screenshot(official, `inquiry-gaps-demand-${lang}`);
        await official.context().close();
      },
    };
  });
}
