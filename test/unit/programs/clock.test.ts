import { describe, expect, it } from "vitest";
import { addDays, ClockError, daysBetween, isIsoDate, now, seoulDate, today } from "~/clock";
import { loadConfig } from "~/config.server";

describe("clock", () => {
  it("CLOCK_DATE fixes today", () => {
    expect(today({ CLOCK_DATE: "2026-08-10" })).toBe("2026-08-10");
  });

  it("without CLOCK_DATE, today is the date in Korea", () => {
    expect(today({})).toBe(seoulDate(new Date()));
    expect(seoulDate(new Date("2026-08-09T15:30:00Z"))).toBe("2026-08-10");
    expect(seoulDate(new Date("2026-08-09T14:59:00Z"))).toBe("2026-08-09");
  });

  it("refuses a CLOCK_DATE that is not a calendar date", () => {
    expect(() => today({ CLOCK_DATE: "2026-02-30" })).toThrow(ClockError);
    expect(() => today({ CLOCK_DATE: "20260810" })).toThrow(/CLOCK_DATE/);
    expect(() => loadConfig({ NODE_ENV: "test", CLOCK_DATE: "tomorrow" })).toThrow(
      /CLOCK_DATE: must be a calendar date/,
    );
    expect(isIsoDate("2028-02-29")).toBe(true);
  });

  it("counts days across months", () => {
    expect(daysBetween("2026-08-10", "2026-08-18")).toBe(8);
    expect(daysBetween("2026-08-18", "2026-08-10")).toBe(-8);
    expect(addDays("2026-08-28", 7)).toBe("2026-09-04");
  });

  it("counts the same days while it keeps dates' day numbers, and after it lets them go", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    // More distinct dates than are kept: the kept day numbers are cleared on the way.
    for (let day = 0; day < 25_000; day++) {
      const date = addDays("1990-01-01", day);
      expect(daysBetween("1990-01-01", date)).toBe(day);
    }
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
  });

  it("now() is the real instant, moved to CLOCK_DATE's day when it is set, keeping the time of day", () => {
    const real = Date.now();
    expect(Math.abs(now({}).getTime() - real)).toBeLessThan(1000);
    const fixed = now({ CLOCK_DATE: "2026-08-10" });
    expect(seoulDate(fixed)).toBe("2026-08-10");
    expect((((fixed.getTime() - real) % 86_400_000) + 86_400_000) % 86_400_000).toBeLessThan(1000);
  });
});
