import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MeilisearchEngine } from "~/search/meilisearch/engine";
import type { SearchDocument } from "~/search/types";
import { ALL_DOCUMENTS, FACILITIES, PROGRAMS } from "../../contract/fixtures";

/**
 * A stand-in for the Meilisearch HTTP API that records every request and answers with minimal
 * valid JSON: tasks succeed at once, searches return whatever the test put in `searchHits`.
 */
interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

type Mode = "normal" | "error" | "hang";

class RecordingMeilisearch {
  readonly requests: RecordedRequest[] = [];
  mode: Mode = "normal";
  searchHits: Array<Record<string, unknown>> = [];
  facetDistribution: Record<string, Record<string, number>> = {};
  totalHits = 0;
  /** Documents holding each word, for the per-word counts of a non-federated multi-search. */
  wordHits: Record<string, number> = {};
  failTasksOfType: string | null = null;
  private readonly server: Server;
  private readonly createdIndexes = new Set<string>();
  private readonly tasks = new Map<
    number,
    { indexUid: string | null; type: string; error: { code: string; message: string } | null }
  >();
  private nextTaskUid = 0;

  constructor() {
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.mode = "normal";
    this.searchHits = [];
    this.facetDistribution = {};
    this.totalHits = 0;
    this.wordHits = {};
    this.failTasksOfType = null;
  }

  /** Requests other than task polling, in order. */
  calls(): RecordedRequest[] {
    return this.requests.filter((request) => !request.path.startsWith("/tasks/"));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    let raw = "";
    for await (const chunk of request) raw += chunk;
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const method = request.method ?? "GET";
    this.requests.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization,
      body,
    });
    if (this.mode === "hang") return;
    if (this.mode === "error") {
      this.send(response, 500, {
        message: "internal failure",
        code: "internal",
        type: "internal",
        link: "https://docs.meilisearch.com/errors#internal",
      });
      return;
    }
    this.route(method, url.pathname, body, response);
  }

  private route(method: string, path: string, body: unknown, response: ServerResponse): void {
    const indexMatch = /^\/indexes\/([^/]+)(\/.*)?$/.exec(path);
    if (method === "GET" && path === "/health") return this.send(response, 200, { status: "available" });
    if (method === "GET" && path.startsWith("/tasks/"))
      return this.sendTask(response, Number(path.slice("/tasks/".length)));
    if (method === "POST" && path === "/indexes") {
      const { uid } = body as { uid: string };
      const exists = this.createdIndexes.has(uid);
      this.createdIndexes.add(uid);
      return this.enqueue(
        response,
        uid,
        "indexCreation",
        exists ? { code: "index_already_exists", message: `Index \`${uid}\` already exists.` } : null,
      );
    }
    if (method === "POST" && path === "/multi-search" && !(body as { federation?: unknown }).federation) {
      const { queries } = body as { queries: Array<{ indexUid: string; q: string; limit: number }> };
      return this.send(response, 200, {
        results: queries.map((query) => ({
          indexUid: query.indexUid,
          hits: [],
          query: query.q,
          processingTimeMs: 1,
          limit: query.limit,
          offset: 0,
          estimatedTotalHits: this.wordHits[query.q] ?? 0,
        })),
      });
    }
    if (method === "POST" && path === "/multi-search") {
      const { federation } = body as { federation: { offset: number; limit: number } };
      return this.send(response, 200, {
        hits: this.searchHits,
        processingTimeMs: 1,
        offset: federation.offset,
        limit: federation.limit,
        estimatedTotalHits: this.totalHits,
        facetDistribution: this.facetDistribution,
      });
    }
    if (indexMatch) {
      const [, uid, rest = ""] = indexMatch;
      if (method === "PATCH" && rest === "/settings") return this.enqueue(response, uid!, "settingsUpdate");
      if (method === "POST" && rest === "/documents") return this.enqueue(response, uid!, "documentAdditionOrUpdate");
      if (method === "POST" && rest === "/documents/delete-batch")
        return this.enqueue(response, uid!, "documentDeletion");
      if (method === "DELETE" && rest === "/documents") return this.enqueue(response, uid!, "documentDeletion");
      if (method === "POST" && rest === "/search") {
        const { page, hitsPerPage } = body as { page: number; hitsPerPage: number };
        return this.send(response, 200, {
          hits: this.searchHits,
          query: (body as { q: string }).q,
          processingTimeMs: 1,
          page,
          hitsPerPage,
          totalHits: this.totalHits,
          totalPages: hitsPerPage ? Math.ceil(this.totalHits / hitsPerPage) : 0,
          facetDistribution: this.facetDistribution,
        });
      }
    }
    this.send(response, 404, {
      message: `no route for ${method} ${path}`,
      code: "not_found",
      type: "invalid_request",
      link: "",
    });
  }

  private enqueue(
    response: ServerResponse,
    indexUid: string,
    type: string,
    error: { code: string; message: string } | null = null,
  ): void {
    const taskUid = this.nextTaskUid++;
    const failure =
      this.failTasksOfType === type
        ? { code: "invalid_document_id", message: "Document identifier is invalid." }
        : error;
    this.tasks.set(taskUid, { indexUid, type, error: failure });
    this.send(response, 202, { taskUid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() });
  }

  private sendTask(response: ServerResponse, uid: number): void {
    const task = this.tasks.get(uid);
    if (!task)
      return this.send(response, 404, {
        message: "task not found",
        code: "task_not_found",
        type: "invalid_request",
        link: "",
      });
    const now = new Date().toISOString();
    this.send(response, 200, {
      uid,
      batchUid: uid,
      indexUid: task.indexUid,
      status: task.error ? "failed" : "succeeded",
      type: task.type,
      canceledBy: null,
      details: {},
      error: task.error ? { ...task.error, type: "invalid_request", link: "" } : null,
      duration: "PT0.001S",
      enqueuedAt: now,
      startedAt: now,
      finishedAt: now,
    });
  }

  private send(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  }
}

