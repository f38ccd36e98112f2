import { startTestSmtp } from "../support/smtp";
import { buildApp, within, type Scenario } from "./harness";
import { launchBrowser, startApp } from "../../scripts/harness/app";
import { councilScenarios, E2E_ADMIN } from "./council.e2e";
import { foundationScenarios } from "./foundation.e2e";
import { gapsScenarios } from "./gaps.e2e";
import { headersScenarios } from "./headers.e2e";
import { i18nScenarios } from "./i18n.e2e";
import { inquiryScenarios } from "./inquiries.e2e";
import { matchScenarios } from "./match.e2e";
import { offlineScenarios } from "./offline.e2e";
import { pageScenarios } from "./pages.e2e";
import { programScenarios } from "./programs.e2e";
import { searchScenarios } from "./search.e2e";

// The app sends its mail to a local SMTP server, whose messages the inquiry scenario reads.
const smtp = await startTestSmtp();
// The council scenarios change listings, so they run after the read-only ones; the i18n ones read the audit trail they leave.
const allScenarios: Scenario[] = [
  ...foundationScenarios,
  ...searchScenarios,
  ...matchScenarios,
  ...offlineScenarios,
  ...programScenarios,
  ...gapsScenarios,
  ...councilScenarios,
  ...inquiryScenarios(smtp.messages),
  ...i18nScenarios,
  ...pageScenarios,
  ...headersScenarios,
];
// E2E_ONLY=<words>[|<words>…] runs the scenarios whose name contains any of them, for working on one page.
const only = process.env.E2E_ONLY?.split("|");
const scenarios = only
  ? allScenarios.filter((scenario) => only.some((words) => scenario.name.includes(words)))
  : allScenarios;

// The slowest scenario takes about 2 minutes on a quiet machine; a stuck one fails instead of holding CI.
const SCENARIO_LIMIT_MS = 10 * 60_000;

buildApp();
// One proxy hop is trusted, as behind a production proxy: the English inquiry run comes from another address than the Korean one, each within the per-address request limit.
const app = await startApp({
  ADMIN_EMAIL: E2E_ADMIN.email,
  ADMIN_PASSWORD: E2E_ADMIN.password,
  SMTP_URL: smtp.url,
  TRUST_PROXY: "1",
});
const browser = await launchBrowser();
let failed = 0;
try {
  for (const scenario of scenarios) {
    const started = Date.now();
    try {
      await within(SCENARIO_LIMIT_MS, "the scenario", scenario.run({ app, browser }));
      console.log(`  ✓ ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${scenario.name}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }
} finally {
  await browser.close();
  await app.stop();
  await smtp.close();
}
console.log(`\n${scenarios.length - failed} passed, ${failed} failed; screenshots in test-results/`);
if (failed > 0) {
  console.log(`\nApp output:\n${app.output()}`);
  process.exit(1);
}
