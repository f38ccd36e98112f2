import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { listAuditEntries } from "../../db/queries/audit";
import { listFacilities } from "../../db/queries/facilities";
import { listRegionInquiries } from "../../db/queries/inquiries";
import { listRegions } from "../../db/queries/regions";
import { forbidden, type SessionUser } from "~/auth/user.server";
import { notFoundResponse, type RegionRef } from "~/council/routes.server";
import {
  availableActions,
  CLOSING_OUTCOMES,
  DEFAULT_OVERDUE_WORKING_DAYS,
  isOverdue,
  mayHandleInquiries,
} from "~/domain/inquiries";
import type { Lang } from "~/i18n";
import type { Services } from "~/services.server";
import { check, entriesObject, field, issueMessage, type FieldIssue } from "~/validation";
import { INQUIRY_FIELD_LABELS, INQUIRY_LIMITS } from "./input";
import { now as clockNow } from "~/clock";
import { publicHolidays } from "~/data-tables.server";
import { addNote, changeState, inquiryForCouncil, refer, reply, type InquiryResult } from "./service.server";

/** The inbox of a region: open requests first, newest first, with the overdue flag. Personal data only for those who may see it. */
export async function loadInbox(services: Services, user: SessionUser, region: RegionRef, now: Date) {
  if (!mayHandleInquiries(user, region.code)) throw forbidden();
  const rows = await listRegionInquiries(services.database.db, region.code);
  return {
    region,
    overdueDays: DEFAULT_OVERDUE_WORKING_DAYS,
    open: rows.filter((r) => r.state !== "closed").length,
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      state: r.state,
      outcome: r.outcome,
      createdAt: r.createdAt.toISOString(),
      overdue: isOverdue(r, now, { holidays: publicHolidays() }),
      target: r.targetNameKo ? { nameKo: r.targetNameKo, nameEn: r.targetNameEn ?? r.targetNameKo } : null,
      name: r.contact.name,
      referred: r.referredFrom !== null,
    })),
  };
}

export async function loadInquiryDetail(
  services: Services,
  user: SessionUser,
  region: RegionRef,
  id: string,
  now: Date,
) {
  if (!field.isUuid(id)) throw notFoundResponse();
  const db = services.database.db;
  const found = await inquiryForCouncil(db, user, region.code, id);
  if (found.kind === "forbidden") throw forbidden();
  if (found.kind !== "ok") throw notFoundResponse();
  const { inquiry, events, thread } = found.value;
  const [audit, facilities, regions] = await Promise.all([
    listAuditEntries(db, { entityType: "inquiry", entityId: id }, 100),
    listFacilities(db),
    listRegions(db),
  ]);
  const regionNames = new Map(regions.map((r) => [r.code, { nameKo: r.nameKoShort, nameEn: r.nameEn }]));
  const references = new Map(thread.map((r) => [r.id, r.reference]));
  return {
    region,
    inquiry: {
      ...inquiry,
      createdAt: inquiry.createdAt.toISOString(),
      firstAnsweredAt: inquiry.firstAnsweredAt?.toISOString() ?? null,
      closedAt: inquiry.closedAt?.toISOString() ?? null,
      erasedAt: inquiry.erasedAt?.toISOString() ?? null,
      withdrawnAt: inquiry.withdrawnAt?.toISOString() ?? null,
      consent: { ...inquiry.consent, at: inquiry.consent.at.toISOString() },
      referredFromReference: inquiry.referredFrom ? (references.get(inquiry.referredFrom) ?? null) : null,
    },
    overdue: isOverdue(inquiry, now, { holidays: publicHolidays() }),
    overdueDays: DEFAULT_OVERDUE_WORKING_DAYS,
    actions: availableActions(inquiry.state),
    outcomes: CLOSING_OUTCOMES,
    thread: thread.map((r) => ({
      id: r.id,
      reference: r.reference,
      target: r.targetNameKo ? { nameKo: r.targetNameKo, nameEn: r.targetNameEn ?? r.targetNameKo } : null,
    })),
    // Notes of other regions' parts of the thread are theirs; replies and steps are shown to all who handle it.
    steps: events
      .filter((e) => e.kind !== "note" || e.inquiryId === inquiry.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        at: e.at.toISOString(),
        outcome: e.outcome,
        body: e.kind === "note" || e.kind === "reply" ? e.body : null,
        inquiryId: e.inquiryId,
        actorEmail: e.actorEmail,
      })),
    referralTargets: facilities
      .filter((f) => !(inquiry.targetType === "facility" && f.id === inquiry.targetId))
      .map((f) => ({ id: f.id, nameKo: f.nameKo, nameEn: f.nameEn, region: regionNames.get(f.regionCode) ?? null }))
      .sort((a, b) => a.nameKo.localeCompare(b.nameKo, "ko")),
    audit: audit.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
}

