import { findUserById, replacePassword } from "../../db/queries/users";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/accounts";
import { isGuessablePassword } from "~/domain/password-strength.server";
import { logEvent } from "~/log.server";
import type { Services } from "~/services.server";
import { issue, type FieldIssue } from "~/validation";
import { hashPassword } from "./password.server";
import { checkPasswordThrottled, hashToken, readSessionToken } from "./session.server";
import type { SessionUser } from "./user.server";

export type PasswordChangeResult =
  { ok: true } | { ok: false; issues: FieldIssue[] } | { ok: false; retryAfterSeconds: number };

/** The rule for a new password: length, no control characters, not common or repetitive, typed the same twice. */
export function newPasswordIssues(password: unknown, confirmation: unknown, email: string): FieldIssue[] {
  if (typeof password !== "string" || password === "") return [issue("newPassword", "required")];
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return [issue("newPassword", "password_too_short", { min: PASSWORD_MIN_LENGTH })];
  if (password.length > PASSWORD_MAX_LENGTH)
    return [issue("newPassword", "password_too_long", { max: PASSWORD_MAX_LENGTH })];
  if (/[\u0000-\u001F\u007F]/.test(password)) return [issue("newPassword", "control_chars")];
  if (isGuessablePassword(password, [email])) return [issue("newPassword", "password_guessable")];
  if (confirmation !== password) return [issue("confirmPassword", "password_mismatch")];
  return [];
}

/**
 * A signed-in user replaces their own password: the current one is checked
 * under the sign-in throttle (a stolen session cannot guess it quickly), the
 * user's other sessions end, this one stays, and the change is audited.
 */
export async function changeOwnPassword(
  request: Request,
  services: Services,
  user: SessionUser,
  input: { current: unknown; next: unknown; confirmation: unknown; address: string },
): Promise<PasswordChangeResult> {
  if (typeof input.current !== "string" || input.current === "")
    return { ok: false, issues: [issue("currentPassword", "required")] };
  const problems = newPasswordIssues(input.next, input.confirmation, user.email);
  if (problems.length > 0) return { ok: false, issues: problems };
  const checked = await checkPasswordThrottled(services, {
    email: user.email,
    password: input.current,
    address: input.address,
  });
  if (!checked.ok)
    return checked.reason === "throttled"
      ? { ok: false, retryAfterSeconds: checked.retryAfterSeconds }
      : { ok: false, issues: [issue("currentPassword", "password_incorrect")] };
  const token = readSessionToken(request, services);
  await replacePassword(services.database.db, {
    userId: user.id,
    passwordHash: await hashPassword(input.next as string),
    keepSessionHash: token ? hashToken(token) : null,
    actor: user,
    action: "password_change",
  });
  logEvent({ event: "password_changed", userId: user.id, by: "self", actorId: user.id });
  return { ok: true };
}

/** An administrator sets another account's password; all of that account's sessions end, and the reset is audited. */
export async function resetPassword(
  services: Services,
  admin: SessionUser,
  input: { userId: string; next: unknown; confirmation: unknown },
): Promise<PasswordChangeResult> {
  const target = await findUserById(services.database.db, input.userId);
  if (!target || target.id === admin.id) return { ok: false, issues: [issue("userId", "not_found")] };
  const problems = newPasswordIssues(input.next, input.confirmation, target.email);
  if (problems.length > 0) return { ok: false, issues: problems };
  await replacePassword(services.database.db, {
    userId: target.id,
    passwordHash: await hashPassword(input.next as string),
    keepSessionHash: null,
    actor: admin,
    action: "password_reset",
  });
  logEvent({ event: "password_changed", userId: target.id, by: "admin", actorId: admin.id });
  return { ok: true };
}
