import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed } from "~/http.server";
import { resolveLang } from "~/i18n";
import { INQUIRY_FIELD_LABELS, INQUIRY_LIMITS } from "~/inquiries/input";
import { checkInquiry, clientAddress } from "~/inquiries/request.server";
import { statusPath, submitInquiry } from "~/inquiries/service.server";
import { invalidResponse } from "~/validation";
import { readJsonValue } from "~/validation/request.server";

export function loader({ request }: { request: Request }) {
  return methodNotAllowed(request, "POST");
}

/** POST /api/inquiries: a firm's request for help to a facility or program → 201 with its reference and private status link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { lang } = resolveLang(request);
  if (request.method !== "POST") return methodNotAllowed(request, "POST");
  const body = await readJsonValue(request, { maxBytes: INQUIRY_LIMITS.bodyBytes });
  if (!body.ok) return invalidResponse(body.issues, lang, { status: body.status });
  const checked = await checkInquiry(context.services, body.value);
  if (!checked.ok) return invalidResponse(checked.issues, lang, { labels: INQUIRY_FIELD_LABELS });
  const origin = new URL(request.url).origin;
  const outcome = await submitInquiry(context.services, checked.value, {
    address: clientAddress(context),
    origin,
    now: new Date(),
  });
  switch (outcome.kind) {
    case "ok":
      return Response.json(
        {
          id: outcome.value.id,
          reference: outcome.value.reference,
          statusUrl: `${origin}${statusPath(outcome.value.statusToken)}`,
        },
        { status: 201, headers: { "Cache-Control": "no-store" } },
      );
    case "rate_limited":
      return invalidResponse(outcome.issues, lang, {
        status: 429,
        headers: { "Retry-After": String(outcome.retryAfterSeconds) },
      });
    case "invalid":
      return invalidResponse(outcome.issues, lang, { labels: INQUIRY_FIELD_LABELS });
    default:
      return invalidResponse([], lang, { status: 500 });
  }
}
