import type { ActionFunctionArgs } from "@remix-run/node";
import { both, resolveLang } from "~/i18n";
import { parseMatchInput, type FieldError } from "~/match/input";
import { matchReference } from "~/match/reference.server";
import { runMatch } from "~/match/service.server";

/** A profile is a few hundred bytes; anything this large is not one. */
const MAX_BODY_BYTES = 16_384;

export function loader() {
  return Response.json({ error: { message: "use POST with a JSON body" } }, { status: 405, headers: { Allow: "POST" } });
}

/** POST /api/match: a firm's profile in, its classification and ranked centers and programs out. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { lang } = resolveLang(request);
  const invalid = (errors: FieldError[]) => Response.json({ errors: errors.map((e) => ({ field: e.field, message: e[lang], ko: e.ko, en: e.en })) }, { status: 400 });
  if (request.method !== "POST") return loader();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return invalid([{ field: "", ...both("matchBodyTooLarge") }]);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalid([{ field: "", ...both("matchBodyNotJson") }]);
  }
  const services = context.services;
  const parsed = parseMatchInput(body, (await matchReference(services)).known);
  if (!parsed.ok) return invalid(parsed.errors);
  const outcome = await runMatch(services, parsed.value);
  if (!outcome.ok) return invalid(outcome.errors);
  return Response.json(outcome.value, { headers: { "Cache-Control": "no-store" } });
}
