import { z } from "zod";
import {
  NEEDS,
  PAVITT_CLASSES,
  SIZE_BANDS,
  type Need,
  type PavittClass,
  type ProfileCodes,
  type SizeBand,
} from "~/domain/types";
import { check, field, issue, type Checked, type FieldIssue, type FieldLabels } from "~/validation";

/** Sizes of what a firm may type; a request is a few lines, not a document. */
export const INQUIRY_LIMITS = { name: 100, email: 254, phone: 40, message: 2000, bodyBytes: 16_384 } as const;

/** What the firm chose to share about itself; every fact is optional. */
export interface InquiryProfile {
  ksicDivision: string | null;
  sizeBand: SizeBand | null;
  regionCode: string | null;
  pavittClass: PavittClass | null;
  needs: Need[];
}

/** `POST /api/inquiries` and the form, checked. */
export interface InquiryInput {
  targetType: "facility" | "program";
  targetId: string;
  contact: { name: string; email: string; phone: string | null };
  message: string;
  profile: InquiryProfile;
}

export const INQUIRY_FIELD_LABELS: FieldLabels = {
  targetType: { ko: "신청 대상 종류", en: "Target type" },
  targetId: { ko: "신청 대상", en: "Target" },
  "contact.name": { ko: "이름", en: "Name" },
  "contact.email": { ko: "이메일", en: "E-mail" },
  "contact.phone": { ko: "전화번호", en: "Phone" },
  message: { ko: "문의 내용", en: "Message" },
  consent: { ko: "개인정보 동의", en: "Consent" },
  "profile.ksicDivision": { ko: "업종", en: "Industry" },
  "profile.sizeBand": { ko: "규모", en: "Size" },
  "profile.regionCode": { ko: "지역", en: "Region" },
  "profile.pavittClass": { ko: "혁신 유형", en: "Innovation class" },
  "profile.needs": { ko: "필요한 지원", en: "Needs" },
};

/** Consent is given only by `true` (JSON) or a ticked box ("on"); anything else, absence included, is a refusal. */
const consent = z
  .unknown()
  .transform((raw, ctx) =>
    raw === true || raw === "on" || raw === "true" ? true : field.report(ctx, "consent_required"),
  );

function schema(known: ProfileCodes, fromForm: boolean) {
  return z
    .object({
      targetType: field.choice(["facility", "program"] as const, { required: true }),
      targetId: field.text({ max: 120, required: true }),
      contact: field.nested({
        name: field.text({ max: INQUIRY_LIMITS.name, required: true }),
        email: field.email({ max: INQUIRY_LIMITS.email }),
        phone: field.phone({ max: INQUIRY_LIMITS.phone }).optional(),
      }),
      message: field.text({ max: INQUIRY_LIMITS.message, multiline: true, required: true }),
      consent,
      profile: field.nested({
        ksicDivision: field.choice([...known.ksicDivisions]).optional(),
        sizeBand: field.choice(SIZE_BANDS).optional(),
        regionCode: field.choice([...known.regionCodes]).optional(),
        pavittClass: field.choice(PAVITT_CLASSES).optional(),
        needs: field.choices(NEEDS, { fromText: fromForm ? "one" : undefined }).optional(),
      }),
    })
    .strict();
}

export function parseInquiryInput(
  raw: unknown,
  known: ProfileCodes,
  options: { fromForm?: boolean } = {},
): Checked<InquiryInput> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, issues: [issue("", "body_not_object")] };
  const checked = check(schema(known, options.fromForm ?? false), raw);
  if (!checked.ok) return checked;
  const v = checked.value;
  return {
    ok: true,
    value: {
      targetType: v.targetType,
      targetId: v.targetId,
      contact: { name: v.contact.name, email: v.contact.email, phone: v.contact.phone ?? null },
      message: v.message,
      profile: {
        ksicDivision: v.profile.ksicDivision ?? null,
        sizeBand: v.profile.sizeBand ?? null,
        regionCode: v.profile.regionCode ?? null,
        pavittClass: v.profile.pavittClass ?? null,
        needs: v.profile.needs ?? [],
      },
    },
  };
}

/** The form's flat fields (contact_name, share_profile, …) in the API's shape; facts the firm chose not to share are dropped. */
export function inquiryBodyFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const share = form.share_profile === "on";
  const needs = form.needs;
  return {
    targetType: form.targetType,
    targetId: form.targetId,
    contact: { name: form.contact_name, email: form.contact_email, phone: form.contact_phone },
    message: form.message,
    consent: form.consent,
    profile: share
      ? {
          ksicDivision: form.ksic,
          sizeBand: form.sizeBand,
          regionCode: form.region,
          pavittClass: form.pavittClass,
          needs: typeof needs === "string" ? [needs] : needs,
        }
      : {},
  };
}

/** The form field a problem belongs to, to show it beside that field. */
export const FORM_FIELD_OF: Record<string, string> = {
  "contact.name": "contact_name",
  "contact.email": "contact_email",
  "contact.phone": "contact_phone",
  "profile.ksicDivision": "ksic",
  "profile.sizeBand": "sizeBand",
  "profile.regionCode": "region",
  "profile.pavittClass": "pavittClass",
  "profile.needs": "needs",
};

export type { FieldIssue };
