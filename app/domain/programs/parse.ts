/**
 * The portals' replies in every shape other clients have met, checked with zod through the app's
 * validation layer. A reply is a page of records, or one of the portals' own error replies
 * (Bizinfo's `{"reqErr": …}` with HTTP 200, data.go.kr's `OpenAPI_ServiceResponse`). Records are
 * checked one by one, so one bad record is reported and the others still import.
 */
import { z } from "zod";
import { check, type FieldIssue } from "~/validation";
import type { Portal } from "./types";

export interface PortalPage {
  records: unknown[];
  /** How many records the whole query has (Bizinfo `totCnt`, K-Startup `matchCount`); null when the reply does not say. */
  total: number | null;
}

export interface PortalErrorReply {
  /** `req_err`: Bizinfo's reqErr; `service`: data.go.kr's error envelope or result code; `shape`: a reply that is none of the known shapes. */
  kind: "req_err" | "service" | "shape";
  message: string;
  code: string | null;
}

export type PortalReply = { ok: true; page: PortalPage } | { ok: false; error: PortalErrorReply };

const record = z.record(z.unknown());
const items = z.union([z.array(record), record.transform((one) => [one])]);
const count = z.union([
  z.number(),
  z
    .string()
    .regex(/^\s*\d+\s*$/)
    .transform(Number),
]);

const reqErr = z.object({ reqErr: z.string() });
const serviceError = z.object({
  OpenAPI_ServiceResponse: z.object({
    cmmMsgHeader: z
      .object({
        errMsg: z.string().optional(),
        returnAuthMsg: z.string().optional(),
        returnReasonCode: z.union([z.string(), z.number()]).optional(),
      })
      .passthrough(),
  }),
});
/** `{"jsonArray":[item…]}`, `{"jsonArray":{"item":[…]}}`, `{"jsonArray":[{channel…, "item":[…]}]}`. */
const bizinfoNative = z.object({ jsonArray: z.union([z.array(record), record]) });
/** data.go.kr's Bizinfo service: `{"response":{"header":{resultCode,resultMsg},"body":{"items":{"item":[…]},"totalCount":…}}}`. */
const dataGoKr = z.object({
  response: z.object({
    header: z.object({ resultCode: z.union([z.string(), z.number()]), resultMsg: z.string().optional() }).passthrough(),
    body: z
      .object({
        items: z.union([z.object({ item: items.optional() }).passthrough(), z.literal(""), z.null()]).optional(),
        totalCount: count.optional(),
      })
      .passthrough()
      .optional(),
  }),
});
/** K-Startup's data.go.kr envelope: `{currentCount, data:[…], matchCount, page, perPage, totalCount}`. */
const kstartupEnvelope = z
  .object({ data: z.array(record).nullable(), matchCount: count.optional(), totalCount: count.optional() })
  .passthrough();

function serviceErrorOf(value: z.infer<typeof serviceError>): PortalErrorReply {
  const header = value.OpenAPI_ServiceResponse.cmmMsgHeader;
  return {
    kind: "service",
    code: header.returnReasonCode === undefined ? null : String(header.returnReasonCode),
    message: [header.errMsg, header.returnAuthMsg].filter(Boolean).join(": ") || "OpenAPI_ServiceResponse",
  };
}

/** The records of Bizinfo's `jsonArray` in any of its shapes, with `totCnt` read from the first record or the channel. */
function bizinfoRecords(jsonArray: unknown[] | Record<string, unknown>): PortalPage {
  const containers = Array.isArray(jsonArray) ? jsonArray : [jsonArray];
  const records: unknown[] = [];
  let total: number | null = null;
  for (const entry of containers as Array<Record<string, unknown>>) {
    if ("item" in entry) {
      const inner = items.safeParse(entry.item);
      if (inner.success) records.push(...inner.data);
      const channelTotal = count.safeParse(entry.totCnt);
      if (channelTotal.success) total = channelTotal.data;
    } else records.push(entry);
  }
  if (total === null) {
    const first = records[0] as Record<string, unknown> | undefined;
    const itemTotal = count.safeParse(first?.totCnt);
    if (itemTotal.success) total = itemTotal.data;
  }
  return { records, total };
}

