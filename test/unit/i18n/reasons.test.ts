import { describe, expect, it } from "vitest";
import { reason } from "~/domain/reasons";
import { formatNumber, formatPercent } from "~/i18n/format";
import { renderReason } from "~/i18n/reasons";

describe("rendered reasons", () => {
  it("render a reason the same each time, and another parameter to its own text", () => {
    const first = renderReason(reason("proximity.decay", { km: 6 }));
    expect(renderReason(reason("proximity.decay", { km: 6 }))).toEqual(first);
    expect(first.ko).toContain("6 km");
    const farther = renderReason(reason("proximity.decay", { km: 60 }));
    expect(farther.ko).toContain("60 km");
    expect(farther.en).not.toBe(first.en);
  });

  it("cannot be changed by a caller, since the same text serves every answer", () => {
    const rendered = renderReason(reason("proximity.decay", { km: 7 }));
    expect(Object.isFrozen(rendered)).toBe(true);
  });
});

describe("number formats kept per language and options", () => {
  it("keep the options apart: digits, minimum digits and percentages", () => {
    expect(formatNumber("en", 2.5, { maximumFractionDigits: 0 })).toBe("3");
    expect(formatNumber("en", 2.5, { minimumFractionDigits: 2 })).toBe("2.50");
    expect(formatNumber("en", 2.5)).toBe("2.5");
    expect(formatPercent("en", 0.025, 0)).toBe("3%");
    expect(formatPercent("en", 0.025)).toBe("2.5%");
  });
});
