import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, delayAfterFailures, secondsToWait } from "~/domain/login-throttle";

describe("sign-in throttling", () => {
  it("lets the first few failures through, then doubles the delay up to the cap", () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 20, 100].map((n) => delayAfterFailures(n, ACCOUNT_POLICY));
    expect(delays).toEqual([0, 0, 0, 0, 2, 4, 8, 16, 900, 900]);
  });

  it("counts the wait from the latest failure", () => {
    const lastFailureAt = new Date("2026-01-01T00:00:00Z");
    const history = { failures: 6, lastFailureAt };
    expect(secondsToWait(history, ACCOUNT_POLICY, new Date("2026-01-01T00:00:01Z"))).toBe(7);
    expect(secondsToWait(history, ACCOUNT_POLICY, new Date("2026-01-01T00:00:08Z"))).toBe(0);
    expect(secondsToWait({ failures: 0, lastFailureAt: null }, ACCOUNT_POLICY, new Date())).toBe(0);
  });
});