/** Reads a parsed JSON reply of a portal. */
export function parsePortalReply(portal: Portal, body: unknown): PortalReply {
  const asReqErr = reqErr.safeParse(body);
  if (asReqErr.success) return { ok: false, error: { kind: "req_err", code: null, message: asReqErr.data.reqErr } };
  const asServiceError = serviceError.safeParse(body);
  if (asServiceError.success) return { ok: false, error: serviceErrorOf(asServiceError.data) };
  if (Array.isArray(body)) return { ok: true, page: { records: body, total: null } };
  if (portal === "bizinfo") {
    const native = bizinfoNative.safeParse(body);
    if (native.success) return { ok: true, page: bizinfoRecords(native.data.jsonArray) };
    const official = dataGoKr.safeParse(body);
    if (official.success) {
      const { header, body: content } = official.data.response;
      if (String(header.resultCode) !== "00")
        return {
          ok: false,
          error: { kind: "service", code: String(header.resultCode), message: header.resultMsg ?? "" },
        };
      const list = content?.items && typeof content.items === "object" ? (content.items.item ?? []) : [];
      return { ok: true, page: { records: list, total: content?.totalCount ?? null } };
    }
  } else {
    const envelope = kstartupEnvelope.safeParse(body);
    if (envelope.success)
      return {
        ok: true,
        page: {
          records: envelope.data.data ?? [],
          total: envelope.data.matchCount ?? envelope.data.totalCount ?? null,
        },
      };
  }
  return { ok: false, error: { kind: "shape", code: null, message: "not a known reply shape" } };
}

/**
 * A portal value as text: strings trimmed (RSS pads every value with tabs and newlines), numbers
 * written out, null and blanks absent. Control characters other than tab and line breaks are
 * refused, like everywhere else in the app.
 */
function portalText(max: number, required = false) {
  return z.unknown().transform((raw, ctx) => {
    if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
      if (required) ctx.addIssue({ code: z.ZodIssueCode.custom, params: { issue: "required" } });
      return null;
    }
    if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
    if (typeof raw !== "string") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, params: { issue: "wrong_type", values: { expected: "text" } } });
      return z.NEVER;
    }
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(raw)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, params: { issue: "control_chars" } });
      return z.NEVER;
    }
    const value = raw.trim();
    // UTF-16 length bounds the code points from above: count them only when it might be over.
    if (value.length > max && [...value].length > max) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, params: { issue: "too_long", values: { max } } });
      return z.NEVER;
    }
    return value;
  });
}

const SHORT = 500;
const LONG = 20_000;

/** A Bizinfo item, native or data.go.kr, with the RSS aliases (`seq`, `title`, `link`, `author`, `lcategory`, `description`, `reqstDt`) as fallbacks. */
const bizinfoItem = z
  .object({
    pblancId: portalText(100),
    seq: portalText(100),
    pblancNm: portalText(SHORT),
    title: portalText(SHORT),
    pblancUrl: portalText(SHORT),
    link: portalText(SHORT),
    jrsdInsttNm: portalText(SHORT),
    author: portalText(SHORT),
    excInsttNm: portalText(SHORT),
    bsnsSumryCn: portalText(LONG),
    description: portalText(LONG),
    pldirSportRealmLclasCodeNm: portalText(100),
    lcategory: portalText(100),
    pldirSportRealmMlsfcCodeNm: portalText(100),
    reqstBeginEndDe: portalText(SHORT),
    reqstDt: portalText(SHORT),
    trgetNm: portalText(SHORT),
    hashtags: portalText(LONG),
    hashTags: portalText(LONG),
    rceptEngnHmpgUrl: portalText(SHORT),
    fileNm: portalText(LONG),
    flpthNm: portalText(LONG),
    printFileNm: portalText(SHORT),
    printFlpthNm: portalText(SHORT),
    creatPnttm: portalText(100),
    updtPnttm: portalText(100),
    pubDate: portalText(100),
  })
  .passthrough()
  .transform((item, ctx) => {
    const id = item.pblancId ?? item.seq;
    const title = item.pblancNm ?? item.title;
    if (!id) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["pblancId"], params: { issue: "required" } });
    else if (!/^[A-Za-z0-9_-]{1,60}$/.test(id))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["pblancId"], params: { issue: "external_id_format" } });
    if (!title) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["pblancNm"], params: { issue: "required" } });
    if (!id || !title || !/^[A-Za-z0-9_-]{1,60}$/.test(id)) return z.NEVER;
    return {
      id,
      title,
      detailUrl: item.pblancUrl ?? item.link,
      agency: item.jrsdInsttNm ?? item.author,
      executingAgency: item.excInsttNm,
      summaryHtml: item.bsnsSumryCn ?? item.description,
      supportField: item.pldirSportRealmLclasCodeNm ?? item.lcategory,
      supportSubfield: item.pldirSportRealmMlsfcCodeNm,
      window: item.reqstBeginEndDe ?? item.reqstDt,
      windowField: item.reqstBeginEndDe ? "reqstBeginEndDe" : "reqstDt",
      target: item.trgetNm,
      hashtags: item.hashtags ?? item.hashTags,
      hashtagsField: item.hashtags ? "hashtags" : "hashTags",
      applySite: item.rceptEngnHmpgUrl,
      fileNames: item.fileNm,
      fileUrls: item.flpthNm,
      printFileName: item.printFileNm,
      printFileUrl: item.printFlpthNm,
      createdAt: item.creatPnttm ?? item.pubDate,
      updatedAt: item.updtPnttm,
    };
  });
