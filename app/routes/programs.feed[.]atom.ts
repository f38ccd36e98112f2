import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLang } from "~/i18n";
import { matchInputFromSearchParams, parseMatchInput, MATCH_FIELD_LABELS } from "~/match/input";
import { matchReference } from "~/match/reference.server";
import { runMatch } from "~/match/service.server";
import { atomFeed } from "~/programs/feed.server";
import { invalidResponse } from "~/validation";

/** GET /programs/feed.atom?<the /match profile>: the profile's open, eligible calls as Atom. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lang } = resolveLang(request);
  const url = new URL(request.url);
  const params = new URLSearchParams(url.searchParams);
  params.delete("program");
  const parsed = parseMatchInput(matchInputFromSearchParams(params), (await matchReference(context.services)).known);
  if (!parsed.ok) return invalidResponse(parsed.issues, lang, { labels: MATCH_FIELD_LABELS });
  const outcome = await runMatch(context.services, parsed.value);
  if (!outcome.ok) return invalidResponse(outcome.issues, lang, { labels: MATCH_FIELD_LABELS });
  const body = atomFeed(outcome.value, {
    origin: url.origin,
    profileQuery: params.toString(),
    lang,
    updated: new Date().toISOString(),
  });
  return new Response(body, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-store" },
  });
}
