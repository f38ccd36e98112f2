import { describe, expect, it } from "vitest";
import { checkBizinfoRecord, checkKstartupRecord, parsePortalReply, recordContent } from "~/domain/programs/parse";
import { readBizinfo } from "~/domain/programs/read";
import { supportFieldTable } from "~/programs/tables.server";
import { BIZINFO_DATA_GO_KR, BIZINFO_NATIVE, fixtureJson, KSTARTUP_PAGE, KSTARTUP_SEED } from "./fixtures";

const native = fixtureJson(BIZINFO_NATIVE) as { jsonArray: Array<Record<string, unknown>> };
const items = native.jsonArray;

describe("portal replies in every documented shape", () => {
  it("Bizinfo jsonArray as an array, as {item:[…]}, and as [{channel…, item:[…]}]", () => {
    const asArray = parsePortalReply("bizinfo", native);
    const asItem = parsePortalReply("bizinfo", { jsonArray: { title: "기업마당", totCnt: "1443", item: items } });
    const asChannel = parsePortalReply("bizinfo", { jsonArray: [{ channel: "기업마당", item: items }] });
    for (const reply of [asArray, asItem, asChannel]) {
      expect(reply.ok && reply.page.records.length).toBe(5);
      expect(reply.ok && reply.page.total).toBe(1443);
    }
    const single = parsePortalReply("bizinfo", { jsonArray: { item: items[0] } });
    expect(single.ok && single.page.records).toHaveLength(1);
  });

  it("totCnt as a string, hashTags instead of hashtags", () => {
    const { hashtags, ...rest } = items[2] ?? {};
    const variant = { ...rest, hashTags: hashtags, totCnt: "1443" };
    const reply = parsePortalReply("bizinfo", { jsonArray: [variant] });
    expect(reply.ok && reply.page.total).toBe(1443);
    const checked = checkBizinfoRecord(variant);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(readBizinfo(checked.value, supportFieldTable()).regions.codes).toEqual(["11", "28", "41"]);
  });

  it("the RSS aliases, padded with tabs and newlines as the documented example is", () => {
    const padded = (value: string) => `\n\t\t\t\t${value}\n\t\t\t`;
    const checked = checkBizinfoRecord({
      title: padded("착한임대인 장관 표창 신청 연장 공고"),
      link: padded("https://www.bizinfo.go.kr/web/lay1/bbs/S1T122C128/AS/74/view.do?pblancId=PBLN_000000000080236"),
      seq: padded("PBLN_000000000080236"),
      author: padded("중소벤처기업부"),
      lcategory: padded("경영"),
      reqstDt: padded("20220727 ~ 20220930"),
      hashTags: padded("2022,금융,충북,대전,중소벤처기업부"),
      totCnt: padded("1435"),
      rceptEngnHmpgUrl: padded(""),
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const read = readBizinfo(checked.value, supportFieldTable());
    expect(read).toMatchObject({
      sourceId: "PBLN_000000000080236",
      category: "management",
      window: { kind: "dated", start: "2022-07-27", end: "2022-09-30" },
      regions: { nationwide: false, codes: ["30", "43"] },
    });
  });

  it("data.go.kr's Bizinfo envelope with numbers as integers", () => {
    const reply = parsePortalReply("bizinfo", fixtureJson(BIZINFO_DATA_GO_KR));
    expect(reply.ok && reply.page.records.length).toBe(10);
    expect(reply.ok && reply.page.total).toBe(1518);
    expect(
      parsePortalReply("bizinfo", {
        response: { header: { resultCode: "30", resultMsg: "SERVICE_KEY_IS_NOT_REGISTERED_ERROR" } },
      }),
    ).toEqual({
      ok: false,
      error: { kind: "service", code: "30", message: "SERVICE_KEY_IS_NOT_REGISTERED_ERROR" },
    });
  });

  it("reqErr bodies (HTTP 200) and OpenAPI_ServiceResponse errors are error replies", () => {
    expect(parsePortalReply("bizinfo", fixtureJson("bizinfo/bizinfo_reqErr_missing_key.json"))).toEqual({
      ok: false,
      error: { kind: "req_err", code: null, message: "인증키를 입력해주세요." },
    });
    expect(parsePortalReply("bizinfo", fixtureJson("bizinfo/bizinfo_reqErr_bad_key.json"))).toMatchObject({
      ok: false,
      error: { kind: "req_err" },
    });
    expect(parsePortalReply("kstartup", fixtureJson("kstartup/bizradar_announcement_list_service_error.json"))).toEqual(
      {
        ok: false,
        error: { kind: "service", code: "30", message: "SERVICE_KEY_IS_NOT_REGISTERED_ERROR: 등록되지 않은 서비스키" },
      },
    );
    expect(parsePortalReply("kstartup", { hello: "world" })).toMatchObject({ ok: false, error: { kind: "shape" } });
  });

  it("K-Startup's envelope, its empty page, and a bare array without envelope", () => {
    const page = parsePortalReply("kstartup", fixtureJson(KSTARTUP_PAGE));
    expect(page.ok && [page.page.records.length, page.page.total]).toEqual([5, 29710]);
    const empty = parsePortalReply("kstartup", fixtureJson("kstartup/bizradar_announcement_list_empty.json"));
    expect(empty.ok && [empty.page.records.length, empty.page.total]).toEqual([0, 29710]);
    const bare = parsePortalReply("kstartup", fixtureJson(KSTARTUP_SEED));
    expect(bare.ok && bare.page.records.length).toBe(2);
    const stringCounts = parsePortalReply("kstartup", { data: [], matchCount: "12", totalCount: "12" });
    expect(stringCounts.ok && stringCounts.page.total).toBe(12);
  });

  it("a malformed record is refused with its field and id; the others are unaffected", () => {
    expect(checkKstartupRecord({ pbanc_sn: 1, biz_pbanc_nm: null })).toMatchObject({
      ok: false,
      sourceId: "1",
      issues: [{ field: "biz_pbanc_nm", code: "required" }],
    });
    expect(checkKstartupRecord({ pbanc_sn: "12a", biz_pbanc_nm: "x" })).toMatchObject({
      ok: false,
      issues: [{ field: "pbanc_sn", code: "external_id_format" }],
    });
    expect(checkKstartupRecord({ pbanc_sn: 5, biz_pbanc_nm: { nested: true } })).toMatchObject({
      ok: false,
      issues: [{ field: "biz_pbanc_nm", code: "wrong_type" }],
    });
    expect(checkBizinfoRecord({ pblancId: "PBLN_1", pblancNm: "공고\u0000" })).toMatchObject({
      ok: false,
      sourceId: "PBLN_1",
      issues: [{ field: "pblancNm", code: "control_chars" }],
    });
    expect(checkBizinfoRecord("not an object").ok).toBe(false);
  });

  it("a record's content is what its check and reading look at, and tells different records apart", () => {
    const record = items[0] ?? {};
    const content = recordContent("bizinfo", record);
    expect(content).not.toBeNull();
    // Bizinfo repeats the reply's total and a view count in every record; neither is read.
    expect(recordContent("bizinfo", { ...record, totCnt: 9999, inqireCo: 12 })).toBe(content);
    expect(recordContent("bizinfo", { ...record, pblancNm: `${String(record.pblancNm)} (변경)` })).not.toBe(content);
    // Values are written with their type and length: moving text between fields, or a number
    // for its digits as text, is a different record.
    expect(recordContent("kstartup", { pbanc_sn: "1", biz_pbanc_nm: "ab" })).not.toBe(
      recordContent("kstartup", { pbanc_sn: "1a", biz_pbanc_nm: "b" }),
    );
    expect(recordContent("kstartup", { pbanc_sn: 1 })).not.toBe(recordContent("kstartup", { pbanc_sn: "1" }));
    expect(recordContent("kstartup", { pbanc_sn: null })).toBe(recordContent("kstartup", {}));
    expect(recordContent("kstartup", "not an object")).toBeNull();
  });
});
