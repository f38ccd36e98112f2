import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFacility } from "../../db/queries/facilities";
import { listPrograms } from "../../db/queries/programs";
import { listAuditEntries } from "../../db/queries/audit";
import { createUser } from "~/auth/accounts.server";
import { applyCatalog } from "../../db/seed/apply";
import { readCatalog } from "../../db/seed/catalog";
import { CATALOG_DIR } from "../../db/setup";
import type { SessionUser } from "~/auth/user.server";
import { getDraft, listRegionDrafts, setListingStatus } from "../../db/queries/council-listings";
import {
  discardDraft,
  publishAll,
  publishDraft,
  requestStatusChange,
  reviewToken,
  saveDraft,
} from "~/council/listings.server";
import { auditChanges } from "~/domain/audit-diff";
import type { Services } from "~/services.server";
import { NEW_FACILITY } from "./fixtures";
import { createTestServices, databaseLabel } from "./support";

const PASSWORD = "a long enough password";

async function makeUser(
  services: Services,
  email: string,
  role: SessionUser["role"],
  regionCode: string | null,
): Promise<SessionUser> {
  const user = await createUser(services.database.db, { email, password: PASSWORD, role, regionCode });
  return { id: user.id, email: user.email, role: user.role, regionCode: user.regionCode };
}

async function searchNames(services: Services, text: string): Promise<string[]> {
  const result = await services.search.search({ text, limit: 20, offset: 0 });
  return result.hits.map((h) => h.document.nameKo);
}

