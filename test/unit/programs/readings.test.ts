import { describe, expect, it } from "vitest";
import {
  readApplicantTypes,
  readBusinessAgeBands,
  readBusinessAgeText,
  readFounderAge,
} from "~/domain/programs/applicants";
import {
  combineRegions,
  eligibilityTextRegions,
  hashtagRegions,
  regionField,
  titleMarkers,
} from "~/domain/programs/regions";
import { attachments, htmlToText, officialUrl } from "~/domain/programs/text";
import { readWindowDates, readWindowText, statusOn, windowOut } from "~/domain/programs/window";
import { renderReadings } from "~/i18n/programs";
import { BIZINFO_DATA_GO_KR, BIZINFO_NATIVE, byId, KSTARTUP_PAGE, KSTARTUP_SEED, readFixture } from "./fixtures";

describe("application window", () => {
  it.each([
    ["20220727 ~ 20220930", { kind: "dated", start: "2022-07-27", end: "2022-09-30" }],
    ["2026-10-02 ~ 2026-10-16", { kind: "dated", start: "2026-10-02", end: "2026-10-16" }],
    ["2026.10.02 ~ 2026.10.16", { kind: "dated", start: "2026-10-02", end: "2026-10-16" }],
    ["2026. 10. 2. ~ 2026. 10. 16.", { kind: "dated", start: "2026-10-02", end: "2026-10-16" }],
    ["2026년 10월 2일 ~ 2026년 10월 16일", { kind: "dated", start: "2026-10-02", end: "2026-10-16" }],
    ["\n\t\t\t\t20220727 ~ 20220930\n\t\t\t", { kind: "dated", start: "2022-07-27", end: "2022-09-30" }],
    ["예산 소진시까지", { kind: "open_ended", start: null }],
    ["상시", { kind: "open_ended", start: null }],
    ["상시 접수", { kind: "open_ended", start: null }],
    ["2026-09-01 ~ 예산 소진시까지", { kind: "open_ended", start: "2026-09-01" }],
    ["2026-09-01 ~", { kind: "open_ended", start: "2026-09-01" }],
    ["추후 공지", { kind: "unknown" }],
    ["", { kind: "unknown" }],
  ])("reads %j", (text, expected) => {
    expect(readWindowText("reqstBeginEndDe", text).window).toEqual(expected);
  });

  it("reads K-Startup's two YYYYMMDD fields", () => {
    expect(readWindowDates("pbanc_rcpt_bgng_dt", "20260807", "pbanc_rcpt_end_dt", "20260818").window).toEqual({
      kind: "dated",
      start: "2026-08-07",
      end: "2026-08-18",
    });
    expect(readWindowDates("pbanc_rcpt_bgng_dt", "20260807", "pbanc_rcpt_end_dt", null).window).toEqual({
      kind: "open_ended",
      start: "2026-08-07",
    });
    expect(readWindowDates("pbanc_rcpt_bgng_dt", null, "pbanc_rcpt_end_dt", null).window).toEqual({ kind: "unknown" });
  });

  it("gives the status on a day: upcoming before the start, closing soon in the last seven days, closed after", () => {
    const window = { kind: "dated", start: "2026-08-07", end: "2026-08-18" } as const;
    expect(statusOn(window, "2026-08-06")).toBe("upcoming");
    expect(statusOn(window, "2026-08-07")).toBe("open");
    expect(statusOn(window, "2026-08-10")).toBe("open");
    expect(statusOn(window, "2026-08-11")).toBe("closing_soon");
    expect(statusOn(window, "2026-08-18")).toBe("closing_soon");
    expect(statusOn(window, "2026-08-19")).toBe("closed");
    expect(statusOn(window, "2026-08-10", true)).toBe("closed");
    expect(statusOn({ kind: "open_ended", start: null }, "2030-01-01")).toBe("rolling");
    expect(statusOn({ kind: "open_ended", start: "2026-09-01" }, "2026-08-31")).toBe("upcoming");
    expect(statusOn({ kind: "unknown" }, "2026-08-10")).toBe("closed");
    expect(statusOn(null, "2026-08-10")).toBe("rolling");
    expect(windowOut({ kind: "open_ended", start: null })).toEqual({ start: null, end: null });
    expect(windowOut({ kind: "unknown" })).toBeNull();
  });
});

