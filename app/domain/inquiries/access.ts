import type { Actor } from "../access";

/**
 * Who may open a region's inbox, see the firms' personal data and act on its
 * requests: administrators, and the council accounts of that region. Officials
 * see the anonymous counts on /gaps only; councils of other regions nothing.
 */
export function mayHandleInquiries(actor: Actor, regionCode: string): boolean {
  if (actor.role === "admin") return true;
  return (actor.role === "council_editor" || actor.role === "council_reviewer") && actor.regionCode === regionCode;
}
