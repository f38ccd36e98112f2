import { describe, expect, it } from "vitest";
import { validateAccount } from "~/domain/accounts";

const regions = new Set(["11", "27"]);
const base = { email: "Someone@Example.KR ", password: "twelve chars", role: "official", regionCode: null };

describe("account rules", () => {
  it("normalizes the email and accepts a 12-character password (counted in characters, not bytes)", () => {
    expect(validateAccount(base, regions)).toEqual({ ok: true, value: { ...base, email: "someone@example.kr" } });
    expect(validateAccount({ ...base, password: "한국어비밀번호열두글자임" }, regions).ok).toBe(true);
  });

  it("names every problem", () => {
    const result = validateAccount(
      { email: "not-an-email", password: "short", role: "council_editor", regionCode: "99" },
      regions,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((p) => p.code)).toEqual(["email_format", "password_too_short", "unknown_region"]);
  });

  it("gives council roles exactly one region and the others none", () => {
    expect(validateAccount({ ...base, role: "council_reviewer", regionCode: "27" }, regions).ok).toBe(true);
    const noRegion = validateAccount({ ...base, role: "council_editor" }, regions);
    expect(!noRegion.ok && noRegion.issues[0]!.code).toBe("region_required");
    const adminWithRegion = validateAccount({ ...base, role: "admin", regionCode: "11" }, regions);
    expect(!adminWithRegion.ok && adminWithRegion.issues[0]!.code).toBe("region_not_allowed");
    const unknownRole = validateAccount({ ...base, role: "superuser" }, regions);
    expect(!unknownRole.ok && unknownRole.issues[0]!.code).toBe("role_invalid");
  });
});
