import { findInquiryTarget } from "../../db/queries/inquiries";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import { judgeSubmission, MIN_FILL_SECONDS, RETENTION_DAYS } from "~/domain/inquiries";
import { NEEDS, PAVITT_CLASSES, SIZE_BANDS } from "~/domain/types";
import type { Lang } from "~/i18n";
import { isSameOriginPost } from "~/auth/csrf.server";
import type { Services } from "~/services.server";
import { entriesObject, issue, issueMessage, type FieldIssue } from "~/validation";
import { readLimitedText } from "~/validation/request.server";
import { FORM_FIELD_OF, INQUIRY_FIELD_LABELS, INQUIRY_LIMITS, inquiryBodyFromForm } from "./input";
import { checkInquiry, clientAddress } from "./request.server";
import { handlingRegion, statusPath, submitInquiry } from "./service.server";

/** The form's fields, as strings (needs as a list), for prefilling and for showing back what was sent. */
export interface InquiryFormValues {
  targetType: string;
  targetId: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  message: string;
  share_profile: boolean;
  ksic: string;
  sizeBand: string;
  region: string;
  pavittClass: string;
  needs: string[];
}

const one = (value: unknown) => (typeof value === "string" ? value : "");
const many = (value: unknown) =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : typeof value === "string" && value !== ""
      ? value.split(",")
      : [];

/** Prefill from the link (a match profile: ksic, sizeBand, region, pavittClass, needs) or from what was posted. */
export function formValues(fields: Record<string, unknown>, posted: boolean): InquiryFormValues {
  return {
    targetType: one(fields.targetType),
    targetId: one(fields.targetId),
    contact_name: one(fields.contact_name),
    contact_email: one(fields.contact_email),
    contact_phone: one(fields.contact_phone),
    message: one(fields.message),
    share_profile: posted ? fields.share_profile === "on" : true,
    ksic: one(fields.ksic),
    sizeBand: (SIZE_BANDS as readonly string[]).includes(one(fields.sizeBand)) ? one(fields.sizeBand) : "",
    region: one(fields.region),
    pavittClass: (PAVITT_CLASSES as readonly string[]).includes(one(fields.pavittClass)) ? one(fields.pavittClass) : "",
    needs: many(fields.needs).filter((n) => (NEEDS as readonly string[]).includes(n)),
  };
}

export interface InquiryFormData {
  target: {
    type: "facility" | "program";
    id: string;
    nameKo: string;
    nameEn: string;
    regionCode: string | null;
  } | null;
  regionName: { nameKo: string; nameEn: string } | null;
  divisions: { code: string; nameKo: string; nameEn: string }[];
  regions: { code: string; nameKo: string; nameEn: string }[];
  values: InquiryFormValues;
  renderedAt: number;
  retentionDays: number;
  maxMessage: number;
}

export async function loadInquiryForm(
  services: Services,
  fields: Record<string, unknown>,
  posted: boolean,
): Promise<InquiryFormData> {
  const db = services.database.db;
  const values = formValues(fields, posted);
  const type = values.targetType === "facility" || values.targetType === "program" ? values.targetType : null;
  const [target, regions, divisions] = await Promise.all([
    type && values.targetId ? findInquiryTarget(db, type, values.targetId) : null,
    listRegions(db),
    listKsicDivisions(db),
  ]);
  const handling = target ? handlingRegion(target, values.region || null) : null;
  const region = regions.find((r) => r.code === handling);
  return {
    target: target
      ? { type: target.type, id: target.id, nameKo: target.nameKo, nameEn: target.nameEn, regionCode: handling }
      : null,
    regionName: region ? { nameKo: region.nameKo, nameEn: region.nameEnFull } : null,
    divisions: divisions.map((d) => ({ code: d.code, nameKo: d.nameKo, nameEn: d.nameEn })),
    regions: regions.map((r) => ({ code: r.code, nameKo: r.nameKo, nameEn: r.nameEnFull })),
    values,
    renderedAt: Date.now(),
    retentionDays: RETENTION_DAYS,
    maxMessage: INQUIRY_LIMITS.message,
  };
}

export type FormSubmission =
  | { kind: "sent"; location: string }
  | {
      kind: "refused";
      status: number;
      headers?: Record<string, string>;
      problems: { field: string; message: string }[];
      fields: Record<string, unknown>;
    };

function refused(
  status: number,
  issues: FieldIssue[],
  lang: Lang,
  fields: Record<string, unknown>,
  headers?: Record<string, string>,
): FormSubmission {
  return {
    kind: "refused",
    status,
    headers,
    fields,
    problems: issues.map((p) => ({
      field: FORM_FIELD_OF[p.field] ?? p.field,
      message: issueMessage(p, lang, INQUIRY_FIELD_LABELS),
    })),
  };
}

/**
 * The HTML form's post: same origin, a url-encoded body within the size
 * limit, the anti-automation checks, then the API's own validation and
 * submission. Every refusal says why.
 */
export async function submitInquiryForm(
  services: Services,
  request: Request,
  context: { clientAddress?: string },
  lang: Lang,
): Promise<FormSubmission> {
  if (!isSameOriginPost(request)) return refused(403, [issue("", "forbidden")], lang, {});
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    return refused(415, [issue("", "content_type", { expected: "application/x-www-form-urlencoded" })], lang, {});
  const text = await readLimitedText(request, INQUIRY_LIMITS.bodyBytes);
  if (text === null)
    return refused(
      413,
      [issue("", "body_too_large", { maxKb: Math.round(INQUIRY_LIMITS.bodyBytes / 1024) })],
      lang,
      {},
    );
  const fields = entriesObject(new URLSearchParams(text));
  const renderedAt = Number(one(fields.renderedAt));
  const verdict = judgeSubmission({
    honeypot: one(fields.website),
    renderedAt: Number.isFinite(renderedAt) && renderedAt > 0 ? renderedAt : null,
    now: Date.now(),
  });
  if (!verdict.ok) {
    const problem =
      verdict.reason === "too_fast"
        ? issue("", "too_fast", { minSeconds: MIN_FILL_SECONDS })
        : issue("", verdict.reason);
    return refused(400, [problem], lang, fields);
  }
  const checked = await checkInquiry(services, inquiryBodyFromForm(fields), true);
  if (!checked.ok) return refused(400, checked.issues, lang, fields);
  const outcome = await submitInquiry(services, checked.value, {
    address: clientAddress(context),
    origin: new URL(request.url).origin,
    now: new Date(),
  });
  if (outcome.kind === "ok")
    return {
      kind: "sent",
      location: `${statusPath(outcome.value.statusToken)}?sent=1${lang === "en" ? "&lang=en" : ""}`,
    };
  if (outcome.kind === "rate_limited")
    return refused(429, outcome.issues, lang, fields, { "Retry-After": String(outcome.retryAfterSeconds) });
  if (outcome.kind === "invalid") return refused(400, outcome.issues, lang, fields);
  return refused(400, [issue("", "unknown_target")], lang, fields);
}
