import { describe, expect, it } from "vitest";
import { admitAttempt, delayAfterFailures, PAIR_POLICY, THROTTLE_WINDOW_MINUTES } from "~/domain/login-throttle";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe("sign-in throttling", () => {
  it("lets the first few failures through, then doubles the delay up to the cap", () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 20, 100].map((n) => delayAfterFailures(n, PAIR_POLICY));
    expect(delays).toEqual([0, 0, 0, 0, 2, 4, 8, 16, 900, 900]);
  });

  it("admits and counts the free attempts at once, then makes the next wait from the latest one", () => {
    let state = null;
    for (let i = 0; i < PAIR_POLICY.freeFailures; i++) {
      const admission = admitAttempt(state, PAIR_POLICY, at(0));
      expect(admission.admitted).toBe(true);
      if (admission.admitted) state = admission.next;
    }
    expect(state).toEqual({ failures: 4, lastAttemptAt: at(0) });
    expect(admitAttempt(state, PAIR_POLICY, at(0))).toEqual({ admitted: false, retryAfterSeconds: 2 });
    expect(admitAttempt(state, PAIR_POLICY, at(1))).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(admitAttempt(state, PAIR_POLICY, at(2))).toEqual({
      admitted: true,
      next: { failures: 5, lastAttemptAt: at(2) },
    });
  });

  it("forgets failures a window after the latest", () => {
    const state = { failures: 30, lastAttemptAt: at(0) };
    expect(admitAttempt(state, PAIR_POLICY, at(60)).admitted).toBe(false);
    expect(admitAttempt(state, PAIR_POLICY, at(THROTTLE_WINDOW_MINUTES * 60))).toEqual({
      admitted: true,
      next: { failures: 1, lastAttemptAt: at(THROTTLE_WINDOW_MINUTES * 60) },
    });
  });
});
