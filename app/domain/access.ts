/**
 * Who may do what to a region's listings. Councils act only on their own
 * region; administrators on every region; officials only read.
 */
import type { Role } from "./accounts";

export interface Actor {
  role: Role;
  regionCode: string | null;
}

export type ListingAction = "view" | "edit" | "review";

export function mayActOnRegion(actor: Actor, action: ListingAction, regionCode: string): boolean {
  if (actor.role === "admin") return true;
  if (action === "view") return actor.role === "official" || actor.regionCode === regionCode;
  if (actor.regionCode !== regionCode) return false;
  return action === "edit" ? actor.role === "council_editor" : actor.role === "council_reviewer";
}

/** The regions whose workspace this actor may open; null means every region. */
export function visibleRegions(actor: Actor): string[] | null {
  if (actor.role === "admin" || actor.role === "official") return null;
  return actor.regionCode ? [actor.regionCode] : [];
}
