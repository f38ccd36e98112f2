/**
 * Growing delays after failed sign-ins. A few mistakes cost nothing; after
 * that each further failure doubles the wait, up to a cap. Counted separately
 * per account (guessing one password) and per address (trying many accounts).
 */

export const THROTTLE_WINDOW_MINUTES = 15;

export interface ThrottlePolicy {
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 4, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60 };

/** How long after the latest failure the next attempt must wait, given the failures in the window. */
export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const steps = failures - policy.freeFailures;
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(steps, 30));
}

export interface FailureHistory {
  failures: number;
  lastFailureAt: Date | null;
}

/** Seconds still to wait before another attempt is considered (0: go ahead). */
export function secondsToWait(history: FailureHistory, policy: ThrottlePolicy, now: Date): number {
  if (!history.lastFailureAt) return 0;
  const delay = delayAfterFailures(history.failures, policy);
  const elapsed = (now.getTime() - history.lastFailureAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(delay - elapsed));
}
