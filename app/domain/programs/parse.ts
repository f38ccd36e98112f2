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

/**
 * A record as the reply holds it: an object, passed on as it is. `z.record` would copy every
 * record key by key before the records are checked one by one anyway, which took longer than
 * parsing the reply's JSON.
 */
const record = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
);
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

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

type TextIssue = { issue: "required" | "control_chars" } | { issue: "wrong_type" | "too_long"; values: object };

/**
 * A portal value as text: strings trimmed (RSS pads every value with tabs and newlines), numbers
 * written out, null and blanks absent. Control characters other than tab and line breaks are
 * refused, like everywhere else in the app.
 */
function portalText(raw: unknown, max: number, required: boolean): { value: string | null } | TextIssue {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return required ? { issue: "required" } : { value: null };
  }
  if (typeof raw === "number" && Number.isFinite(raw)) return { value: String(raw) };
  if (typeof raw !== "string") return { issue: "wrong_type", values: { expected: "text" } };
  if (CONTROL_CHARS.test(raw)) return { issue: "control_chars" };
  const value = raw.trim();
  // UTF-16 length bounds the code points from above: count them only when it might be over.
  if (value.length > max && [...value].length > max) return { issue: "too_long", values: { max } };
  return { value };
}

/**
 * A portal record as text fields of at most their length, every field checked and each problem
 * reported under its name. One schema over the whole record rather than one per field: pages run
 * to thousands of records, and zod's cost is per schema.
 */
function portalRecord<const Fields extends Record<string, number>>(
  fields: Fields,
  required: ReadonlyArray<keyof Fields> = [],
) {
  const entries = Object.entries(fields);
  return z
    .object({})
    .passthrough()
    .transform((raw: Record<string, unknown>, ctx) => {
      const texts: Record<string, string | null> = {};
      let valid = true;
      for (const [key, max] of entries) {
        const text = portalText(raw[key], max, required.includes(key));
        if ("value" in text) texts[key] = text.value;
        else {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], params: text });
          valid = false;
        }
      }
      return valid ? (texts as { [Key in keyof Fields]: string | null }) : z.NEVER;
    });
}

const SHORT = 500;
const LONG = 20_000;

/** A Bizinfo item, native or data.go.kr, with the RSS aliases (`seq`, `title`, `link`, `author`, `lcategory`, `description`, `reqstDt`) as fallbacks. */
const BIZINFO_FIELDS = {
  pblancId: 100,
  seq: 100,
  pblancNm: SHORT,
  title: SHORT,
  pblancUrl: SHORT,
  link: SHORT,
  jrsdInsttNm: SHORT,
  author: SHORT,
  excInsttNm: SHORT,
  bsnsSumryCn: LONG,
  description: LONG,
  pldirSportRealmLclasCodeNm: 100,
  lcategory: 100,
  pldirSportRealmMlsfcCodeNm: 100,
  reqstBeginEndDe: SHORT,
  reqstDt: SHORT,
  trgetNm: SHORT,
  hashtags: LONG,
  hashTags: LONG,
  rceptEngnHmpgUrl: SHORT,
  fileNm: LONG,
  flpthNm: LONG,
  printFileNm: SHORT,
  printFlpthNm: SHORT,
  creatPnttm: 100,
  updtPnttm: 100,
  pubDate: 100,
} as const;

const bizinfoItem = portalRecord(BIZINFO_FIELDS).transform((item, ctx) => {
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
const KSTARTUP_FIELDS = {
  pbanc_sn: 30,
  biz_pbanc_nm: SHORT,
  intg_pbanc_biz_nm: SHORT,
  pbanc_ctnt: LONG,
  aply_trgt: SHORT,
  aply_trgt_ctnt: LONG,
  aply_excl_trgt_ctnt: LONG,
  biz_enyy: SHORT,
  biz_trgt_age: SHORT,
  supt_biz_clsfc: 100,
  supt_regin: 100,
  pbanc_rcpt_bgng_dt: 30,
  pbanc_rcpt_end_dt: 30,
  pbanc_ntrp_nm: SHORT,
  sprv_inst: 100,
  biz_prch_dprt_nm: SHORT,
  detl_pg_url: SHORT,
  biz_aply_url: SHORT,
  biz_gdnc_url: SHORT,
  aply_mthd_onli_rcpt_istc: SHORT,
  rcrt_prgs_yn: 5,
} as const;

const kstartupItem = portalRecord(KSTARTUP_FIELDS, ["pbanc_sn"]).transform((item, ctx) => {
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

const RECORD_FIELDS: Record<Portal, readonly string[]> = {
  bizinfo: Object.keys(BIZINFO_FIELDS),
  kstartup: Object.keys(KSTARTUP_FIELDS),
};

/**
 * The values of a record that its check and its reading look at, as one string: records with
 * the same content check and read alike, whatever else they carry (Bizinfo repeats `totCnt` and
 * a view count `inqireCo` in every record). Each value is written with its type and a string with
 * its length, so no two different records share a content. Null for a non-object.
 */
export function recordContent(portal: Portal, raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const record = raw as Record<string, unknown>;
  let content = "";
  for (const key of RECORD_FIELDS[portal]) {
    const value = record[key];
    if (typeof value === "string") content += `s${value.length}:${value}`;
    else if (value === undefined || value === null) content += "-";
    else if (typeof value === "number") content += `n${value};`;
    else {
      const json = JSON.stringify(value) ?? String(value);
      content += `j${json.length}:${json}`;
    }
  }
  return content;
}

export type RecordCheck<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[]; sourceId: string | null };

function sourceIdOf(raw: unknown, keys: string[]): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  for (const key of keys) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === "string" || typeof value === "number") return String(value).trim().slice(0, 60);
  }
  return null;
}

const ID_FIELDS: Record<Portal, string[]> = { bizinfo: ["pblancId", "seq"], kstartup: ["pbanc_sn"] };

/** A record's id as the portal wrote it, before any check: for reports, and to look the record up. */
export function rawSourceId(portal: Portal, raw: unknown): string | null {
  return sourceIdOf(raw, ID_FIELDS[portal]);
}

export function checkBizinfoRecord(raw: unknown): RecordCheck<BizinfoRecord> {
  const result = check(bizinfoItem, raw);
  return result.ok ? result : { ok: false, issues: result.issues, sourceId: rawSourceId("bizinfo", raw) };
}

export function checkKstartupRecord(raw: unknown): RecordCheck<KstartupRecord> {
  const result = check(kstartupItem, raw);
  return result.ok ? result : { ok: false, issues: result.issues, sourceId: rawSourceId("kstartup", raw) };
}
