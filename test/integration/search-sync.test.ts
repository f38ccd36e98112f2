import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxLag } from "../../db/queries/outbox";
import { applyCatalog } from "../../db/seed/apply";
import { readCatalog } from "../../db/seed/catalog";
import {
  EmbeddedSearchEngine,
  type SearchDocType,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
} from "~/search";
import { loader as healthLoader } from "~/routes/healthz";
import type { Services } from "~/services.server";
import { createTestServices, databaseLabel } from "./support";
import { callLoader } from "../../scripts/harness/loader";

const CURATED_FACILITIES = readCatalog(path.resolve("data")).facilities.length;

/**
 * Stands in for a remote Meilisearch that can go down: a real engine behind a
 * switch. While down, every call fails as a refused connection would.
 */
class RemoteEngineStandIn implements SearchEngine {
  readonly name = "meilisearch" as const;
  down = false;
  private readonly inner = new EmbeddedSearchEngine();
  private check(): void {
    if (this.down) throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
  }
  async configure() {
    this.check();
  }
  async upsert(documents: SearchDocument[]) {
    this.check();
    await this.inner.upsert(documents);
  }
  async delete(refs: Array<{ type: SearchDocType; id: string }>) {
    this.check();
    await this.inner.delete(refs);
  }
  async replaceAll(documents: SearchDocument[]) {
    this.check();
    await this.inner.replaceAll(documents);
  }
  async search(query: SearchQuery) {
    this.check();
    return this.inner.search(query);
  }
  async health() {
    return this.down ? { ok: false, detail: "connect ECONNREFUSED 127.0.0.1:7700" } : { ok: true };
  }
}

const ids = (result: { hits: { document: { id: string } }[] }) => result.hits.map((h) => h.document.id);

describe(`search index kept true through the outbox, on ${databaseLabel}`, () => {
  const remote = new RemoteEngineStandIn();
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices({
      searchEngine: remote,
      searchOptions: { baseBackoffMs: 100, maxBackoffMs: 1_000, log: () => undefined },
    });
  });
  afterAll(async () => services?.close());

  it("delivers the seeded listings to the remote engine", async () => {
    expect(await services.search.syncNow()).toBe(true);
    expect((await outboxLag(services.database.db)).pending).toBe(0);
    const result = await services.search.search({ text: "대구창조경제혁신센터", limit: 5, offset: 0 });
    expect(result).toMatchObject({ engine: "meilisearch", degraded: false });
    expect(ids(result)).toContain("ccei-daegu");
  });

  it("while the remote is down: search answers from the embedded copy with a notice, health says so, retries back off, nothing is lost", async () => {
    remote.down = true;
    const catalog = readCatalog(path.resolve("data"));
    const renamed = catalog.facilities.find((f) => f.id === "ccei-daegu")!;
    renamed.name_en = "Daegu Quokkaville Innovation Center";
    const removedId = catalog.facilities.find((f) => f.id === "ccei-jeju")!.id;
    catalog.facilities = catalog.facilities.filter((f) => f.id !== removedId);
    await applyCatalog(services.database.db, catalog);

    expect(await services.search.syncNow()).toBe(false);
    const firstDelay = services.search.nextDelayMs();
    expect(await services.search.syncNow()).toBe(false);
    expect(services.search.nextDelayMs()).toBe(firstDelay * 2);

    const health = await services.search.health();
    expect(health).toMatchObject({ engine: "meilisearch", reachable: false, outbox: { pending: 2 } });
    expect(health.lastSyncError).toMatch(/ECONNREFUSED/);
    const healthz = await callLoader(healthLoader, services, "/healthz");
    expect(healthz.status).toBe(200);
    expect(await healthz.json()).toMatchObject({ status: "degraded", search: { reachable: false } });

    const result = await services.search.search({
      text: "Quokkaville",
      filters: { type: "facility" },
      limit: 5,
      offset: 0,
    });
    expect(result).toMatchObject({ engine: "embedded", degraded: true });
    expect(ids(result)).toEqual(["ccei-daegu"]);
    expect(ids(await services.search.search({ text: "제주창조경제혁신센터", limit: 5, offset: 0 }))).not.toContain(
      removedId,
    );
  });

  it("when the remote returns, the outbox catches up and the remote has every change", async () => {
    remote.down = false;
    expect(await services.search.syncNow()).toBe(true);
    expect((await outboxLag(services.database.db)).pending).toBe(0);
    expect(services.search.nextDelayMs()).toBe(1_000);
    const renamed = await services.search.search({
      text: "Quokkaville",
      filters: { type: "facility" },
      limit: 5,
      offset: 0,
    });
    expect(renamed).toMatchObject({ engine: "meilisearch", degraded: false });
    expect(ids(renamed)).toEqual(["ccei-daegu"]);
    expect(ids(await services.search.search({ text: "제주창조경제혁신센터", limit: 5, offset: 0 }))).not.toContain(
      "ccei-jeju",
    );
    expect((await services.search.health()).lastSyncError).toBeNull();
  });

  it("a rebuild reloads every engine from the database", async () => {
    const total = await services.search.rebuild();
    const result = await services.search.search({ limit: 1, offset: 0, filters: { type: "facility" } });
    // Every curated facility but ccei-jeju, archived above; programs come on top.
    expect(result.total).toBe(CURATED_FACILITIES - 1);
    expect(total).toBeGreaterThan(CURATED_FACILITIES - 1);
  });
});
