import { facilityFeatures, stanceOf, type StanceFacility } from "../matching/stance";
import { PAVITT_CLASSES, type PavittClass } from "../types";

/** What the coverage rules read of a facility. */
export interface GapFacility extends StanceFacility {
  id: string;
  regionCode: string;
  lat: number;
  lng: number;
}

/**
 * A facility counts as support for a class when the matching stance rules give it a positive
 * fit for that class: every stance rule that names a reason why the listing suits the class
 * has a fraction of 0.5 or more. Below that are only the catch-all (0.3, no reason) and the
 * rules that say the class is not the facility's target (0.2 science-based at regional
 * centers, 0.1 scale-intensive at regional centers; seed 002 Table 2-8 and footnote 67).
 */
export const STANCE_FIT_THRESHOLD = 0.5;

export function facilityServesClass(pavittClass: PavittClass, facility: GapFacility): boolean {
  return stanceOf(pavittClass, facilityFeatures(facility)).fraction >= STANCE_FIT_THRESHOLD;
}

export interface EligiblePair {
  pavittClass: PavittClass;
  facility: GapFacility;
}

/** Every (class, facility) pair the rules accept; the SQL computation reads exactly this table. */
export function eligiblePairs(facilities: readonly GapFacility[]): EligiblePair[] {
  return PAVITT_CLASSES.flatMap((pavittClass) =>
    facilities
      .filter((facility) => facilityServesClass(pavittClass, facility))
      .map((facility) => ({ pavittClass, facility })),
  );
}