describe("regions", () => {
  it("expands economic zones and reads markers only in brackets that hold nothing but region names", () => {
    expect(titleMarkers("t", "2026년 웰컴 투 팁스 1차 참가기업 모집 (충청권)")?.codes).toEqual([
      "30",
      "36",
      "43",
      "44",
    ]);
    expect(titleMarkers("t", "[서울ㆍ인천ㆍ경기] 2026년 미래내일 일경험")?.codes).toEqual(["11", "28", "41"]);
    expect(titleMarkers("t", "[경기] 부천시 2026년 스타트업포럼(IR데모데이)")?.codes).toEqual(["41"]);
    expect(titleMarkers("t", "2026년 대전 스타트업스쿨 스타트업 리딩클래스 (3회차 ㅣ ESG와 기후테크)")).toBeNull();
    expect(titleMarkers("t", "2026년 바이오헬스 글로벌 수출부대비용 지원 신청 공고(거점 추가확대)")).toBeNull();
  });

  it("reads 전국 as nationwide and a province as its code", () => {
    expect(regionField("supt_regin", "전국")?.codes).toBeNull();
    expect(regionField("supt_regin", "제주")?.codes).toEqual(["50"]);
    expect(regionField("supt_regin", "강원도")?.codes).toEqual(["51"]);
  });

  it("reads hashtags, with all seventeen regions (전남광주 standing for two) as nationwide", () => {
    expect(hashtagRegions("hashtags", "인력,서울,인천,경기,2026,고용노동부")?.codes).toEqual(["11", "28", "41"]);
    expect(
      hashtagRegions(
        "hashtags",
        "기술,서울,부산,대구,인천,전남광주,대전,울산,세종,경기,강원,충북,충남,전북,경북,경남,제주,2026",
      )?.codes,
    ).toBeNull();
    expect(hashtagRegions("hashtags", "2026,금융,중소벤처기업부")).toBeNull();
  });

  it("reads eligibility text only where a region is where applicants must be", () => {
    expect(
      eligibilityTextRegions("aply_trgt_ctnt", "충청권(대전·세종·충남·충북) 소재 창업 후 2년 3개월 미만 기업")?.codes,
    ).toEqual(["30", "36", "43", "44"]);
    expect(
      eligibilityTextRegions(
        "aply_trgt_ctnt",
        "창업 7년 이내 제주 소재 스타트업 및 예비창업자\r\n*전남광주, 전북 별도 운영",
      )?.codes,
    ).toEqual(["50"]);
    expect(eligibilityTextRegions("bsnsSumryCn", "☞ 경상북도 내 장애인기업")?.codes).toEqual(["47"]);
    expect(eligibilityTextRegions("bsnsSumryCn", "☞ 대구광역시에 소재한 사회적경제기업")?.codes).toEqual(["27"]);
    expect(eligibilityTextRegions("bsnsSumryCn", "- (대상) 소비재 완제품을 취급하는 전북지역 소상공인")?.codes).toEqual(
      ["52"],
    );
    expect(eligibilityTextRegions("bsnsSumryCn", "창업진흥원 대전 팁스타운이 개최하는 상담회")).toBeNull();
  });

  it("lets the narrower reading win and says so", () => {
    const combined = combineRegions([
      titleMarkers("biz_pbanc_nm", "웰컴 투 팁스 (충청권)"),
      regionField("supt_regin", "전국"),
    ]);
    expect(combined.scope).toEqual({ nationwide: false, codes: ["30", "36", "43", "44"] });
    expect(combined.readings.map((r) => r.rule)).toContain("region.narrowed");
    const narrowed = renderReadings(combined.readings).find((r) => r.rule === "region.narrowed");
    expect(narrowed?.ko).toContain("supt_regin는 전국이지만");
    expect(narrowed?.en).toContain("supt_regin says nationwide");
  });

  it("keeps the shared provinces when restricted fields overlap, and records a conflict when they do not", () => {
    expect(combineRegions([regionField("a", "대전"), titleMarkers("b", "(충청권)")]).scope.codes).toEqual(["30"]);
    const conflict = combineRegions([regionField("a", "대전"), regionField("b", "부산")]);
    expect(conflict.scope.codes).toEqual(["30"]);
    expect(conflict.readings.map((r) => r.rule)).toContain("region.conflict");
  });
});

