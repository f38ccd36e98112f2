import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestChangeId } from "../../db/queries/outbox";
import { applyCatalog } from "../../db/seed/apply";
import { readCatalog } from "../../db/seed/catalog";
import { migrateToLatest } from "../../db/migrate";
import type { Services } from "~/services.server";
import { createTestServices, databaseLabel } from "./support";

const catalog = () => readCatalog(path.resolve("data"));

describe(`migrations and seed on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.close());

  it("loads the whole catalogue on first start", async () => {
    const db = services.database.db;
    const count = async (
      table: "regions" | "ksic_divisions" | "ksic_sections" | "anchor_groups" | "programs" | "sme_size_rules",
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("regions")).toBe(17);
    expect(await count("ksic_sections")).toBe(21);
    expect(await count("ksic_divisions")).toBe(77);
    expect(await count("programs")).toBeGreaterThanOrEqual(30);
    expect(await count("sme_size_rules")).toBeGreaterThan(0);
    expect(await count("anchor_groups")).toBeGreaterThanOrEqual(15);
    const kinds = await db
      .selectFrom("facilities")
      .select(["kind", (eb) => eb.fn.countAll().as("n")])
      .groupBy("kind")
      .execute();
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(byKind).toMatchObject({ innovation_center: 19, techno_park: 19, research_complex: 1 });
    expect(byKind.industrial_complex).toBeGreaterThanOrEqual(16);
  });

  it("migrating again applies nothing", async () => {
    expect(await migrateToLatest(services.database.db)).toEqual([]);
  });

  it("seeding twice changes nothing: same versions, same timestamps, no outbox rows", async () => {
    const db = services.database.db;
    const before = await db.selectFrom("facilities").select(["id", "version", "updated_at"]).orderBy("id").execute();
    const outboxBefore = await latestChangeId(db);
    const report = await applyCatalog(db, catalog());
    expect(Object.values(report.inserted).every((n) => n === 0)).toBe(true);
    expect(Object.values(report.updated).every((n) => n === 0)).toBe(true);
    expect(Object.values(report.archived).every((n) => n === 0)).toBe(true);
    expect(await db.selectFrom("facilities").select(["id", "version", "updated_at"]).orderBy("id").execute()).toEqual(
      before,
    );
    expect(await latestChangeId(db)).toBe(outboxBefore);
  });

  it("an edited row is updated with a new version and queued for search; a removed listing is archived", async () => {
    const db = services.database.db;
    const edited = catalog();
    const target = edited.facilities[0];
    const removed = edited.facilities[1];
    target!.name_en = `${target!.name_en} (renamed)`;
    edited.facilities.splice(1, 1);
    const versionBefore = (
      await db.selectFrom("facilities").select("version").where("id", "=", target!.id).executeTakeFirstOrThrow()
    ).version;
    const outboxBefore = await latestChangeId(db);

    const report = await applyCatalog(db, edited);
    expect(report.updated.facilities).toBe(1);
    expect(report.archived.facilities).toBe(1);
    const row = await db
      .selectFrom("facilities")
      .select(["name_en", "version"])
      .where("id", "=", target!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name_en: target!.name_en, version: versionBefore + 1 });
    const archived = await db
      .selectFrom("facilities")
      .select("status")
      .where("id", "=", removed!.id)
      .executeTakeFirstOrThrow();
    expect(archived.status).toBe("archived");
    const queued = await db
      .selectFrom("search_outbox")
      .select(["entity_type", "entity_id"])
      .where("id", ">", outboxBefore)
      .orderBy("entity_id")
      .execute();
    expect(queued).toEqual([target!.id, removed!.id].sort().map((id) => ({ entity_type: "facility", entity_id: id })));

    // Restoring the files restores the rows.
    const restored = await applyCatalog(db, catalog());
    expect(restored.updated.facilities).toBe(2);
    const back = await db
      .selectFrom("facilities")
      .select(["status", "name_en"])
      .where("id", "in", [target!.id, removed!.id])
      .execute();
    expect(back.every((r) => r.status === "published")).toBe(true);
  });
});