export type BizinfoRecord = z.output<typeof bizinfoItem>;

/** A K-Startup announcement (`getAnnouncementInformation01` data[] item). Optional keys may be absent rather than null. */
const kstartupItem = z
  .object({
    pbanc_sn: portalText(30, true),
    biz_pbanc_nm: portalText(SHORT),
    intg_pbanc_biz_nm: portalText(SHORT),
    pbanc_ctnt: portalText(LONG),
    aply_trgt: portalText(SHORT),
    aply_trgt_ctnt: portalText(LONG),
    aply_excl_trgt_ctnt: portalText(LONG),
    biz_enyy: portalText(SHORT),
    biz_trgt_age: portalText(SHORT),
    supt_biz_clsfc: portalText(100),
    supt_regin: portalText(100),
    pbanc_rcpt_bgng_dt: portalText(30),
    pbanc_rcpt_end_dt: portalText(30),
    pbanc_ntrp_nm: portalText(SHORT),
    sprv_inst: portalText(100),
    biz_prch_dprt_nm: portalText(SHORT),
    detl_pg_url: portalText(SHORT),
    biz_aply_url: portalText(SHORT),
    biz_gdnc_url: portalText(SHORT),
    aply_mthd_onli_rcpt_istc: portalText(SHORT),
    rcrt_prgs_yn: portalText(5),
  })
  .passthrough()
  .transform((item, ctx) => {
    const title = item.biz_pbanc_nm ?? item.intg_pbanc_biz_nm;
    const idOk = item.pbanc_sn !== null && /^\d{1,20}$/.test(item.pbanc_sn);
    if (item.pbanc_sn !== null && !idOk)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["pbanc_sn"], params: { issue: "external_id_format" } });
    if (!title) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["biz_pbanc_nm"], params: { issue: "required" } });
    if (!idOk || !title) return z.NEVER;
    return {
      id: item.pbanc_sn as string,
      title,
      summary: item.pbanc_ctnt,
      applicants: item.aply_trgt,
      eligibility: item.aply_trgt_ctnt,
      exclusions: item.aply_excl_trgt_ctnt,
      businessAge: item.biz_enyy,
      founderAge: item.biz_trgt_age,
      supportField: item.supt_biz_clsfc,
      region: item.supt_regin,
      start: item.pbanc_rcpt_bgng_dt,
      end: item.pbanc_rcpt_end_dt,
      agency: item.pbanc_ntrp_nm,
      supervisorKind: item.sprv_inst,
      department: item.biz_prch_dprt_nm,
      detailUrl: item.detl_pg_url,
      applyUrl: item.biz_aply_url,
      guideUrl: item.biz_gdnc_url,
      onlineApply: item.aply_mthd_onli_rcpt_istc,
    };
  });
export type KstartupRecord = z.output<typeof kstartupItem>;

export type RecordCheck<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[]; sourceId: string | null };

function sourceIdOf(raw: unknown, keys: string[]): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  for (const key of keys) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === "string" || typeof value === "number") return String(value).trim().slice(0, 60);
  }
  return null;
}

export function checkBizinfoRecord(raw: unknown): RecordCheck<BizinfoRecord> {
  const result = check(bizinfoItem, raw);
  return result.ok ? result : { ok: false, issues: result.issues, sourceId: sourceIdOf(raw, ["pblancId", "seq"]) };
}

export function checkKstartupRecord(raw: unknown): RecordCheck<KstartupRecord> {
  const result = check(kstartupItem, raw);
  return result.ok ? result : { ok: false, issues: result.issues, sourceId: sourceIdOf(raw, ["pbanc_sn"]) };
}