const textInput = z
  .object({ text: field.text({ max: INQUIRY_LIMITS.message, multiline: true, required: true }) })
  .passthrough();
const referInput = z
  .object({
    facilityId: field.text({ max: 120, required: true }),
    note: field.text({ max: INQUIRY_LIMITS.message, multiline: true }),
  })
  .passthrough();
const closeInput = z.object({ outcome: field.choice(CLOSING_OUTCOMES, { required: true }) }).passthrough();

type Answer = ReturnType<typeof data<{ ok: boolean; problems: string[] }>> | Response;

function answer<T>(result: InquiryResult<T>, lang: Lang, here: string, onOk?: (value: T) => string): Answer {
  switch (result.kind) {
    case "ok":
      return redirect(onOk ? onOk(result.value) : here);
    case "invalid":
    case "rate_limited":
      return data(
        { ok: false, problems: result.issues.map((p) => issueMessage(p, lang, INQUIRY_FIELD_LABELS)) },
        { status: result.kind === "invalid" ? 400 : 429 },
      );
    case "forbidden":
      throw forbidden();
    case "not_found":
      throw notFoundResponse();
  }
}

const invalid = (issues: FieldIssue[], lang: Lang) =>
  data({ ok: false, problems: issues.map((p) => issueMessage(p, lang)) }, { status: 400 });

/** One council action from the detail page's forms, by intent. */
export async function actOnInquiry(
  services: Services,
  user: SessionUser,
  region: RegionRef,
  id: string,
  form: FormData,
  context: { origin: string; lang: Lang },
): Promise<Answer> {
  if (!field.isUuid(id)) throw notFoundResponse();
  const fields = entriesObject(form);
  const version = Number(fields.version);
  const common = { regionCode: region.code, inquiryId: id, version: Number.isInteger(version) ? version : -1 };
  const here = `/council/${region.code}/inquiries/${id}`;
  const lang = context.lang;
  switch (fields.intent) {
    case "accept":
      return answer(await changeState(services, user, { ...common, action: { kind: "accept" } }), lang, here);
    case "start":
      return answer(await changeState(services, user, { ...common, action: { kind: "start" } }), lang, here);
    case "close": {
      const checked = check(closeInput, fields);
      if (!checked.ok) return invalid(checked.issues, lang);
      return answer(
        await changeState(services, user, { ...common, action: { kind: "close", outcome: checked.value.outcome } }),
        lang,
        here,
      );
    }
    case "note":
    case "reply": {
      const checked = check(textInput, fields);
      if (!checked.ok) return invalid(checked.issues, lang);
      const run = fields.intent === "note" ? addNote : reply;
      return answer(await run(services, user, { ...common, text: checked.value.text }), lang, here);
    }
    case "refer": {
      const checked = check(referInput, fields);
      if (!checked.ok) return invalid(checked.issues, lang);
      const result = await refer(services, user, {
        ...common,
        facilityId: checked.value.facilityId,
        note: checked.value.note,
        origin: context.origin,
        now: clockNow(),
      });
      return answer(result, lang, here);
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}
