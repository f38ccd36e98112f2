/** What a match profile hands to the request form, to be shown and edited there. */
export interface ProfileHint {
  ksic?: string | null;
  sizeBand?: string | null;
  region?: string | null;
  pavittClass?: string | null;
  needs?: readonly string[];
}

/** The "Ask for help" link of a facility or program, prefilled from the profile when there is one. */
export function inquiryHref(
  target: { type: "facility" | "program"; id: string },
  profile: ProfileHint = {},
  lang: "ko" | "en" = "ko",
): string {
  const params = new URLSearchParams({ targetType: target.type, targetId: target.id });
  if (profile.ksic) params.set("ksic", profile.ksic);
  if (profile.sizeBand) params.set("sizeBand", profile.sizeBand);
  if (profile.region) params.set("region", profile.region);
  if (profile.pavittClass) params.set("pavittClass", profile.pavittClass);
  if (profile.needs && profile.needs.length > 0) params.set("needs", profile.needs.join(","));
  if (lang === "en") params.set("lang", "en");
  return `/inquiries/new?${params.toString()}`;
}
