import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/accounts.server";
import type { SessionUser } from "~/auth/user.server";
import { publishDraft, saveDraft } from "~/council/listings.server";
import type { Role } from "~/domain/accounts";
import { findActiveSession } from "../../db/queries/sessions";
import { hashToken } from "~/auth/session.server";
import { action as sessionsAction } from "~/routes/account.sessions";
import { action as adminUsersAction } from "~/routes/admin.users";
import { action as logoutAction } from "~/routes/logout";
import { action as listingAction } from "~/routes/council.$region.$type.$id";
import { action as importAction } from "~/routes/council.$region.import";
import { action as newListingAction } from "~/routes/council.$region.new.$type";
import { action as regionAction } from "~/routes/council.$region._index";
import { action as inquiryAction } from "~/routes/council.$region.inquiries.$id";
import { submitInquiry } from "~/inquiries/service.server";
import { listRegionDrafts } from "../../db/queries/council-listings";
import { reviewToken } from "~/council/listings.server";
import type { Services } from "~/services.server";
import { NEW_FACILITY } from "./fixtures";
import { callRoute, createTestServices, databaseLabel, signIn, type SignedIn } from "./support";

const PASSWORD = "a long enough password";
const REGION = "27";
const CSV =
  "external_id,kind,name_ko,name_en,lat,lng,coord_precision,source\nm-1,business_incubator,행렬 시험,Matrix test,35.87,128.6,sigungu,시험\n";

type ActorName =
  | "admin"
  | "official"
  | "editor (own region)"
  | "reviewer (own region)"
  | "editor (other region)"
  | "reviewer (other region)"
  | "signed out";
const ACTORS: { name: ActorName; role: Role | null; region: string | null }[] = [
  { name: "admin", role: "admin", region: null },
  { name: "official", role: "official", region: null },
  { name: "editor (own region)", role: "council_editor", region: REGION },
  { name: "reviewer (own region)", role: "council_reviewer", region: REGION },
  { name: "editor (other region)", role: "council_editor", region: "11" },
  { name: "reviewer (other region)", role: "council_reviewer", region: "11" },
  { name: "signed out", role: null, region: null },
];

/** Everything a mutation could change, as one comparable value (sign-in attempts and last-seen times are bookkeeping, not changes). */
async function databaseState(services: Services): Promise<string> {
  const db = services.database.db;
  const [facilities, programs, drafts, audit, users, outbox, sessions, inquiries, inquiryEvents, mail] =
    await Promise.all([
      db.selectFrom("facilities").selectAll().orderBy("id").execute(),
      db.selectFrom("programs").selectAll().orderBy("id").execute(),
      db.selectFrom("listing_drafts").selectAll().orderBy("id").execute(),
      db.selectFrom("audit_log").selectAll().orderBy("id").execute(),
      db.selectFrom("users").selectAll().orderBy("id").execute(),
      db.selectFrom("search_outbox").selectAll().orderBy("id").execute(),
      db.selectFrom("sessions").select(["token_hash", "revoked_at"]).orderBy("token_hash").execute(),
      db.selectFrom("inquiries").selectAll().orderBy("id").execute(),
      db.selectFrom("inquiry_events").selectAll().orderBy("id").execute(),
      db.selectFrom("mail_outbox").selectAll().orderBy("id").execute(),
    ]);
  return JSON.stringify({
    facilities,
    programs,
    drafts,
    audit,
    users,
    outbox,
    sessions,
    inquiries,
    inquiryEvents,
    mail,
  });
}

interface Fixture {
  path: string;
  params: Record<string, string>;
  form: (session: SignedIn | null) => Record<string, string> | FormData;
  /** A session of the actor's own for this case (routes that end sessions must not end the shared one). */
  session?: SignedIn | null;
}

type ActorAccount = { email: string; password: string } | null;
type RouteCase = {
  name: string;
  handler: unknown;
  allowed: ActorName[];
  fixture: (services: Services, staff: Staff, actor: ActorAccount) => Promise<Fixture>;
};
type Staff = { editor: SessionUser; reviewer: SessionUser };

let counter = 0;
async function publishedListing(services: Services, staff: Staff): Promise<string> {
  const saved = await saveDraft(services, staff.editor, {
    type: "facility",
    regionCode: REGION,
    entityId: null,
    expected: "new",
    raw: { ...NEW_FACILITY, name_ko: `행렬 ${++counter}` },
  });
  if (saved.kind !== "ok") throw new Error("fixture");
  await publishDraft(services, staff.reviewer, {
    type: "facility",
    regionCode: REGION,
    entityId: saved.value.entityId,
    expected: "draft:1",
    liveVersion: null,
  });
  return saved.value.entityId;
}

