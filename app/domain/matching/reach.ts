import { ECONOMIC_ZONES } from "../programs/regions";
import type { Reason } from "../reasons";
import type { FacilityCandidate, ScoredItem } from "./types";

/**
 * Distance acts as reach, not only as points: a center is out of the firm's
 * reach when it lies outside the firm's economic zone (수도권, 충청권, 호남권,
 * 대경권, 동남권, 강원권, 제주권) and farther than REACH_KM, or across the sea
 * (Jeju and the mainland). Seed 002 (footnote 60) puts SME support in someone
 * close who earns the firm's confidence: a center hours away is no such help,
 * however well its industries fit.
 */
export const REACH_KM = 100;

/** Centers out of reach are shown only when fewer than this many are within it. */
export const MIN_CENTERS_IN_REACH = 5;

const JEJU = "50";

function zoneOf(regionCode: string | null): string | null {
  if (regionCode === null) return null;
  return Object.entries(ECONOMIC_ZONES).find(([, codes]) => codes.includes(regionCode))?.[0] ?? null;
}

export type Reach = { within: true } | { within: false; acrossSea: boolean };

/** Whether a center is within the firm's reach; an unplaced one is judged by its region alone. */
export function reachOf(
  firmRegion: string,
  facility: Pick<FacilityCandidate, "regionCode">,
  distanceKm: number | null,
): Reach {
  if (facility.regionCode !== null && (facility.regionCode === JEJU) !== (firmRegion === JEJU))
    return { within: false, acrossSea: true };
  const zone = zoneOf(facility.regionCode);
  const sameZone = zone !== null && zone === zoneOf(firmRegion);
  if (sameZone || (distanceKm !== null && distanceKm <= REACH_KM)) return { within: true };
  return { within: false, acrossSea: false };
}

/**
 * The ranked centers with reach applied: those within reach in their order;
 * those beyond it dropped, unless fewer than MIN_CENTERS_IN_REACH are within
 * reach, when they follow, each with a reason that says why it is shown.
 */
export function applyReach(ranked: readonly ScoredItem[], reachOfItem: (item: ScoredItem) => Reach): ScoredItem[] {
  const judged = ranked.map((item) => ({ item, reach: reachOfItem(item) }));
  const near = judged.filter((j) => j.reach.within).map((j) => j.item);
  if (near.length >= MIN_CENTERS_IN_REACH) return near;
  const far = judged.flatMap(({ item, reach }) => {
    if (reach.within) return [];
    const reason: Reason = {
      rule: "reach.beyond",
      params: {
        km: item.distanceKm === null ? null : Math.round(item.distanceKm),
        acrossSea: reach.acrossSea,
        withinReach: near.length,
        reachKm: REACH_KM,
      },
    };
    return [{ ...item, reasons: [reason, ...item.reasons] }];
  });
  return [...near, ...far];
}