function storedHit(document: SearchDocument, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...document,
    uid: document.id,
    choseongKeys: [],
    ...(document.location && { _geo: document.location }),
    ...extra,
  };
}

function byId(id: string): SearchDocument {
  const document = ALL_DOCUMENTS.find((candidate) => candidate.id === id);
  if (!document) throw new Error(`no fixture ${id}`);
  return document;
}

describe("MeilisearchEngine requests", () => {
  const server = new RecordingMeilisearch();
  let host: string;
  let engine: MeilisearchEngine;

  beforeAll(async () => {
    host = await server.start();
    engine = new MeilisearchEngine({ host, apiKey: "test-key", timeoutMs: 2_000 });
  });

  afterEach(() => server.reset());

  afterAll(() => server.stop());

  describe("configure", () => {
    it("creates both indexes with uid as primary key and sends the settings", async () => {
      await engine.configure();
      const calls = server.calls();
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
        "POST /indexes",
        "PATCH /indexes/clusterlink_facilities/settings",
        "POST /indexes",
        "PATCH /indexes/clusterlink_programs/settings",
      ]);
      expect(calls[0]!.body).toEqual({ uid: "clusterlink_facilities", primaryKey: "uid" });
      expect(calls[2]!.body).toEqual({ uid: "clusterlink_programs", primaryKey: "uid" });

      const settings = calls[1]!.body as Record<string, unknown>;
      expect(settings.filterableAttributes).toEqual(
        expect.arrayContaining([
          "type",
          "kind",
          "regionCodes",
          "nationwide",
          "sectors",
          "pavittClasses",
          "category",
          "id",
          "_geo",
        ]),
      );
      expect(settings.sortableAttributes).toEqual(expect.arrayContaining(["_geo", "nameKo", "type"]));
      expect(settings.rankingRules).toEqual(["sort", "words", "typo", "proximity", "attribute", "exactness"]);
      expect((settings.searchableAttributes as string[]).slice(0, 2)).toEqual(["nameKo", "nameEn"]);
      expect(settings.typoTolerance).toEqual({
        enabled: true,
        minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
        disableOnAttributes: ["choseongKeys", "sectors"],
      });
      expect(settings.localizedAttributes).toEqual([
        { attributePatterns: ["*Ko"], locales: ["kor"] },
        { attributePatterns: ["*En"], locales: ["eng"] },
      ]);
      expect(settings.faceting).toEqual({ maxValuesPerFacet: 500 });
      const synonyms = settings.synonyms as Record<string, string[]>;
      expect(synonyms.tp).toEqual(expect.arrayContaining(["테크노파크", "technopark", "techno park"]));
      expect(synonyms["테크노파크"]).toContain("tp");
      expect(synonyms["techno park"]).toContain("테크노파크");
      expect(calls[3]!.body).toEqual(settings);
    });

    it("sends the API key and asks the health endpoint", async () => {
      expect(await engine.health()).toEqual({ ok: true });
      expect(server.requests.map((request) => [request.method, request.path, request.authorization])).toEqual([
        ["GET", "/health", "Bearer test-key"],
      ]);
    });

    it("accepts indexes that already exist", async () => {
      await engine.configure();
      await expect(engine.configure()).resolves.toBeUndefined();
    });
  });

  describe("documents", () => {
    it("adds each type to its own index, with a uid and _geo only where there is a place", async () => {
      const nationwide = byId("p-kodit");
      const regional = byId("p-daegu-textile");
      const odd = { ...byId("tp-daegu"), id: "tp/daegu 1" };
      await engine.upsert([odd, nationwide, regional]);

      const [facilities, programs] = server.calls();
      expect(facilities!.method).toBe("POST");
      expect(facilities!.path).toBe("/indexes/clusterlink_facilities/documents");
      expect(facilities!.query.get("primaryKey")).toBe("uid");
      const [storedFacility] = facilities!.body as Array<Record<string, unknown>>;
      expect(storedFacility).toMatchObject({
        id: "tp/daegu 1",
        uid: "tp_2fdaegu_201",
        _geo: odd.location,
        nameKo: "대구테크노파크",
      });
      expect(storedFacility!.choseongKeys).toEqual(expect.arrayContaining(["zqdaqpcrp", "zqdaalj", "zqda"]));

      expect(programs!.path).toBe("/indexes/clusterlink_programs/documents");
      const storedPrograms = programs!.body as Array<Record<string, unknown>>;
      expect(storedPrograms.map((document) => document.uid)).toEqual(["p-kodit", "p-daegu-textile"]);
      expect(storedPrograms[0]).not.toHaveProperty("_geo");
      expect(storedPrograms[1]!._geo).toEqual(regional.location);
    });

    it("deletes by uid from the index of each type", async () => {
      await engine.delete([
        { type: "facility", id: "ccei-daegu" },
        { type: "program", id: "p_1" },
      ]);
      const calls = server.calls();
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
        "POST /indexes/clusterlink_facilities/documents/delete-batch",
        "POST /indexes/clusterlink_programs/documents/delete-batch",
      ]);
      expect(calls[0]!.body).toEqual(["ccei-daegu"]);
      expect(calls[1]!.body).toEqual(["p_5f1"]);
    });

    it("replaces everything: clears each index, loads in batches and reports progress", async () => {
      const progress: Array<[number, number]> = [];
      await engine.replaceAll(ALL_DOCUMENTS, (done, total) => progress.push([done, total]));
      expect(server.calls().map((call) => `${call.method} ${call.path}`)).toEqual([
        "DELETE /indexes/clusterlink_facilities/documents",
        "POST /indexes/clusterlink_facilities/documents",
        "DELETE /indexes/clusterlink_programs/documents",
        "POST /indexes/clusterlink_programs/documents",
      ]);
      expect(progress).toEqual([
        [FACILITIES.length, ALL_DOCUMENTS.length],
        [ALL_DOCUMENTS.length, ALL_DOCUMENTS.length],
      ]);
      expect((server.calls()[3]!.body as unknown[]).length).toBe(PROGRAMS.length);
    });

    it("sends upserts made during replaceAll again once the load is done", async () => {
      const renamed = { ...byId("tp-jeju"), nameKo: "제주바이오테크노파크" };
      const replacing = engine.replaceAll(ALL_DOCUMENTS);
      await engine.upsert([renamed]);
      await replacing;
      const additions = server.calls().filter((call) => call.method === "POST" && call.path.endsWith("/documents"));
      const last = additions[additions.length - 1];
      expect(last!.path).toBe("/indexes/clusterlink_facilities/documents");
      expect(last!.body).toEqual([expect.objectContaining({ id: "tp-jeju", nameKo: "제주바이오테크노파크" })]);
      expect(additions.length).toBe(4);
    });

    it("throws when Meilisearch reports a failed task", async () => {
      server.failTasksOfType = "documentAdditionOrUpdate";
      await expect(engine.upsert([byId("tp-daegu")])).rejects.toThrow(/failed: Document identifier is invalid/);
    });
  });

  describe("search", () => {
    it("searches one index with typed filters, exact paging and facets", async () => {
      server.totalHits = 42;
      server.facetDistribution = { category: { startup: 3, export: 1 }, regionCodes: { "27": 4 } };
      server.searchHits = [storedHit(byId("p-daegu-clab"))];
      const result = await engine.search({
        filters: {
          type: "program",
          regionCodes: ["27"],
          includeNationwide: true,
          categories: ["startup", "export"],
          pavittClass: "science_based",
        },
        facets: ["category", "regionCodes"],
        limit: 10,
        offset: 20,
      });

      const [call] = server.calls();
      expect(`${call!.method} ${call!.path}`).toBe("POST /indexes/clusterlink_programs/search");
      expect(call!.body).toEqual({
        q: "",
        filter:
          'type = "program" AND (regionCodes IN ["27"] OR nationwide = "true") AND pavittClasses = "science_based" AND category IN ["startup", "export"]',
        sort: ["type:asc", "nameKo:asc"],
        matchingStrategy: "all",
        page: 3,
        hitsPerPage: 10,
        facets: ["category", "regionCodes"],
      });
      expect(result.total).toBe(42);
      expect(result.hits.map((hit) => hit.document)).toEqual([byId("p-daegu-clab")]);
      expect(result.facets).toEqual({ category: { startup: 3, export: 1 }, regionCodes: { "27": 4 } });
    });

    it("fetches from the start and cuts when the offset is not on a page boundary", async () => {
      server.searchHits = ["tp-daegu", "tp-busan", "tp-seoul", "tp-ulsan"].map((id) => storedHit(byId(id)));
      const result = await engine.search({ filters: { type: "facility" }, limit: 2, offset: 1 });
      expect(server.calls()[0]!.body).toMatchObject({ page: 1, hitsPerPage: 3 });
      expect(result.hits.map((hit) => hit.document.id)).toEqual(["tp-busan", "tp-seoul"]);
    });

    it("filters by radius and sorts nearest first, taking distances from _geoDistance", async () => {
      server.searchHits = [storedHit(byId("nic-changwon"), { _geoDistance: 4200 })];
      const result = await engine.search({
        filters: { type: "facility" },
        near: { lat: 35.228, lng: 128.6811, radiusKm: 20 },
        limit: 5,
        offset: 0,
      });
      expect(server.calls()[0]!.body).toMatchObject({
        filter: 'type = "facility" AND _geoRadius(35.228, 128.6811, 20000)',
        sort: ["_geoPoint(35.228, 128.6811):asc"],
      });
      expect(result.hits[0]!.distanceKm).toBe(4.2);
    });

    it("keeps relevance order for text near a point and still gives distances", async () => {
      const park = byId("tp-gyeongnam");
      server.searchHits = [storedHit(park)];
      const result = await engine.search({
        text: "테크노파크",
        filters: { type: "facility" },
        near: { lat: 35.228, lng: 128.6811 },
        limit: 5,
        offset: 0,
      });
      const body = server.calls()[0]!.body as Record<string, unknown>;
      expect(body.sort).toBeUndefined();
      expect(body.filter).toBe('type = "facility"');
      expect(result.hits[0]!.distanceKm).toBeGreaterThan(5);
      expect(result.hits[0]!.distanceKm).toBeLessThan(15);
    });

    it("federates a search over both indexes and merges facets there", async () => {
      server.totalHits = 57;
      server.facetDistribution = { type: { facility: 40, program: 17 } };
      server.searchHits = [
        storedHit(byId("ccei-daegu"), {
          _federation: { indexUid: "clusterlink_facilities", queriesPosition: 0, weightedRankingScore: 1 },
        }),
      ];
      const result = await engine.search({
        text: "대구에서 ㄷㄱ",
        filters: { sectors: ["13"] },
        facets: ["type"],
        limit: 20,
        offset: 40,
      });

      const [call] = server.calls();
      expect(`${call!.method} ${call!.path}`).toBe("POST /multi-search");
      const shared = {
        q: "대구 zqda",
        filter: 'sectors IN ["13"]',
        matchingStrategy: "all",
        attributesToHighlight: ["nameKo", "nameEn"],
        highlightPreTag: "\uE000",
        highlightPostTag: "\uE001",
      };
      expect(call!.body).toEqual({
        federation: {
          offset: 40,
          limit: 20,
          facetsByIndex: { clusterlink_facilities: ["type"], clusterlink_programs: ["type"] },
          mergeFacets: { maxValuesPerFacet: 500 },
        },
        queries: [
          { indexUid: "clusterlink_facilities", ...shared },
          { indexUid: "clusterlink_programs", ...shared },
        ],
      });
      expect(result.total).toBe(57);
      expect(result.facets).toEqual({ type: { facility: 40, program: 17 } });
      expect(result.hits[0]!.document).toEqual(byId("ccei-daegu"));
    });

    it("when no document holds every word, counts each word and searches again with the words something holds", async () => {
      server.wordHits = { 대구: 12, 섬유: 4 };
      const result = await engine.search({ text: "대구 섬유 염색", limit: 10, offset: 0 });
      const [first, counts, again] = server.calls();
      expect((first?.body as { queries: Array<{ q: string; matchingStrategy: string }> }).queries[0]).toMatchObject({
        q: "대구 섬유 염색",
        matchingStrategy: "all",
      });
      const countQueries = (counts?.body as { queries: Array<Record<string, unknown>> }).queries;
      expect(countQueries).toHaveLength(6);
      expect(countQueries[0]).toMatchObject({
        indexUid: "clusterlink_facilities",
        q: "대구",
        limit: 0,
        matchingStrategy: "all",
      });
      expect((again?.body as { queries: Array<{ q: string; matchingStrategy: string }> }).queries[0]).toMatchObject({
        q: "대구 섬유",
        matchingStrategy: "last",
      });
      expect(result.unmatchedTerms).toEqual(["염색"]);
    });

    it("asks nothing more when a one-word search finds nothing", async () => {
      const result = await engine.search({ text: "염색", limit: 10, offset: 0 });
      expect(server.calls()).toHaveLength(1);
      expect(result.unmatchedTerms).toEqual(["염색"]);
    });

    it("sorts a federated empty-text search near a point by distance", async () => {
      await engine.search({ near: { lat: 35.87, lng: 128.6 }, limit: 10, offset: 0 });
      const { queries } = server.calls()[0]!.body as { queries: Array<Record<string, unknown>> };
      for (const query of queries) expect(query.sort).toEqual(["_geoPoint(35.87, 128.6):asc"]);
    });

    it("builds the highlight from the marked name, escaping everything else", async () => {
      const center = byId("ccei-daegu");
      server.searchHits = [
        storedHit(center, { _formatted: { nameKo: "\uE000대구\uE001창조경제혁신센터 <b>", nameEn: center.nameEn } }),
        storedHit(byId("tp-daegu"), {
          _formatted: { nameKo: "대구테크노파크", nameEn: "\uE000Daegu\uE001 Technopark & co" },
        }),
      ];
      const result = await engine.search({ text: "대구", filters: { type: "facility" }, limit: 5, offset: 0 });
      expect(result.hits.map((hit) => hit.highlight)).toEqual([
        "<mark>대구</mark>창조경제혁신센터 &lt;b&gt;",
        "<mark>Daegu</mark> Technopark &amp; co",
      ]);
    });

    it("rejects a point that is not a finite number before sending anything", async () => {
      await expect(engine.search({ near: { lat: Number.NaN, lng: 127 }, limit: 5, offset: 0 })).rejects.toThrow(
        RangeError,
      );
      expect(server.requests).toHaveLength(0);
    });
  });

  describe("failures", () => {
    it("throws on a server error and reports it in health", async () => {
      server.mode = "error";
      await expect(engine.search({ text: "대구", limit: 5, offset: 0 })).rejects.toThrow(/internal failure/);
      const health = await engine.health();
      expect(health.ok).toBe(false);
      expect(health.detail).toMatch(/internal failure/);
    });

    it("throws when the connection is refused and reports it in health", async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const unreachable = new MeilisearchEngine({ host: `http://127.0.0.1:${port}`, timeoutMs: 1_000 });
      await expect(unreachable.search({ text: "대구", limit: 5, offset: 0 })).rejects.toThrow();
      const health = await unreachable.health();
      expect(health.ok).toBe(false);
      expect(health.detail).toBeTruthy();
    });

    it("reports a health check that times out", async () => {
      server.mode = "hang";
      const impatient = new MeilisearchEngine({ host, timeoutMs: 200 });
      const health = await impatient.health();
      expect(health).toEqual({ ok: false, detail: expect.stringMatching(/timeout|timed out|abort/i) });
    });
  });
});
