import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { action as matchAction } from "~/routes/api.match";
import { loader as programLoader } from "~/routes/api.programs.$id";
import { loader as programsLoader } from "~/routes/api.programs";
import { loader as searchLoader } from "~/routes/api.search";
import { loader as feedLoader } from "~/routes/programs.feed[.]atom";
import { loader as pageLoader } from "~/routes/programs.$id";
import { parsePortalReply } from "~/domain/programs/parse";
import { importRecords } from "~/programs/import.server";
import type { Services } from "~/services.server";
import { fixtureJson } from "../unit/programs/fixtures";
import { createTestServices, databaseLabel, postJson } from "./support";
import { callLoader } from "../../scripts/harness/loader";

const TIPS = "kstartup-178845";
const STARTUP_IN_DAEJEON = {
  ksicDivision: "62",
  employees: 4,
  regionCode: "30",
  foundedOn: "2024-08-01",
  applicantType: "sme",
};
const MANUFACTURER_IN_SEOUL = {
  ksicDivision: "29",
  employees: 120,
  regionCode: "11",
  foundedOn: "2011",
  applicantType: "sme",
};

interface MatchBody {
  programs: Array<{
    id: string;
    status: string;
    window: { start: string | null; end: string | null } | null;
    reasons: Array<{ rule: string; ko: string; en: string }>;
  }>;
  explained: { id: string; eligible: boolean; reasons: Array<{ rule: string; ko: string; en: string }> } | null;
}

