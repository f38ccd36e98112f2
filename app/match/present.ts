import type { RenderedReason } from "~/i18n/reasons";

/**
 * How match results are told to a firm owner: a band and a whole number for
 * the score, reasons grouped by what they speak of, and the reasons every
 * result shares said once above the list instead of on every card.
 */

export type ScoreBand = "strong" | "good" | "fair";

/** The score's band: 70 and over fits well, 50 and over fits, lower is worth a look. */
export function scoreBand(score: number): ScoreBand {
  if (score >= 70) return "strong";
  if (score >= 50) return "good";
  return "fair";
}

export const REASON_GROUPS = ["fit", "distance", "eligibility"] as const;
export type ReasonGroup = (typeof REASON_GROUPS)[number];

export function reasonGroup(reason: Pick<RenderedReason, "rule">): ReasonGroup {
  if (reason.rule.startsWith("proximity.") || reason.rule.startsWith("reach.")) return "distance";
  if (reason.rule.startsWith("eligibility.") || reason.rule.startsWith("call.")) return "eligibility";
  return "fit";
}

/** The reasons in their groups, in the groups' order, empty groups left out. */
export function groupReasons(reasons: readonly RenderedReason[]): { group: ReasonGroup; reasons: RenderedReason[] }[] {
  return REASON_GROUPS.map((group) => ({ group, reasons: reasons.filter((r) => reasonGroup(r) === group) })).filter(
    (g) => g.reasons.length > 0,
  );
}

const keyOf = (reason: RenderedReason) => `${reason.rule}\u0000${reason.ko}`;

/** Reasons that every one of two or more results gives, word for word: said once for the list. */
export function sharedReasons(lists: readonly (readonly RenderedReason[])[]): RenderedReason[] {
  if (lists.length < 2) return [];
  const [first, ...rest] = lists;
  const others = rest.map((list) => new Set(list.map(keyOf)));
  const seen = new Set<string>();
  return (first ?? []).filter((reason) => {
    const key = keyOf(reason);
    if (seen.has(key) || !others.every((set) => set.has(key))) return false;
    seen.add(key);
    return true;
  });
}

/** One result's own reasons: those the list shares are said above it. */
export function ownReasons(reasons: readonly RenderedReason[], shared: readonly RenderedReason[]): RenderedReason[] {
  const sharedKeys = new Set(shared.map(keyOf));
  return reasons.filter((reason) => !sharedKeys.has(keyOf(reason)));
}

/** How many region names a label lists before it says "N regions" instead. */
export const REGIONS_NAMED = 3;
