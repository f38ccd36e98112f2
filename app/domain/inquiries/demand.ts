import { SMALL_CELL_MIN_FIRMS } from "../gaps/figures";
import type { PavittClass } from "../types";
import type { InquiryOutcome, InquiryState } from "./lifecycle";

/**
 * The demand side of the coverage report, from the anonymous facts of the
 * requests only (region, class, industry, dates, outcome). A cell with fewer
 * than MIN_CELL requests (the threshold the supply side uses for firms) shows no figures, so that no single firm can be
 * recognised from a count, a median or a share.
 */
export const MIN_CELL = SMALL_CELL_MIN_FIRMS;

export interface DemandFact {
  regionCode: string;
  pavittClass: PavittClass | null;
  ksicDivision: string | null;
  state: InquiryState;
  outcome: InquiryOutcome | null;
  createdAt: Date;
  firstAnsweredAt: Date | null;
  closedAt: Date | null;
}

export interface DemandFigures {
  requests: number;
  open: number;
  helped: number;
  /** Closed without help (not eligible, no reply) or never answered. */
  unmet: number;
  /** Of the closed requests other than referrals. */
  helpedShare: number | null;
  medianHoursToFirstAnswer: number | null;
  medianDaysToClose: number | null;
}

export type DemandCell = { regionCode: string; pavittClass: string | null; ksicDivision: string | null } & (
  { suppressed: false; figures: DemandFigures } | { suppressed: true; figures: null }
);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function isUnmet(fact: Pick<DemandFact, "state" | "outcome" | "firstAnsweredAt">): boolean {
  if (fact.state === "closed") return fact.outcome === "not_eligible" || fact.outcome === "no_reply";
  return fact.firstAnsweredAt === null;
}

export function demandFigures(facts: DemandFact[]): DemandFigures {
  const closed = facts.filter((f) => f.state === "closed");
  const decided = closed.filter((f) => f.outcome !== "referred");
  const helped = closed.filter((f) => f.outcome === "helped").length;
  const hours = facts.flatMap((f) =>
    f.firstAnsweredAt ? [(f.firstAnsweredAt.getTime() - f.createdAt.getTime()) / 3_600_000] : [],
  );
  const days = closed.flatMap((f) => (f.closedAt ? [(f.closedAt.getTime() - f.createdAt.getTime()) / 86_400_000] : []));
  return {
    requests: facts.length,
    open: facts.length - closed.length,
    helped,
    unmet: facts.filter(isUnmet).length,
    helpedShare: decided.length === 0 ? null : Math.round((helped / decided.length) * 1000) / 1000,
    medianHoursToFirstAnswer: round1(median(hours)),
    medianDaysToClose: round1(median(days)),
  };
}

/** Figures per region × class × industry (or per region alone), largest first, small cells suppressed. */
export function demandCells(facts: DemandFact[], by: "region" | "region_class_industry"): DemandCell[] {
  const groups = new Map<string, DemandFact[]>();
  for (const fact of facts) {
    const key =
      by === "region" ? fact.regionCode : [fact.regionCode, fact.pavittClass ?? "", fact.ksicDivision ?? ""].join("|");
    const group = groups.get(key);
    if (group) group.push(fact);
    else groups.set(key, [fact]);
  }
  const cells: DemandCell[] = [...groups.values()].map((group) => {
    const first = group[0]!;
    const where = {
      regionCode: first.regionCode,
      pavittClass: by === "region" ? null : first.pavittClass,
      ksicDivision: by === "region" ? null : first.ksicDivision,
    };
    return group.length < MIN_CELL
      ? { ...where, suppressed: true, figures: null }
      : { ...where, suppressed: false, figures: demandFigures(group) };
  });
  return cells.sort(
    (a, b) => (b.figures?.requests ?? 0) - (a.figures?.requests ?? 0) || a.regionCode.localeCompare(b.regionCode),
  );
}
