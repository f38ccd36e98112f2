import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { isSameOriginPost } from "~/auth/csrf.server";
import { signIn } from "~/auth/session.server";
import { forbidden, getCurrentUser } from "~/auth/user.server";
import { resolveLang, translator } from "~/i18n";
import { metaT, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("signIn")} — ${t("appName")}` }];
};

/** Only paths on this site: `//elsewhere` or `https://…` would send the user away. */
export function safeRedirectPath(value: FormDataEntryValue | string | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/council";
  return value;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context.services);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Signing in has no session yet to hold a token: the Origin check stops cross-site sign-in posts.
  if (!isSameOriginPost(request)) throw forbidden();
  const { lang } = resolveLang(request);
  const t = translator(lang);
  const form = await request.formData();
  const email = form.get("email");
  const password = form.get("password");
  if (typeof email !== "string" || typeof password !== "string" || email.trim() === "" || password === "") {
    return data({ error: t("loginMissingFields"), email: typeof email === "string" ? email.slice(0, 254) : "" }, { status: 400 });
  }
  const result = await signIn(context.services, {
    email,
    password,
    address: context.clientAddress ?? "unknown",
    userAgent: request.headers.get("User-Agent"),
  });
  if (result.ok) throw redirect(safeRedirectPath(form.get("redirectTo")), { headers: { "Set-Cookie": result.setCookie } });
  if (result.reason === "throttled") {
    return data(
      { error: t("loginThrottled", { seconds: result.retryAfterSeconds }), email: email.slice(0, 254) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data({ error: t("loginInvalid"), email: email.slice(0, 254) }, { status: 401 });
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
          <p className="form-error" role="alert">
            {result.error}
          </p>
        )}
        <label>
          {t("email")}
          <input type="email" name="email" autoComplete="username" required maxLength={254} defaultValue={result?.email ?? ""} />
        </label>
        <label>
          {t("password")}
          <input type="password" name="password" autoComplete="current-password" required maxLength={256} />
        </label>
        <button type="submit">{t("signIn")}</button>
      </Form>
    </main>
  );
}