async function draftedListing(services: Services, staff: Staff): Promise<string> {
  const saved = await saveDraft(services, staff.editor, {
    type: "facility",
    regionCode: REGION,
    entityId: null,
    expected: "new",
    raw: { ...NEW_FACILITY, name_ko: `행렬 초안 ${++counter}` },
  });
  if (saved.kind !== "ok") throw new Error("fixture");
  return saved.value.entityId;
}

const withCsrf = (session: SignedIn | null, fields: Record<string, string>) => ({
  csrf: session?.csrf ?? "",
  ...fields,
});
const listingFixture = (id: string, fields: Record<string, string>): Fixture => ({
  path: `/council/${REGION}/facility/${id}`,
  params: { region: REGION, type: "facility", id },
  form: (s) => withCsrf(s, fields),
});

/** A new request for help to a facility of the region, sent as a firm would. */
async function newInquiry(services: Services): Promise<string> {
  const sent = await submitInquiry(
    services,
    {
      targetType: "facility",
      targetId: "ccei-daegu",
      contact: { name: "행렬", email: `matrix${++counter}@firm.example`, phone: null },
      message: "상담 요청",
      profile: { ksicDivision: "13", sizeBand: "small", regionCode: REGION, pavittClass: null, needs: [] },
    },
    { address: `matrix-${counter}`, origin: "http://localhost", now: new Date() },
  );
  if (sent.kind !== "ok") throw new Error("fixture");
  return sent.value.id;
}

const inquiryFixture = (id: string, fields: Record<string, string>): Fixture => ({
  path: `/council/${REGION}/inquiries/${id}`,
  params: { region: REGION, id },
  form: (s) => withCsrf(s, { version: "1", ...fields }),
});

