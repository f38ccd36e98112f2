import { now } from "~/clock";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, Field, Notice, SelectField } from "~/components/ui";
import { requireMutation } from "~/auth/csrf.server";
import { requireUser } from "~/auth/user.server";
import { AuditTable } from "~/components/AuditTable";
import { BackLinkPage } from "~/components/BackLinkPage";
import { CsrfField } from "~/components/CsrfField";
import { InquirySteps } from "~/components/InquirySteps";
import { loadRegion } from "~/council/routes.server";
import { resolveLang } from "~/i18n";
import { pageTitle, useT } from "~/i18n/react";
import { actOnInquiry, loadInquiryDetail } from "~/inquiries/council.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "inquiryInbox");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  return loadInquiryDetail(context.services, user, region, params.id ?? "", now());
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form } = await requireMutation(request, context.services, {
    roles: ["admin", "council_editor", "council_reviewer"],
  });
  const region = await loadRegion(context.services, params.region);
  return actOnInquiry(context.services, user, region, params.id ?? "", form, {
    origin: new URL(request.url).origin,
    lang: resolveLang(request).lang,
  });
}

export default function InquiryDetail() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean; problems: string[] }>();
  const t = useT();
  const q = view.inquiry;
  return (
    <BackLinkPage
      backTo={`/council/${view.region.code}/inquiries`}
      backLabel={`${t("inquiryInbox")} — ${t.nameOf(view.region)}`}
      data-testid="inquiry-detail"
      data-state={q.state}
      data-outcome={q.outcome ?? undefined}
    >
      <h1>{t("inquiryDetail", { reference: q.reference })}</h1>
      {result && !result.ok && (
        <Notice as="div" tone="error" className="form-error">
          {result.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </Notice>
      )}
      <dl className="facts">
        <dt>{t("inquiryTarget")}</dt>
        <dd>{q.targetNameKo ? t.nameOf({ nameKo: q.targetNameKo, nameEn: q.targetNameEn ?? q.targetNameKo }) : "—"}</dd>
        <dt>{t("inquiryState")}</dt>
        <dd>
          {t(`inquiryState_${q.state}`)}
          {q.outcome ? ` · ${t(`inquiryOutcome_${q.outcome}`)}` : ""}{" "}
          {view.overdue && <span className="badge overdue">{t("inquiryOverdue", { days: view.overdueDays })}</span>}
        </dd>
        {q.referredFromReference && (
          <>
            <dt>{t("inquiryThread")}</dt>
            <dd>{t("inquiryReferredFrom", { reference: q.referredFromReference })}</dd>
          </>
        )}
        <dt>{t("inquiryReceived")}</dt>
        <dd>{t.format.dateTime(q.createdAt)}</dd>
        {q.erasedAt ? (
          <>
            <dt>{t("inquiryContact")}</dt>
            <dd>{t("inquiryErased", { at: t.format.dateTime(q.erasedAt) })}</dd>
          </>
        ) : (
          <>
            <dt>{t("inquiryName")}</dt>
            <dd data-testid="inquiry-contact-name">{q.contact.name}</dd>
            <dt>{t("inquiryEmail")}</dt>
            <dd>{q.contact.email}</dd>
            <dt>{t("inquiryPhone")}</dt>
            <dd>{q.contact.phone ?? "—"}</dd>
            <dt>{t("inquiryMessage")}</dt>
            <dd className="inquiry-text">{q.message}</dd>
          </>
        )}
        <dt>{t("inquiryIndustry")}</dt>
        <dd>{q.ksicDivision ?? "—"}</dd>
        <dt>{t("inquirySize")}</dt>
        <dd>{q.sizeBand ? t.label("sizeBand", q.sizeBand) : "—"}</dd>
        <dt>{t("inquiryClass")}</dt>
        <dd>{q.pavittClass ? t.label("pavittClass", q.pavittClass) : "—"}</dd>
        <dt>{t("inquiryNeeds")}</dt>
        <dd>{q.needs.length > 0 ? q.needs.map((n) => t.label("need", n)).join(", ") : "—"}</dd>
        <dt>{t("inquiryConsentRecord")}</dt>
        <dd>
          {t("inquiryConsentRecordValue", {
            version: q.consent.version,
            at: t.format.dateTime(q.consent.at),
            days: q.consent.retentionDays,
          })}
        </dd>
      </dl>

      <div className="button-row">
        {STEP_ACTIONS.filter(({ intent }) => view.actions.includes(intent)).map(({ intent, label }) => (
          <IntentForm key={intent} version={q.version}>
            <Button type="submit" name="intent" value={intent}>
              {t(label)}
            </Button>
          </IntentForm>
        ))}
        {view.actions.includes("close") && (
          <IntentForm version={q.version}>
            <SelectField
              id="inquiry-outcome"
              label={t("inquiryOutcomeChoose")}
              name="outcome"
              defaultValue="helped"
              options={view.outcomes.map((o) => ({ value: o, label: t(`inquiryOutcome_${o}`) }))}
            />
            <Button type="submit" name="intent" value="close">
              {t("inquiryClose")}
            </Button>
          </IntentForm>
        )}
      </div>

      {TEXT_ACTIONS.filter(({ intent }) => intent === "note" || (q.state !== "closed" && !q.erasedAt)).map((action) => (
        <IntentForm key={action.intent} version={q.version} className="inquiry-form">
          <Field id={`inquiry-${action.intent}`} label={t(action.label)}>
            {(control) => <textarea {...control} name="text" rows={action.rows} required />}
          </Field>
          <Button type="submit" name="intent" value={action.intent}>
            {t(action.submit)}
          </Button>
        </IntentForm>
      ))}
      {view.actions.includes("refer") && !q.erasedAt && (
        <IntentForm version={q.version} className="inquiry-form">
          <h2>{t("inquiryRefer")}</h2>
          <SelectField
            id="inquiry-refer-facility"
            label={t("inquiryReferFacility")}
            name="facilityId"
            required
            defaultValue=""
          >
            <option value="">—</option>
            {view.referralTargets.map((f) => (
              <option key={f.id} value={f.id}>
                {t.nameOf(f)}
                {f.region ? ` (${t.nameOf(f.region)})` : ""}
              </option>
            ))}
          </SelectField>
          <Field id="inquiry-refer-note" label={t("inquiryReferNote")}>
            {(control) => <textarea {...control} name="note" rows={3} />}
          </Field>
          <Button type="submit" name="intent" value="refer">
            {t("inquirySendRefer")}
          </Button>
        </IntentForm>
      )}

      <h2>{t("inquiryThread")}</h2>
      <InquirySteps steps={view.steps} requests={view.thread} />
      <h2>{t("auditTrail")}</h2>
      <AuditTable entries={view.audit} />
    </BackLinkPage>
  );
}

/** The steps that need only a click. */
const STEP_ACTIONS = [
  { intent: "accept", label: "inquiryAccept" },
  { intent: "start", label: "inquiryStart" },
] as const;

/** The actions that send a text: a reply goes to the firm (while the request is open), a note stays inside. */
const TEXT_ACTIONS = [
  { intent: "reply", label: "inquiryReply", submit: "inquirySendReply", rows: 5 },
  { intent: "note", label: "inquiryNote", submit: "inquiryAddNote", rows: 3 },
] as const;

/** A form that acts on the request, with the session's token and the version the page showed (a stale page is refused). */
function IntentForm({ version, className, children }: { version: number; className?: string; children: ReactNode }) {
  return (
    <Form method="post" className={className}>
      <CsrfField />
      <input type="hidden" name="version" value={version} />
      {children}
    </Form>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
