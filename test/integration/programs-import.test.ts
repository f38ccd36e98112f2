import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUnchangedSources, listCallDetails } from "../../db/queries/program-calls";
import { parsePortalReply } from "~/domain/programs/parse";
import { importRecords } from "~/programs/import.server";
import type { Services } from "~/services.server";
import { fixtureJson } from "../unit/programs/fixtures";
import { createTestServices, databaseLabel } from "./support";

function records(portal: "bizinfo" | "kstartup", file: string): Array<Record<string, unknown>> {
  const reply = parsePortalReply(portal, fixtureJson(file));
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.page.records as Array<Record<string, unknown>>;
}

const KSTARTUP = records("kstartup", "kstartup/bizradar_announcement_list_sample.json");
const BIZINFO = records("bizinfo", "bizinfo/bizradar_api_response_sample.json");

describe(`importing announcements, on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  }, 60_000);
  afterAll(async () => {
    await services?.close();
  });

  async function programState(id: string) {
    return services.database.db
      .selectFrom("programs")
      .select(["id", "version", "name_ko", "region_codes", "managed_by"])
      .where("id", "=", id)
      .executeTakeFirst();
  }
  async function pendingFor(id: string) {
    const rows = await services.database.db
      .selectFrom("search_outbox")
      .select("id")
      .where("entity_id", "=", id)
      .where("delivered_at", "is", null)
      .execute();
    return rows.length;
  }

  it("imports the recorded K-Startup page; a second import of the same file changes nothing", async () => {
    const first = await importRecords(services.database.db, "kstartup", KSTARTUP, { today: "2026-08-10" });
    expect(first.counts).toMatchObject({ fetched: 5, new: 5, changed: 0, unchanged: 0, rejected: 0 });
    const tips = await programState("kstartup-178845");
    expect(tips).toMatchObject({ version: 1, managed_by: "import", region_codes: ["30", "36", "43", "44"] });
    const outboxBefore = await pendingFor("kstartup-178845");
    expect(outboxBefore).toBe(1);

    const again = await importRecords(services.database.db, "kstartup", KSTARTUP, { today: "2026-08-10" });
    expect(again.counts).toMatchObject({ fetched: 5, new: 0, changed: 0, unchanged: 5, rejected: 0, closed: 0 });
    expect(await programState("kstartup-178845")).toEqual(tips);
    expect(await pendingFor("kstartup-178845")).toBe(outboxBefore);
  });

  it("a changed announcement gets version + 1 through the outbox; one that a complete sync no longer returns is closed, not deleted; a malformed one is reported and skipped", async () => {
    // Derived from the recording in memory: the deadline of 178839 moved, 178816 is gone, and one record has no title.
    const changed = KSTARTUP.filter((r) => r.pbanc_sn !== 178816).map((r) =>
      r.pbanc_sn === 178839 ? { ...r, pbanc_rcpt_end_dt: "20260820" } : r,
    );
    const malformed = { ...KSTARTUP[0], pbanc_sn: 999001, biz_pbanc_nm: null, intg_pbanc_biz_nm: null };
    const report = await importRecords(services.database.db, "kstartup", [...changed, malformed], {
      mode: "sync",
      complete: true,
      today: "2026-08-10",
    });
    expect(report.counts).toMatchObject({ fetched: 5, new: 0, changed: 1, unchanged: 3, rejected: 1, closed: 1 });
    expect(report.errors).toEqual([
      expect.objectContaining({ sourceId: "999001", field: "biz_pbanc_nm", code: "required" }),
    ]);

    expect(await programState("kstartup-178839")).toMatchObject({ version: 2 });
    expect(await pendingFor("kstartup-178839")).toBe(2);
    const details = await listCallDetails(services.database.db, ["kstartup-178839", "kstartup-178816"]);
    expect(details.get("kstartup-178839")).toMatchObject({ windowEnd: "2026-08-20", withdrawn: false });
    expect(details.get("kstartup-178816")).toMatchObject({ withdrawn: true });
    expect(await programState("kstartup-178816")).toMatchObject({ version: 2 });
    expect(await programState("kstartup-999001")).toBeUndefined();

    // It comes back in the next complete sync: open again.
    const back = await importRecords(services.database.db, "kstartup", KSTARTUP, {
      mode: "sync",
      complete: true,
      today: "2026-08-10",
    });
    expect(back.counts).toMatchObject({ changed: 2, unchanged: 3 });
    expect((await listCallDetails(services.database.db, ["kstartup-178816"])).get("kstartup-178816")).toMatchObject({
      withdrawn: false,
    });
  });

  it("an unchanged record renews its call's last sync once its sighting is an hour old, and not before", async () => {
    const db = services.database.db;
    const lastSync = async () =>
      (await listCallDetails(db, ["kstartup-178845"])).get("kstartup-178845")?.lastSyncedAt.getTime();
    await sql`update program_sources set last_seen_at = now() - interval '1 day'`.execute(db);
    await sql`update program_calls set last_synced_at = now() - interval '1 day'`.execute(db);
    const dayOld = await lastSync();

    await importRecords(db, "kstartup", KSTARTUP, { today: "2026-08-10" });
    const renewed = await lastSync();
    expect(renewed).toBeGreaterThan((dayOld ?? 0) + 23 * 3600_000);

    await sql`update program_sources set last_seen_at = last_seen_at - interval '50 minutes'`.execute(db);
    const recent = await lastSync();
    const again = await importRecords(db, "kstartup", KSTARTUP, { today: "2026-08-10" });
    expect(again.counts).toMatchObject({ unchanged: 5 });
    expect(await lastSync()).toBe(recent);
  });

  it("renews a day-old sighting on its row's own page, touching no index", async () => {
    const sourceIds = Array.from({ length: 2_000 }, (_, i) => `HOT_${i}`);
    const undo = new Error("rolled back");
    const outcome = await services.database.db
      .transaction()
      .execute(async (tx) => {
        // Counts not yet reported of earlier transactions are included: the renewal is the difference.
        const updates = async () =>
          (
            await sql<{ updated: number; heapOnly: number }>`
              select n_tup_upd::int as updated, n_tup_hot_upd::int as "heapOnly"
              from pg_stat_xact_user_tables where relname = 'program_sources'`.execute(tx)
          ).rows[0] ?? { updated: 0, heapOnly: 0 };
        // Stored a day old directly: an update of the same transaction would leave versions
        // that no pruning may reclaim before it ends. Each carries the run that last saw it, as
        // every imported source does: a sighting that filled an empty run id would grow the row.
        await sql`
          insert into program_sources (portal, source_id, program_id, url, content_hash, last_seen_at, last_run_id)
          select 'bizinfo', id, 'kstartup-178845', 'https://www.bizinfo.go.kr/sii/siia/selectSIIA200Detail.do?pblancId=' || id,
            'fingerprint-' || id, now() - interval '1 day', 0
          from unnest(${sourceIds}::text[]) as id`.execute(tx);
        const before = await updates();
        const found = await findUnchangedSources(
          tx,
          "bizinfo",
          1,
          sourceIds.map((sourceId) => ({ sourceId, contentHash: `fingerprint-${sourceId}` })),
        );
        const after = await updates();
        const renewed = await tx
          .selectFrom("program_sources")
          .select((eb) => eb.fn.countAll<number>().as("count"))
          .where(sql<boolean>`source_id = any(${sourceIds}::text[])`)
          .where(sql<boolean>`last_seen_at > now() - interval '1 minute'`)
          .executeTakeFirstOrThrow();
        throw Object.assign(undo, {
          found: found.size,
          renewed: Number(renewed.count),
          updated: after.updated - before.updated,
          heapOnly: after.heapOnly - before.heapOnly,
        });
      })
      .catch((error: unknown) => {
        if (error !== undo) throw error;
        return error as Error & { found: number; renewed: number; updated: number; heapOnly: number };
      });
    expect(outcome).toMatchObject({ found: 2_000, renewed: 2_000, updated: 2_000, heapOnly: 2_000 });
  });

  it("counts calls whose window has passed as closed once", async () => {
    const report = await importRecords(services.database.db, "kstartup", KSTARTUP, { today: "2026-12-02" });
    expect(report.counts).toMatchObject({ unchanged: 5, closed: 5 });
    const next = await importRecords(services.database.db, "kstartup", KSTARTUP, { today: "2026-12-02" });
    expect(next.counts.closed).toBe(0);
  });

  it("a call written after its last day is recorded and counted as closed as it is written", async () => {
    const late = KSTARTUP.map((r, i) => ({ ...r, pbanc_sn: 990_000 + i }));
    const report = await importRecords(services.database.db, "kstartup", late, { today: "2026-12-02" });
    expect(report.counts).toMatchObject({ new: 5, closed: 5 });
    const rows = await services.database.db
      .selectFrom("program_calls")
      .select("closed_at")
      .where("program_id", "like", "kstartup-99000%")
      .execute();
    expect(rows.map((r) => r.closed_at !== null)).toEqual([true, true, true, true, true]);
  });

  it("imports Bizinfo's recording; the same call on both portals is one program with both sources", async () => {
    const copy = {
      ...BIZINFO[0],
      pblancId: "PBLN_000000000999999",
      pblancNm: "2026년 웰컴 투 팁스 1차 참가기업 모집 (충청권)",
      reqstBeginEndDe: "2026-08-07 ~ 2026-08-18",
    };
    const report = await importRecords(services.database.db, "bizinfo", [...BIZINFO, copy], { today: "2026-08-10" });
    expect(report.counts).toMatchObject({ fetched: 6, new: 6, rejected: 0 });
    expect(await programState("bizinfo-PBLN_000000000999999")).toBeUndefined();
    const tips = (await listCallDetails(services.database.db, ["kstartup-178845"])).get("kstartup-178845");
    expect(tips?.sources.map((s) => [s.portal, s.id])).toEqual([
      ["bizinfo", "PBLN_000000000999999"],
      ["kstartup", "178845"],
    ]);
  });

  it("a record changed only where the reading does not look is read again and leaves its program as it was; a repeated id is reported", async () => {
    const before = await programState("bizinfo-PBLN_000000000126973");
    expect(before).toBeDefined();
    const touched = BIZINFO.map((r) =>
      r.pblancId === "PBLN_000000000126973" ? { ...r, updtPnttm: "2026-08-09 09:00:00" } : r,
    );
    const report = await importRecords(services.database.db, "bizinfo", [...touched, touched[0]], {
      today: "2026-08-10",
    });
    expect(report.counts).toMatchObject({ fetched: 6, new: 0, changed: 0, unchanged: 5, rejected: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ field: "pblancId", code: "external_id_repeated" })]);
    expect(await programState("bizinfo-PBLN_000000000126973")).toEqual(before);
  });
});
