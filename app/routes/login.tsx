import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { Button, Notice, TextField } from "~/components/ui";
import { PasswordField } from "~/components/PasswordField";
import { isSameOriginPost } from "~/auth/csrf.server";
import { signIn } from "~/auth/session.server";
import { forbidden, getCurrentUser } from "~/auth/user.server";
import { resolveLang, translator } from "~/i18n";
import { keepRetryAfter } from "~/http";
import { pageTitle, useT } from "~/i18n/react";
import { ACCOUNT_FIELD_LABELS, EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "~/domain/accounts";
import { check, entriesObject, field, issueMessage } from "~/validation";
import { formDataOrThrow } from "~/validation/request.server";
import { z } from "zod";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn");

export const headers = keepRetryAfter;

const SIGN_IN_SCHEMA = z.object({
  email: field.email({ max: EMAIL_MAX_LENGTH }),
  password: field.secret({ max: PASSWORD_MAX_LENGTH }),
});

/** Only paths on this site: `//elsewhere` or `https://…` would send the user away. */
export function safeRedirectPath(value: FormDataEntryValue | string | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/council";
  return value;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context.services);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Signing in has no session yet to hold a token: the Origin check stops cross-site sign-in posts.
  if (!isSameOriginPost(request)) throw forbidden("cross_site");
  const { lang } = resolveLang(request);
  const t = translator(lang);
  const form = await formDataOrThrow(request);
  const submittedEmail = form.get("email");
  const shownEmail =
    typeof submittedEmail === "string"
      ? submittedEmail.replace(/[\u0000-\u001F\u007F]/g, "").slice(0, EMAIL_MAX_LENGTH)
      : "";
  const submitted = entriesObject(form);
  const fields = check(SIGN_IN_SCHEMA, { email: submitted.email, password: submitted.password });
  if (!fields.ok) {
    const missing = fields.issues.some((p) => p.code === "required");
    return data(
      {
        error: missing ? t("loginMissingFields") : issueMessage(fields.issues[0]!, lang, ACCOUNT_FIELD_LABELS),
        email: shownEmail,
      },
      { status: 400 },
    );
  }
  const { email, password } = fields.value;
  const result = await signIn(context.services, {
    email,
    password,
    address: context.clientAddress ?? "unknown",
    userAgent: request.headers.get("User-Agent"),
  });
  if (result.ok)
    throw redirect(safeRedirectPath(form.get("redirectTo")), { headers: { "Set-Cookie": result.setCookie } });
  if (result.reason === "throttled") {
    return data(
      { error: t("loginThrottled", { seconds: result.retryAfterSeconds }), email: shownEmail },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data({ error: t("loginInvalid"), email: shownEmail }, { status: 401 });
}

export default function LoginPage() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <main className="page narrow">
      <h1>{t("signIn")}</h1>
      <Form method="post" className="stacked-form">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/council"} />
        {result?.error && (
          <Notice tone="error" className="form-error">
            {result.error}
          </Notice>
        )}
        <TextField
          id="login-email"
          label={t("email")}
          type="email"
          name="email"
          autoComplete="username"
          required
          maxLength={EMAIL_MAX_LENGTH}
          defaultValue={result?.email ?? ""}
        />
        <PasswordField id="login-password" name="password" label={t("password")} purpose="current" />
        <Button type="submit">{t("signIn")}</Button>
      </Form>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
