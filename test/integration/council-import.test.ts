import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/accounts.server";
import { action as importAction, loader as importLoader } from "~/routes/council.$region.import";
import { loader as exportCsvLoader } from "~/routes/council.$region.export[.]csv";
import { loader as exportGeoJsonLoader } from "~/routes/council.$region.export[.]geojson";
import { MAX_IMPORT_BYTES } from "~/domain/listing-import";
import { exportCsv } from "~/council/export.server";
import { publishDraft } from "~/council/listings.server";
import type { Services } from "~/services.server";
import { callRoute, createTestServices, databaseLabel, signIn, type SignedIn } from "./support";

const PASSWORD = "a long enough password";
const HEADER = "external_id,kind,name_ko,name_en,lat,lng,coord_precision,industries,services,url,source";

function facilityRow(i: number, overrides: Partial<Record<string, string>> = {}): string {
  const values = {
    external_id: `dg-${i}`,
    kind: "business_incubator",
    name_ko: `대구 보육센터 ${i}호`,
    name_en: `Daegu Incubator ${i}`,
    lat: "35.87",
    lng: "128.60",
    coord_precision: "sigungu",
    industries: "26",
    services: "startup_incubation",
    url: "https://example.kr",
    source: "대구 협의회 목록",
    ...overrides,
  };
  return HEADER.split(",")
    .map((c) => values[c as keyof typeof values])
    .join(",");
}

function upload(csv: Uint8Array | string, session: SignedIn, type = "facility"): FormData {
  const form = new FormData();
  form.set("csrf", session.csrf);
  form.set("intent", "check");
  form.set("type", type);
  form.set("file", new Blob([typeof csv === "string" ? csv : new Uint8Array(csv)]), "listings.csv");
  return form;
}

type ImportPage = {
  plan: {
    id: string;
    importable: boolean;
    encoding: string;
    problems: { row: number; column: string; message: string }[];
    preview: { create: number; update: number; unchanged: number };
    fileProblems: string[];
  } | null;
  job: {
    id: string;
    state: string;
    done: number;
    total: number;
    summary: { created: number; updated: number; unchanged: number } | null;
  } | null;
};

