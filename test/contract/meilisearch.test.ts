import { Meilisearch } from "meilisearch";
import { afterAll, it } from "vitest";
import { MeilisearchEngine } from "~/search/meilisearch/engine";
import { runSearchEngineContract } from "./search-engine.contract";

const host = process.env.MEILI_HOST;

if (host) {
  const apiKey = process.env.MEILI_API_KEY;
  const runPrefix = `contract_${Date.now().toString(36)}`;
  let engines = 0;
  runSearchEngineContract(
    "meilisearch",
    async () => new MeilisearchEngine({ host, apiKey, indexPrefix: `${runPrefix}_${engines++}`, timeoutMs: 30_000 }),
  );
  afterAll(async () => {
    const client = new Meilisearch({ host, apiKey });
    const { results } = await client.getRawIndexes({ limit: 1000 });
    for (const { uid } of results.filter((index) => index.uid.startsWith(runPrefix)))
      await client.deleteIndex(uid).waitTask();
  });
} else {
  const reason = "MEILI_HOST not set: no Meilisearch server on this machine";
  console.warn(`Meilisearch contract skipped. ${reason}`);
  it.skip(reason, () => {});
}