const ROUTES: RouteCase[] = [
  {
    name: "POST /council/:region/inquiries/:id (accept)",
    handler: inquiryAction,
    allowed: ["admin", "editor (own region)", "reviewer (own region)"],
    fixture: async (services) => inquiryFixture(await newInquiry(services), { intent: "accept" }),
  },
  {
    name: "POST /council/:region/inquiries/:id (refer to another region)",
    handler: inquiryAction,
    allowed: ["admin", "editor (own region)", "reviewer (own region)"],
    fixture: async (services) =>
      inquiryFixture(await newInquiry(services), { intent: "refer", facilityId: "tp-busan" }),
  },
  {
    name: "POST /council/:region/inquiries/:id (reply)",
    handler: inquiryAction,
    allowed: ["admin", "editor (own region)", "reviewer (own region)"],
    fixture: async (services) => inquiryFixture(await newInquiry(services), { intent: "reply", text: "답변" }),
  },
  {
    name: "POST /council/:region/new/facility",
    handler: newListingAction,
    allowed: ["admin", "editor (own region)"],
    fixture: async () => ({
      path: `/council/${REGION}/new/facility`,
      params: { region: REGION, type: "facility" },
      form: (s) => withCsrf(s, NEW_FACILITY),
    }),
  },
  {
    name: "POST /council/:region/new/program",
    handler: newListingAction,
    allowed: ["admin", "editor (own region)"],
    fixture: async () => ({
      path: `/council/${REGION}/new/program`,
      params: { region: REGION, type: "program" },
      form: (s) =>
        withCsrf(s, { name_ko: "행렬 사업", name_en: "Matrix program", category: "technology", source: "시험" }),
    }),
  },
  {
    name: "POST /council/:region/facility/:id (save draft)",
    handler: listingAction,
    allowed: ["admin", "editor (own region)"],
    fixture: async (services, staff) => {
      const id = await publishedListing(services, staff);
      return listingFixture(id, { intent: "save", expected: "live:1", ...NEW_FACILITY, name_ko: "바뀐 이름" });
    },
  },
  {
    name: "POST /council/:region/facility/:id (publish)",
    handler: listingAction,
    allowed: ["admin", "reviewer (own region)"],
    fixture: async (services, staff) =>
      listingFixture(await draftedListing(services, staff), { intent: "publish", expected: "draft:1" }),
  },
  {
    name: "POST /council/:region/facility/:id (discard draft)",
    handler: listingAction,
    allowed: ["admin", "editor (own region)", "reviewer (own region)"],
    fixture: async (services, staff) =>
      listingFixture(await draftedListing(services, staff), { intent: "discard", expected: "draft:1" }),
  },
  {
    name: "POST /council/:region/facility/:id (archive)",
    handler: listingAction,
    allowed: ["admin", "editor (own region)"],
    fixture: async (services, staff) =>
      listingFixture(await publishedListing(services, staff), { intent: "archive", expected: "live:1" }),
  },
  {
    name: "POST /council/:region/facility/:id (restore)",
    handler: listingAction,
    allowed: ["admin", "editor (own region)"],
    fixture: async (services, staff) => {
      const id = await publishedListing(services, staff);
      await services.database.db.updateTable("facilities").set({ status: "archived" }).where("id", "=", id).execute();
      return listingFixture(id, { intent: "restore", expected: "live:1" });
    },
  },
  {
    name: "POST /council/:region/import (check)",
    handler: importAction,
    allowed: ["admin", "editor (own region)"],
    fixture: async () => ({
      path: `/council/${REGION}/import`,
      params: { region: REGION },
      form: (s) => {
        const form = new FormData();
        form.set("csrf", s?.csrf ?? "");
        form.set("intent", "check");
        form.set("type", "facility");
        form.set("file", new Blob([CSV.replace("m-1", `m-${++counter}`)]), "m.csv");
        return form;
      },
    }),
  },
  {
    name: "POST /council/:region (publish all drafts)",
    handler: regionAction,
    allowed: ["admin", "reviewer (own region)"],
    fixture: async (services, staff) => {
      await draftedListing(services, staff);
      const token = reviewToken(await listRegionDrafts(services.database.db, REGION));
      return {
        path: `/council/${REGION}`,
        params: { region: REGION },
        form: (s) => withCsrf(s, { intent: "publishAll", reviewToken: token }),
      };
    },
  },
  {
    name: "POST /logout",
    handler: logoutAction,
    allowed: [
      "admin",
      "official",
      "editor (own region)",
      "reviewer (own region)",
      "editor (other region)",
      "reviewer (other region)",
    ],
    fixture: async (services, _staff, actor) => {
      const session = actor ? await signIn(services, actor.email, actor.password) : null;
      return { path: "/logout", params: {}, form: (s) => withCsrf(s, {}), session };
    },
  },
  {
    name: "POST /account/sessions (end one of my sessions)",
    handler: sessionsAction,
    allowed: [
      "admin",
      "official",
      "editor (own region)",
      "reviewer (own region)",
      "editor (other region)",
      "reviewer (other region)",
    ],
    fixture: async (services, _staff, actor) => {
      const editorSession = await signIn(services, "council_editor-27@example.kr", PASSWORD);
      const victim = await findActiveSession(services.database.db, hashToken(editorSession.cookie.split("=")[1]!));
      if (!actor)
        return {
          path: "/account/sessions",
          params: {},
          form: (s) => withCsrf(s, { session: victim!.publicId }),
          session: null,
        };
      const session = await signIn(services, actor.email, actor.password);
      const other = await signIn(services, actor.email, actor.password);
      const target = await findActiveSession(services.database.db, hashToken(other.cookie.split("=")[1]!));
      return {
        path: "/account/sessions",
        params: {},
        form: (s) => withCsrf(s, { session: target!.publicId }),
        session,
      };
    },
  },
  {
    name: "POST /admin/users (disable an account)",
    handler: adminUsersAction,
    allowed: ["admin"],
    fixture: async (services) => {
      const user = await createUser(services.database.db, {
        email: `leaver${++counter}@example.kr`,
        password: PASSWORD,
        role: "official",
        regionCode: null,
      });
      return { path: "/admin/users", params: {}, form: (s) => withCsrf(s, { intent: "disable", userId: user.id }) };
    },
  },
  {
    name: "POST /admin/users",
    handler: adminUsersAction,
    allowed: ["admin"],
    fixture: async () => ({
      path: "/admin/users",
      params: {},
      form: (s) =>
        withCsrf(s, { email: `new${++counter}@example.kr`, password: PASSWORD, role: "official", regionCode: "" }),
    }),
  },
];

