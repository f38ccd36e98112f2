import {
  Meilisearch,
  type FederatedMultiSearchParams,
  type MultiSearchParams,
  type SearchParams,
  type SearchResponse,
  type Task,
} from "meilisearch";
import { distanceKm } from "~/domain/geo";
import type {
  EngineHealth,
  FacetName,
  SearchDocType,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchResult,
} from "../types";
import { markedTextToHtml, nameHighlight } from "../text";
import { assertValidPaging, ordersByDistance } from "../query-rules";
import {
  PRIMARY_KEY,
  documentUid,
  toMeilisearchDocument,
  toSearchDocument,
  type MeilisearchDocument,
  type MeilisearchHit,
} from "./documents";
import { buildFilter, geoPointSort } from "./filter";
import { toMeilisearchQueryText } from "./query";
import { MAX_FACET_VALUES, indexSettings } from "./settings";

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Indexes are `${indexPrefix}_facilities` and `${indexPrefix}_programs`. */
  indexPrefix?: string;
  /** Per HTTP request. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const TASK_TIMEOUT_MS = 120_000;
const BATCH_SIZE = 1_000;
const TYPES: readonly SearchDocType[] = ["facility", "program"];
/** Private-use characters mark matches until the text is escaped; stray ones in listings are dropped. */
const HIGHLIGHT_PRE = "\uE000";
const HIGHLIGHT_POST = "\uE001";
const DEFAULT_ORDER = ["type:asc", "nameKo:asc"];

function assertSucceeded(task: Task): void {
  if (task.status !== "succeeded") {
    throw new Error(
      `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no detail"}`,
    );
  }
}

/** The message with its causes (`Request to … has failed: request timed out after 2000ms`). */
function describeError(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) messages.push(current.message);
  return messages.length > 0 ? messages.join(": ") : String(error);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function byType<T extends { type: SearchDocType }>(items: readonly T[]): Record<SearchDocType, T[]> {
  return {
    facility: items.filter((item) => item.type === "facility"),
    program: items.filter((item) => item.type === "program"),
  };
}

/** Exact totals from page-based paging; a window that does not fall on a page boundary is fetched from the start and cut. */
function pageWindow(offset: number, limit: number): { page: number; hitsPerPage: number; skip: number } {
  if (limit === 0) return { page: 1, hitsPerPage: 0, skip: 0 };
  if (offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit, skip: 0 };
  return { page: 1, hitsPerPage: offset + limit, skip: offset };
}

function highlightOf(hit: MeilisearchHit, document: SearchDocument): string {
  return nameHighlight(markedTextToHtml(hit._formatted?.nameKo ?? document.nameKo, HIGHLIGHT_PRE, HIGHLIGHT_POST), () =>
    markedTextToHtml(hit._formatted?.nameEn ?? document.nameEn, HIGHLIGHT_PRE, HIGHLIGHT_POST),
  );
}

function facetsOf(
  response: SearchResponse<MeilisearchDocument>,
  requested: readonly FacetName[],
): SearchResult["facets"] {
  const facets: SearchResult["facets"] = {};
  for (const name of requested) facets[name] = { ...(response.facetDistribution?.[name] ?? {}) };
  return facets;
}

