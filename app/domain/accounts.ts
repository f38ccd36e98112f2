/** Account rules: who may hold which role, and what a valid email and password look like. */

export const ROLES = ["admin", "official", "council_editor", "council_reviewer"] as const;
export type Role = (typeof ROLES)[number];
export const COUNCIL_ROLES: readonly Role[] = ["council_editor", "council_reviewer"];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const EMAIL_MAX_LENGTH = 254;

export type AccountProblem =
  | { field: "email"; code: "accountEmailInvalid" }
  | { field: "password"; code: "accountPasswordTooShort" | "accountPasswordTooLong" }
  | { field: "role"; code: "accountRoleInvalid" }
  | { field: "regionCode"; code: "accountRegionRequired" | "accountRegionNotAllowed" | "accountRegionUnknown" };

export interface AccountInput {
  email: string;
  password: string;
  role: string;
  regionCode: string | null;
}

export interface ValidAccount {
  email: string;
  password: string;
  role: Role;
  regionCode: string | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isCouncilRole(role: Role): boolean {
  return COUNCIL_ROLES.includes(role);
}

/** Checks a new account; knownRegions are the region codes that exist. */
export function validateAccount(input: AccountInput, knownRegions: ReadonlySet<string>): { ok: true; account: ValidAccount } | { ok: false; problems: AccountProblem[] } {
  const problems: AccountProblem[] = [];
  const email = normalizeEmail(input.email);
  if (email.length > EMAIL_MAX_LENGTH || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ field: "email", code: "accountEmailInvalid" });
  if ([...input.password].length < PASSWORD_MIN_LENGTH) problems.push({ field: "password", code: "accountPasswordTooShort" });
  if (input.password.length > PASSWORD_MAX_LENGTH) problems.push({ field: "password", code: "accountPasswordTooLong" });
  const regionCode = input.regionCode?.trim() || null;
  if (!isRole(input.role)) {
    problems.push({ field: "role", code: "accountRoleInvalid" });
  } else if (isCouncilRole(input.role)) {
    if (!regionCode) problems.push({ field: "regionCode", code: "accountRegionRequired" });
    else if (!knownRegions.has(regionCode)) problems.push({ field: "regionCode", code: "accountRegionUnknown" });
  } else if (regionCode) {
    problems.push({ field: "regionCode", code: "accountRegionNotAllowed" });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, account: { email, password: input.password, role: input.role as Role, regionCode } };
}
