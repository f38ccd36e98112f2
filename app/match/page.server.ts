import type { IndustryChoice } from "~/search/industry-choice";
import { industryChoicesOf } from "~/search/industry-words.server";
import type { Services } from "~/services.server";
import { issueMessage, type FieldIssue } from "~/validation";
import { FORM_FIELD_OF, MATCH_FIELD_LABELS, matchInputFromSearchParams, parseMatchInput } from "./input";
import { matchReference } from "./reference.server";
import { runMatch, type MatchResponse } from "./service.server";

export interface MatchPageData {
  divisions: IndustryChoice[];
  /** With the label point ([lng, lat]) where the map names the region. */
  regions: { code: string; nameKo: string; nameEn: string; labelPoint: [number, number] }[];
  submitted: boolean;
  /** Problems by form field name. */
  errors: Record<string, { ko: string; en: string }>;
  result: MatchResponse | null;
}

/** The /match page: the form's choices, and the result or the field errors when the URL holds a profile. */
export async function loadMatchPage(services: Services, params: URLSearchParams): Promise<MatchPageData> {
  const reference = await matchReference(services);
  const base = {
    divisions: industryChoicesOf(
      [...reference.context.divisions].map(([code, d]) => ({ code, nameKo: d.nameKo, nameEn: d.nameEn })),
    ),
    regions: reference.regions.map((r): MatchPageData["regions"][number] => ({
      code: r.code,
      nameKo: r.nameKo,
      nameEn: r.nameEn,
      labelPoint: [r.labelPoint.lng, r.labelPoint.lat],
    })),
  };
  if (!params.has("ksic") && !params.has("employees")) return { ...base, submitted: false, errors: {}, result: null };
  const parsed = parseMatchInput(matchInputFromSearchParams(params), reference.known);
  if (!parsed.ok) return { ...base, submitted: true, errors: byFormField(parsed.issues), result: null };
  const outcome = await runMatch(services, parsed.value);
  if (!outcome.ok) return { ...base, submitted: true, errors: byFormField(outcome.issues), result: null };
  return { ...base, submitted: true, errors: {}, result: outcome.value };
}

function byFormField(issues: FieldIssue[]): MatchPageData["errors"] {
  const out: MatchPageData["errors"] = {};
  for (const problem of issues) {
    const field = FORM_FIELD_OF[problem.field] ?? (problem.field || "form");
    out[field] ??= {
      ko: issueMessage(problem, "ko", MATCH_FIELD_LABELS),
      en: issueMessage(problem, "en", MATCH_FIELD_LABELS),
    };
  }
  return out;
}