/** Search over a Meilisearch server: one index per document type, federated multi-search across both. */
export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly indexUids: Record<SearchDocType, string>;
  private changesDuringReplace: Array<() => Promise<void>> | null = null;

  constructor({ host, apiKey, indexPrefix = "clusterlink", timeoutMs = DEFAULT_TIMEOUT_MS }: MeilisearchEngineOptions) {
    if (!/^[A-Za-z0-9_-]+$/.test(indexPrefix))
      throw new RangeError(`Index prefix may hold only A-Z, a-z, 0-9, _ and -: ${indexPrefix}`);
    this.client = new Meilisearch({
      host,
      apiKey,
      timeout: timeoutMs,
      defaultWaitOptions: { timeout: TASK_TIMEOUT_MS },
    });
    this.indexUids = { facility: `${indexPrefix}_facilities`, program: `${indexPrefix}_programs` };
  }

  async configure(): Promise<void> {
    for (const uid of Object.values(this.indexUids)) {
      const created = await this.client.createIndex(uid, { primaryKey: PRIMARY_KEY }).waitTask();
      if (created.error?.code !== "index_already_exists") assertSucceeded(created);
      assertSucceeded(await this.client.index(uid).updateSettings(indexSettings()).waitTask());
    }
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    await this.change(async () => {
      const grouped = byType(documents);
      for (const type of TYPES) await this.addDocuments(type, grouped[type]);
    });
  }

  async delete(refs: Array<{ type: SearchDocType; id: string }>): Promise<void> {
    await this.change(async () => {
      const grouped = byType(refs);
      for (const type of TYPES) {
        if (grouped[type].length === 0) continue;
        const uids = grouped[type].map((ref) => documentUid(ref.id));
        assertSucceeded(await this.client.index(this.indexUids[type]).deleteDocuments(uids).waitTask());
      }
    });
  }

  /**
   * Clears each index and loads the documents in batches; searches meanwhile see a partial index.
   * Upserts and deletes made meanwhile are sent again afterwards, so the load cannot undo them.
   */
  async replaceAll(documents: SearchDocument[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const changes: Array<() => Promise<void>> = [];
    this.changesDuringReplace = changes;
    try {
      const grouped = byType(documents);
      const total = documents.length;
      let done = 0;
      for (const type of TYPES) {
        assertSucceeded(await this.client.index(this.indexUids[type]).deleteAllDocuments().waitTask());
        await this.addDocuments(type, grouped[type], (count) => {
          done += count;
          onProgress?.(done, total);
        });
      }
      if (total === 0) onProgress?.(0, 0);
      for (const change of changes) await change();
    } finally {
      this.changesDuringReplace = null;
    }
  }

  private async change(apply: () => Promise<void>): Promise<void> {
    this.changesDuringReplace?.push(apply);
    await apply();
  }

  async health(): Promise<EngineHealth> {
    try {
      const { status } = await this.client.health();
      return status === "available"
        ? { ok: true }
        : { ok: false, detail: `Meilisearch reports status ${String(status)}` };
    } catch (error) {
      return { ok: false, detail: describeError(error) };
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    assertValidPaging(query);
    const filter = buildFilter(query.filters ?? {}, query.near);
    const text = query.text ? toMeilisearchQueryText(query.text) : "";
    const hasText = text.length > 0;
    const { near } = query;
    const byDistance = ordersByDistance(query, hasText);
    // Documents without a deadline sort after those with one.
    const sort =
      query.sort === "deadline"
        ? ["windowEndDay:asc"]
        : near && byDistance
          ? [geoPointSort(near)]
          : hasText
            ? undefined
            : DEFAULT_ORDER;
    const params: SearchParams = {
      q: text,
      filter,
      sort,
      matchingStrategy: "all",
      ...(hasText && {
        attributesToHighlight: ["nameKo", "nameEn"],
        highlightPreTag: HIGHLIGHT_PRE,
        highlightPostTag: HIGHLIGHT_POST,
      }),
    };
    // Statuses follow the clock and are not stored; this engine does not count them.
    const facets = (query.facets ?? []).filter((facet) => facet !== "status");
    const type = query.filters?.type;
    const run = (withParams: SearchParams) =>
      type ? this.searchIndex(type, withParams, query, facets) : this.searchBoth(withParams, query, facets);
    let { hits, total, response } = await run(params);
    let unmatchedTerms: string[] = [];
    const words = text.split(" ").filter((word) => word !== "");
    if (total === 0) unmatchedTerms = words;
    if (total === 0 && words.length > 1) {
      // No document holds every word: keep the words something holds, and rank by how many of
      // them a document matches (Meilisearch's "words" rule, with words dropped from the end).
      const counts = await this.wordCounts(words, filter, type);
      unmatchedTerms = words.filter((_, i) => counts[i] === 0);
      const matched = words.filter((_, i) => (counts[i] ?? 0) > 0);
      if (matched.length > 0)
        ({ hits, total, response } = await run({ ...params, q: matched.join(" "), matchingStrategy: "last" }));
    }

    return {
      total,
      unmatchedTerms,
      hits: hits.map((hit): SearchHit => {
        const document = toSearchDocument(hit);
        const result: SearchHit = { document };
        if (hit._geoDistance !== undefined) result.distanceKm = hit._geoDistance / 1000;
        else if (near && document.location) result.distanceKm = distanceKm(near, document.location);
        if (hasText) result.highlight = highlightOf(hit, document);
        return result;
      }),
      facets: facetsOf(response, facets),
    };
  }

  /** How many documents (under the filters) hold each word, in one multi-search of empty pages. */
  private async wordCounts(
    words: readonly string[],
    filter: SearchParams["filter"],
    type: SearchDocType | undefined,
  ): Promise<number[]> {
    const types = type ? [type] : TYPES;
    const { results } = await this.client.multiSearch<MultiSearchParams, MeilisearchDocument>({
      queries: words.flatMap((word) =>
        types.map((indexType) => ({
          indexUid: this.indexUids[indexType],
          q: word,
          filter,
          limit: 0,
          matchingStrategy: "all" as const,
        })),
      ),
    });
    return words.map((_, i) =>
      types.reduce((sum, _type, j) => sum + (results[i * types.length + j]?.estimatedTotalHits ?? 0), 0),
    );
  }

  private async searchIndex(
    type: SearchDocType,
    params: SearchParams,
    query: SearchQuery,
    facets: readonly FacetName[],
  ) {
    const { page, hitsPerPage, skip } = pageWindow(query.offset, query.limit);
    const pagedParams = { ...params, page, hitsPerPage, facets: facets.length > 0 ? [...facets] : undefined };
    const response = await this.client
      .index<MeilisearchDocument>(this.indexUids[type])
      .search<MeilisearchDocument, typeof pagedParams>(params.q, pagedParams);
    const hits: MeilisearchHit[] = response.hits.slice(skip, skip + query.limit);
    return { hits, total: response.totalHits, response };
  }

  private async searchBoth(params: SearchParams, query: SearchQuery, facets: readonly FacetName[]) {
    const facetsByIndex =
      facets.length > 0 ? Object.fromEntries(TYPES.map((type) => [this.indexUids[type], [...facets]])) : undefined;
    const response = await this.client.multiSearch<FederatedMultiSearchParams, MeilisearchDocument>({
      federation: {
        offset: query.offset,
        limit: query.limit,
        facetsByIndex,
        mergeFacets: facetsByIndex ? { maxValuesPerFacet: MAX_FACET_VALUES } : undefined,
      },
      queries: TYPES.map((type) => ({ indexUid: this.indexUids[type], ...params })),
    });
    const hits: MeilisearchHit[] = response.hits;
    return { hits, total: response.estimatedTotalHits ?? response.totalHits ?? hits.length, response };
  }

  private async addDocuments(
    type: SearchDocType,
    documents: readonly SearchDocument[],
    onBatch?: (count: number) => void,
  ): Promise<void> {
    const index = this.client.index<MeilisearchDocument>(this.indexUids[type]);
    for (const batch of chunks(documents, BATCH_SIZE)) {
      assertSucceeded(
        await index.addDocuments(batch.map(toMeilisearchDocument), { primaryKey: PRIMARY_KEY }).waitTask(),
      );
      onBatch?.(batch.length);
    }
  }
}
