import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueSearchChanges } from "../../db/queries/outbox";
import { listJobRuns } from "../../db/queries/locks";
import {
  EmbeddedSearchEngine,
  type SearchDocType,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
} from "~/search";
import { JobScheduler } from "~/jobs.server";
import { createServices, type Services } from "~/services.server";
import { createTestDatabase, testConfig } from "./support";

/** A shared remote engine that only records what it is sent, to count deliveries (one in-memory index written by two deliverers at once would race with itself; a real server queues). */
class RecordingEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  readonly received: string[] = [];
  private readonly inner = new EmbeddedSearchEngine();
  async configure() {}
  async upsert(documents: SearchDocument[]) {
    // A slow remote, so that two deliverers overlap.
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.received.push(...documents.map((d) => `${d.type}:${d.id}`));
  }
  async delete(refs: Array<{ type: SearchDocType; id: string }>) {
    this.received.push(...refs.map((r) => `${r.type}:${r.id}`));
  }
  async replaceAll(documents: SearchDocument[]) {
    await this.inner.replaceAll(documents);
  }
  async search(query: SearchQuery) {
    return this.inner.search(query);
  }
  async health() {
    return { ok: true };
  }
}

const names = async (services: Services, text: string) =>
  (await services.search.search({ text, limit: 10, offset: 0 })).hits.map((h) => h.document.nameKo);

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

// Several processes share a database only on a real server; PGlite is one process's (see pglite-owner.test.ts).
describe.runIf(process.env.DATABASE_URL)("two app instances on one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: Services;
  let second: Services;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Polling every 10 s: a change found sooner was found through LISTEN/NOTIFY.
    const searchOptions = { pollMs: 10_000, log: () => undefined };
    first = await createServices(testConfig(database), { searchOptions });
    second = await createServices(testConfig(database), { searchOptions });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it("a listing renamed through one is found in the other's embedded search within a second, and an archived one disappears from it", async () => {
    const db = first.database.db;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("facilities").set({ name_ko: "대구쿼카혁신센터" }).where("id", "=", "ccei-daegu").execute();
      await enqueueSearchChanges(trx, [{ entityType: "facility", entityId: "ccei-daegu" }]);
    });
    const renamedAfter = await until(async () => (await names(second, "쿼카")).includes("대구쿼카혁신센터"), 5000);
    expect(renamedAfter).toBeLessThan(1000);

    expect(await names(second, "제주창조경제혁신센터")).toContain("제주창조경제혁신센터");
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("facilities").set({ status: "archived" }).where("id", "=", "ccei-jeju").execute();
      await enqueueSearchChanges(trx, [{ entityType: "facility", entityId: "ccei-jeju" }]);
    });
    const goneAfter = await until(
      async () => !(await names(second, "제주창조경제혁신센터")).includes("제주창조경제혁신센터"),
      5000,
    );
    expect(goneAfter).toBeLessThan(1000);
    expect(await names(first, "쿼카")).toContain("대구쿼카혁신센터");
  });

  it("a transaction that commits after a later one is still followed, and an open transaction holds no other change back", async () => {
    const db = first.database.db;
    // The rename is stored first; only its outbox row waits in the slow transaction
    // (facility writes share a lock on the gap figures, which would serialise the two).
    await db.updateTable("facilities").set({ name_ko: "느린트랜잭션센터" }).where("id", "=", "ccei-busan").execute();
    const slow = await db.connection().execute(async (connection) => {
      await sql`begin`.execute(connection);
      await enqueueSearchChanges(connection, [{ entityType: "facility", entityId: "ccei-busan" }]);
      // A later transaction commits first.
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("facilities")
          .set({ name_ko: "빠른트랜잭션센터" })
          .where("id", "=", "ccei-ulsan")
          .execute();
        await enqueueSearchChanges(trx, [{ entityType: "facility", entityId: "ccei-ulsan" }]);
      });
      // The later change is followed at once, although an older transaction is still open.
      expect(
        await until(async () => (await names(second, "빠른트랜잭션센터")).includes("빠른트랜잭션센터"), 5000),
      ).toBeLessThan(1000);
      expect(await names(second, "느린트랜잭션센터")).toEqual([]);
      await sql`commit`.execute(connection);
      return true;
    });
    expect(slow).toBe(true);
    expect(
      await until(async () => (await names(second, "느린트랜잭션센터")).includes("느린트랜잭션센터"), 5000),
    ).toBeLessThan(1000);
  });

  it("a background job due in both runs in one of them only", async () => {
    let runs = 0;
    const job = { name: "test-once", everySeconds: 3600, run: async () => void (runs += 1) };
    const schedulers = [new JobScheduler(first.database.db, [job]), new JobScheduler(second.database.db, [job])];
    const ran = await Promise.all([...schedulers, ...schedulers].map((scheduler) => scheduler.runDue()));
    expect(ran.flat()).toEqual(["test-once"]);
    expect(runs).toBe(1);
    expect((await listJobRuns(first.database.db)).find((r) => r.name === "test-once")).toMatchObject({
      runs: 1,
      lastError: null,
    });
  });
});

describe.runIf(process.env.DATABASE_URL)("two instances delivering to one shared engine", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const engine = new RecordingEngine();
  let first: Services;
  let second: Services;
  beforeAll(async () => {
    database = await createTestDatabase();
    first = await createServices(testConfig(database), {
      searchEngine: engine,
      startSync: false,
      searchOptions: { batchSize: 50, log: () => undefined },
    });
    second = await createServices(testConfig(database), {
      searchEngine: engine,
      startSync: false,
      searchOptions: { batchSize: 50, log: () => undefined },
    });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it("each change is claimed by one of them (SKIP LOCKED): every listing delivered, none twice", async () => {
    const db = first.database.db;
    await Promise.all([first.search.syncNow(), second.search.syncNow()]);
    engine.received.length = 0;
    const ids = (await db.selectFrom("facilities").select("id").where("status", "=", "published").execute()).map(
      (r) => r.id,
    );
    await enqueueSearchChanges(
      db,
      ids.map((id) => ({ entityType: "facility" as const, entityId: id })),
    );
    expect(await Promise.all([first.search.syncNow(), second.search.syncNow()])).toEqual([true, true]);
    const facilityDeliveries = engine.received.filter((key) => key.startsWith("facility:"));
    expect(new Set(facilityDeliveries)).toEqual(new Set(ids.map((id) => `facility:${id}`)));
    expect(facilityDeliveries.length).toBe(ids.length);
    const pending = await db.selectFrom("search_outbox").select("id").where("delivered_at", "is", null).execute();
    expect(pending).toEqual([]);
  });
});
