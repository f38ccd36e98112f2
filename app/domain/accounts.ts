/** Account rules: who may hold which role, and what a valid email and password look like. */
import { z } from "zod";
import { check, field, type Checked, type FieldLabels } from "~/validation";

export const ROLES = ["admin", "official", "council_editor", "council_reviewer"] as const;
export type Role = (typeof ROLES)[number];
export const COUNCIL_ROLES: readonly Role[] = ["council_editor", "council_reviewer"];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const EMAIL_MAX_LENGTH = 254;

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

function accountSchema(knownRegions: ReadonlySet<string>) {
  return z
    .object({
      email: field.email({ max: EMAIL_MAX_LENGTH }),
      password: z.unknown().transform((raw, ctx): string => {
        if (typeof raw !== "string" || raw === "") return field.report(ctx, "required");
        if ([...raw].length < PASSWORD_MIN_LENGTH)
          return field.report(ctx, "password_too_short", { min: PASSWORD_MIN_LENGTH });
        if (raw.length > PASSWORD_MAX_LENGTH)
          return field.report(ctx, "password_too_long", { max: PASSWORD_MAX_LENGTH });
        if (/[\u0000-\u001F\u007F]/.test(raw)) return field.report(ctx, "control_chars");
        return raw;
      }),
      role: z.unknown().transform((raw, ctx): Role => (isRole(raw) ? raw : field.report(ctx, "role_invalid"))),
      regionCode: field.text({ max: 10 }),
    })
    .superRefine((value, ctx) => {
      const at = (issue: "region_required" | "region_not_allowed" | "unknown_region") =>
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["regionCode"],
          params: {
            issue,
            values: issue === "unknown_region" ? { value: String(value.regionCode).slice(0, 10) } : undefined,
          },
        });
      if (!isRole(value.role)) return;
      if (isCouncilRole(value.role)) {
        if (!value.regionCode) at("region_required");
        else if (!knownRegions.has(value.regionCode)) at("unknown_region");
      } else if (value.regionCode) at("region_not_allowed");
    });
}

/** How the account form's fields are named in messages. */
export const ACCOUNT_FIELD_LABELS: FieldLabels = {
  email: { ko: "이메일", en: "Email" },
  password: { ko: "비밀번호", en: "Password" },
  role: { ko: "역할", en: "Role" },
  regionCode: { ko: "지역", en: "Region" },
};

/** How the password forms' fields are named in messages. */
export const PASSWORD_FIELD_LABELS: FieldLabels = {
  currentPassword: { ko: "현재 비밀번호", en: "Current password" },
  newPassword: { ko: "새 비밀번호", en: "New password" },
  confirmPassword: { ko: "새 비밀번호 확인", en: "New password again" },
  userId: { ko: "계정", en: "Account" },
};

/** Checks a new account; knownRegions are the region codes that exist. */
export function validateAccount(input: AccountInput, knownRegions: ReadonlySet<string>): Checked<ValidAccount> {
  return check(accountSchema(knownRegions), input);
}
