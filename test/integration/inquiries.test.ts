import { now as clockNow, seoulDate } from "~/clock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "../../db/queries/audit";
import { createUser } from "~/auth/accounts.server";
import type { SessionUser } from "~/auth/user.server";
import { MIN_CELL, RATE_LIMITS } from "~/domain/inquiries";
import { runRetention } from "~/inquiries/service.server";
import { createServices, type Services } from "~/services.server";
import { action as apiAction } from "~/routes/api.inquiries";
import { action as formAction, loader as formLoader } from "~/routes/inquiries.new";
import { action as statusAction, loader as statusLoader } from "~/routes/inquiries.s.$token";
import { loader as inboxLoader } from "~/routes/council.$region.inquiries._index";
import { action as detailAction, loader as detailLoader } from "~/routes/council.$region.inquiries.$id";
import { loader as gapsDemandLoader } from "~/routes/api.gaps_.demand";
import { loader as gapsDemandCsvLoader } from "~/routes/api.gaps_.demand[.]csv";
import { loader as gapsGeoJsonLoader } from "~/routes/api.gaps[.]geojson";
import { mailText, startTestSmtp, type CapturedMail } from "../support/smtp";
import { callRoute, createTestDatabase, databaseLabel, signIn, testConfig, type SignedIn } from "./support";

const PASSWORD = "a long enough password";
const DAEGU = "27";
const BUSAN = "26";
const SEOUL = "11";

