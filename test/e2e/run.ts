import { buildApp, launchBrowser, startApp, type Scenario } from "./harness";
import { foundationScenarios } from "./foundation.e2e";
import { gapsScenarios } from "./gaps.e2e";
import { matchScenarios } from "./match.e2e";
import { searchScenarios } from "./search.e2e";

const scenarios: Scenario[] = [...foundationScenarios, ...searchScenarios, ...matchScenarios, ...gapsScenarios];

buildApp();
const app = await startApp();
const browser = await launchBrowser();
let failed = 0;
try {
  for (const scenario of scenarios) {
    const started = Date.now();
    try {
      await scenario.run({ app, browser });
      console.log(`  ✓ ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${scenario.name}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }
} finally {
  await browser.close();
  await app.stop();
}
console.log(`\n${scenarios.length - failed} passed, ${failed} failed; screenshots in test-results/`);
if (failed > 0) {
  console.log(`\nApp output:\n${app.output()}`);
  process.exit(1);
}
