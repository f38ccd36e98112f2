/**
 * Growing delays after failed sign-ins. A few mistakes cost nothing; after
 * that each further failure doubles the wait, up to a cap. Counted per
 * account-and-address pair (guessing one password from one place: the owner,
 * elsewhere, is never locked out by a stranger) and per address (one place
 * trying many accounts). Failures age out a window after the latest one.
 */

export const THROTTLE_WINDOW_MINUTES = 15;

export interface ThrottlePolicy {
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export const PAIR_POLICY: ThrottlePolicy = { freeFailures: 4, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60 };

/** How long after the latest failure the next attempt must wait, given the failures in the window. */
export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const steps = failures - policy.freeFailures;
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(steps, 30));
}

/** One counter as stored: attempts not (yet) followed by a success, and when the latest was admitted. */
export interface ThrottleState {
  failures: number;
  lastAttemptAt: Date;
}

export type Admission = { admitted: true; next: ThrottleState } | { admitted: false; retryAfterSeconds: number };

/**
 * Decides one attempt against a counter. An admitted attempt is counted at
 * once, before its password is checked, so parallel attempts cannot slip
 * past the limit between check and count; a success then clears the pair.
 */
export function admitAttempt(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): Admission {
  const elapsed = state ? (now.getTime() - state.lastAttemptAt.getTime()) / 1000 : Infinity;
  const failures = elapsed < THROTTLE_WINDOW_MINUTES * 60 ? state!.failures : 0;
  const wait = delayAfterFailures(failures, policy) - elapsed;
  if (failures > 0 && wait > 0) return { admitted: false, retryAfterSeconds: Math.ceil(wait) };
  return { admitted: true, next: { failures: failures + 1, lastAttemptAt: now } };
}
