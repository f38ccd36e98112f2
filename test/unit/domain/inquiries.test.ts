import { describe, expect, it } from "vitest";
import {
  availableActions,
  demandCells,
  demandFigures,
  erasureCutoff,
  holidayCalendar,
  isDueForErasure,
  isOverdue,
  judgeSubmission,
  mayHandleInquiries,
  median,
  MIN_CELL,
  rateWindow,
  transition,
  workingDaysBetween,
  type DemandFact,
} from "~/domain/inquiries";
import { inquiryBodyFromForm, parseInquiryInput } from "~/inquiries/input";

const kst = (isoLocal: string) => new Date(`${isoLocal}+09:00`);

describe("request lifecycle", () => {
  it("goes new → accepted → in progress → closed, and a closed request takes no action", () => {
    expect(transition("new", { kind: "accept" })).toEqual({ ok: true, state: "accepted", outcome: null });
    expect(transition("accepted", { kind: "start" })).toEqual({ ok: true, state: "in_progress", outcome: null });
    expect(transition("in_progress", { kind: "close", outcome: "helped" })).toEqual({
      ok: true,
      state: "closed",
      outcome: "helped",
    });
    expect(transition("new", { kind: "start" })).toEqual({ ok: false, reason: "not_allowed" });
    expect(transition("closed", { kind: "accept" })).toEqual({ ok: false, reason: "closed" });
    expect(transition("new", { kind: "close", outcome: "referred" })).toEqual({ ok: false, reason: "not_allowed" });
    expect(transition("accepted", { kind: "refer" })).toEqual({ ok: true, state: "closed", outcome: "referred" });
    expect(availableActions("closed")).toEqual([]);
    expect(availableActions("new")).toEqual(["accept", "close", "refer"]);
  });
});

describe("working days and the overdue flag", () => {
  it("counts Monday to Friday in Korean time", () => {
    // 2026-12-04 is a Friday; the next Monday is 12-07.
    expect(workingDaysBetween(kst("2026-12-04T17:00:00"), kst("2026-12-07T09:00:00"))).toBe(1);
    expect(workingDaysBetween(kst("2026-12-04T17:00:00"), kst("2026-12-06T23:00:00"))).toBe(0);
    expect(workingDaysBetween(kst("2026-12-01T10:00:00"), kst("2026-12-08T10:00:00"))).toBe(5);
    // 23:30 UTC on Dec 3 is already Friday morning in Seoul.
    expect(workingDaysBetween(new Date("2026-12-03T23:30:00Z"), kst("2026-12-07T09:00:00"))).toBe(1);
  });

  it("skips the public holidays of the calendar table", () => {
    const holidays = holidayCalendar([
      { date: "2026-09-24", name_ko: "추석 연휴", source: "test" },
      { date: "2026-09-25", name_ko: "추석", source: "test" },
    ]);
    // Wednesday 09-23 to Monday 09-28: Thursday and Friday are 추석, so one working day.
    expect(workingDaysBetween(kst("2026-09-23T10:00:00"), kst("2026-09-28T10:00:00"), holidays)).toBe(1);
    expect(workingDaysBetween(kst("2026-09-23T10:00:00"), kst("2026-09-28T10:00:00"))).toBe(3);
    const createdAt = kst("2026-09-22T10:00:00");
    expect(
      isOverdue({ state: "new", createdAt, firstAnsweredAt: null }, kst("2026-09-29T10:00:00"), { holidays }),
    ).toBe(false);
    expect(isOverdue({ state: "new", createdAt, firstAnsweredAt: null }, kst("2026-09-29T10:00:00"))).toBe(true);
  });

  it("refuses a holiday row without a real date, a name or a source, naming its line", () => {
    expect(() => holidayCalendar([{ date: "2026-02-30", name_ko: "x", source: "s" }])).toThrow(
      /line 2: "2026-02-30" is not a date/,
    );
    expect(() =>
      holidayCalendar([
        { date: "2026-03-01", name_ko: "3·1절", source: "s" },
        { date: "2026-05-05", name_ko: "", source: "s" },
      ]),
    ).toThrow(/line 3: name_ko and source are required/);
  });

  it("flags an unanswered request after more than three working days only", () => {
    const createdAt = kst("2026-12-01T10:00:00");
    expect(isOverdue({ state: "new", createdAt, firstAnsweredAt: null }, kst("2026-12-04T10:00:00"))).toBe(false);
    expect(isOverdue({ state: "new", createdAt, firstAnsweredAt: null }, kst("2026-12-07T10:00:00"))).toBe(true);
    expect(
      isOverdue(
        { state: "accepted", createdAt, firstAnsweredAt: kst("2026-12-02T10:00:00") },
        kst("2026-12-09T10:00:00"),
      ),
    ).toBe(false);
    expect(isOverdue({ state: "closed", createdAt, firstAnsweredAt: null }, kst("2026-12-09T10:00:00"))).toBe(false);
  });
});

describe("retention", () => {
  it("erases a year after closing, not before, and never twice", () => {
    const closedAt = new Date("2026-01-10T00:00:00Z");
    expect(erasureCutoff(new Date("2027-01-10T00:00:01Z"), 365).getTime()).toBe(closedAt.getTime() + 1000);
    expect(isDueForErasure({ closedAt, erasedAt: null, retentionDays: 365 }, new Date("2027-01-09T00:00:00Z"))).toBe(
      false,
    );
    expect(isDueForErasure({ closedAt, erasedAt: null, retentionDays: 365 }, new Date("2027-01-11T00:00:00Z"))).toBe(
      true,
    );
    expect(
      isDueForErasure({ closedAt, erasedAt: new Date(), retentionDays: 365 }, new Date("2028-01-11T00:00:00Z")),
    ).toBe(false);
    expect(
      isDueForErasure({ closedAt: null, erasedAt: null, retentionDays: 365 }, new Date("2030-01-01T00:00:00Z")),
    ).toBe(false);
  });
});

