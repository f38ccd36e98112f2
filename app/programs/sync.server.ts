import type { Kysely } from "kysely";
import type { ProgramSourceConfig } from "~/config.server";
import { parsePortalReply, type PortalErrorReply, type PortalPage } from "~/domain/programs/parse";
import type { Portal } from "~/domain/programs/types";
import type { Database } from "~db/schema";
import { ProgramImport, type ImportReport } from "./import.server";

export interface FetchPolicy {
  /** Per request. */
  timeoutMs: number;
  /** Further attempts after a timeout, a network error or an HTTP 5xx/429. */
  retries: number;
  /** First wait before a retry; doubled each time. */
  backoffMs: number;
  fetch?: typeof fetch;
  onProgress?: (done: number, total: number) => void;
  /** K-Startup records per page (default KSTARTUP_PAGE_SIZE). */
  pageSize?: number;
  /** Messages for the operator (retries, pages). */
  log?: (line: string) => void;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = { timeoutMs: 30_000, retries: 3, backoffMs: 1_000 };

/** K-Startup pages of this many records; data.go.kr allows large pages, smaller ones keep a retry cheap. */
export const KSTARTUP_PAGE_SIZE = 500;
/** Bizinfo's native API returns up to searchCnt records in one reply (about 1,500 are open at a time). */
export const BIZINFO_SEARCH_COUNT = 5000;

/** A failure the operator can act on, with the portal's own words when it gave any. */
export class PortalSyncError extends Error {
  constructor(
    readonly portal: Portal,
    readonly kind: "req_err" | "service" | "shape" | "http" | "timeout" | "network" | "not_json",
    message: string,
  ) {
    super(`${portal}: ${message}`);
    this.name = "PortalSyncError";
  }
}

function describeReply(portal: Portal, error: PortalErrorReply): PortalSyncError {
  if (error.kind === "req_err")
    return new PortalSyncError(
      portal,
      "req_err",
      `the API refused the request: ${error.message} (check BIZINFO_API_KEY)`,
    );
  if (error.kind === "service")
    return new PortalSyncError(
      portal,
      "service",
      `the API answered with an error${error.code ? ` (code ${error.code})` : ""}: ${error.message}${portal === "kstartup" ? " (check KSTARTUP_SERVICE_KEY)" : ""}`,
    );
  return new PortalSyncError(portal, "shape", "the API answered with a body of an unknown shape");
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One GET answered with a page of records; retried with backoff on timeouts, network errors and 5xx. */
async function fetchPage(portal: Portal, url: URL, policy: FetchPolicy): Promise<PortalPage> {
  const doFetch = policy.fetch ?? fetch;
  let lastError: PortalSyncError | null = null;
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (attempt > 0) {
      const delay = policy.backoffMs * 2 ** (attempt - 1);
      policy.log?.(`${portal}: ${lastError?.message}; retrying in ${delay} ms (${attempt}/${policy.retries})`);
      await wait(delay);
    }
    let response: Response;
    try {
      response = await doFetch(url, {
        signal: AbortSignal.timeout(policy.timeoutMs),
        headers: { accept: "application/json" },
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      lastError = new PortalSyncError(
        portal,
        timedOut ? "timeout" : "network",
        timedOut ? `no answer within ${policy.timeoutMs} ms` : `could not connect (${(error as Error).message})`,
      );
      continue;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      lastError = new PortalSyncError(portal, "timeout", `the answer stopped arriving (${(error as Error).message})`);
      continue;
    }
    if (response.status >= 500 || response.status === 429) {
      lastError = new PortalSyncError(portal, "http", `HTTP ${response.status}`);
      continue;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // data.go.kr answers some key errors as XML even when JSON was asked for.
      const reason =
        /<returnAuthMsg>([^<]*)<\/returnAuthMsg>/.exec(text)?.[1] ?? /<errMsg>([^<]*)<\/errMsg>/.exec(text)?.[1];
      if (reason) throw new PortalSyncError(portal, "service", `the API answered with an error: ${reason}`);
      throw new PortalSyncError(
        portal,
        response.ok ? "not_json" : "http",
        response.ok ? "the API answered with something that is not JSON" : `HTTP ${response.status}`,
      );
    }
    const reply = parsePortalReply(portal, body);
    if (!reply.ok) throw describeReply(portal, reply.error);
    if (!response.ok) throw new PortalSyncError(portal, "http", `HTTP ${response.status}`);
    return reply.page;
  }
  throw lastError ?? new PortalSyncError(portal, "network", "no attempt was made");
}

export interface SyncOutcome {
  report: ImportReport;
  error: PortalSyncError | null;
}

/**
 * Reads a portal's whole listing into one run. The run is complete only when every record the
 * portal counts was read; an incomplete run imports what it got and closes nothing as withdrawn.
 */
export async function syncPortal(
  db: Kysely<Database>,
  portal: Portal,
  sources: ProgramSourceConfig,
  today: string,
  policy: FetchPolicy = DEFAULT_FETCH_POLICY,
): Promise<SyncOutcome> {
  const run = new ProgramImport(db, portal, { mode: "sync", today });
  await run.start();
  let complete = false;
  let failure: PortalSyncError | null = null;
  try {
    complete =
      portal === "bizinfo"
        ? await readBizinfo(run, sources.bizinfo, policy)
        : await readKstartup(run, sources.kstartup, policy);
  } catch (error) {
    if (!(error instanceof PortalSyncError)) throw error;
    failure = error;
  }
  const report = await run.finish(
    complete,
    failure ? [{ sourceId: null, field: "", code: failure.kind, message: failure.message }] : [],
  );
  return { report, error: failure };
}

async function readBizinfo(
  run: ProgramImport,
  source: ProgramSourceConfig["bizinfo"],
  policy: FetchPolicy,
): Promise<boolean> {
  const apiKey = source.apiKey;
  if (!apiKey) throw new PortalSyncError("bizinfo", "req_err", "BIZINFO_API_KEY is not set");
  return readAllPages(run, "bizinfo", policy, "", (pageIndex) => {
    const url = new URL(source.url);
    url.searchParams.set("crtfcKey", apiKey);
    url.searchParams.set("dataType", "json");
    url.searchParams.set("searchCnt", String(BIZINFO_SEARCH_COUNT));
    url.searchParams.set("pageUnit", String(BIZINFO_SEARCH_COUNT));
    url.searchParams.set("pageIndex", String(pageIndex));
    return url;
  });
}

async function readKstartup(
  run: ProgramImport,
  source: ProgramSourceConfig["kstartup"],
  policy: FetchPolicy,
): Promise<boolean> {
  const perPage = policy.pageSize ?? KSTARTUP_PAGE_SIZE;
  const serviceKey = source.serviceKey;
  if (!serviceKey) throw new PortalSyncError("kstartup", "service", "KSTARTUP_SERVICE_KEY is not set");
  return readAllPages(run, "kstartup", policy, " (matchCount)", (page) => {
    const url = new URL(source.url);
    url.searchParams.set("serviceKey", serviceKey);
    url.searchParams.set("page", String(page));
    url.searchParams.set("perPage", String(perPage));
    url.searchParams.set("returnType", "json");
    return url;
  });
}

/**
 * Reads a portal page after page (from 1) until it has read as many records as the portal says it
 * holds: true then; false when a page comes back empty before that (the run is incomplete).
 * `totalNote` names where the portal's total came from, in the log line of an early empty page.
 */
async function readAllPages(
  run: ProgramImport,
  portal: Portal,
  policy: FetchPolicy,
  totalNote: string,
  pageUrl: (page: number) => URL,
): Promise<boolean> {
  let read = 0;
  for (let page = 1; ; page++) {
    const reply = await fetchPage(portal, pageUrl(page), policy);
    await run.add(reply.records);
    read += reply.records.length;
    const total = reply.total ?? read;
    policy.onProgress?.(read, total);
    if (read >= total) return true;
    if (reply.records.length === 0) {
      policy.log?.(`${portal}: page ${page} was empty after ${read} of ${total} records${totalNote}`);
      return false;
    }
  }
}

/** Portals that have a key, so that the sync can run. */
export function configuredPortals(sources: ProgramSourceConfig | undefined): Portal[] {
  if (!sources) return [];
  return [
    ...(sources.bizinfo.apiKey ? (["bizinfo"] as const) : []),
    ...(sources.kstartup.serviceKey ? (["kstartup"] as const) : []),
  ];
}
