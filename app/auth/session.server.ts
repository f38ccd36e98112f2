import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { findUserByEmail, type UserCredentials } from "../../db/queries/users";
import {
  clearLoginThrottle,
  pruneLoginThrottles,
  recordLoginAttempt,
  refundLoginAttempt,
  reserveLoginAttempt,
} from "../../db/queries/login-attempts";
import {
  findActiveSession,
  insertSession,
  revokeSessionByToken,
  touchSession,
  type ActiveSession,
} from "../../db/queries/sessions";
import { EMAIL_MAX_LENGTH, normalizeEmail, PASSWORD_MAX_LENGTH } from "~/domain/accounts";
import { ADDRESS_POLICY, PAIR_POLICY } from "~/domain/login-throttle";
import { logEvent } from "~/log.server";
import type { Services } from "~/services.server";
import { verifyAgainstDecoy, verifyPassword } from "./password.server";

export const SESSION_LIFETIME_SECONDS = 7 * 24 * 60 * 60;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** `__Host-` binds the cookie to this exact host over HTTPS; browsers refuse it without Secure. */
export function sessionCookieName(services: Services): string {
  return services.config.env === "production" ? "__Host-session" : "session";
}

function cookieAttributes(services: Services): string {
  return `Path=/; HttpOnly; SameSite=Lax${services.config.env === "production" ? "; Secure" : ""}`;
}

export function sessionCookie(services: Services, token: string): string {
  return `${sessionCookieName(services)}=${token}; Max-Age=${SESSION_LIFETIME_SECONDS}; ${cookieAttributes(services)}`;
}

export function clearedSessionCookie(services: Services): string {
  return `${sessionCookieName(services)}=; Max-Age=0; ${cookieAttributes(services)}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function readSessionToken(request: Request, services: Services): string | null {
  const name = sessionCookieName(services);
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

const lastTouched = new Map<string, number>();
/** Forgetting when sessions were touched only costs an extra write, so the map is simply reset when large. */
const MAX_TOUCHED = 10_000;

/** The request's live session, if any. */
export async function loadSession(request: Request, services: Services): Promise<ActiveSession | null> {
  const token = readSessionToken(request, services);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = await findActiveSession(services.database.db, tokenHash);
  if (session && Date.now() - (lastTouched.get(tokenHash) ?? 0) > TOUCH_INTERVAL_MS) {
    if (lastTouched.size >= MAX_TOUCHED) lastTouched.clear();
    lastTouched.set(tokenHash, Date.now());
    await touchSession(services.database.db, tokenHash);
  }
  return session;
}

/** The counter keys of one attempt: the account from this address, and the address alone. */
function throttleKeys(email: string, address: string) {
  return { pair: `pair:${email} ${address}`, address: `address:${address}` };
}

/**
 * Checks an account's password under the sign-in throttle: the attempt is
 * counted (per account and address, and per address) before the check; a
 * correct password clears the pair's count and takes its attempt back from
 * the address's, so only failures remain counted.
 */
export async function checkPasswordThrottled(
  services: Services,
  input: { email: string; password: string; address: string },
): Promise<
  | { ok: true; user: UserCredentials }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
> {
  const db = services.database.db;
  const email = normalizeEmail(input.email).slice(0, EMAIL_MAX_LENGTH);
  const keys = throttleKeys(email, input.address);
  const policies = services.config.loginThrottle ?? { pair: PAIR_POLICY, address: ADDRESS_POLICY };
  const reservation = await reserveLoginAttempt(db, [
    { key: keys.pair, policy: policies.pair },
    { key: keys.address, policy: policies.address },
  ]);
  if (!reservation.admitted) {
    logEvent({
      event: "login",
      outcome: "throttled",
      email,
      address: input.address,
      retryAfterSeconds: reservation.retryAfterSeconds,
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };
  }
  const user = await findUserByEmail(db, email);
  const password = input.password.slice(0, PASSWORD_MAX_LENGTH + 1);
  const valid =
    user && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  await recordLoginAttempt(db, { email, address: input.address, succeeded: Boolean(valid) });
  if (!valid || !user) {
    logEvent({ event: "login", outcome: "failed", email, address: input.address });
    return { ok: false, reason: "invalid" };
  }
  await clearLoginThrottle(db, keys.pair);
  await refundLoginAttempt(db, keys.address);
  // Counters a day old say nothing any more; a successful sign-in is a rare enough moment to sweep them.
  await pruneLoginThrottles(db);
  return { ok: true, user };
}

export type SignInResult =
  | { ok: true; setCookie: string; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a password and opens a brand-new session (a new random id every
 * time, so a session id planted before sign-in is worthless).
 */
export async function signIn(
  services: Services,
  input: { email: string; password: string; address: string; userAgent: string | null },
): Promise<SignInResult> {
  const checked = await checkPasswordThrottled(services, input);
  if (!checked.ok) return checked;
  const { user } = checked;
  const token = randomBytes(32).toString("base64url");
  await insertSession(services.database.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: randomBytes(32).toString("base64url"),
    userAgent: input.userAgent,
    address: input.address,
    lifetimeSeconds: SESSION_LIFETIME_SECONDS,
  });
  logEvent({ event: "login", outcome: "succeeded", email: user.email, address: input.address });
  return { ok: true, setCookie: sessionCookie(services, token), userId: user.id };
}

export async function signOut(request: Request, services: Services): Promise<string> {
  const token = readSessionToken(request, services);
  if (token) await revokeSessionByToken(services.database.db, hashToken(token));
  return clearedSessionCookie(services);
}

export function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