let addressCounter = 0;
/** Each test sends from its own address, so the per-address limit is tested only where meant. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

const validBody = (overrides: Record<string, unknown> = {}) => ({
  targetType: "facility",
  targetId: "ccei-daegu",
  contact: {
    name: "김민지",
    email: `owner${Math.random().toString(36).slice(2)}@dyeworks.example`,
    phone: "053-000-0000",
  },
  message: "염색 공정의 폐수 처리 비용을 줄이고 싶습니다.",
  consent: true,
  profile: {
    ksicDivision: "13",
    sizeBand: "small",
    regionCode: DAEGU,
    pavittClass: "supplier_dominated",
    needs: ["technology"],
  },
  ...overrides,
});

describe(`requests for help on ${databaseLabel}`, () => {
  let services: Services;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let dropDatabase: () => Promise<void>;
  const users: Record<string, SignedIn> = {};
  const accounts: Record<string, SessionUser> = {};

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    services = await createServices(
      { ...testConfig(database), mail: { smtpUrl: smtp.url, from: "noreply@clusterlink.test" } },
      { startSync: false },
    );
    for (const [key, role, region] of [
      ["daegu", "council_editor", DAEGU],
      ["busan", "council_editor", BUSAN],
      ["seoul", "council_editor", SEOUL],
      ["official", "official", null],
      ["admin", "admin", null],
    ] as const) {
      const user = await createUser(services.database.db, {
        email: `${key}@council.example`,
        password: PASSWORD,
        role,
        regionCode: region,
      });
      accounts[key] = { id: user.id, email: user.email, role: user.role, regionCode: user.regionCode };
      users[key] = await signIn(services, `${key}@council.example`, PASSWORD);
    }
  }, 60_000);
  afterAll(async () => {
    await services?.close();
    await smtp?.close();
    await dropDatabase?.();
  });

  const mailTo = (address: string): CapturedMail[] => smtp.messages.filter((m) => m.to.includes(address));

  it("refuses a request without consent, with a bad e-mail or to an unknown target, naming each field", async () => {
    const noConsent = await postJson(services, validBody({ consent: false }));
    expect(noConsent.status).toBe(400);
    expect(fields(noConsent.body)).toContainEqual({ field: "consent", code: "consent_required" });

    const absent = validBody();
    delete (absent as Record<string, unknown>).consent;
    expect(fields((await postJson(services, absent)).body)).toContainEqual({
      field: "consent",
      code: "consent_required",
    });

    const badEmail = await postJson(services, validBody({ contact: { name: "김민지", email: "not-an-address" } }));
    expect(badEmail.status).toBe(400);
    expect(fields(badEmail.body)).toContainEqual({ field: "contact.email", code: "email_format" });

    const unknown = await postJson(services, validBody({ targetId: "no-such-center" }));
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toContainEqual({ field: "targetId", code: "unknown_target" });

    const count = await services.database.db
      .selectFrom("inquiries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("accepts a request: 201 with a reference and a status link whose page answers 200; the firm gets the link by e-mail", async () => {
    const body = validBody();
    const sent = await postJson(services, body);
    expect(sent.status).toBe(201);
    const answer = sent.body as { id: string; reference: string; statusUrl: string };
    expect(answer.reference).toMatch(/^CL-\d{6}-[2-9A-Z]{6}$/);
    const token = new URL(answer.statusUrl).pathname.split("/").pop()!;
    expect(token.length).toBeGreaterThanOrEqual(43);
    const page = await callRoute(statusLoader, services, new URL(answer.statusUrl).pathname, { params: { token } });
    expect(page.status).toBe(200);
    expect((page.body as { reference: string }).reference).toBe(answer.reference);
    expect(JSON.stringify(page.body)).not.toContain(body.contact.email);
    const stored = await services.database.db
      .selectFrom("inquiries")
      .selectAll()
      .where("id", "=", answer.id)
      .executeTakeFirstOrThrow();
    expect(stored.status_token_hash).not.toContain(token);
    expect(stored).toMatchObject({
      region_code: DAEGU,
      state: "new",
      consent_version: "inquiry-2026-12",
      consent_retention_days: 365,
      ksic_division: "13",
    });
    const confirmation = mailTo(body.contact.email);
    expect(confirmation).toHaveLength(1);
    expect(mailText(confirmation[0]!)).toContain(answer.statusUrl);
    expect(mailTo("daegu@council.example").length).toBeGreaterThan(0);
    const unknownToken = await callRoute(statusLoader, services, "/inquiries/s/x", {
      params: { token: "A".repeat(43) },
    });
    expect(unknownToken.status).toBe(404);
  });

  it("limits per e-mail and per address in the database: the 4th request of one e-mail and the 11th of one address answer 429 with Retry-After", async () => {
    const email = "limited@firm.example";
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMITS.email.max + 1; i++)
      statuses.push((await postJson(services, validBody({ contact: { name: "이", email } }))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);

    const address = freshAddress();
    const parallel = await Promise.all(
      Array.from({ length: RATE_LIMITS.address.max + 5 }, (_, i) =>
        postJson(services, validBody({ contact: { name: "박", email: `p${i}@many.example` } }), address),
      ),
    );
    const accepted = parallel.filter((r) => r.status === 201).length;
    const limited = parallel.filter((r) => r.status === 429);
    expect(accepted).toBe(RATE_LIMITS.address.max);
    expect(limited).toHaveLength(5);
    expect(Number(limited[0]!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(fields(limited[0]!.body)).toContainEqual({ field: "", code: "inquiry_rate_limited" });
  });

  it("the HTML form refuses a filled honeypot, a too-fast post and a missing consent with a reason, and sends a good one", async () => {
    const page = await callRoute(
      formLoader,
      services,
      "/inquiries/new?targetType=facility&targetId=ccei-daegu&ksic=13&sizeBand=small&region=27&pavittClass=supplier_dominated&needs=technology",
    );
    expect(page.status).toBe(200);
    const loaded = page.body as { values: { ksic: string; needs: string[] }; renderedAt: number };
    expect(loaded.values).toMatchObject({ ksic: "13", needs: ["technology"] });
    const form = {
      targetType: "facility",
      targetId: "ccei-daegu",
      renderedAt: String(Date.now() - 10_000),
      website: "",
      contact_name: "최",
      contact_email: "form@firm.example",
      message: "도와주세요",
      share_profile: "on",
      ksic: "13",
      consent: "on",
    };
    const honeypot = await callRoute(formAction, services, "/inquiries/new", {
      form: { ...form, website: "http://spam.example" },
      clientAddress: freshAddress(),
    });
    expect(honeypot.status).toBe(400);
    expect(JSON.stringify(honeypot.body)).toContain("자동 입력");
    const fast = await callRoute(formAction, services, "/inquiries/new", {
      form: { ...form, renderedAt: String(Date.now()) },
      clientAddress: freshAddress(),
    });
    expect(fast.status).toBe(400);
    expect(JSON.stringify(fast.body)).toContain("너무 빨리");
    const { consent: _consent, ...withoutConsent } = form;
    const refused = await callRoute(formAction, services, "/inquiries/new", {
      form: withoutConsent,
      clientAddress: freshAddress(),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("동의하지 않으면");
    const foreign = await callRoute(formAction, services, "/inquiries/new", {
      form,
      origin: "https://evil.example",
      clientAddress: freshAddress(),
    });
    expect(foreign.status).toBe(403);
    const good = await callRoute(formAction, services, "/inquiries/new", { form, clientAddress: freshAddress() });
    expect(good.status).toBe(302);
    expect(good.headers.get("Location")).toMatch(/^\/inquiries\/s\/[A-Za-z0-9_-]{43}\?sent=1$/);
  });

  it("the region's editor accepts, replies by e-mail and closes as helped, each step audited; another region's editor and an official get 403", async () => {
    const body = validBody();
    const { id, statusUrl } = (await postJson(services, body)).body as { id: string; statusUrl: string };
    const path = `/council/${DAEGU}/inquiries/${id}`;
    const params = { region: DAEGU, id };
    for (const other of ["seoul", "official"]) {
      expect((await callRoute(detailLoader, services, path, { cookie: users[other]!.cookie, params })).status).toBe(
        403,
      );
      expect(
        (
          await callRoute(inboxLoader, services, `/council/${DAEGU}/inquiries`, {
            cookie: users[other]!.cookie,
            params: { region: DAEGU },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await callRoute(detailAction, services, path, {
            cookie: users[other]!.cookie,
            params,
            form: { csrf: users[other]!.csrf, intent: "accept", version: "1" },
          })
        ).status,
      ).toBe(403);
    }
    // An editor of another region naming their own region in the URL is refused too.
    expect(
      (
        await callRoute(detailLoader, services, `/council/${SEOUL}/inquiries/${id}`, {
          cookie: users.seoul!.cookie,
          params: { region: SEOUL, id },
        })
      ).status,
    ).toBe(403);

    const inbox = await callRoute(inboxLoader, services, `/council/${DAEGU}/inquiries`, {
      cookie: users.daegu!.cookie,
      params: { region: DAEGU },
    });
    expect(inbox.status).toBe(200);
    expect((inbox.body as { items: { id: string; name: string }[] }).items.find((i) => i.id === id)?.name).toBe(
      "김민지",
    );

    const act = (form: Record<string, string>) =>
      callRoute(detailAction, services, path, {
        cookie: users.daegu!.cookie,
        params,
        form: { csrf: users.daegu!.csrf, ...form },
      });
    expect((await act({ intent: "accept", version: "1" })).status).toBe(302);
    expect((await act({ intent: "accept", version: "1" })).status).toBe(400);
    expect((await act({ intent: "start", version: "2" })).status).toBe(302);
    expect((await act({ intent: "note", version: "3", text: "폐수 처리 장비 담당자에게 물어볼 것" })).status).toBe(302);
    expect(
      (await act({ intent: "reply", version: "4", text: "다음 주 화요일에 공정 진단을 해 드릴 수 있습니다." })).status,
    ).toBe(302);
    expect((await act({ intent: "close", version: "5", outcome: "helped" })).status).toBe(302);

    const replies = mailTo(body.contact.email).filter(
      (m) => m.raw.includes("Subject") && mailText(m).includes("공정 진단"),
    );
    expect(replies).toHaveLength(1);

    const audit = await listAuditEntries(services.database.db, { entityType: "inquiry", entityId: id });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      "inquiry_submit",
      "inquiry_accept",
      "inquiry_start",
      "inquiry_note",
      "inquiry_reply",
      "inquiry_close",
    ]);
    expect(JSON.stringify(audit)).not.toContain(body.contact.email);
    expect(JSON.stringify(audit)).not.toContain("김민지");

    const token = new URL(statusUrl).pathname.split("/").pop()!;
    const status = await callRoute(statusLoader, services, new URL(statusUrl).pathname, { params: { token } });
    const steps = (status.body as { steps: { kind: string; body: string | null }[] }).steps;
    expect(steps.map((s) => s.kind)).toEqual(["submitted", "accepted", "in_progress", "reply", "closed"]);
    expect(JSON.stringify(steps)).not.toContain("담당자에게 물어볼 것");
  });

  it("a referral to a facility in another region lands in that region's inbox, keeps the thread and the status link", async () => {
    const body = validBody();
    const { id, statusUrl } = (await postJson(services, body)).body as { id: string; statusUrl: string };
    const referred = await callRoute(detailAction, services, `/council/${DAEGU}/inquiries/${id}`, {
      cookie: users.daegu!.cookie,
      params: { region: DAEGU, id },
      form: {
        csrf: users.daegu!.csrf,
        intent: "refer",
        version: "1",
        facilityId: "tp-busan",
        note: "염색 폐수 전문 장비가 부산에 있습니다",
      },
    });
    expect(referred.status).toBe(302);
    const rows = await services.database.db
      .selectFrom("inquiries")
      .selectAll()
      .where("thread_id", "=", id)
      .orderBy("created_at")
      .execute();
    expect(rows.map((r) => [r.region_code, r.state, r.outcome])).toEqual([
      [DAEGU, "closed", "referred"],
      [BUSAN, "new", null],
    ]);
    const busanId = rows[1]!.id;
    const busanInbox = await callRoute(inboxLoader, services, `/council/${BUSAN}/inquiries`, {
      cookie: users.busan!.cookie,
      params: { region: BUSAN },
    });
    expect((busanInbox.body as { items: { id: string; referred: boolean }[] }).items).toContainEqual(
      expect.objectContaining({ id: busanId, referred: true }),
    );
    expect(mailTo("busan@council.example").length).toBeGreaterThan(0);
    // Daegu no longer handles the referred part; Busan cannot open Daegu's.
    expect(
      (
        await callRoute(detailLoader, services, `/council/${DAEGU}/inquiries/${busanId}`, {
          cookie: users.daegu!.cookie,
          params: { region: DAEGU, id: busanId },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await callRoute(detailLoader, services, `/council/${BUSAN}/inquiries/${id}`, {
          cookie: users.busan!.cookie,
          params: { region: BUSAN, id },
        })
      ).status,
    ).toBe(403);
    const busanView = await callRoute(detailLoader, services, `/council/${BUSAN}/inquiries/${busanId}`, {
      cookie: users.busan!.cookie,
      params: { region: BUSAN, id: busanId },
    });
    expect(busanView.status).toBe(200);
    expect(JSON.stringify(busanView.body)).toContain("염색 폐수 전문 장비");
    expect(
      (
        await callRoute(detailAction, services, `/council/${BUSAN}/inquiries/${busanId}`, {
          cookie: users.busan!.cookie,
          params: { region: BUSAN, id: busanId },
          form: { csrf: users.busan!.csrf, intent: "accept", version: "1" },
        })
      ).status,
    ).toBe(302);

    const token = new URL(statusUrl).pathname.split("/").pop()!;
    const status = await callRoute(statusLoader, services, new URL(statusUrl).pathname, { params: { token } });
    expect((status.body as { steps: { kind: string }[] }).steps.map((s) => s.kind)).toEqual([
      "submitted",
      "referred_out",
      "referred_in",
      "accepted",
    ]);
    expect((status.body as { state: string }).state).toBe("accepted");
  });

  it("withdrawal erases the personal data of the whole thread and the link answers 404", async () => {
    const body = validBody();
    const { id, statusUrl } = (await postJson(services, body)).body as { id: string; statusUrl: string };
    const token = new URL(statusUrl).pathname.split("/").pop()!;
    const path = new URL(statusUrl).pathname;
    expect((await callRoute(statusAction, services, path, { params: { token }, form: {} })).status).toBe(400);
    const withdrawn = await callRoute(statusAction, services, path, { params: { token }, form: { confirm: "on" } });
    expect(withdrawn.status).toBe(302);
    expect((await callRoute(statusLoader, services, path, { params: { token } })).status).toBe(404);
    const row = await services.database.db
      .selectFrom("inquiries")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      contact_name: null,
      contact_email: null,
      contact_phone: null,
      message: null,
      ksic_division: "13",
      region_code: DAEGU,
    });
    expect(row.withdrawn_at).not.toBeNull();
    const mail = await services.database.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("inquiry_id", "=", id)
      .execute();
    expect(mail.every((m) => m.to_address === null && m.body === null)).toBe(true);
  });

  it("the retention job erases the personal fields of requests closed longer ago than the retention period and keeps the anonymous facts", async () => {
    const body = validBody();
    const { id } = (await postJson(services, body)).body as { id: string };
    const act = (form: Record<string, string>) =>
      callRoute(detailAction, services, `/council/${DAEGU}/inquiries/${id}`, {
        cookie: users.daegu!.cookie,
        params: { region: DAEGU, id },
        form: { csrf: users.daegu!.csrf, ...form },
      });
    expect((await act({ intent: "reply", version: "1", text: "답변 드립니다" })).status).toBe(302);
    expect((await act({ intent: "close", version: "2", outcome: "not_eligible" })).status).toBe(302);
    const closed = await services.database.db
      .selectFrom("inquiries")
      .select("closed_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const day = 86_400_000;
    const early = await services.database.db
      .transaction()
      .execute((trx) => runRetention(trx, new Date(closed.closed_at!.getTime() + 364 * day)));
    const stillThere = await services.database.db
      .selectFrom("inquiries")
      .select("contact_email")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stillThere.contact_email).toBe(body.contact.email);
    // The scheduled job runs on the app's clock: CLOCK_DATE a year and two days on makes the request due.
    process.env.CLOCK_DATE = seoulDate(new Date(closed.closed_at!.getTime() + 367 * day));
    const erased = await services.database.db
      .transaction()
      .execute((trx) => runRetention(trx, clockNow()))
      .finally(() => delete process.env.CLOCK_DATE);
    expect(erased).toBeGreaterThanOrEqual(1);
    expect(early).toBe(0);
    const row = await services.database.db
      .selectFrom("inquiries")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      contact_name: null,
      contact_email: null,
      message: null,
      state: "closed",
      outcome: "not_eligible",
      ksic_division: "13",
      pavitt_class: "supplier_dominated",
      region_code: DAEGU,
    });
    const events = await services.database.db
      .selectFrom("inquiry_events")
      .selectAll()
      .where("inquiry_id", "=", id)
      .execute();
    expect(events.find((e) => e.kind === "reply")?.body).toBeNull();
    expect(events.map((e) => e.kind)).toContain("erased");
    const audit = await listAuditEntries(services.database.db, { entityType: "inquiry", entityId: id });
    expect(audit[0]).toMatchObject({ action: "inquiry_erase", userEmail: "job:inquiry_retention" });
    // Running again erases nothing new.
    expect(
      await services.database.db
        .transaction()
        .execute((trx) => runRetention(trx, new Date(closed.closed_at!.getTime() + 400 * day))),
    ).toBe(0);
  });

  it("/api/gaps/demand counts the requests by region, class and industry without any personal field", async () => {
    const result = await callRoute(gapsDemandLoader, services, "/api/gaps/demand?by=region_class_industry");
    expect(result.status).toBe(200);
    const text = JSON.stringify(result.body);
    expect(text).not.toMatch(/@|김민지|contact|message/);
    const cells = (
      result.body as {
        cells: {
          regionCode: string;
          pavittClass: string | null;
          ksicDivision: string | null;
          suppressed: boolean;
          figures: { requests: number } | null;
        }[];
      }
    ).cells;
    const daegu = cells.find((c) => c.regionCode === DAEGU && c.ksicDivision === "13");
    expect(daegu?.suppressed).toBe(false);
    expect(daegu?.figures?.requests).toBeGreaterThanOrEqual(MIN_CELL);
    const busan = cells.find((c) => c.regionCode === BUSAN);
    expect(busan).toMatchObject({ suppressed: true, figures: null });

    const csv = await callRoute(gapsDemandCsvLoader, services, "/api/gaps/demand.csv");
    expect(String(csv.body)).toContain(`${BUSAN},supplier_dominated,13,<${MIN_CELL}`);
    expect(String(csv.body)).not.toMatch(/@|김민지/);
    const geojson = await callRoute(gapsGeoJsonLoader, services, "/api/gaps.geojson");
    const demandLayer = (
      geojson.body as { features: { properties: { layer: string; regionCode: string } }[] }
    ).features.filter((f) => f.properties.layer === "demand");
    expect(demandLayer.map((f) => f.properties.regionCode)).toEqual([DAEGU]);
  });
});

type Body = { errors: { field: string; code: string }[] };
const fields = (body: unknown) => (body as Body).errors.map((e) => ({ field: e.field, code: e.code }));

async function postJson(services: Services, body: unknown, address = freshAddress()) {
  const request = new Request("http://localhost/api/inquiries", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = (await (apiAction as (args: unknown) => Promise<Response>)({
    request,
    context: { services, clientAddress: address },
    params: {},
  })) as Response;
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}
