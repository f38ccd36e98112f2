import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkbox, ErrorSummary, Field, FieldError, Notice, Select } from "~/components/ui";
import { NEEDS, PAVITT_CLASSES, SIZE_BANDS } from "~/domain/types";
import { resolveLang } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import { formValues, loadInquiryForm, submitInquiryForm, type InquiryFormValues } from "~/inquiries/page.server";
import { RegionOptions } from "~/components/RegionOptions";
import { entriesObject } from "~/validation";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("inquiryFormTitle")} — ${t("appName")}` }];
};

/** The form carries the time it was rendered; a cached copy would make every post look too old or too fast. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const merged = new Headers(loaderHeaders);
  actionHeaders.forEach((value, key) => merged.set(key, value));
  return merged;
};

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
  const lang = t.lang;
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
        titleAs="strong"
        focusOn={problems}
        role="alert"
        className="notice"
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
          <Field id="inquiry-honeypot" label={t("inquiryHoneypot")}>
            {(control) => (
              <input {...control} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
            )}
          </Field>
        </div>
        <fieldset>
          <legend>{t("inquiryContact")}</legend>
          <TextField
            name="contact_name"
            label={t("inquiryName")}
            value={values.contact_name}
            error={problemFor("contact_name")}
            autoComplete="name"
            required
          />
          <TextField
            name="contact_email"
            label={t("inquiryEmail")}
            value={values.contact_email}
            error={problemFor("contact_email")}
            type="email"
            autoComplete="email"
            required
          />
          <TextField
            name="contact_phone"
            label={t("inquiryPhone")}
            value={values.contact_phone}
            error={problemFor("contact_phone")}
            type="tel"
            autoComplete="tel"
          />
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
          <Field id="inquiry-ksic" label={t("inquiryIndustry")}>
            {(control) => (
              <Select {...control} name="ksic" defaultValue={values.ksic}>
                <option value="">{t("inquiryNotGiven")}</option>
                {loaded.divisions.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.code} {t.nameOf(d)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="inquiry-sizeBand" label={t("inquirySize")}>
            {(control) => (
              <Select {...control} name="sizeBand" defaultValue={values.sizeBand}>
                <option value="">{t("inquiryNotGiven")}</option>
                {SIZE_BANDS.map((band) => (
                  <option key={band} value={band}>
                    {t.label("sizeBand", band)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="inquiry-region" label={t("inquiryRegion")} error={problemFor("region")}>
            {(control) => (
              <Select {...control} name="region" defaultValue={values.region}>
                <option value="">{t("inquiryNotGiven")}</option>
                <RegionOptions regions={loaded.regions} lang={lang} />
              </Select>
            )}
          </Field>
          <Field id="inquiry-pavittClass" label={t("inquiryClass")}>
            {(control) => (
              <Select {...control} name="pavittClass" defaultValue={values.pavittClass}>
                <option value="">{t("inquiryNotGiven")}</option>
                {PAVITT_CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {t.label("pavittClass", c)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
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

function TextField(props: {
  name: string;
  label: string;
  value: string;
  error: string | null;
  type?: string;
  autoComplete?: string;
  required?: boolean;
}) {
  return (
    <Field id={`inquiry-${props.name}`} label={props.label} error={props.error}>
      {(control) => (
        <input
          {...control}
          type={props.type ?? "text"}
          name={props.name}
          defaultValue={props.value}
          autoComplete={props.autoComplete}
          required={props.required}
        />
      )}
    </Field>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