describe(`authorization matrix on ${databaseLabel}: every mutating route × every role × own/other region/signed out`, () => {
  let services: Services;
  const sessions = new Map<ActorName, SignedIn | null>();
  const accounts = new Map<ActorName, ActorAccount>();
  let staff: Staff;

  beforeAll(async () => {
    services = await createTestServices();
    for (const actor of ACTORS) {
      if (!actor.role) {
        sessions.set(actor.name, null);
        accounts.set(actor.name, null);
        continue;
      }
      const email = `${actor.role}-${actor.region ?? "all"}@example.kr`;
      accounts.set(actor.name, { email, password: PASSWORD });
      await createUser(services.database.db, { email, password: PASSWORD, role: actor.role, regionCode: actor.region });
      sessions.set(actor.name, await signIn(services, email, PASSWORD));
    }
    const users = await services.database.db.selectFrom("users").selectAll().execute();
    const asActor = (role: Role) => {
      const u = users.find((x) => x.role === role && x.region_code === REGION)!;
      return { id: u.id, email: u.email, role: u.role, regionCode: u.region_code };
    };
    staff = { editor: asActor("council_editor"), reviewer: asActor("council_reviewer") };
  });
  afterAll(async () => services?.close());

  for (const route of ROUTES) {
    for (const actor of ACTORS) {
      const allowed = route.allowed.includes(actor.name);
      it(`${route.name} as ${actor.name} → ${allowed ? "allowed" : actor.role ? "403" : "sign-in redirect"}, ${allowed ? "changes the database" : "changes nothing"}`, async () => {
        const fixture = await route.fixture(services, staff, accounts.get(actor.name) ?? null);
        const session = fixture.session !== undefined ? fixture.session : (sessions.get(actor.name) ?? null);
        const before = await databaseState(services);
        const result = await callRoute(route.handler, services, fixture.path, {
          form: fixture.form(session),
          cookie: session?.cookie,
          params: fixture.params,
        });
        const after = await databaseState(services);
        if (allowed) {
          expect(result.status, JSON.stringify(result.body)).toBe(route.handler === regionAction ? 200 : 302);
          if (route.handler !== importAction) expect(after).not.toBe(before);
        } else if (actor.role) {
          expect(result.status).toBe(403);
          expect(after).toBe(before);
        } else {
          expect(result.status).toBe(302);
          expect(result.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
          expect(after).toBe(before);
        }
      });
    }
    it(`${route.name} with an allowed role but a wrong CSRF token or a foreign Origin → 403, nothing changed`, async () => {
      const actor = route.allowed.find((name) => name !== "admin") ?? "admin";
      const fixture = await route.fixture(services, staff, accounts.get(actor) ?? null);
      const session = fixture.session ?? sessions.get(actor)!;
      const before = await databaseState(services);
      const forged = { ...session, csrf: "forged-token" };
      const wrongToken = await callRoute(route.handler, services, fixture.path, {
        form: fixture.form(forged),
        cookie: session.cookie,
        params: fixture.params,
      });
      expect(wrongToken.status).toBe(403);
      const foreign = await callRoute(route.handler, services, fixture.path, {
        form: fixture.form(session),
        cookie: session.cookie,
        params: fixture.params,
        origin: "https://attacker.example",
      });
      expect(foreign.status).toBe(403);
      expect(await databaseState(services)).toBe(before);
    });
  }

  it("an import checked by one editor cannot be committed by anyone else", async () => {
    const owner = sessions.get("editor (own region)")!;
    const form = new FormData();
    form.set("csrf", owner.csrf);
    form.set("intent", "check");
    form.set("type", "facility");
    form.set("file", new Blob([CSV.replace("m-1", "m-commit")]), "m.csv");
    const checked = await callRoute(importAction, services, `/council/${REGION}/import`, {
      form,
      cookie: owner.cookie,
      params: { region: REGION },
    });
    const planId = new URL(checked.headers.get("Location")!, "http://localhost").searchParams.get("plan")!;
    const before = await databaseState(services);
    for (const name of ["admin", "official", "reviewer (own region)", "editor (other region)"] as const) {
      const session = sessions.get(name)!;
      const commit = new FormData();
      commit.set("csrf", session.csrf);
      commit.set("intent", "commit");
      commit.set("plan", planId);
      const result = await callRoute(importAction, services, `/council/${REGION}/import`, {
        form: commit,
        cookie: session.cookie,
        params: { region: REGION },
      });
      expect([400, 403], name).toContain(result.status);
    }
    expect(await databaseState(services)).toBe(before);
  });
});
