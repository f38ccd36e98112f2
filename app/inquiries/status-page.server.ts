import type { HeadersFunction } from "@remix-run/node";
import { isSameOriginPost } from "~/auth/csrf.server";
import { translator, type Lang } from "~/i18n";
import type { Services } from "~/services.server";
import { formDataOrThrow } from "~/validation/request.server";
import { statusByToken, statusPath, withdrawByToken } from "./service.server";

/** The URL is the key to the request: no cache keeps the page, and no link on it passes the URL on. */
export const NO_STORE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };

export const noStoreHeaders: HeadersFunction = () => NO_STORE;

/** The firm's private status page: the thread's steps and replies; an unknown or withdrawn link is 404. */
export async function loadStatusPage(services: Services, token: string, origin: string) {
  const view = await statusByToken(services.database.db, token);
  if (!view) throw new Response("Not found", { status: 404, headers: NO_STORE });
  const current = view.requests[view.requests.length - 1]!;
  return {
    reference: view.root.reference,
    statusUrl: `${origin}${statusPath(token)}`,
    state: current.state,
    outcome: current.outcome,
    requests: view.requests.map((r) => ({
      id: r.id,
      reference: r.reference,
      state: r.state,
      outcome: r.outcome,
      target: r.targetNameKo ? { nameKo: r.targetNameKo, nameEn: r.targetNameEn ?? r.targetNameKo } : null,
    })),
    steps: view.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      outcome: e.outcome,
      body: e.kind === "reply" ? e.body : null,
      inquiryId: e.inquiryId,
    })),
  };
}

/** Withdrawing needs the box ticked; done, the firm lands on the page that says so (the token is spent). */
export async function withdrawFromStatusPage(
  services: Services,
  request: Request,
  token: string,
  lang: Lang,
): Promise<{ kind: "withdrawn"; location: string } | { kind: "refused"; problem: string }> {
  if (!isSameOriginPost(request)) throw new Response("Forbidden", { status: 403 });
  const form = await formDataOrThrow(request);
  if (form.get("confirm") !== "on")
    return { kind: "refused", problem: translator(lang)("inquiryWithdrawNeedsConfirm") };
  const outcome = await withdrawByToken(services, token);
  if (outcome.kind !== "ok") throw new Response("Not found", { status: 404 });
  const reference = encodeURIComponent(outcome.value.reference);
  return {
    kind: "withdrawn",
    location: `/inquiries/withdrawn?reference=${reference}${lang === "en" ? "&lang=en" : ""}`,
  };
}
