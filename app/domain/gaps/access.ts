import type { Role } from "../accounts";

export interface GapViewer {
  role: Role;
  regionCode: string | null;
}

/**
 * Firm-level rows are private (the registers are not public with coordinates). Administrators
 * and officials watch every region; a regional council sees the firms of its own region only;
 * nobody else sees any. Aggregated figures are public and do not pass through this rule.
 */
export function canSeeFirms(viewer: GapViewer | null, regionCode: string): boolean {
  if (viewer === null) return false;
  if (viewer.role === "admin" || viewer.role === "official") return true;
  return viewer.regionCode !== null && viewer.regionCode === regionCode;
}
