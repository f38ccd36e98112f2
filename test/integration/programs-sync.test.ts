import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { listCallDetails, latestRuns } from "../../db/queries/program-calls";
import { withSessionAdvisoryLock } from "../../db/queries/locks";
import type { ProgramSourceConfig } from "~/config.server";
import { PROGRAM_SYNC_LOCK, startDailySync } from "~/programs/schedule.server";
import { syncPortal, type FetchPolicy } from "~/programs/sync.server";
import type { Services } from "~/services.server";
import { fixtureJson } from "../unit/programs/fixtures";
import { createTestServices, databaseLabel } from "./support";

type Behaviour = "ok" | "empty" | "service_error" | "slow" | "http_500";

/**
 * A local stand-in for the portals that replays the recorded replies: K-Startup's page in pages
 * of `perPage` with its envelope and matchCount, its empty page and its OpenAPI_ServiceResponse
 * error; Bizinfo's jsonArray and its reqErr bodies (HTTP 200). Behaviours are queued per request.
 */
class ReplayServer {
  kstartupRecords: Array<Record<string, unknown>> = [];
  bizinfoRecords: Array<Record<string, unknown>> = [];
  queue: Behaviour[] = [];
  requests: string[] = [];
  private server = http.createServer((req, res) => this.answer(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://replay");
    this.requests.push(url.pathname + url.search);
    const behaviour = this.queue.shift() ?? "ok";
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json;charset=UTF-8" });
      res.end(JSON.stringify(body));
    };
    if (behaviour === "slow") {
      setTimeout(() => send(200, { data: [] }), 1_000).unref();
      return;
    }
    if (behaviour === "http_500") return send(500, { message: "internal" });
    if (url.pathname === "/bizinfo") {
      if (!url.searchParams.get("crtfcKey")) return send(200, fixtureJson("bizinfo/bizinfo_reqErr_missing_key.json"));
      if (url.searchParams.get("crtfcKey") !== "good-key")
        return send(200, fixtureJson("bizinfo/bizinfo_reqErr_bad_key.json"));
      return send(200, { jsonArray: this.bizinfoRecords.map((r) => ({ ...r, totCnt: this.bizinfoRecords.length })) });
    }
    if (behaviour === "service_error" || url.searchParams.get("serviceKey") !== "good-key")
      return send(200, fixtureJson("kstartup/bizradar_announcement_list_service_error.json"));
    const page = Number(url.searchParams.get("page"));
    const perPage = Number(url.searchParams.get("perPage"));
    const all = this.kstartupRecords;
    const data = behaviour === "empty" ? [] : all.slice((page - 1) * perPage, page * perPage);
    send(200, { currentCount: data.length, data, matchCount: all.length, page, perPage, totalCount: all.length });
  }
}

const recorded = fixtureJson("kstartup/bizradar_announcement_list_sample.json") as {
  data: Array<Record<string, unknown>>;
};
const bizinfoRecorded = fixtureJson("bizinfo/bizradar_api_response_sample.json") as {
  jsonArray: Array<Record<string, unknown>>;
};

