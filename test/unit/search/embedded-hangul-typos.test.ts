import { beforeAll, describe, expect, it } from "vitest";
import { EmbeddedSearchEngine } from "~/search/embedded/engine";
import type { SearchResult } from "~/search/types";
import { ALL_DOCUMENTS, TECHNOPARKS } from "../../contract/fixtures";

/**
 * Syllable typos in the embedded engine. Meilisearch applies its own typo tolerance, which this
 * machine cannot check without a server, so this stays out of the shared contract.
 */
describe("Hangul typos in the embedded engine", () => {
  const engine = new EmbeddedSearchEngine();
  const ids = (result: SearchResult) => result.hits.map((hit) => hit.document.id);
  const search = (text: string) => engine.search({ text, limit: 100, offset: 0 });

  beforeAll(async () => {
    await engine.configure();
    await engine.replaceAll(ALL_DOCUMENTS);
  });

  it.each([
    ["테크노팤크", "one syllable wrong"],
    ["테크노크파", "two syllables swapped"],
    ["테크노파", "a syllable missing, as the prefix it is"],
  ])("%s (%s) finds the technoparks", async (text) => {
    expect(ids(await search(text))).toEqual(expect.arrayContaining(TECHNOPARKS.map((document) => document.id)));
  });

  it("창조경제혁센터, a syllable left out, finds what 창조경제혁신센터 finds", async () => {
    const typed = await search("창조경제혁센터");
    expect(typed.total).toBeGreaterThan(0);
    expect(ids(typed).sort()).toEqual(ids(await search("창조경제혁신센터")).sort());
  });

  it("short words stay exact: 대구 does not find 대전 or 대불", async () => {
    const result = await search("대구");
    for (const hit of result.hits) expect(hit.document.regionCodes).toContain("27");
  });
});
