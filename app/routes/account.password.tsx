import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Button, Notice } from "~/components/ui";
import { requireMutation } from "~/auth/csrf.server";
import { changeOwnPassword } from "~/auth/password-change.server";
import { requireUser } from "~/auth/user.server";
import { CsrfField } from "~/components/CsrfField";
import { PasswordField } from "~/components/PasswordField";
import { PASSWORD_FIELD_LABELS } from "~/domain/accounts";
import { resolveLang, translator } from "~/i18n";
import { keepRetryAfter } from "~/http";
import { pageTitle, useT } from "~/i18n/react";
import { issueMessage } from "~/validation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "passwordChangeTitle");

export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context.services);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireMutation(request, context.services);
  const { lang } = resolveLang(request);
  const t = translator(lang);
  const result = await changeOwnPassword(request, context.services, user, {
    current: form.get("currentPassword"),
    next: form.get("newPassword"),
    confirmation: form.get("confirmPassword"),
    address: context.clientAddress ?? "unknown",
  });
  if (result.ok) return data({ ok: true as const, messages: [t("passwordChanged")] });
  if ("retryAfterSeconds" in result) {
    return data(
      { ok: false as const, messages: [t("passwordThrottled", { seconds: result.retryAfterSeconds })] },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data(
    { ok: false as const, messages: result.issues.map((p) => issueMessage(p, lang, PASSWORD_FIELD_LABELS)) },
    { status: 400 },
  );
}

export default function ChangePasswordPage() {
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <main className="page narrow">
      <h1>{t("passwordChangeTitle")}</h1>
      <p>{t("passwordChangeHelp")}</p>
      {result && (
        <Notice
          as="div"
          tone={result.ok ? "info" : "error"}
          live
          className={result.ok ? undefined : "form-error"}
          data-testid="password-result"
        >
          <ul>
            {result.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Notice>
      )}
      <Form method="post" className="stacked-form">
        <CsrfField />
        <PasswordField id="current-password" name="currentPassword" label={t("currentPassword")} purpose="current" />
        <PasswordField
          id="new-password"
          name="newPassword"
          label={`${t("newPassword")} (${t("passwordRuleLong")})`}
          purpose="new"
        />
        <PasswordField id="confirm-password" name="confirmPassword" label={t("confirmPassword")} purpose="new" />
        <Button type="submit">{t("passwordChangeSubmit")}</Button>
      </Form>
      <p>
        <Link to="/account/sessions">{t("sessionsHeading")}</Link>
      </p>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