describe(`syncing from the portals' APIs (local replay server), on ${databaseLabel}`, () => {
  let services: Services;
  let replay: ReplayServer;
  let sources: ProgramSourceConfig;
  const policy: FetchPolicy = { timeoutMs: 300, retries: 2, backoffMs: 10, pageSize: 2 };

  beforeAll(async () => {
    services = await createTestServices();
    replay = new ReplayServer();
    const base = await replay.start();
    sources = {
      bizinfo: { apiKey: "good-key", url: `${base}/bizinfo` },
      kstartup: { serviceKey: "good-key", url: `${base}/kstartup` },
    };
  }, 60_000);
  afterAll(async () => {
    await replay?.stop();
    await services?.close();
  });

  it("pages K-Startup until matchCount, and a second sync changes nothing", async () => {
    replay.kstartupRecords = recorded.data;
    const first = await syncPortal(services.database.db, "kstartup", sources, "2026-08-10", policy);
    expect(first.error).toBeNull();
    expect(first.report).toMatchObject({ complete: true, counts: { fetched: 5, new: 5, rejected: 0 } });
    expect(
      replay.requests
        .filter((r) => r.startsWith("/kstartup"))
        .map((r) => new URL(r, "http://x").searchParams.get("page")),
    ).toEqual(["1", "2", "3"]);
    const second = await syncPortal(services.database.db, "kstartup", sources, "2026-08-10", policy);
    expect(second.report.counts).toMatchObject({ new: 0, changed: 0, unchanged: 5, closed: 0 });
  });

  it("a record that changes, one that disappears and one that is malformed", async () => {
    replay.kstartupRecords = [
      ...recorded.data
        .filter((r) => r.pbanc_sn !== 178816)
        .map((r) => (r.pbanc_sn === 178845 ? { ...r, aply_trgt_ctnt: `${r.aply_trgt_ctnt} (변경)` } : r)),
      { pbanc_sn: "not-a-number", biz_pbanc_nm: "깨진 공고" },
    ];
    const outcome = await syncPortal(services.database.db, "kstartup", sources, "2026-08-10", policy);
    expect(outcome.report).toMatchObject({
      complete: true,
      counts: { fetched: 5, changed: 1, unchanged: 3, rejected: 1, closed: 1 },
    });
    expect(outcome.report.errors[0]).toMatchObject({
      sourceId: "not-a-number",
      field: "pbanc_sn",
      code: "external_id_format",
    });
    const calls = await listCallDetails(services.database.db, ["kstartup-178816", "kstartup-178845"]);
    expect(calls.get("kstartup-178816")?.withdrawn).toBe(true);
    expect(calls.get("kstartup-178845")?.eligibilityText).toContain("(변경)");
    const version = await services.database.db
      .selectFrom("programs")
      .select("version")
      .where("id", "=", "kstartup-178845")
      .executeTakeFirstOrThrow();
    expect(version.version).toBe(2);
  });

  it("an empty page before matchCount leaves the run incomplete and closes nothing as withdrawn", async () => {
    replay.kstartupRecords = recorded.data.slice(0, 2).concat(recorded.data.slice(3));
    replay.queue = ["ok", "empty"];
    const outcome = await syncPortal(services.database.db, "kstartup", sources, "2026-08-10", policy);
    expect(outcome.report.complete).toBe(false);
    expect(outcome.report.counts.closed).toBe(0);
  });

  it("retries a slow reply and a 500 with backoff, then succeeds", async () => {
    replay.kstartupRecords = recorded.data;
    replay.queue = ["slow", "http_500"];
    const lines: string[] = [];
    const outcome = await syncPortal(services.database.db, "kstartup", sources, "2026-08-10", {
      ...policy,
      log: (line) => lines.push(line),
    });
    expect(outcome.error).toBeNull();
    expect(outcome.report.complete).toBe(true);
    expect(lines[0]).toMatch(/no answer within 300 ms; retrying in 10 ms \(1\/2\)/);
    expect(lines[1]).toMatch(/HTTP 500; retrying in 20 ms \(2\/2\)/);
  });

  it("gives a clear message for the APIs' error replies, and records it in the run", async () => {
    replay.queue = ["service_error"];
    const kstartup = await syncPortal(services.database.db, "kstartup", sources, "2026-08-10", policy);
    expect(kstartup.error?.message).toBe(
      "kstartup: the API answered with an error (code 30): SERVICE_KEY_IS_NOT_REGISTERED_ERROR: 등록되지 않은 서비스키 (check KSTARTUP_SERVICE_KEY)",
    );
    const bad = await syncPortal(
      services.database.db,
      "bizinfo",
      { ...sources, bizinfo: { ...sources.bizinfo, apiKey: "dummy" } },
      "2026-08-10",
      policy,
    );
    expect(bad.error?.message).toBe(
      "bizinfo: the API refused the request: 존재하지 않는 인증키 입니다. (check BIZINFO_API_KEY)",
    );
    const runs = await latestRuns(services.database.db);
    expect(runs.find((r) => r.portal === "bizinfo")).toMatchObject({
      complete: false,
      errors: [expect.objectContaining({ code: "req_err" })],
    });
  });

  it("syncs Bizinfo's jsonArray in one reply", async () => {
    replay.bizinfoRecords = bizinfoRecorded.jsonArray;
    const outcome = await syncPortal(services.database.db, "bizinfo", sources, "2026-10-07", policy);
    expect(outcome.report).toMatchObject({ complete: true, counts: { fetched: 5, new: 5 } });
    expect(new URL(replay.requests.at(-1)!, "http://x").searchParams.get("crtfcKey")).toBe("good-key");
  });

  it("the daily sync runs under the advisory lock and skips a portal synced within the day", async () => {
    const daily = startDailySync({
      db: services.database.db,
      sources,
      policy,
      checkEveryMs: 3600_000,
      log: () => undefined,
    });
    try {
      const outcome = await daily.runOnce();
      expect(outcome.ran).toBe(true);
      expect(outcome.outcomes).toHaveLength(0);
    } finally {
      await daily.stop();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "on PostgreSQL, a second process's attempt while the lock is held does not run",
    async () => {
      // A second process: its own pool on the same database.
      const other = await openDatabase({ databaseUrl: services.config.databaseUrl, dataDir: "memory://" });
      try {
        let inner: { ran: boolean } | null = null;
        await withSessionAdvisoryLock(services.database.db, PROGRAM_SYNC_LOCK, async () => {
          inner = await withSessionAdvisoryLock(other.db, PROGRAM_SYNC_LOCK, async () => "ran");
        });
        expect(inner).toEqual({ ran: false });
      } finally {
        await other.close();
      }
    },
  );
});
