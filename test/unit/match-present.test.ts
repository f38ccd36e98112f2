import { describe, expect, it } from "vitest";
import type { RenderedReason } from "~/i18n/reasons";
import { groupReasons, ownReasons, scoreBand, sharedReasons } from "~/match/present";

const said = (rule: string, ko: string): RenderedReason => ({ rule, ko, en: ko }) as RenderedReason;

describe("match results as told to a firm owner", () => {
  it("bands scores: 70 and over strong, 50 and over good, else fair", () => {
    expect([scoreBand(83.4), scoreBand(70), scoreBand(69.9), scoreBand(50), scoreBand(12)]).toEqual([
      "strong",
      "strong",
      "good",
      "good",
      "fair",
    ]);
  });

  it("groups reasons into fit, distance and eligibility, in that order, leaving empty groups out", () => {
    const groups = groupReasons([
      said("eligibility.sme", "a"),
      said("proximity.decay", "b"),
      said("industry.facility", "c"),
      said("reach.beyond", "d"),
      said("call.status", "e"),
    ]);
    expect(groups.map((g) => [g.group, g.reasons.map((r) => r.ko)])).toEqual([
      ["fit", ["c"]],
      ["distance", ["b", "d"]],
      ["eligibility", ["a", "e"]],
    ]);
    expect(groupReasons([said("stance.core_target", "x")]).map((g) => g.group)).toEqual(["fit"]);
  });

  it("says once the reasons every result gives word for word, and keeps the rest on each card", () => {
    const a = [
      said("eligibility.sme", "중소기업입니다"),
      said("proximity.decay", "약 8 km"),
      said("stance.not_target", "대상 아님"),
    ];
    const b = [
      said("eligibility.sme", "중소기업입니다"),
      said("proximity.decay", "약 40 km"),
      said("stance.not_target", "대상 아님"),
    ];
    const shared = sharedReasons([a, b]);
    expect(shared.map((r) => r.ko)).toEqual(["중소기업입니다", "대상 아님"]);
    expect(ownReasons(a, shared).map((r) => r.ko)).toEqual(["약 8 km"]);
    // One result shares nothing with itself: its reasons stay on its card.
    expect(sharedReasons([a])).toEqual([]);
    expect(sharedReasons([])).toEqual([]);
  });
});
