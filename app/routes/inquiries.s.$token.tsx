import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, Card, Checkbox, Notice } from "~/components/ui";
import { isSameOriginPost } from "~/auth/csrf.server";
import { resolveLang, translator } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import { InquirySteps } from "~/components/InquirySteps";
import { statusByToken, statusPath, withdrawByToken } from "~/inquiries/service.server";
import { formDataOrThrow } from "~/validation/request.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("inquiryStatusTitle")} — ${t("appName")}` },
    { name: "robots", content: "noindex" },
    { name: "referrer", content: "no-referrer" },
  ];
};

/** The URL is the key to the request: no cache keeps the page, and no link on it passes the URL on. */
const NO_STORE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };

export const headers: HeadersFunction = () => NO_STORE;

/** The firm's private status page: the thread's steps and replies; an unknown or withdrawn link is 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const view = await statusByToken(context.services.database.db, params.token ?? "");
  if (!view) throw new Response("Not found", { status: 404, headers: NO_STORE });
  const current = view.requests[view.requests.length - 1]!;
  return data(
    {
      reference: view.root.reference,
      statusUrl: `${new URL(request.url).origin}${statusPath(params.token ?? "")}`,
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
    },
    { headers: NO_STORE },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lang } = resolveLang(request);
  if (!isSameOriginPost(request)) throw new Response("Forbidden", { status: 403 });
  const form = await formDataOrThrow(request);
  if (form.get("confirm") !== "on")
    return data({ problem: translator(lang)("inquiryWithdrawNeedsConfirm") }, { status: 400 });
  const outcome = await withdrawByToken(context.services, params.token ?? "");
  if (outcome.kind !== "ok") throw new Response("Not found", { status: 404 });
  return redirect(
    `/inquiries/withdrawn?reference=${encodeURIComponent(outcome.value.reference)}${lang === "en" ? "&lang=en" : ""}`,
  );
}

export default function InquiryStatusPage() {
  const view = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const sent = search.get("sent") === "1";
  return (
    <main
      className="page inquiry-page"
      data-testid="inquiry-status"
      data-state={view.state}
      data-outcome={view.outcome ?? undefined}
    >
      <h1>{sent ? t("inquirySentTitle") : t("inquiryStatusTitle")}</h1>
      {sent && <Notice live>{t("inquirySentIntro")}</Notice>}
      <dl className="facts">
        <dt>{t("inquiryReference")}</dt>
        <dd data-testid="inquiry-reference">{view.reference}</dd>
        <dt>{t("inquiryState")}</dt>
        <dd>
          <strong>{t(`inquiryState_${view.state}`)}</strong>
          {view.outcome ? ` · ${t(`inquiryOutcome_${view.outcome}`)}` : ""}
        </dd>
        {sent && (
          <>
            <dt>{t("inquiryStatusLink")}</dt>
            <dd>
              <a href={view.statusUrl} data-testid="inquiry-status-link">
                {view.statusUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      <h2>{t("inquiryStatusSteps")}</h2>
      <InquirySteps steps={view.steps} requests={view.requests} />
      <Card aria-labelledby="withdraw-title">
        <h2 id="withdraw-title">{t("inquiryWithdrawTitle")}</h2>
        <p className="hint">{t("inquiryWithdrawHint")}</p>
        {posted?.problem && (
          <Notice tone="error" className="form-error">
            {posted.problem}
          </Notice>
        )}
        <Form method="post">
          <Checkbox name="confirm" label={t("inquiryWithdrawConfirm")} />
          <Button type="submit" variant="danger">
            {t("inquiryWithdraw")}
          </Button>
        </Form>
      </Card>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
