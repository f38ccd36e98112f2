/**
 * Signs that a form was filled by a script rather than a person, without a
 * CAPTCHA service: a field people never see (a honeypot) holds text, or the
 * form came back faster than anyone can read the consent notice and type.
 */
export const MIN_FILL_SECONDS = 3;
/** A form older than this was left open too long; the page asks to send it again. */
export const MAX_FORM_AGE_SECONDS = 24 * 3600;

export type AutomationVerdict = { ok: true } | { ok: false; reason: "honeypot" | "too_fast" | "form_expired" };

export function judgeSubmission(input: {
  honeypot: string;
  renderedAt: number | null;
  now: number;
}): AutomationVerdict {
  if (input.honeypot.trim() !== "") return { ok: false, reason: "honeypot" };
  if (input.renderedAt === null) return { ok: false, reason: "form_expired" };
  const seconds = (input.now - input.renderedAt) / 1000;
  if (seconds < MIN_FILL_SECONDS) return { ok: false, reason: "too_fast" };
  if (seconds > MAX_FORM_AGE_SECONDS) return { ok: false, reason: "form_expired" };
  return { ok: true };
}

/** Requests allowed per fixed window, per client address and per e-mail address. */
export const RATE_LIMITS = {
  address: { max: 10, windowSeconds: 3600 },
  email: { max: 3, windowSeconds: 86_400 },
} as const;

/** The start of the fixed window holding `now`, and the seconds left in it. */
export function rateWindow(now: Date, windowSeconds: number): { start: Date; retryAfterSeconds: number } {
  const ms = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + ms - now.getTime()) / 1000)) };
}
