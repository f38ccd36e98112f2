import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed } from "~/http.server";
import { resolveLang } from "~/i18n";
import { MATCH_FIELD_LABELS, parseMatchInput } from "~/match/input";
import { matchReference } from "~/match/reference.server";
import { runMatch } from "~/match/service.server";
import { invalidResponse } from "~/validation";
import { readJsonValue } from "~/validation/request.server";

/** A profile is a few hundred bytes; anything this large is not one. */
const MAX_BODY_BYTES = 16_384;

export function loader({ request }: { request: Request }) {
  return methodNotAllowed(request, "POST");
}

/** POST /api/match: a firm's profile in, its classification and ranked centers and programs out. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { lang } = resolveLang(request);
  if (request.method !== "POST") return methodNotAllowed(request, "POST");
  const services = context.services;
  const body = await readJsonValue(request, { maxBytes: MAX_BODY_BYTES });
  if (!body.ok) return invalidResponse(body.issues, lang, { status: body.status });
  const parsed = parseMatchInput(body.value, (await matchReference(services)).known);
  if (!parsed.ok) return invalidResponse(parsed.issues, lang, { labels: MATCH_FIELD_LABELS });
  const outcome = await runMatch(services, parsed.value);
  if (!outcome.ok) return invalidResponse(outcome.issues, lang, { labels: MATCH_FIELD_LABELS });
  return Response.json(outcome.value, { headers: { "Cache-Control": "no-store" } });
}
