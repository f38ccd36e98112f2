import { describe, expect, it } from "vitest";
import { canSeeFirms } from "~/domain/gaps/access";

describe("firm-level access to coverage data", () => {
  it("nobody signed out sees firm-level rows", () => {
    expect(canSeeFirms(null, "27")).toBe(false);
  });
  it("administrators and officials see every region", () => {
    for (const role of ["admin", "official"] as const) {
      expect(canSeeFirms({ role, regionCode: null }, "27")).toBe(true);
      expect(canSeeFirms({ role, regionCode: "11" }, "27")).toBe(true);
    }
  });
  it("a council sees its own region only", () => {
    for (const role of ["council_editor", "council_reviewer"] as const) {
      expect(canSeeFirms({ role, regionCode: "27" }, "27")).toBe(true);
      expect(canSeeFirms({ role, regionCode: "27" }, "47")).toBe(false);
      expect(canSeeFirms({ role, regionCode: null }, "27")).toBe(false);
    }
  });
});
