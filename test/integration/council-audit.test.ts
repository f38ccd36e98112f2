/** A region's audit trail in pages of 50, newest first, another region's entries never among them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAuditEntries, type AuditEntryInput } from "../../db/queries/audit";
import { createUser } from "~/auth/accounts.server";
import { AUDIT_PAGE_SIZE } from "~/council/pages.server";
import { loader } from "~/routes/council.$region.audit";
import type { Services } from "~/services.server";
import { callRoute, createTestServices, databaseLabel, signIn } from "./support";

const PASSWORD = "a long enough password";

function entry(regionCode: string, entityId: string): AuditEntryInput {
  return {
    user: { id: null, email: "import@daegu.example" },
    action: "draft_create",
    entityType: "facility",
    entityId,
    regionCode,
    before: null,
    after: { nameKo: entityId },
  };
}

type AuditPage = { entries: { entityId: string; regionCode: string }[]; olderBefore: number | null; paged: boolean };

describe(`a region's audit trail on ${databaseLabel}`, () => {
  let services: Services;
  let cookie: string;

  beforeAll(async () => {
    services = await createTestServices();
    // 120 Daegu entries, oldest first, with Seoul's between them.
    const entries: AuditEntryInput[] = [];
    for (let i = 1; i <= 120; i++) {
      entries.push(entry("27", `daegu-${i}`));
      if (i % 10 === 0) entries.push(entry("11", `seoul-${i}`));
    }
    await insertAuditEntries(services.database.db, entries);
    await createUser(services.database.db, {
      email: "viewer@daegu.example",
      password: PASSWORD,
      role: "council_editor",
      regionCode: "27",
    });
    ({ cookie } = await signIn(services, "viewer@daegu.example", PASSWORD));
  });
  afterAll(async () => {
    await services?.close();
  });

  const page = async (query: string) => {
    const result = await callRoute(loader, services, `/council/27/audit${query}`, { cookie, params: { region: "27" } });
    return { status: result.status, body: result.body as AuditPage };
  };

  it("shows the newest 50, then the next 50 before them, then the rest, with no link past the oldest", async () => {
    const first = await page("");
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.body.entries[0]!.entityId).toBe("daegu-120");
    expect(first.body.entries.every((e) => e.regionCode === "27")).toBe(true);
    expect(first.body.paged).toBe(false);

    const second = await page(`?before=${first.body.olderBefore}`);
    expect(second.body.entries.map((e) => e.entityId)).toEqual(
      Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => `daegu-${70 - i}`),
    );
    expect(second.body.paged).toBe(true);

    const third = await page(`?before=${second.body.olderBefore}&lang=en`);
    expect(third.body.entries.map((e) => e.entityId)).toEqual(Array.from({ length: 20 }, (_, i) => `daegu-${20 - i}`));
    expect(third.body.olderBefore).toBeNull();
  });

  it("answers a cursor that is not a whole number with 400 and the reason, in the reader's language", async () => {
    for (const before of ["abc", "0", "1.5", "1&before=2"]) {
      const result = await callRoute(loader, services, `/council/27/audit?before=${before}&lang=en`, {
        cookie,
        params: { region: "27" },
      });
      expect(result.status, before).toBe(400);
      const errors = (result.body as { errors: { field: string; message: string }[] }).errors;
      expect(errors[0]!.field, before).toBe("before");
      expect(errors[0]!.message, before).toMatch(/[a-z]/);
    }
  });
});
