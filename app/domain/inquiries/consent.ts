/**
 * What the firm is asked to agree to before a request is sent (the Personal
 * Information Protection Act's notice: purpose, items, recipients, retention,
 * the right to refuse). The version is stored with each request, so a later
 * change of wording never rewrites what someone agreed to.
 */
export const CONSENT_VERSION = "inquiry-2026-12";
export const CONSENT_PURPOSE = "support_consultation";
export const CONSENT_ITEMS = ["name", "email", "phone", "message"] as const;
/** Personal fields are erased this many days after the request is closed. */
export const RETENTION_DAYS = 365;

const DAY_MS = 86_400_000;

/** Closed before this instant means the personal fields are due for erasure. */
export function erasureCutoff(now: Date, retentionDays = RETENTION_DAYS): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export function isDueForErasure(
  request: { closedAt: Date | null; erasedAt: Date | null; retentionDays: number },
  now: Date,
): boolean {
  return (
    request.erasedAt === null &&
    request.closedAt !== null &&
    request.closedAt < erasureCutoff(now, request.retentionDays)
  );
}
