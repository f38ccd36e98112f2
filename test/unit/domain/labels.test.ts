import { describe, expect, it } from "vitest";
import { formatKrwEn, formatKrwKo, formatPercent } from "~/domain/labels";

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
    expect(formatKrwKo(amount)).toBe(ko);
    expect(formatKrwEn(amount)).toBe(en);
  });

  it("writes percentages with at most one decimal", () => {
    expect(formatPercent(0.05)).toBe("5%");
    expect(formatPercent(0.003)).toBe("0.3%");
    expect(formatPercent(0.12345)).toBe("12.3%");
  });
});