describe(`done when: the real 웰컴 투 팁스 (충청권) call, matched on ${databaseLabel}`, () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
    for (const [portal, file] of [
      ["kstartup", "kstartup/bizradar_announcement_list_sample.json"],
      ["bizinfo", "bizinfo/bizradar_api_response_sample.json"],
      ["bizinfo", "more/bizinfo/bizaid_datagokr_page1_10items.json"],
      ["kstartup", "more/kstartup/kstartup_caching_seed_2items.json"],
    ] as const) {
      const reply = parsePortalReply(portal, fixtureJson(file));
      if (!reply.ok) throw new Error(file);
      await importRecords(services.database.db, portal, reply.page.records, { today: "2026-08-10" });
    }
    await services.search.syncNow();
  }, 120_000);
  afterAll(async () => {
    await services?.close();
  });
  afterEach(() => {
    delete process.env.CLOCK_DATE;
  });

  async function match(profile: object): Promise<MatchBody> {
    const response = await postJson(matchAction, services, "/api/match", { ...profile, programId: TIPS });
    expect(response.status).toBe(200);
    return (await response.json()) as MatchBody;
  }

  it("on 2026-08-10 a 2-year-old startup in Daejeon sees it, open with its window and the reasons it fits", async () => {
    process.env.CLOCK_DATE = "2026-08-10";
    const body = await match(STARTUP_IN_DAEJEON);
    const tips = body.programs.find((p) => p.id === TIPS);
    expect(tips).toMatchObject({ status: "open", window: { start: "2026-08-07", end: "2026-08-18" } });
    const rules = tips!.reasons.map((r) => r.rule);
    expect(rules).toEqual(
      expect.arrayContaining(["call.status", "call.applicant", "call.age", "call.founded_since", "call.region"]),
    );
    const en = tips!.reasons.map((r) => r.en);
    expect(en).toContain("Open: closes in 8 days (2026-08-18).");
    expect(en).toContain(
      "For firms located in Daejeon, Sejong, Chungbuk, Chungnam (biz_pbanc_nm: (충청권)); the firm is.",
    );
    expect(tips!.reasons.find((r) => r.rule === "call.age")?.ko).toBe(
      "업력 24개월: 2년 3개월 미만 조건(biz_enyy, aply_trgt_ctnt)을 충족합니다.",
    );
    for (const program of body.programs) expect(program).toHaveProperty("status");
    for (const program of body.programs) expect(program).toHaveProperty("window");
    expect(body.programs.every((p) => p.status !== "closed")).toBe(true);
  });

  it("the same day a 15-year-old Seoul manufacturer does not, and is told why", async () => {
    process.env.CLOCK_DATE = "2026-08-10";
    const body = await match(MANUFACTURER_IN_SEOUL);
    expect(body.programs.map((p) => p.id)).not.toContain(TIPS);
    expect(body.explained).toMatchObject({ id: TIPS, eligible: false });
    const unmet = body.explained!.reasons.map((r) => r.en);
    expect(unmet).toContain(
      "Only firms located in Daejeon, Sejong, Chungbuk, Chungnam may apply (biz_pbanc_nm: (충청권)).",
    );
    expect(unmet).toContain(
      "180 months in business: not under the limit of 2 years 3 months (biz_enyy, aply_trgt_ctnt).",
    );
  });

  it("at today's real date the call is closed and not recommended", async () => {
    const response = await callLoader(programLoader, services, `/api/programs/${TIPS}`, { id: TIPS });
    const program = (await response.json()) as {
      status: string;
      window: unknown;
      applyUrl: string;
      sources: unknown[];
      readings: Array<{ rule: string; field: string }>;
    };
    expect(program).toMatchObject({
      status: "closed",
      window: { start: "2026-08-07", end: "2026-08-18" },
      applyUrl: "https://buly.kr/HHf3KNe",
      sources: [
        {
          portal: "kstartup",
          id: "178845",
          url: "https://www.k-startup.go.kr/web/contents/bizpbanc-ongoing.do?schM=view&pbancSn=178845",
        },
      ],
    });
    expect(program.readings.find((r) => r.rule === "region.narrowed")).toMatchObject({ field: "biz_pbanc_nm" });
    const body = await match(STARTUP_IN_DAEJEON);
    expect(body.programs.map((p) => p.id)).not.toContain(TIPS);
    expect(body.explained?.reasons.find((r) => r.rule === "call.status")?.en).toBe("Closed (2026-08-18).");
  });

  it("GET /api/programs/:id answers 404 for an unknown id; the list filters by status, region and class", async () => {
    expect((await callLoader(programLoader, services, "/api/programs/nope", { id: "nope" })).status).toBe(404);
    process.env.CLOCK_DATE = "2026-08-10";
    const open = (await (
      await callLoader(programsLoader, services, "/api/programs?status=open&region=30")
    ).json()) as Array<{ id: string; status: string }>;
    expect(open.map((p) => p.id)).toContain(TIPS);
    expect(open.every((p) => p.status === "open")).toBe(true);
    const soon = (await (
      await callLoader(programsLoader, services, "/api/programs?status=closing_soon")
    ).json()) as Array<{ id: string }>;
    expect(soon.map((p) => p.id)).toContain("kstartup-178839");
  });

  it("search filters by status and leaves closed calls out unless asked", async () => {
    process.env.CLOCK_DATE = "2026-08-10";
    const open = (await (
      await callLoader(searchLoader, services, "/api/search?type=program&status=open&limit=100")
    ).json()) as { hits: Array<{ id: string; status: string }>; facets: Record<string, Record<string, number>> };
    expect(open.hits.map((h) => h.id)).toContain(TIPS);
    expect(open.hits.every((h) => h.status === "open")).toBe(true);
    const all = (await (
      await callLoader(searchLoader, services, "/api/search?type=program&limit=100&sort=deadline")
    ).json()) as {
      hits: Array<{ id: string; status: string; window: { end: string | null } | null }>;
      facets: Record<string, Record<string, number>>;
    };
    expect(all.hits.some((h) => h.status === "closed")).toBe(false);
    expect(all.facets.status?.closing_soon).toBeGreaterThan(0);
    const ends = all.hits.map((h) => h.window?.end).filter((end): end is string => Boolean(end));
    expect(ends).toEqual([...ends].sort());
    const closed = (await (
      await callLoader(searchLoader, services, "/api/search?type=program&status=closed&limit=100")
    ).json()) as { hits: Array<{ id: string }> };
    expect(closed.hits.map((h) => h.id)).toContain("kstartup-174652");
  });

  it("the program page (unknown id → 404) checks the call against the profile it was opened with; the feed lists the profile's open calls", async () => {
    process.env.CLOCK_DATE = "2026-08-10";
    expect((await callLoader(pageLoader, services, "/programs/nope", { id: "nope" })).status).toBe(404);
    const profile = "ksic=62&employees=4&region=30&founded=2024-08-01";
    const page = (await pageLoader({
      request: new Request(`http://localhost/programs/${TIPS}?${profile}&program=${TIPS}`),
      context: { services },
      params: { id: TIPS },
    } as never)) as {
      program: { status: string };
      fit: { eligible: boolean; reasons: Array<{ rule: string }> };
      profileQuery: string;
      profileHint: { ksic: string; region: string; sizeBand: string };
    };
    expect(page.program.status).toBe("open");
    // The page's "Ask for help" form starts from the same profile.
    expect(page.profileHint).toMatchObject({ ksic: "62", region: "30" });
    expect(page.fit.eligible).toBe(true);
    expect(page.profileQuery).toBe(profile);
    const feed = await callLoader(feedLoader, services, `/programs/feed.atom?${profile}`);
    expect(feed.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await feed.text();
    expect(xml).toContain("<title>2026년 웰컴 투 팁스 1차 참가기업 모집 (충청권)</title>");
    expect(xml).toContain(`/programs/${TIPS}?${profile.replaceAll("&", "&amp;")}&amp;program=${TIPS}`);
  });
});
