import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatKrw, formatNumber, formatPercent, pluralCategory } from "~/i18n/format";

describe("won amounts", () => {
  it.each([
    [8e9, "80억 원", "KRW 8 bn"],
    [8e9 + 1, "80억 1원", "KRW 8,000,000,001"],
    [2.5e9, "25억 원", "KRW 2.5 bn"],
    [1.2e12, "1조 2,000억 원", "KRW 1,200 bn"],
    [3e8, "3억 원", "KRW 300 mn"],
    [50_000_000, "5,000만 원", "KRW 50 mn"],
    [1234, "1,234원", "KRW 1,234"],
    [0, "0원", "KRW 0"],
  ])("%d is %s and %s", (amount, ko, en) => {
    expect(formatKrw("ko", amount)).toBe(ko);
    expect(formatKrw("en", amount)).toBe(en);
  });

  it("writes percentages with at most one decimal", () => {
    expect(formatPercent("ko", 0.05)).toBe("5%");
    expect(formatPercent("en", 0.003)).toBe("0.3%");
    expect(formatPercent("ko", 0.12345)).toBe("12.3%");
  });
});

describe("numbers", () => {
  it("group thousands in both languages and keep every digit unless told", () => {
    expect(formatNumber("ko", 1234567.891)).toBe("1,234,567.891");
    expect(formatNumber("en", 1234567.891)).toBe("1,234,567.891");
    expect(formatNumber("en", 35.8714)).toBe("35.8714");
    expect(formatNumber("ko", 12.345, { maximumFractionDigits: 1 })).toBe("12.3");
  });
});

describe("dates and times", () => {
  // 05:05 UTC is 14:05 in Seoul; 20:30 UTC is already the next day there.
  it("are written in Seoul time with a 24-hour clock, never AM/PM or 오전/오후", () => {
    expect(formatDateTime("ko", "2025-03-21T05:05:09Z")).toBe("2025년 3월 21일 14:05");
    expect(formatDateTime("en", "2025-03-21T05:05:09Z")).toBe("21 March 2025, 14:05");
    expect(formatDateTime("ko", new Date("2025-12-31T20:30:00Z"))).toBe("2026년 1월 1일 05:30");
    expect(formatDateTime("en", "2025-03-20T15:00:00Z")).toBe("21 March 2025, 00:00");
  });

  it("take calendar dates as they are, without a time-zone shift", () => {
    expect(formatDate("ko", "2025-03-01")).toBe("2025년 3월 1일");
    expect(formatDate("en", "2025-03-01")).toBe("1 March 2025");
  });

  it("give back a value that is not a date", () => {
    expect(formatDate("en", "2025 spring")).toBe("2025 spring");
  });

  it("do not depend on the process time zone", () => {
    const previous = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(formatDateTime("ko", "2025-03-21T05:05:09Z")).toBe("2025년 3월 21일 14:05");
    } finally {
      process.env.TZ = previous;
    }
  });
});

describe("plural categories", () => {
  it("come from Intl.PluralRules of the language", () => {
    expect(pluralCategory("en", 1)).toBe("one");
    expect(pluralCategory("en", 2)).toBe("other");
    expect(pluralCategory("ko", 1)).toBe("other");
  });
});
