import { data, redirect } from "@remix-run/node";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import { forbidden, type SessionUser } from "~/auth/user.server";
import { mayActOnRegion, type ListingAction } from "~/domain/access";
import { isListingId } from "~/domain/listing-id";
import { LIST_COLUMNS, type ListingType } from "~/domain/listings";
import type { Lang } from "~/i18n";
import type { IndustryChoice } from "~/search/industry-choice";
import { industryChoicesOf } from "~/search/industry-words.server";
import { issueMessage, type FieldIssue } from "~/validation";
import type { Services } from "~/services.server";
import type { ConflictState, Outcome } from "./listings.server";

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404 });
}

export function parseType(value: string | undefined): ListingType {
  if (value === "facility" || value === "program") return value;
  throw notFoundResponse();
}

/** The listing id in the URL, or a 404 for anything that cannot be one. */
export function parseListingId(value: string | undefined): string {
  if (isListingId(value)) return value;
  throw notFoundResponse();
}

export interface RegionRef {
  code: string;
  nameKo: string;
  nameEn: string;
}

/** Every region, named as the council pages name it. */
export async function listCouncilRegions(services: Services): Promise<RegionRef[]> {
  const regions = await listRegions(services.database.db);
  return regions.map((r) => ({ code: r.code, nameKo: r.nameKo, nameEn: r.nameEnFull }));
}

/** The region named in the URL, or a 404. */
export async function loadRegion(services: Services, code: string | undefined): Promise<RegionRef> {
  const region = (await listCouncilRegions(services)).find((r) => r.code === code);
  if (!region) throw notFoundResponse();
  return region;
}

/** Refuses with a 403, logged with the reason "region", unless the user's role lets them do this in this region. */
export function requireRegionAccess(user: SessionUser, region: RegionRef, action: ListingAction): void {
  if (!mayActOnRegion(user, action, region.code)) throw forbidden("region", user);
}

export interface ProblemMessage {
  field: string;
  message: string;
}

/** Messages for the listing form, which shows each next to its labelled field. */
export function problemMessages(issues: FieldIssue[], lang: Lang): ProblemMessage[] {
  return issues.map((p) => ({ field: p.field, message: issueMessage(p, lang) }));
}

/** Turns a workflow outcome into the answer: a redirect on success, the form again with messages or the conflict otherwise. */
export function answerOutcome<T>(
  outcome: Outcome<T>,
  lang: Lang,
  onSuccess: (value: T) => string,
  submitted: Record<string, string>,
) {
  switch (outcome.kind) {
    case "ok":
      return redirect(onSuccess(outcome.value));
    case "invalid":
      return data(
        { problems: problemMessages(outcome.issues, lang), submitted, conflict: null as ConflictState | null },
        { status: 400 },
      );
    case "conflict":
      return data({ problems: [] as ProblemMessage[], submitted, conflict: outcome.conflict }, { status: 409 });
    case "forbidden":
      throw forbidden();
    case "not_found":
      throw notFoundResponse();
  }
}

/**
 * The form's fields as the validation reads them: one text per field. A list
 * field comes as one value per picked item (checkboxes, chips, a multi-select)
 * or as one text separated by semicolons (a form re-posted from stored
 * values); both become that one text.
 */
export function formFields(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const values = form.getAll(name).filter((value): value is string => typeof value === "string");
    out[name] = LIST_COLUMNS.has(name) ? values.filter((value) => value.trim() !== "").join(";") : (values[0] ?? "");
  }
  return out;
}

/** The KSIC divisions the listing form's industry picker offers. */
export async function industryChoices(services: Services): Promise<IndustryChoice[]> {
  return industryChoicesOf(await listKsicDivisions(services.database.db));
}
