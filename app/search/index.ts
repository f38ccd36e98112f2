import { EmbeddedSearchEngine } from "./embedded/engine";
import { MeilisearchEngine } from "./meilisearch/engine";
import type { SearchEngine } from "./types";

export type * from "./types";
export { FACET_NAMES } from "./types";
export { EmbeddedSearchEngine } from "./embedded/engine";
export { MeilisearchEngine, type MeilisearchEngineOptions } from "./meilisearch/engine";
export { SYNONYM_GROUPS } from "./synonyms";

/** Meilisearch when a host is configured, otherwise the in-process engine. */
export function createSearchEngine(config: { meiliHost?: string; meiliApiKey?: string }): SearchEngine {
  if (config.meiliHost) return new MeilisearchEngine({ host: config.meiliHost, apiKey: config.meiliApiKey });
  return new EmbeddedSearchEngine();
}
