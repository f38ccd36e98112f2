import assert from "node:assert/strict";
import type { CapturedMail } from "../support/smtp";
import { mailText } from "../support/smtp";
import { createAccount, E2E_ADMIN, signedInPage } from "./council.e2e";
import { screenshot, type Scenario } from "./harness";

const EDITOR = { email: "editor.inquiries.daegu@clusterlink.test", password: "daegu inquiries password" };
const OTHER = { email: "editor.inquiries.seoul@clusterlink.test", password: "seoul inquiries password" };
const OFFICIAL = { email: "official.inquiries@clusterlink.test", password: "official inquiries password" };
const FIRM = { name: "김염색", email: "owner@dyeworks.example", message: "염색 공정의 폐수 처리 비용을 줄이는 방법을 상담받고 싶습니다." };
const REPLY = "다음 주 화요일 오전에 공정 진단을 해 드릴 수 있습니다.";
const PROFILE = "ksic=13&employees=40&region=27&techSource=suppliers&need=technology";

/** The test SMTP server's messages, handed to the scenarios by run.ts. */
export function inquiryScenarios(mail: CapturedMail[]): Scenario[] {
  return [
    {
      name: "inquiries: a firm asks from /match on a phone, the Daegu editor accepts, replies by e-mail and closes as helped; Seoul gets 403; /gaps counts it without personal data",
      async run({ app, browser }) {
        const admin = await signedInPage(browser, app, E2E_ADMIN);
        await admin.goto(`${app.baseUrl}/admin/users`);
        await createAccount(admin, EDITOR, "council_editor", "27");
        await createAccount(admin, OTHER, "council_editor", "11");
        await createAccount(admin, OFFICIAL, "official", "");
        await admin.context().close();

        // The firm, on a 390 px phone, without an account.
        const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "ko-KR", isMobile: true, hasTouch: true });
        const firm = await phone.newPage();
        await firm.goto(`${app.baseUrl}/match?${PROFILE}`);
        const daeguCenter = firm.getByTestId("match-centers").locator("li[data-item-id=ccei-daegu]");
        await daeguCenter.waitFor();
        await daeguCenter.getByTestId("ask-for-help").click();
        await firm.waitForURL(/\/inquiries\/new\?/);
        assert.equal(await firm.locator("select[name=ksic]").inputValue(), "13", "the industry comes from the match profile");
        assert.equal(await firm.locator("select[name=pavittClass]").inputValue(), "supplier_dominated");
        assert.equal(await firm.locator("input[name=needs][value=technology]").isChecked(), true);
        const overflow = await firm.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `the form fits 390 px (overflow ${overflow})`);
        await firm.locator("input[name=contact_name]").fill(FIRM.name);
        await firm.locator("input[name=contact_email]").fill(FIRM.email);
        await firm.locator("textarea[name=message]").fill(FIRM.message);
        // Without consent nothing is sent, and the page says why.
        await firm.waitForTimeout(3200);
        await firm.getByRole("button", { name: "신청 보내기" }).click();
        await firm.getByTestId("inquiry-problems").waitFor();
        assert.match(await firm.getByTestId("inquiry-problems").innerText(), /동의하지 않으면/);
        await screenshot(firm, "inquiry-refused-390");
        await firm.locator("input[name=consent]").check();
        await firm.waitForTimeout(3200);
        await firm.getByRole("button", { name: "신청 보내기" }).click();
        await firm.getByTestId("inquiry-status").waitFor();
        const reference = (await firm.getByTestId("inquiry-reference").innerText()).trim();
        assert.match(reference, /^CL-\d{6}-[2-9A-Z]{6}$/);
        const statusUrl = firm.url().replace(/\?.*$/, "");
        await screenshot(firm, "inquiry-sent-390");

        // The Daegu editor works the request through.
        const editor = await signedInPage(browser, app, EDITOR);
        await editor.goto(`${app.baseUrl}/council/27/inquiries`);
        await editor.getByTestId("inquiry-inbox").getByText(reference).click();
        await editor.getByTestId("inquiry-detail").waitFor();
        const detailUrl = editor.url();
        assert.equal((await editor.getByTestId("inquiry-contact-name").innerText()).trim(), FIRM.name);
        await editor.getByRole("button", { name: "맡기" }).click();
        await editor.locator("[data-testid=inquiry-detail][data-state=accepted]").waitFor();
        await editor.getByRole("button", { name: "상담 시작" }).click();
        await editor.locator("[data-testid=inquiry-detail][data-state=in_progress]").waitFor();
        await editor.getByLabel("기업에 이메일로 답변").fill(REPLY);
        await editor.getByRole("button", { name: "답변 보내기" }).click();
        await editor.getByTestId("inquiry-steps").locator("li[data-kind=reply]").waitFor();
        await editor.locator("select[name=outcome]").selectOption("helped");
        await editor.getByRole("button", { name: "종료", exact: true }).click();
        await editor.locator("[data-testid=inquiry-detail][data-state=closed][data-outcome=helped]").waitFor();
        await screenshot(editor, "inquiry-closed-editor");
        await editor.context().close();

        const deadline = Date.now() + 10_000;
        let reply: CapturedMail | undefined;
        while (!reply && Date.now() < deadline) {
          reply = mail.find((m) => m.to.includes(FIRM.email) && mailText(m).includes(REPLY));
          if (!reply) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        assert.ok(reply, `the test SMTP server captured the reply (${mail.length} messages)`);

        // The firm's status page shows each step, in Korean and in English.
        await firm.goto(statusUrl);
        const kinds = await firm.getByTestId("inquiry-steps").locator("li").evaluateAll((items) => items.map((li) => li.getAttribute("data-kind")));
        assert.deepEqual(kinds, ["submitted", "accepted", "in_progress", "reply", "closed"]);
        assert.ok((await firm.getByTestId("inquiry-steps").innerText()).includes(REPLY));
        await firm.goto(`${statusUrl}?lang=en`);
        assert.match(await firm.getByTestId("inquiry-steps").innerText(), /Closed: Helped/);
        await screenshot(firm, "inquiry-status-en-390");
        await phone.close();

        // An editor of another region is refused the request.
        const other = await signedInPage(browser, app, OTHER);
        const refused = await other.goto(detailUrl);
        assert.equal(refused?.status(), 403);
        await other.context().close();

        // Nine more requests of the same kind pass the small-cell threshold, so the official sees the count.
        for (let i = 0; i < 9; i++) {
          const response = await fetch(`${app.baseUrl}/api/inquiries`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              targetType: "facility",
              targetId: "ccei-daegu",
              contact: { name: `기업 ${i}`, email: `firm${i}@dyeworks.example` },
              message: "상담 요청",
              consent: true,
              profile: { ksicDivision: "13", regionCode: "27", pavittClass: "supplier_dominated", sizeBand: "small" },
            }),
          });
          assert.equal(response.status, 201);
        }
        const official = await signedInPage(browser, app, OFFICIAL);
        await official.goto(`${app.baseUrl}/gaps?region=27`);
        const row = official.getByTestId("gap-demand-table").locator("tbody tr:not([data-suppressed])").first();
        await row.waitFor();
        assert.match(await row.innerText(), /\b10\b/);
        const html = await official.content();
        for (const personal of [FIRM.name, FIRM.email, FIRM.message, "firm0@dyeworks.example"]) assert.ok(!html.includes(personal), `no personal data on /gaps: ${personal}`);
        assert.equal((await official.goto(`${app.baseUrl}/council/27/inquiries`))?.status(), 403, "officials see counts only");
        await screenshot(official, "inquiry-gaps-demand");
        await official.context().close();
      },
    },
  ];
}