describe(`council listings workflow on ${databaseLabel}`, () => {
  let services: Services;
  let editor: SessionUser;
  let secondEditor: SessionUser;
  let reviewer: SessionUser;
  let seoulEditor: SessionUser;

  beforeAll(async () => {
    services = await createTestServices();
    editor = await makeUser(services, "editor@daegu.example", "council_editor", "27");
    secondEditor = await makeUser(services, "editor2@daegu.example", "council_editor", "27");
    reviewer = await makeUser(services, "reviewer@daegu.example", "council_reviewer", "27");
    seoulEditor = await makeUser(services, "editor@seoul.example", "council_editor", "11");
  });
  afterAll(async () => services?.close());

  it("a new listing is a draft until a reviewer publishes it; then the map data and search show it", async () => {
    const saved = await saveDraft(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: null,
      expected: "new",
      raw: NEW_FACILITY,
    });
    expect(saved.kind).toBe("ok");
    const id = saved.kind === "ok" ? saved.value.entityId : "";
    expect(await getFacility(services.database.db, id)).toBeNull();
    await services.search.syncNow();
    expect(await searchNames(services, "새싹 창업보육센터")).not.toContain(NEW_FACILITY.name_ko);

    expect(
      (
        await publishDraft(services, editor, {
          type: "facility",
          regionCode: "27",
          entityId: id,
          expected: "draft:1",
          liveVersion: null,
        })
      ).kind,
    ).toBe("forbidden");
    const published = await publishDraft(services, reviewer, {
      type: "facility",
      regionCode: "27",
      entityId: id,
      expected: "draft:1",
      liveVersion: null,
    });
    expect(published.kind).toBe("ok");
    const facility = await getFacility(services.database.db, id);
    expect(facility).toMatchObject({
      nameKo: NEW_FACILITY.name_ko,
      regionCode: "27",
      lat: 35.8714,
      sectors: ["26", "58"],
      contacts: { url: "https://sprout.example.kr" },
    });
    expect(await searchNames(services, "새싹 창업보육센터")).toContain(NEW_FACILITY.name_ko);
    const drafts = await services.database.db.selectFrom("listing_drafts").selectAll().execute();
    expect(drafts).toEqual([]);
    const trail = await listAuditEntries(services.database.db, { entityType: "facility", entityId: id });
    expect(trail.map((e) => [e.action, e.userEmail])).toEqual([
      ["publish", "reviewer@daegu.example"],
      ["draft_create", "editor@daegu.example"],
    ]);
    expect(trail[0]!.before).toBeNull();
    expect(trail[0]!.after).toMatchObject({ nameKo: NEW_FACILITY.name_ko, status: "published" });
  });

  it("an edit of a published listing leaves the public version alone until published, and the seed keeps it afterwards", async () => {
    const db = services.database.db;
    const before = (await getFacility(db, "ccei-daegu"))!;
    const raw = {
      ...NEW_FACILITY,
      kind: before.kind,
      name_ko: "대구창조경제혁신센터 (새 이름)",
      name_en: before.nameEn,
      lat: String(before.lat),
      lng: String(before.lng),
      industries: before.sectors.join(";"),
      services: before.services.join(";"),
      url: "",
      phone: "",
      address_ko: "",
      source: before.source,
    };
    const saved = await saveDraft(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: "ccei-daegu",
      expected: `live:${before.version}`,
      raw,
    });
    expect(saved.kind).toBe("ok");
    expect((await getFacility(db, "ccei-daegu"))!.nameKo).toBe(before.nameKo);
    expect(
      (
        await publishDraft(services, reviewer, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          expected: "draft:1",
          liveVersion: null,
        })
      ).kind,
    ).toBe("ok");
    const after = (await getFacility(db, "ccei-daegu"))!;
    expect(after.nameKo).toBe("대구창조경제혁신센터 (새 이름)");
    expect(after.version).toBe(before.version + 1);
    // Contacts the form does not edit (e.g. English address) are kept; cleared fields are removed.
    expect(after.contacts.url).toBeUndefined();
    const report = await applyCatalog(db, readCatalog(CATALOG_DIR));
    expect(report.keptCouncilEdits).toContain("facility ccei-daegu");
    expect((await getFacility(db, "ccei-daegu"))!.nameKo).toBe("대구창조경제혁신센터 (새 이름)");
  });

  it("two concurrent edits of the same listing: exactly one wins, the other gets a conflict with both versions", async () => {
    const db = services.database.db;
    const current = (await getFacility(db, "ccei-daegu"))!;
    const base = {
      ...NEW_FACILITY,
      kind: current.kind,
      name_en: current.nameEn,
      lat: String(current.lat),
      lng: String(current.lng),
      industries: current.sectors.join(";"),
      services: current.services.join(";"),
      source: current.source,
    };
    const expected = `live:${current.version}`;
    const results = await Promise.all([
      saveDraft(services, editor, {
        type: "facility",
        regionCode: "27",
        entityId: "ccei-daegu",
        expected,
        raw: { ...base, name_ko: "첫 번째 편집" },
      }),
      saveDraft(services, secondEditor, {
        type: "facility",
        regionCode: "27",
        entityId: "ccei-daegu",
        expected,
        raw: { ...base, name_ko: "두 번째 편집" },
      }),
    ]);
    const kinds = results.map((r) => r.kind).sort();
    expect(kinds).toEqual(["conflict", "ok"]);
    const loser = results.find((r) => r.kind === "conflict");
    const winnerName = results[0].kind === "ok" ? "첫 번째 편집" : "두 번째 편집";
    const loserName = winnerName === "첫 번째 편집" ? "두 번째 편집" : "첫 번째 편집";
    if (loser?.kind !== "conflict") throw new Error("no conflict");
    expect(loser.conflict.theirs.nameKo).toBe(winnerName);
    expect(loser.conflict.mine.nameKo).toBe(loserName);
    expect(loser.conflict.token).toBe("draft:1");
    const drafts = await db.selectFrom("listing_drafts").selectAll().where("entity_id", "=", "ccei-daegu").execute();
    expect(drafts.map((d) => (d.payload as { nameKo: string }).nameKo)).toEqual([winnerName]);

    // The loser chooses to keep their version: it now overwrites knowingly.
    const kept = await saveDraft(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: "ccei-daegu",
      expected: loser.conflict.token,
      raw: { ...base, name_ko: loserName },
    });
    expect(kept.kind).toBe("ok");
    const discarded = await discardDraft(services, reviewer, {
      type: "facility",
      regionCode: "27",
      entityId: "ccei-daegu",
      expected: "draft:2",
    });
    expect(discarded.kind).toBe("ok");
  });

  it("publishing a draft whose listing changed meanwhile is a conflict until the reviewer chooses", async () => {
    const db = services.database.db;
    const current = (await getFacility(db, "ccei-daegu"))!;
    const raw = {
      ...NEW_FACILITY,
      kind: current.kind,
      name_ko: "오래된 초안",
      name_en: current.nameEn,
      lat: String(current.lat),
      lng: String(current.lng),
      industries: "",
      services: "",
      source: current.source,
    };
    expect(
      (
        await saveDraft(services, editor, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          expected: `live:${current.version}`,
          raw,
        })
      ).kind,
    ).toBe("ok");
    // The listing changes behind the draft (its status here, as a change outside the council forms would).
    expect(await setListingStatus(db, "facility", "ccei-daegu", "archived", current.version)).toBe(true);
    const stale = await publishDraft(services, reviewer, {
      type: "facility",
      regionCode: "27",
      entityId: "ccei-daegu",
      expected: "draft:1",
      liveVersion: null,
    });
    expect(stale.kind).toBe("conflict");
    expect(
      (await db.selectFrom("facilities").select("name_ko").where("id", "=", "ccei-daegu").executeTakeFirstOrThrow())
        .name_ko,
    ).not.toBe("오래된 초안");
    const chosen = await publishDraft(services, reviewer, {
      type: "facility",
      regionCode: "27",
      entityId: "ccei-daegu",
      expected: "draft:1",
      liveVersion: current.version + 1,
    });
    expect(chosen.kind).toBe("ok");
    const row = await db
      .selectFrom("facilities")
      .select(["name_ko", "status"])
      .where("id", "=", "ccei-daegu")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name_ko: "오래된 초안", status: "archived" });
  });

  it("restoring goes through review: the listing stays hidden until a reviewer publishes the request, and a stale request is refused", async () => {
    const db = services.database.db;
    const facility = await db
      .selectFrom("facilities")
      .select(["version", "name_ko"])
      .where("id", "=", "ccei-daegu")
      .executeTakeFirstOrThrow();
    expect(await getFacility(db, "ccei-daegu")).toBeNull();
    expect(await searchNames(services, "오래된 초안")).not.toContain("오래된 초안");
    const asked = await requestStatusChange(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: "ccei-daegu",
      archived: false,
      expected: `live:${facility.version}`,
    });
    expect(asked.kind).toBe("ok");
    expect(await getFacility(db, "ccei-daegu")).toBeNull();
    expect((await getDraft(db, "facility", "ccei-daegu"))?.change).toBe("restore");
    expect(
      (
        await publishDraft(services, reviewer, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          expected: "draft:1",
          liveVersion: null,
        })
      ).kind,
    ).toBe("ok");
    expect((await getFacility(db, "ccei-daegu"))?.nameKo).toBe("오래된 초안");
    expect(await searchNames(services, "오래된 초안")).toContain("오래된 초안");
    const stale = await requestStatusChange(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: "ccei-daegu",
      archived: true,
      expected: `live:${facility.version}`,
    });
    expect(stale.kind).toBe("conflict");
    expect(await getDraft(db, "facility", "ccei-daegu")).toBeNull();
  });

  it("archiving is a draft change a reviewer publishes: until then the listing stays public; audit, search and authorization follow the draft path", async () => {
    const db = services.database.db;
    const live = (await getFacility(db, "ccei-daegu"))!;
    const request = {
      type: "facility" as const,
      regionCode: "27",
      entityId: "ccei-daegu",
      archived: true,
      expected: `live:${live.version}`,
    };
    const queued = async () =>
      (await db.selectFrom("search_outbox").select("id").where("entity_id", "=", "ccei-daegu").execute()).length;
    const queuedBefore = await queued();
    expect((await requestStatusChange(services, reviewer, request)).kind).toBe("forbidden");
    expect((await requestStatusChange(services, seoulEditor, { ...request, regionCode: "11" })).kind).toBe("forbidden");
    expect((await requestStatusChange(services, editor, request)).kind).toBe("ok");

    // Asked, not done: the public data and search still show it, and the draft says what it will do.
    expect((await getFacility(db, "ccei-daegu"))?.version).toBe(live.version);
    expect(await searchNames(services, "오래된 초안")).toContain("오래된 초안");
    const draft = (await getDraft(db, "facility", "ccei-daegu"))!;
    expect(draft).toMatchObject({ change: "archive", isNew: false, baseVersion: live.version });
    expect((await listRegionDrafts(db, "27")).map((d) => d.entityId)).toContain("ccei-daegu");
    // One pending change per listing: a second request waits for this one.
    expect((await requestStatusChange(services, secondEditor, request)).kind).toBe("conflict");
    expect(await queued()).toBe(queuedBefore);

    expect(
      (
        await publishDraft(services, editor, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          expected: "draft:1",
          liveVersion: null,
        })
      ).kind,
    ).toBe("forbidden");
    expect(
      (
        await publishDraft(services, reviewer, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          expected: "draft:1",
          liveVersion: null,
        })
      ).kind,
    ).toBe("ok");
    expect(await getFacility(db, "ccei-daegu")).toBeNull();
    expect(await searchNames(services, "오래된 초안")).not.toContain("오래된 초안");
    const row = await db
      .selectFrom("facilities")
      .select(["status", "version", "name_ko"])
      .where("id", "=", "ccei-daegu")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "archived", version: live.version + 1, name_ko: "오래된 초안" });
    expect(await getDraft(db, "facility", "ccei-daegu")).toBeNull();
    expect(await queued()).toBe(queuedBefore + 1);

    const trail = await listAuditEntries(db, { entityType: "facility", entityId: "ccei-daegu" }, 2);
    expect(trail.map((e) => [e.action, e.userEmail])).toEqual([
      ["archive", "reviewer@daegu.example"],
      ["archive_request", "editor@daegu.example"],
    ]);
    expect(trail.map((e) => auditChanges(e.before, e.after))).toEqual([
      [{ field: "status", before: "published", after: "archived" }],
      [{ field: "status", before: "published", after: "archived" }],
    ]);

    // Restoring takes the same path back.
    const archived = await db
      .selectFrom("facilities")
      .select("version")
      .where("id", "=", "ccei-daegu")
      .executeTakeFirstOrThrow();
    expect(
      (
        await requestStatusChange(services, editor, {
          ...request,
          archived: false,
          expected: `live:${archived.version}`,
        })
      ).kind,
    ).toBe("ok");
    expect(await getFacility(db, "ccei-daegu")).toBeNull();
    expect(
      (
        await publishDraft(services, reviewer, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          expected: "draft:1",
          liveVersion: null,
        })
      ).kind,
    ).toBe("ok");
    expect((await getFacility(db, "ccei-daegu"))?.nameKo).toBe("오래된 초안");
  });

  it("an edit saved over a pending archive request replaces it, and a reviewer withdrawing the request leaves the listing public", async () => {
    const db = services.database.db;
    const live = (await getFacility(db, "ccei-daegu"))!;
    expect(
      (
        await requestStatusChange(services, editor, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          archived: true,
          expected: `live:${live.version}`,
        })
      ).kind,
    ).toBe("ok");
    const raw = {
      ...NEW_FACILITY,
      kind: live.kind,
      name_ko: "보관 대신 수정",
      name_en: live.nameEn,
      lat: String(live.lat),
      lng: String(live.lng),
      industries: live.sectors.join(";"),
      services: live.services.join(";"),
      url: "",
      phone: "",
      address_ko: "",
      source: live.source,
    };
    expect(
      (
        await saveDraft(services, editor, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          expected: "draft:1",
          raw,
        })
      ).kind,
    ).toBe("ok");
    expect((await getDraft(db, "facility", "ccei-daegu"))?.change).toBe("edit");
    expect(
      (
        await discardDraft(services, reviewer, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-daegu",
          expected: "draft:2",
        })
      ).kind,
    ).toBe("ok");
    expect((await getFacility(db, "ccei-daegu"))?.version).toBe(live.version);
  });

  it("programs follow the same workflow and are published for the council's region only", async () => {
    const db = services.database.db;
    const raw = {
      external_id: "",
      name_ko: "대구 스마트공장 코칭",
      name_en: "Daegu smart factory coaching",
      summary_ko: "<b>굵게</b> 표시되면 안 됩니다",
      summary_en: "",
      category: "technology",
      provider_agency_ko: "대구테크노파크",
      provider_agency_en: "",
      sectors: "29",
      period_start: "2027-01-01",
      period_end: "2026-12-31",
      url: "",
      source: "대구 협의회",
    };
    const invalid = await saveDraft(services, editor, {
      type: "program",
      regionCode: "27",
      entityId: null,
      expected: "new",
      raw,
    });
    expect(invalid.kind === "invalid" && invalid.issues.map((p) => p.code)).toEqual(["period_order"]);
    const saved = await saveDraft(services, editor, {
      type: "program",
      regionCode: "27",
      entityId: null,
      expected: "new",
      raw: { ...raw, period_end: "2027-12-31" },
    });
    if (saved.kind !== "ok") throw new Error(saved.kind);
    expect((await listPrograms(db, { regionCode: "27" })).map((p) => p.id)).not.toContain(saved.value.entityId);
    expect(
      (
        await publishDraft(services, reviewer, {
          type: "program",
          regionCode: "27",
          entityId: saved.value.entityId,
          expected: "draft:1",
          liveVersion: null,
        })
      ).kind,
    ).toBe("ok");
    const program = (await listPrograms(db, { regionCode: "27" })).find((p) => p.id === saved.value.entityId);
    expect(program).toMatchObject({
      regionScope: "regional",
      regionCodes: ["27"],
      summaryKo: "<b>굵게</b> 표시되면 안 됩니다",
      periodEnd: "2027-12-31",
    });
    expect((await listPrograms(db, { regionCode: "11" })).map((p) => p.id)).not.toContain(saved.value.entityId);
    // A nationwide program belongs to no region: no council can edit it.
    const national = (await listPrograms(db)).find((p) => p.regionScope === "national")!;
    expect(
      (
        await saveDraft(services, editor, {
          type: "program",
          regionCode: "27",
          entityId: national.id,
          expected: `live:${national.version}`,
          raw: { ...raw, period_end: "" },
        })
      ).kind,
    ).toBe("forbidden");
  });

  it("councils cannot touch another region's listings", async () => {
    const db = services.database.db;
    const seoul = (await getFacility(db, "ccei-seoul"))!;
    const raw = { ...NEW_FACILITY, name_ko: "침범", lat: String(seoul.lat), lng: String(seoul.lng) };
    expect(
      (
        await saveDraft(services, editor, {
          type: "facility",
          regionCode: "11",
          entityId: "ccei-seoul",
          expected: `live:${seoul.version}`,
          raw,
        })
      ).kind,
    ).toBe("forbidden");
    // Naming their own region in the request does not help: the listing belongs to Seoul.
    expect(
      (
        await saveDraft(services, editor, {
          type: "facility",
          regionCode: "27",
          entityId: "ccei-seoul",
          expected: `live:${seoul.version}`,
          raw,
        })
      ).kind,
    ).toBe("forbidden");
    expect(
      (
        await requestStatusChange(services, seoulEditor, {
          type: "facility",
          regionCode: "11",
          entityId: "ccei-daegu",
          archived: true,
          expected: "live:1",
        })
      ).kind,
    ).toBe("forbidden");
    expect((await getFacility(db, "ccei-seoul"))!.version).toBe(seoul.version);
  });

  it("a typed address places the listing at its eupmyeondong; a point clicked on the map stays exact; an address with no area is named", async () => {
    const typed = {
      ...NEW_FACILITY,
      name_ko: "주소로 놓는 센터",
      lat: "",
      lng: "",
      coord_precision: "",
      address_ko: "대구광역시 중구 삼덕동 50",
    };
    const saved = await saveDraft(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: null,
      expected: "new",
      raw: typed,
    });
    expect(saved.kind).toBe("ok");
    const id = saved.kind === "ok" ? saved.value.entityId : "";
    expect(
      (
        await publishDraft(services, reviewer, {
          type: "facility",
          regionCode: "27",
          entityId: id,
          expected: "draft:1",
          liveVersion: null,
        })
      ).kind,
    ).toBe("ok");
    expect(await getFacility(services.database.db, id)).toMatchObject({
      lat: 35.86505,
      lng: 128.60521,
      precision: "eupmyeondong",
    });

    const live = (await getFacility(services.database.db, id))!;
    const clicked = { ...typed, lat: "35.866123", lng: "128.601234", coord_precision: "exact" };
    expect(
      (
        await saveDraft(services, editor, {
          type: "facility",
          regionCode: "27",
          entityId: id,
          expected: `live:${live.version}`,
          raw: clicked,
        })
      ).kind,
    ).toBe("ok");
    expect(
      (
        await publishDraft(services, reviewer, {
          type: "facility",
          regionCode: "27",
          entityId: id,
          expected: "draft:1",
          liveVersion: live.version,
        })
      ).kind,
    ).toBe("ok");
    expect(await getFacility(services.database.db, id)).toMatchObject({
      lat: 35.866123,
      lng: 128.601234,
      precision: "exact",
    });

    const nowhere = await saveDraft(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: null,
      expected: "new",
      raw: { ...typed, address_ko: "아틀란티스 해저로 1" },
    });
    expect(nowhere.kind).toBe("invalid");
    if (nowhere.kind === "invalid")
      expect(nowhere.issues.map((p) => `${p.field}:${p.code}`)).toContain("address_ko:address_not_placed");
  });

  it("bad values are refused with every problem named, and nothing is stored", async () => {
    const db = services.database.db;
    const draftsBefore = await db.selectFrom("listing_drafts").select("id").execute();
    const outcome = await saveDraft(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: null,
      expected: "new",
      raw: { ...NEW_FACILITY, lat: "48.85", lng: "2.35", industries: "26;00", url: "javascript:alert(1)", name_ko: "" },
    });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(outcome.issues.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
      "industries:unknown_ksic",
      "lat:outside_korea",
      "name_ko:required",
      "url:url_scheme",
    ]);
    expect(await db.selectFrom("listing_drafts").select("id").execute()).toEqual(draftsBefore);
  });

  it("a reviewer publishes all pending drafts as seen, all or nothing: a changed list is refused, a draft over a changed listing blocks the lot and is named", async () => {
    const db = services.database.db;
    const created: string[] = [];
    for (const name of ["일괄 1", "일괄 2", "일괄 3"]) {
      const saved = await saveDraft(services, editor, {
        type: "facility",
        regionCode: "27",
        entityId: null,
        expected: "new",
        raw: { ...NEW_FACILITY, name_ko: name },
      });
      if (saved.kind === "ok") created.push(saved.value.entityId);
    }
    const techno = await db
      .selectFrom("facilities")
      .selectAll()
      .where("region_code", "=", "27")
      .where("id", "!=", "ccei-daegu")
      .where("status", "=", "published")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const raw = {
      ...NEW_FACILITY,
      kind: techno.kind,
      name_ko: "게시본 바뀔 초안",
      name_en: techno.name_en,
      lat: String(techno.lat),
      lng: String(techno.lng),
      industries: "",
      services: "",
      source: techno.source,
    };
    expect(
      (
        await saveDraft(services, editor, {
          type: "facility",
          regionCode: "27",
          entityId: techno.id,
          expected: `live:${techno.version}`,
          raw,
        })
      ).kind,
    ).toBe("ok");
    expect(await setListingStatus(db, "facility", techno.id, "archived", techno.version)).toBe(true);

    const seen = reviewToken(await listRegionDrafts(db, "27"));
    expect((await publishAll(services, editor, "27", seen)).kind).toBe("forbidden");
    expect((await publishAll(services, reviewer, "11", seen)).kind).toBe("forbidden");
    const extra = await saveDraft(services, editor, {
      type: "facility",
      regionCode: "27",
      entityId: null,
      expected: "new",
      raw: { ...NEW_FACILITY, name_ko: "늦게 온 초안" },
    });
    expect((await publishAll(services, reviewer, "27", seen)).kind).toBe("stale");
    expect(await db.selectFrom("facilities").select("id").where("id", "in", created).execute()).toEqual([]);

    // All or nothing: one draft over a listing that changed since blocks the lot, and says which.
    const blockedOutcome = await publishAll(services, reviewer, "27", reviewToken(await listRegionDrafts(db, "27")));
    expect(blockedOutcome).toEqual({
      kind: "blocked",
      blocked: [{ type: "facility", entityId: techno.id, nameKo: "게시본 바뀔 초안", reason: "listing_changed" }],
    });
    expect(await db.selectFrom("facilities").select("id").where("id", "in", created).execute()).toEqual([]);
    expect((await listRegionDrafts(db, "27")).length).toBe(5);

    const stuck = (await listRegionDrafts(db, "27")).find((d) => d.entityId === techno.id)!;
    expect(
      (
        await discardDraft(services, reviewer, {
          type: "facility",
          regionCode: "27",
          entityId: techno.id,
          expected: `draft:${stuck.version}`,
        })
      ).kind,
    ).toBe("ok");
    const outcome = await publishAll(services, reviewer, "27", reviewToken(await listRegionDrafts(db, "27")));
    expect(outcome).toEqual({ kind: "ok", value: { published: 4 } });
    const live = await db
      .selectFrom("facilities")
      .select("name_ko")
      .where("id", "in", [...created, extra.kind === "ok" ? extra.value.entityId : ""])
      .orderBy("name_ko")
      .execute();
    expect(live.map((r) => r.name_ko)).toEqual(["늦게 온 초안", "일괄 1", "일괄 2", "일괄 3"]);
    expect(await listRegionDrafts(db, "27")).toEqual([]);
    expect(await searchNames(services, "일괄")).toEqual(expect.arrayContaining(["일괄 1", "일괄 2", "일괄 3"]));
  });

  it("the audit trail cannot be changed, even with SQL", async () => {
    const db = services.database.db;
    await expect(db.updateTable("audit_log").set({ user_email: "someone-else" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
  });
});