describe("applicants and business age", () => {
  it("reads every applicant word in the samples", () => {
    expect(readApplicantTypes("trgetNm", "소상공인").types).toEqual(["micro"]);
    expect(readApplicantTypes("trgetNm", "중소기업").types).toEqual(["sme"]);
    expect(readApplicantTypes("trgetNm", "창업벤처").types).toEqual(["startup"]);
    expect(readApplicantTypes("trgetNm", "사회적기업").types).toEqual(["social_enterprise"]);
    expect(readApplicantTypes("trgetNm", "장애인기업").types).toEqual(["disabled_owned"]);
    expect(readApplicantTypes("aply_trgt", "일반기업,1인 창조기업").types).toEqual(["sole_creator", "general_firm"]);
    expect(readApplicantTypes("aply_trgt", "청소년,대학생,일반인,대학,연구기관,일반기업,1인 창조기업").types).toEqual([
      "sole_creator",
      "general_firm",
      "individual",
      "institution",
    ]);
    expect(readApplicantTypes("aply_trgt", "연구기관,일반기업").types).toEqual(["general_firm", "institution"]);
  });

  it("reads business-age bands and the narrower limit of the text", () => {
    expect(readBusinessAgeBands("biz_enyy", "3년미만")?.age).toEqual({
      maxMonthsExclusive: 36,
      foundedOnOrAfter: null,
      preFounders: false,
    });
    expect(readBusinessAgeBands("biz_enyy", "예비창업자,7년미만")?.age).toEqual({
      maxMonthsExclusive: 84,
      foundedOnOrAfter: null,
      preFounders: true,
    });
    expect(
      readBusinessAgeBands("biz_enyy", "1년미만,2년미만,3년미만,5년미만,7년미만,10년미만")?.age.maxMonthsExclusive,
    ).toBe(120);
    const text = readBusinessAgeText(
      "aply_trgt_ctnt",
      "충청권(대전·세종·충남·충북) 소재 창업 후 2년 3개월 미만 기업\r\n※ 신청가능 창업(설립)일 기준 : '24.5.1 ~",
    );
    expect(text.maxMonthsExclusive).toBe(27);
    expect(text.foundedOnOrAfter).toBe("2024-05-01");
    expect(readBusinessAgeText("x", "모집공고일 기준 창업 7년 이내*인 자").maxMonthsExclusive).toBe(85);
  });

  it("reads founder-age ranges; all three bands is no limit", () => {
    expect(readFounderAge("biz_trgt_age", "만 20세 미만,만 20세 이상 ~ 만 39세 이하,만 40세 이상")?.rule).toBe(
      "founder_age.any",
    );
    expect(readFounderAge("biz_trgt_age", "만 20세 이상 ~ 만 39세 이하,만 40세 이상")?.params).toEqual({
      ranges: [
        { min: 20, max: 39 },
        { min: 40, max: null },
      ],
    });
  });
});

describe("text, attachments and links", () => {
  it("turns the summary's HTML into text and never keeps markup", () => {
    expect(
      htmlToText(
        '<p>안내&nbsp;드립니다.</p><p><br></p><p style="line-height: 1.8;">☞ 대상 &lt;기업&gt;</p><script>alert(1)</script><img src=x onerror=alert(1)>',
      ),
    ).toBe("안내 드립니다.\n\n☞ 대상 <기업>");
  });

  it("splits @-joined attachments, reads + as a space, and keeps only http(s) links", () => {
    expect(attachments("별첨.+자주+묻는+질문.pdf@안내문.hwp", "https://a.example/1@https://a.example/2")).toEqual([
      { name: "별첨. 자주 묻는 질문.pdf", url: "https://a.example/1" },
      { name: "안내문.hwp", url: "https://a.example/2" },
    ]);
    expect(officialUrl("ccei.creativekorea.or.kr/incheon/custom/notice_view.do?no=36014")).toBe(
      "https://ccei.creativekorea.or.kr/incheon/custom/notice_view.do?no=36014",
    );
    expect(officialUrl("javascript:alert(1)")).toBeNull();
    expect(officialUrl("XHpc/H/Ocerzbp06c7lyOw==")).toBeNull();
  });
});

