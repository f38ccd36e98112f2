import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  Button,
  Checkbox,
  ErrorSummary,
  Field,
  FieldError,
  Notice,
  SelectField,
  type SelectOption,
  TextField,
} from "~/components/ui";
import { NEEDS, PAVITT_CLASSES, SIZE_BANDS } from "~/domain/types";
import { resolveLang, type MessageKey } from "~/i18n";
import { loaderAndActionHeaders } from "~/http";
import { pageTitle, useT } from "~/i18n/react";
import { formValues, loadInquiryForm, submitInquiryForm, type InquiryFormValues } from "~/inquiries/page.server";
import { entriesObject } from "~/validation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "inquiryFormTitle");

/** The form carries the time it was rendered; a cached copy would make every post look too old or too fast. */
export const headers = loaderAndActionHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const form = await loadInquiryForm(context.services, entriesObject(new URL(request.url).searchParams), false);
  return data(form, { status: form.target ? 200 : 404, headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang } = resolveLang(request);
  const outcome = await submitInquiryForm(context.services, request, context, lang);
  if (outcome.kind === "sent") return redirect(outcome.location);
  return data(
    { problems: outcome.problems, values: formValues(outcome.fields, true) },
    { status: outcome.status, headers: outcome.headers },
  );
}

export default function InquiryFormPage() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const t = useT();
  const values: InquiryFormValues = posted?.values ?? loaded.values;
  const problems = posted?.problems ?? [];
  const problemFor = (name: string) => problems.find((p) => p.field === name)?.message ?? null;
  const target = loaded.target;

  if (!target) {
    return (
      <main className="page inquiry-page">
        <h1>{t("inquiryFormTitle")}</h1>
        <Notice tone="error" className="form-error">
          {t("inquiryUnknownTarget")}
        </Notice>
      </main>
    );
  }
  const regionName = loaded.regionName ? t.nameOf(loaded.regionName) : "—";
  const labelled = (table: "sizeBand" | "pavittClass", code: string): SelectOption => ({
    value: code,
    label: t.label(table, code),
  });
  // What the firm may say about itself, each optional.
  const profileChoices: { name: ProfileChoice; label: string; options: SelectOption[] }[] = [
    {
      name: "ksic",
      label: t("inquiryIndustry"),
      options: loaded.divisions.map((d) => ({ value: d.code, label: `${d.code} ${t.nameOf(d)}` })),
    },
    { name: "sizeBand", label: t("inquirySize"), options: SIZE_BANDS.map((band) => labelled("sizeBand", band)) },
    {
      name: "region",
      label: t("inquiryRegion"),
      options: loaded.regions.map((r) => ({ value: r.code, label: t.nameOf(r) })),
    },
    { name: "pavittClass", label: t("inquiryClass"), options: PAVITT_CLASSES.map((c) => labelled("pavittClass", c)) },
  ];
  return (
    <main className="page inquiry-page">
      <h1>{t("inquiryFormTitle")}</h1>
      <p className="hint">{t("inquiryFormIntro")}</p>
      <dl className="facts">
        <dt>{t("inquiryTarget")}</dt>
        <dd data-testid="inquiry-target">{t.nameOf(target)}</dd>
        <dt>{t("inquiryTargetRegion")}</dt>
        <dd>{regionName}</dd>
      </dl>
      <ErrorSummary
        title={t("inquiryRefused")}
        compact
        focusOn={problems}
        data-testid="inquiry-problems"
        items={problems.map((p) => ({
          key: `${p.field}:${p.message}`,
          href: LINKED_FIELDS.has(p.field) ? `#inquiry-${p.field}` : undefined,
          text: p.message,
        }))}
      />
      <Form method="post" className="inquiry-form" noValidate>
        <input type="hidden" name="targetType" value={target.type} />
        <input type="hidden" name="targetId" value={target.id} />
        <input type="hidden" name="renderedAt" value={loaded.renderedAt} />
        <div className="visually-hidden" aria-hidden="true">
          <TextField
            id="inquiry-honeypot"
            label={t("inquiryHoneypot")}
            name="website"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
        <fieldset>
          <legend>{t("inquiryContact")}</legend>
          {CONTACT_FIELDS.map((field) => (
            <TextField
              key={field.name}
              id={`inquiry-${field.name}`}
              name={field.name}
              label={t(field.label)}
              type={field.type}
              autoComplete={field.autoComplete}
              required={field.required}
              defaultValue={values[field.name]}
              error={problemFor(field.name)}
            />
          ))}
          <Field
            id="inquiry-message"
            label={t("inquiryMessage")}
            hint={t("inquiryMessageHint", { max: loaded.maxMessage })}
            error={problemFor("message")}
          >
            {(control) => (
              <textarea
                {...control}
                name="message"
                rows={6}
                maxLength={loaded.maxMessage}
                defaultValue={values.message}
                required
              />
            )}
          </Field>
        </fieldset>

        <fieldset data-testid="inquiry-profile">
          <legend>{t("inquiryProfile")}</legend>
          <p className="hint">{t("inquiryProfileHint")}</p>
          <Checkbox name="share_profile" defaultChecked={values.share_profile} label={t("inquiryShareProfile")} />
          {profileChoices.map((choice) => (
            <SelectField
              key={choice.name}
              id={`inquiry-${choice.name}`}
              label={choice.label}
              error={problemFor(choice.name)}
              name={choice.name}
              defaultValue={values[choice.name]}
              placeholder={t("inquiryNotGiven")}
              options={choice.options}
            />
          ))}
          <fieldset className="checkbox-group">
            <legend>{t("inquiryNeeds")}</legend>
            {NEEDS.map((need) => (
              <Checkbox
                key={need}
                name="needs"
                value={need}
                defaultChecked={values.needs.includes(need)}
                label={t.label("need", need)}
              />
            ))}
          </fieldset>
        </fieldset>

        <fieldset className="consent" data-testid="inquiry-consent">
          <legend>{t("consentTitle")}</legend>
          <dl className="facts">
            <dt>{t("consentPurposeLabel")}</dt>
            <dd>{t("consentPurpose")}</dd>
            <dt>{t("consentItemsLabel")}</dt>
            <dd>{t("consentItems")}</dd>
            <dt>{t("consentRecipientsLabel")}</dt>
            <dd>{t("consentRecipients", { region: regionName })}</dd>
            <dt>{t("consentRetentionLabel")}</dt>
            <dd>{t("consentRetention", { days: loaded.retentionDays })}</dd>
            <dt>{t("consentRefuseLabel")}</dt>
            <dd>{t("consentRefuse")}</dd>
          </dl>
          <Checkbox
            name="consent"
            id="inquiry-consent"
            aria-invalid={problemFor("consent") ? true : undefined}
            aria-describedby={problemFor("consent") ? "inquiry-consent-error" : undefined}
            label={t("consentAgree")}
          />
          {problemFor("consent") && <FieldError id="inquiry-consent-error">{problemFor("consent")}</FieldError>}
        </fieldset>
        <Button type="submit">{t("inquirySend")}</Button>
      </Form>
    </main>
  );
}

/** The fields a refused answer's summary links to (`#inquiry-<name>`). */
const LINKED_FIELDS = new Set(["contact_name", "contact_email", "contact_phone", "message", "region", "consent"]);

/** The contact fields, in the order asked. */
const CONTACT_FIELDS: {
  name: "contact_name" | "contact_email" | "contact_phone";
  label: MessageKey;
  type: string;
  autoComplete: string;
  required: boolean;
}[] = [
  { name: "contact_name", label: "inquiryName", type: "text", autoComplete: "name", required: true },
  { name: "contact_email", label: "inquiryEmail", type: "email", autoComplete: "email", required: true },
  { name: "contact_phone", label: "inquiryPhone", type: "tel", autoComplete: "tel", required: false },
];

type ProfileChoice = "ksic" | "sizeBand" | "region" | "pavittClass";

export { PageError as ErrorBoundary } from "~/components/PageError";
