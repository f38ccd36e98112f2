import type { Services } from "~/services.server";
import { FORM_FIELD_OF, matchInputFromSearchParams, parseMatchInput, type FieldError } from "./input";
import { matchReference } from "./reference.server";
import { runMatch, type MatchResponse } from "./service.server";

export interface MatchPageData {
  divisions: { code: string; nameKo: string; nameEn: string }[];
  regions: { code: string; nameKo: string; nameEn: string }[];
  submitted: boolean;
  /** Problems by form field name. */
  errors: Record<string, { ko: string; en: string }>;
  result: MatchResponse | null;
}

/** The /match page: the form's choices, and the result or the field errors when the URL holds a profile. */
export async function loadMatchPage(services: Services, params: URLSearchParams): Promise<MatchPageData> {
  const reference = await matchReference(services);
  const base = {
    divisions: [...reference.context.divisions].map(([code, d]) => ({ code, nameKo: d.nameKo, nameEn: d.nameEn })),
    regions: reference.regions.map((r) => ({ code: r.code, nameKo: r.nameKo, nameEn: r.nameEn })),
  };
  if (!params.has("ksic") && !params.has("employees")) return { ...base, submitted: false, errors: {}, result: null };
  const parsed = parseMatchInput(matchInputFromSearchParams(params), reference.known);
  if (!parsed.ok) return { ...base, submitted: true, errors: byFormField(parsed.errors), result: null };
  const outcome = await runMatch(services, parsed.value);
  if (!outcome.ok) return { ...base, submitted: true, errors: byFormField(outcome.errors), result: null };
  return { ...base, submitted: true, errors: {}, result: outcome.value };
}

function byFormField(errors: FieldError[]): MatchPageData["errors"] {
  const out: MatchPageData["errors"] = {};
  for (const error of errors) {
    const field = FORM_FIELD_OF[error.field] ?? (error.field || "form");
    out[field] ??= { ko: error.ko, en: error.en };
  }
  return out;
}