describe("the recorded samples", () => {
  it("웰컴 투 팁스 (충청권): 전국 in supt_regin, 충청권 by the title and the text, under 27 months, founded since 2024-05-01", () => {
    const tips = byId(readFixture("kstartup", KSTARTUP_PAGE), "178845");
    expect(tips.window).toEqual({ kind: "dated", start: "2026-08-07", end: "2026-08-18" });
    expect(tips.regions).toEqual({ nationwide: false, codes: ["30", "36", "43", "44"] });
    expect(tips.applicantTypes).toEqual(["sole_creator", "general_firm"]);
    expect(tips.businessAge).toEqual({ maxMonthsExclusive: 27, foundedOnOrAfter: "2024-05-01", preFounders: false });
    expect(tips.applyUrl).toBe("https://buly.kr/HHf3KNe");
    expect(tips.readings.find((r) => r.rule === "region.narrowed")).toMatchObject({
      field: "biz_pbanc_nm",
      value: "(충청권)",
    });
  });

  it("reads every Bizinfo sample's regions, applicants and window", () => {
    const native = readFixture("bizinfo", BIZINFO_NATIVE);
    const official = readFixture("bizinfo", BIZINFO_DATA_GO_KR);
    const summary = Object.fromEntries(
      [...native, ...official].map((r) => [
        r.sourceId,
        [r.regions.nationwide ? "전국" : r.regions.codes.join(";"), r.applicantTypes.join(";"), r.window.kind],
      ]),
    );
    expect(summary).toEqual({
      PBLN_000000000127023: ["41", "micro", "dated"],
      PBLN_000000000126995: ["31", "sme", "open_ended"],
      PBLN_000000000127013: ["11;28;41", "sme", "dated"],
      PBLN_000000000126973: ["전국", "sme", "dated"],
      PBLN_000000000126837: ["41", "startup", "dated"],
      PBLN_000000000126771: ["52", "micro", "dated"],
      PBLN_000000000126770: ["41", "social_enterprise", "dated"],
      PBLN_000000000126769: ["41", "micro;pre_founder", "dated"],
      PBLN_000000000126768: ["41", "sme", "dated"],
      PBLN_000000000126767: ["31", "micro", "dated"],
      PBLN_000000000126766: ["전국", "sme", "dated"],
      PBLN_000000000126765: ["27", "social_enterprise", "dated"],
      PBLN_000000000126764: ["전국", "sme", "dated"],
      PBLN_000000000126763: ["47", "disabled_owned", "open_ended"],
      PBLN_000000000126762: ["27", "disabled_owned", "open_ended"],
    });
    const withFiles = byId(official, "PBLN_000000000126770");
    expect(withFiles.attachments.map((a) => a.name)).toEqual([
      "공고문_맞춤형 온라인 마케팅.hwpx",
      "[서식1]참여기업신청서.hwpx",
      "【서식2】개인정보수집동의서.hwpx",
      "공고문_맞춤형 온라인 마케팅.pdf",
    ]);
    expect(byId(official, "PBLN_000000000126766").applyUrl).toBe(
      "https://www.smtech.go.kr/front/SBA/SA/SbjtAppl_selectSbjtAncmList.do?buclTpSe=ALL",
    );
    expect(byId(native, "PBLN_000000000126973")).toMatchObject({
      category: "technology",
      diffusionLevel: 2,
      pavittClasses: ["supplier_dominated", "specialized_supplier", "science_based"],
    });
  });

  it("reads every K-Startup sample's regions and business age", () => {
    const all = [...readFixture("kstartup", KSTARTUP_PAGE), ...readFixture("kstartup", KSTARTUP_SEED)];
    const summary = Object.fromEntries(
      all.map((r) => [
        r.sourceId,
        [
          r.regions.nationwide ? "전국" : r.regions.codes.join(";"),
          r.businessAge.maxMonthsExclusive,
          r.businessAge.preFounders,
        ],
      ]),
    );
    expect(summary).toEqual({
      "178845": ["30;36;43;44", 27, false],
      "178839": ["전국", 85, false],
      "178821": ["전국", 120, false],
      "178820": ["전국", 120, true],
      "178816": ["50", 84, true],
      "174652": ["전국", 84, false],
      "174646": ["전국", 84, false],
    });
    expect(byId(all, "174646").applyUrl).toBe(
      "https://ccei.creativekorea.or.kr/incheon/custom/notice_view.do?no=36014&rnum=1677&kind=my&sPtime=my",
    );
  });

  it("renders every reading in both languages with its source field", () => {
    const all = [...readFixture("kstartup", KSTARTUP_PAGE), ...readFixture("bizinfo", BIZINFO_DATA_GO_KR)];
    for (const rendered of all.flatMap((r) => renderReadings(r.readings))) {
      expect(rendered.ko).not.toMatch(/\{\w+\}/);
      expect(rendered.en).not.toMatch(/\{\w+\}/);
      expect(rendered.en).not.toMatch(/[\uAC00-\uD7A3]/);
    }
  });
});

describe("status on precomputed day numbers", () => {
  it("agrees with statusOn for every kind of window around its edges", async () => {
    const { dayStatus, dayNumber } = await import("~/search/program-status");
    const windows = [
      { windowKind: "dated", windowStart: "2026-08-07", windowEnd: "2026-08-18" },
      { windowKind: "open_ended", windowStart: null, windowEnd: null },
      { windowKind: "open_ended", windowStart: "2026-08-12", windowEnd: null },
      { windowKind: "unknown", windowStart: null, windowEnd: null },
      { windowKind: null, windowStart: null, windowEnd: null },
    ] as const;
    for (const window of windows) {
      for (const withdrawn of [false, true]) {
        for (let offset = -3; offset <= 16; offset++) {
          const today = new Date(Date.UTC(2026, 7, 5 + offset)).toISOString().slice(0, 10);
          const doc = {
            type: "program" as const,
            ...window,
            windowStartDay: dayNumber(window.windowStart),
            windowEndDay: dayNumber(window.windowEnd),
            withdrawn,
          };
          const expected = statusOn(
            window.windowKind === null
              ? null
              : window.windowKind === "unknown"
                ? { kind: "unknown" }
                : window.windowKind === "open_ended"
                  ? { kind: "open_ended", start: window.windowStart }
                  : { kind: "dated", start: window.windowStart, end: window.windowEnd },
            today,
            withdrawn,
          );
          expect(dayStatus(today)(doc)).toBe(expected);
        }
      }
    }
  });
});
