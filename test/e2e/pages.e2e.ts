import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { E2E_ADMIN } from "./council.e2e";
import { screenshot, within, type Scenario } from "./harness";
import { type RunningApp } from "../../scripts/harness/app";

/** One page of every type, public and signed in. */
const PUBLIC_PAGES = [
  { name: "home", path: "/" },
  { name: "search", path: "/?q=%EB%8C%80%EA%B5%AC+%EC%84%AC%EC%9C%A0" },
  { name: "facility", path: "/facilities/tp-daegu" },
  { name: "match", path: "/match" },
  { name: "gaps", path: "/gaps" },
  { name: "login", path: "/login" },
  { name: "not-found", path: "/facilities/no-such-facility" },
];
const SIGNED_IN_PAGES = [
  { name: "council", path: "/council" },
  { name: "council-region", path: "/council/27" },
  { name: "council-listing", path: "/council/27/facility/tp-daegu" },
  { name: "council-import", path: "/council/27/import" },
  { name: "council-audit", path: "/council/27/audit" },
  { name: "admin-users", path: "/admin/users" },
  { name: "account", path: "/account/sessions" },
];
const WIDTHS = [360, 390, 1280];
const LANGS = ["ko", "en"] as const;

export type PageAudit = { page: string; lang: string; width: number; problems: string[] };

async function signIn(context: BrowserContext, app: RunningApp): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/login`);
  await page.locator("input[name=email]").fill(E2E_ADMIN.email);
  await page.locator("input[name=password]").fill(E2E_ADMIN.password);
  await page.locator("form button[type=submit]").first().click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.close();
}

/** What is wrong with one page at one width in one language: overflow, title, heading, skip link, text bytes, axe. */
async function auditPage(page: Page, app: RunningApp, path: string, lang: string, width: number): Promise<string[]> {
  const problems: string[] = [];
  const url = `${app.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
  const response = await page.request.get(url);
  const raw = await response.body();
  if (raw.includes(0)) problems.push("NUL byte in the served HTML");
  if (raw.toString("utf8").includes("\uFFFD")) problems.push("U+FFFD in the served HTML");
  await page.setViewportSize({ width, height: 860 });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  const facts = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    title: document.title,
    h1: document.querySelectorAll("h1").length,
    lang: document.documentElement.lang,
    skipTarget: (() => {
      const skip = document.querySelector<HTMLAnchorElement>("a.skip-link");
      if (!skip) return "no skip link";
      const id = skip.hash.slice(1);
      return document.getElementById(id) ? "" : `skip link target #${id} missing`;
    })(),
  }));
  if (facts.scrollWidth > width) problems.push(`horizontal overflow: ${facts.scrollWidth}px wide at ${width}px`);
  if (!facts.title.trim()) problems.push("no <title>");
  if (facts.h1 !== 1) problems.push(`${facts.h1} <h1> elements`);
  if (facts.lang !== lang) problems.push(`<html lang="${facts.lang}">`);
  if (facts.skipTarget) problems.push(facts.skipTarget);
  if (width !== 360) {
    const axe = await new AxeBuilder({ page }).exclude(".maplibregl-canvas").analyze();
    for (const violation of axe.violations) {
      if (violation.impact === "serious" || violation.impact === "critical")
        problems.push(
          `axe ${violation.impact} ${violation.id}: ${violation.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
        );
    }
  }
  return problems;
}

async function auditAll(
  browser: Browser,
  app: RunningApp,
  pages: { name: string; path: string }[],
  signedIn: boolean,
): Promise<PageAudit[]> {
  const audits: PageAudit[] = [];
  for (const lang of LANGS) {
    const context = await browser.newContext({ locale: lang === "ko" ? "ko-KR" : "en-GB" });
    if (signedIn) await signIn(context, app);
    const page = await context.newPage();
    for (const target of pages) {
      for (const width of WIDTHS) {
        const problems = await within(
          120_000,
          `the audit of ${target.name} (${lang}, ${width} px)`,
          auditPage(page, app, target.path, lang, width),
        );
        if (width !== 360) await screenshot(page, `page-${target.name}-${lang}-${width}`);
        audits.push({ page: target.name, lang, width, problems });
      }
    }
    await context.close();
  }
  return audits;
}

function report(audits: PageAudit[]): string {
  return audits
    .filter((audit) => audit.problems.length > 0)
    .map((audit) => `${audit.page} ${audit.lang} ${audit.width}px:\n    ${audit.problems.join("\n    ")}`)
    .join("\n");
}

export const pageScenarios: Scenario[] = [
  {
    name: "pages: every public page at 360, 390 and 1280 px in Korean and English fits, has a title, one h1, a skip link, clean text and no serious axe finding",
    async run({ app, browser }) {
      const problems = report(await auditAll(browser, app, PUBLIC_PAGES, false));
      assert.equal(problems, "", `\n${problems}`);
    },
  },
  {
    name: "pages: every signed-in page at 360, 390 and 1280 px in Korean and English passes the same checks",
    async run({ app, browser }) {
      const problems = report(await auditAll(browser, app, SIGNED_IN_PAGES, true));
      assert.equal(problems, "", `\n${problems}`);
    },
  },
];
