import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RECORD_RULES_VERSION } from "~/programs/import.server";
import { BIZINFO_DATA_GO_KR, BIZINFO_NATIVE, KSTARTUP_PAGE, KSTARTUP_SEED, readFixture } from "./fixtures";

/**
 * The importer skips a record whose fingerprint (its content, the support-field table and
 * RECORD_RULES_VERSION) is the stored one, so a change to a check or a reading rule must raise
 * the version, or unchanged records keep their old reading. The recorded samples stand guard.
 */
describe("the rules' version", () => {
  it("the recorded samples read as they did when RECORD_RULES_VERSION was last raised", () => {
    const readings = [
      ...readFixture("bizinfo", BIZINFO_NATIVE),
      ...readFixture("bizinfo", BIZINFO_DATA_GO_KR),
      ...readFixture("kstartup", KSTARTUP_PAGE),
      ...readFixture("kstartup", KSTARTUP_SEED),
    ];
    const digest = createHash("sha256").update(JSON.stringify(readings)).digest("base64url");
    // A reading changed: raise RECORD_RULES_VERSION in app/programs/import.server.ts and record
    // both here. (A change of data/program_support_fields.csv alone needs only the new digest.)
    expect({ version: RECORD_RULES_VERSION, digest }).toEqual({
      version: 1,
      digest: "xYzUZdhf66d5pI3IXWkvTaMpX9sU1Eud1QnuWv7zs_Q",
    });
  });
});
