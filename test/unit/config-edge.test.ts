import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "~/config.server";

const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...values });

describe("edge configuration", () => {
  it("reads TRUST_PROXY as a number of proxy hops and refuses `true`, which would trust any forwarded address", () => {
    expect(loadConfig(env({})).trustProxyHops).toBe(0);
    expect(loadConfig(env({ TRUST_PROXY: "false" })).trustProxyHops).toBe(0);
    expect(loadConfig(env({ TRUST_PROXY: "1" })).trustProxyHops).toBe(1);
    expect(loadConfig(env({ TRUST_PROXY: " 2 " })).trustProxyHops).toBe(2);
    for (const bad of ["true", "-1", "1.5", "yes"]) {
      expect(() => loadConfig(env({ TRUST_PROXY: bad })), bad).toThrow(ConfigError);
      expect(() => loadConfig(env({ TRUST_PROXY: bad })), bad).toThrow(/TRUST_PROXY: must be the number of proxies/);
    }
  });

  it("reads API_RATE_LIMIT as requests per minute, 600 unless set, 0 for none", () => {
    expect(loadConfig(env({})).apiRateLimit).toBe(600);
    expect(loadConfig(env({ API_RATE_LIMIT: "0" })).apiRateLimit).toBe(0);
    expect(() => loadConfig(env({ API_RATE_LIMIT: "-5" }))).toThrow(/API_RATE_LIMIT/);
  });
});