describe("anti-automation", () => {
  const now = 1_000_000_000;
  it("refuses a filled honeypot, a post faster than 3 s and a form without or older than a day", () => {
    expect(judgeSubmission({ honeypot: "x", renderedAt: now - 60_000, now })).toEqual({
      ok: false,
      reason: "honeypot",
    });
    expect(judgeSubmission({ honeypot: "", renderedAt: now - 2_000, now })).toEqual({ ok: false, reason: "too_fast" });
    expect(judgeSubmission({ honeypot: "", renderedAt: null, now })).toEqual({ ok: false, reason: "form_expired" });
    expect(judgeSubmission({ honeypot: "", renderedAt: now - 25 * 3600_000, now })).toEqual({
      ok: false,
      reason: "form_expired",
    });
    expect(judgeSubmission({ honeypot: "", renderedAt: now - 30_000, now })).toEqual({ ok: true });
  });

  it("puts a moment in its fixed window and says how long until the next", () => {
    const window = rateWindow(new Date("2026-12-02T07:45:00Z"), 3600);
    expect(window.start.toISOString()).toBe("2026-12-02T07:00:00.000Z");
    expect(window.retryAfterSeconds).toBe(900);
  });
});

describe("who handles requests", () => {
  it("admins and the region's council accounts; not officials, not other regions", () => {
    expect(mayHandleInquiries({ role: "admin", regionCode: null }, "27")).toBe(true);
    expect(mayHandleInquiries({ role: "council_editor", regionCode: "27" }, "27")).toBe(true);
    expect(mayHandleInquiries({ role: "council_reviewer", regionCode: "27" }, "27")).toBe(true);
    expect(mayHandleInquiries({ role: "council_editor", regionCode: "11" }, "27")).toBe(false);
    expect(mayHandleInquiries({ role: "official", regionCode: null }, "27")).toBe(false);
  });
});

describe("demand figures", () => {
  const at = (hours: number) => new Date(Date.UTC(2026, 11, 1) + hours * 3_600_000);
  const fact = (over: Partial<DemandFact>): DemandFact => ({
    regionCode: "27",
    pavittClass: "supplier_dominated",
    ksicDivision: "13",
    state: "new",
    outcome: null,
    createdAt: at(0),
    firstAnsweredAt: null,
    closedAt: null,
    ...over,
  });

  it("medians, share helped among decided requests, and unmet = closed without help or never answered", () => {
    const facts = [
      fact({ state: "closed", outcome: "helped", firstAnsweredAt: at(2), closedAt: at(48) }),
      fact({ state: "closed", outcome: "helped", firstAnsweredAt: at(4), closedAt: at(96) }),
      fact({ state: "closed", outcome: "not_eligible", firstAnsweredAt: at(10), closedAt: at(24) }),
      fact({ state: "closed", outcome: "referred", firstAnsweredAt: at(1), closedAt: at(1) }),
      fact({ state: "new" }),
      fact({ state: "accepted", firstAnsweredAt: at(6) }),
    ];
    expect(demandFigures(facts)).toEqual({
      requests: 6,
      open: 2,
      helped: 2,
      unmet: 2,
      helpedShare: 0.667,
      medianHoursToFirstAnswer: 4,
      medianDaysToClose: 1.5,
    });
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });

  it("suppresses every cell under the small-cell threshold", () => {
    const many = Array.from({ length: MIN_CELL }, () => fact({}));
    const few = Array.from({ length: MIN_CELL - 1 }, () => fact({ regionCode: "26" }));
    const cells = demandCells([...many, ...few], "region");
    expect(cells).toEqual([
      expect.objectContaining({ regionCode: "27", suppressed: false }),
      { regionCode: "26", pavittClass: null, ksicDivision: null, suppressed: true, figures: null },
    ]);
  });
});

describe("request input", () => {
  const known = { ksicDivisions: new Set(["13", "29"]), regionCodes: new Set(["27", "11"]) };
  const body = {
    targetType: "facility",
    targetId: "ccei-daegu",
    contact: { name: "김", email: "A@B.example" },
    message: "안녕하세요",
    consent: true,
  };

  it("takes consent only as true, lower-cases the e-mail and drops facts the firm did not share", () => {
    const ok = parseInquiryInput(body, known);
    expect(ok.ok && ok.value.contact.email).toBe("a@b.example");
    for (const consent of [false, "yes", 1, undefined]) {
      const refused = parseInquiryInput({ ...body, consent }, known);
      expect(refused.ok ? [] : refused.issues).toContainEqual({ field: "consent", code: "consent_required" });
    }
    const tooLong = parseInquiryInput({ ...body, message: "가".repeat(2001) }, known);
    expect(tooLong.ok ? [] : tooLong.issues.map((i) => i.code)).toContain("too_long");
    const unknownKey = parseInquiryInput({ ...body, extra: 1 }, known);
    expect(unknownKey.ok).toBe(false);
    const form = inquiryBodyFromForm({
      targetType: "facility",
      targetId: "x",
      contact_name: "김",
      contact_email: "a@b.example",
      message: "m",
      consent: "on",
      ksic: "13",
      needs: "finance",
    });
    expect(form.profile).toEqual({});
    expect(inquiryBodyFromForm({ share_profile: "on", ksic: "13", needs: "finance" }).profile).toMatchObject({
      ksicDivision: "13",
      needs: ["finance"],
    });
  });
});
