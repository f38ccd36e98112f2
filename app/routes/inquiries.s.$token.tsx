import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, Card, Checkbox, Notice } from "~/components/ui";
import { InquirySteps } from "~/components/InquirySteps";
import { resolveLang } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import { loadStatusPage, NO_STORE, noStoreHeaders, withdrawFromStatusPage } from "~/inquiries/status-page.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("inquiryStatusTitle")} — ${t("appName")}` },
    { name: "robots", content: "noindex" },
    { name: "referrer", content: "no-referrer" },
  ];
};

export const headers = noStoreHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await loadStatusPage(context.services, params.token ?? "", new URL(request.url).origin);
  return data(page, { headers: NO_STORE });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lang } = resolveLang(request);
  const outcome = await withdrawFromStatusPage(context.services, request, params.token ?? "", lang);
  if (outcome.kind === "withdrawn") return redirect(outcome.location);
  return data({ problem: outcome.problem }, { status: 400 });
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