describe(`CSV import and export on ${databaseLabel}`, () => {
  let services: Services;
  let editor: SignedIn;

  async function check(csv: Uint8Array | string, type = "facility"): Promise<ImportPage["plan"]> {
    const posted = await callRoute(importAction, services, "/council/27/import", {
      form: upload(csv, editor, type),
      cookie: editor.cookie,
      params: { region: "27" },
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(302);
    const location = posted.headers.get("Location")!;
    const page = await callRoute(importLoader, services, location, { cookie: editor.cookie, params: { region: "27" } });
    return (page.body as ImportPage).plan;
  }

  async function commit(planId: string): Promise<NonNullable<ImportPage["job"]>> {
    const form = new FormData();
    form.set("csrf", editor.csrf);
    form.set("intent", "commit");
    form.set("plan", planId);
    const posted = await callRoute(importAction, services, "/council/27/import", {
      form,
      cookie: editor.cookie,
      params: { region: "27" },
    });
    expect(posted.status).toBe(302);
    const location = posted.headers.get("Location")!;
    for (;;) {
      const page = await callRoute(importLoader, services, location, {
        cookie: editor.cookie,
        params: { region: "27" },
      });
      const job = (page.body as ImportPage).job!;
      if (job.state !== "running") return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function importDrafts(): Promise<{ entity_id: string; payload: Record<string, unknown>; origin: string }[]> {
    return services.database.db
      .selectFrom("listing_drafts")
      .select(["entity_id", "payload", "origin"])
      .where("region_code", "=", "27")
      .orderBy("id")
      .execute();
  }

  beforeAll(async () => {
    services = await createTestServices();
    await createUser(services.database.db, {
      email: "editor@daegu.example",
      password: PASSWORD,
      role: "council_editor",
      regionCode: "27",
    });
    await createUser(services.database.db, {
      email: "reviewer@daegu.example",
      password: PASSWORD,
      role: "council_reviewer",
      regionCode: "27",
    });
    editor = await signIn(services, "editor@daegu.example", PASSWORD);
  });
  afterAll(async () => services?.close());

  it("one bad row at the end commits nothing, and the report names the row and column in Korean", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => facilityRow(i));
    rows.push(facilityRow(30, { lat: "51.5" }));
    const plan = (await check([HEADER, ...rows].join("\n")))!;
    expect(plan.importable).toBe(false);
    expect(plan.problems).toEqual([
      { row: 32, column: "lat", columnLabel: "위도", message: "위치가 대한민국 범위 밖입니다." },
    ]);
    const form = new FormData();
    form.set("csrf", editor.csrf);
    form.set("intent", "commit");
    form.set("plan", plan.id);
    const refused = await callRoute(importAction, services, "/council/27/import", {
      form,
      cookie: editor.cookie,
      params: { region: "27" },
    });
    expect(refused.status).toBe(400);
    expect(await importDrafts()).toEqual([]);
  });

  it("a CP949 file imports correctly, and importing it again updates instead of duplicating", async () => {
    const csv = [
      HEADER,
      facilityRow(1),
      facilityRow(2, { name_ko: "달구벌 혁신 공간", name_en: "Dalgubeol Innovation Space" }),
    ].join("\r\n");
    const bytes = iconv.encode(csv, "cp949");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const plan = (await check(bytes))!;
    expect(plan.encoding).toBe("cp949");
    expect(plan.preview).toEqual({ create: 2, update: 0, unchanged: 0 });
    const job = await commit(plan.id);
    expect(job).toMatchObject({ state: "done", done: 2, total: 2, summary: { created: 2, updated: 0, unchanged: 0 } });
    const drafts = await importDrafts();
    expect(drafts.map((d) => d.payload.nameKo)).toEqual(["대구 보육센터 1호", "달구벌 혁신 공간"]);
    expect(drafts.every((d) => d.origin === "import")).toBe(true);

    const again = (await check(bytes))!;
    expect(again.preview).toEqual({ create: 0, update: 0, unchanged: 2 });
    const changed = iconv.encode(
      [
        HEADER,
        facilityRow(1, { name_ko: "대구 보육센터 1호 (이전)" }),
        facilityRow(2, { name_ko: "달구벌 혁신 공간", name_en: "Dalgubeol Innovation Space" }),
      ].join("\r\n"),
      "cp949",
    );
    const third = await commit((await check(changed))!.id);
    expect(third.summary).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect((await importDrafts()).map((d) => d.payload.nameKo)).toEqual([
      "대구 보육센터 1호 (이전)",
      "달구벌 혁신 공간",
    ]);

    // After publishing, the same external ids update the published listings.
    const reviewer = await services.database.db
      .selectFrom("users")
      .select(["id", "email", "role", "region_code"])
      .where("email", "=", "reviewer@daegu.example")
      .executeTakeFirstOrThrow();
    const actor = { id: reviewer.id, email: reviewer.email, role: reviewer.role, regionCode: reviewer.region_code };
    for (const draft of await services.database.db
      .selectFrom("listing_drafts")
      .select(["entity_id", "version"])
      .execute()) {
      expect(
        (
          await publishDraft(services, actor, {
            type: "facility",
            regionCode: "27",
            entityId: draft.entity_id,
            expected: `draft:${draft.version}`,
            liveVersion: null,
          })
        ).kind,
      ).toBe("ok");
    }
    const published = await services.database.db
      .selectFrom("facilities")
      .select(["id", "managed_by", "external_id"])
      .where("external_id", "in", ["dg-1", "dg-2"])
      .execute();
    expect(published.map((p) => p.managed_by)).toEqual(["import", "import"]);
    const fourth = (await check(
      iconv.encode([HEADER, facilityRow(2, { name_ko: "달구벌 혁신 공간 2" })].join("\r\n"), "cp949"),
    ))!;
    expect(fourth.preview).toEqual({ create: 0, update: 1, unchanged: 0 });
    await commit(fourth.id);
    const drafts2 = await importDrafts();
    expect(drafts2.map((d) => d.entity_id)).toEqual([published.find((p) => p.external_id === "dg-2")!.id]);
    const count = await services.database.db
      .selectFrom("facilities")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("external_id", "is not", null)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it("if a draft changes between the check and the commit, the whole import is rolled back", async () => {
    const db = services.database.db;
    const published = await db
      .selectFrom("facilities")
      .selectAll()
      .where("external_id", "=", "dg-1")
      .executeTakeFirstOrThrow();
    const plan = (await check([HEADER, facilityRow(1, { name_ko: "가져오기 판" }), facilityRow(50)].join("\n")))!;
    expect(plan.preview).toMatchObject({ create: 1, update: 1 });
    const editorRow = await db
      .selectFrom("users")
      .select(["id", "email", "role", "region_code"])
      .where("email", "=", "editor@daegu.example")
      .executeTakeFirstOrThrow();
    const { saveDraft } = await import("~/council/listings.server");
    const raw = {
      ...Object.fromEntries(HEADER.split(",").map((c, i) => [c, facilityRow(1).split(",")[i]])),
      name_ko: "손으로 고친 판",
    };
    const current = await db
      .selectFrom("listing_drafts")
      .select("version")
      .where("entity_id", "=", published.id)
      .executeTakeFirst();
    const expected = current ? `draft:${current.version}` : `live:${published.version}`;
    expect(
      (
        await saveDraft(
          services,
          { id: editorRow.id, email: editorRow.email, role: editorRow.role, regionCode: editorRow.region_code },
          { type: "facility", regionCode: "27", entityId: published.id, expected, raw },
        )
      ).kind,
    ).toBe("ok");
    const draftsBefore = await importDrafts();
    const auditBefore = await db.selectFrom("audit_log").select("id").execute();
    const job = await commit(plan.id);
    expect(job.state).toBe("failed");
    expect(await importDrafts()).toEqual(draftsBefore);
    expect(await db.selectFrom("audit_log").select("id").execute()).toEqual(auditBefore);
    expect(await db.selectFrom("import_staging").selectAll().execute()).toEqual([]);
    const page = await callRoute(importLoader, services, `/council/27/import?job=${job.id}`, {
      cookie: editor.cookie,
      params: { region: "27" },
    });
    expect(page.status).toBe(200);
    expect((page.body as { job: { failure: string } }).job.failure).toBe("changed");
  });

  it("file-level problems: unknown or missing columns, repeated external ids, malformed quotes", async () => {
    const unknown = (await check("external_id,name_ko,colour\nx,y,z\n"))!;
    expect(unknown.importable).toBe(false);
    expect(unknown.fileProblems).toContain("알 수 없는 열입니다: colour");
    expect(unknown.fileProblems).toContain("필수 열이 없습니다: kind");
    const repeated = (await check([HEADER, facilityRow(7), facilityRow(7)].join("\n")))!;
    expect(repeated.problems).toEqual([expect.objectContaining({ row: 3, column: "external_id" })]);
    const malformed = (await check(`${HEADER}\n"unterminated,kind\n`))!;
    expect(malformed.fileProblems[0]).toMatch(/CSV 형식이 올바르지 않습니다/);
  });

  it("refuses files over the size limit without storing anything", async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 10).fill(65);
    const result = await callRoute(importAction, services, "/council/27/import", {
      form: upload(big, editor),
      cookie: editor.cookie,
      params: { region: "27" },
    });
    expect(result.status).toBe(413);
    expect((result.body as { error: string }).error).toMatch(/파일이 너무 큽니다/);
  });

  it("exports the region's listings as CSV that imports again, and as GeoJSON", async () => {
    const csv = await callRoute(exportCsvLoader, services, "/council/27/export.csv?type=facility", {
      cookie: editor.cookie,
      params: { region: "27" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/text\/csv/);
    const text = String(csv.body);
    // Response.text() drops the byte-order mark; the bytes start with it so that Korean Excel reads UTF-8.
    expect(text.startsWith("id,status,external_id,kind,name_ko")).toBe(true);
    expect((await exportCsv(services, "27", "facility")).startsWith("\uFEFFid,status")).toBe(true);
    expect(text).toContain("ccei-daegu");
    expect(text).toContain("dg-2");
    expect(text).not.toContain("ccei-seoul");

    const geo = await callRoute(exportGeoJsonLoader, services, "/council/27/export.geojson", {
      cookie: editor.cookie,
      params: { region: "27" },
    });
    const collection = geo.body as {
      type: string;
      features: { geometry: { coordinates: number[] }; properties: { id: string } }[];
    };
    expect(collection.type).toBe("FeatureCollection");
    const daegu = collection.features.find((f) => f.properties.id === "ccei-daegu")!;
    expect(daegu.geometry.coordinates[0]).toBeGreaterThan(128);

    // The exported rows that carry an external id import again as "unchanged".
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const withExternalId = [lines[0], ...lines.slice(1).filter((line) => line.includes(",dg-"))];
    const plan = (await check(withExternalId.join("\n")))!;
    expect(plan.fileProblems).toEqual([]);
    expect(plan.problems).toEqual([]);
    expect(plan.preview.create).toBe(0);
  });

  function commitForm(planId: string): FormData {
    const form = new FormData();
    form.set("csrf", editor.csrf);
    form.set("intent", "commit");
    form.set("plan", planId);
    return form;
  }

  async function settle(): Promise<void> {
    for (;;) {
      const running = await services.database.db
        .selectFrom("import_jobs")
        .select("id")
        .where("state", "=", "running")
        .execute();
      if (running.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("two simultaneous commits of one check: one runs, the other is refused with a message, and no external id gets two drafts", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => facilityRow(5000 + i));
    const plan = (await check([HEADER, ...rows].join("\n")))!;
    const before = (await importDrafts()).length;
    const answers = await Promise.all(
      [1, 2].map(() =>
        callRoute(importAction, services, "/council/27/import", {
          form: commitForm(plan.id),
          cookie: editor.cookie,
          params: { region: "27" },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect((refused.body as { error: string }).error).toBe(
      "이 파일은 이미 가져오기를 시작했습니다. 두 번 가져오지 않았습니다.",
    );
    await settle();
    expect((await importDrafts()).length).toBe(before + 300);
  });

  it("two checks of one file committed at once: one runs, the other is refused while it runs and cannot double the drafts afterwards", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => facilityRow(6000 + i));
    const csv = [HEADER, ...rows].join("\n");
    const [first, second] = [(await check(csv))!, (await check(csv))!];
    const before = (await importDrafts()).length;
    const answers = await Promise.all(
      [first, second].map((p) =>
        callRoute(importAction, services, "/council/27/import", {
          form: commitForm(p.id),
          cookie: editor.cookie,
          params: { region: "27" },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect((refused.body as { error: string }).error).toBe(
      "이 지역에서 다른 가져오기가 진행 중입니다. 끝난 뒤 파일을 다시 검사하세요.",
    );
    await settle();
    const loser = answers[0]!.status === 409 ? first : second;
    const late = await commit(loser.id);
    expect(late).toMatchObject({ state: "failed", done: 0 });
    const drafts = await importDrafts();
    expect(drafts.length).toBe(before + 300);
    const externalIds = drafts.map((d) => d.payload.externalId);
    expect(new Set(externalIds).size).toBe(externalIds.length);
  });

  it("the database itself refuses a second draft with the same external id in a region", async () => {
    const [draft] = await services.database.db
      .selectFrom("listing_drafts")
      .selectAll()
      .where("region_code", "=", "27")
      .limit(1)
      .execute();
    await expect(
      services.database.db
        .insertInto("listing_drafts")
        .values({
          entity_type: draft!.entity_type,
          entity_id: "twin-of-" + draft!.entity_id,
          region_code: "27",
          is_new: true,
          origin: "import",
          payload: JSON.stringify(draft!.payload),
          created_by: draft!.created_by,
          updated_by: draft!.updated_by,
        })
        .execute(),
    ).rejects.toThrow(/listing_drafts_external_id/);
  });
});
