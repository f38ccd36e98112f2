import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteError } from "@remix-run/react";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css?url";
import { loadSession } from "~/auth/session.server";
import { CsrfField } from "~/components/CsrfField";
import { langCookie, otherLang, resolveLang, type Lang } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import { useNonce } from "~/nonce";
import { useUser, type RootData } from "~/root-data";
import appCss from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: maplibreCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lang, fromQuery } = resolveLang(request);
  const session = await loadSession(request, context.services);
  const rootData: RootData = { lang, user: session?.user ?? null, csrfToken: session?.csrfToken ?? null };
  // Choosing a language with ?lang= is remembered for the next visit.
  return data(rootData, fromQuery ? { headers: { "Set-Cookie": langCookie(lang) } } : undefined);
}

function LanguageSwitch({ lang }: { lang: Lang }) {
  const location = useLocation();
  const t = useT();
  const params = new URLSearchParams(location.search);
  params.set("lang", otherLang(lang));
  return (
    <Link to={`${location.pathname}?${params}`} className="lang-switch" aria-label={t("languageSwitchLabel")} lang={otherLang(lang)} reloadDocument={false}>
      {t("languageSwitch")}
    </Link>
  );
}

function AccountLinks() {
  const user = useUser();
  const t = useT();
  if (!user) return <Link to="/login">{t("signIn")}</Link>;
  return (
    <>
      <Link to="/council">{t("councilWorkspace")}</Link>
      {user.role === "admin" && <Link to="/admin/users">{t("adminUsers")}</Link>}
      <Link to="/account/sessions" title={user.email}>
        {t("myAccount")}
      </Link>
      <Form method="post" action="/logout" className="inline-form">
        <CsrfField />
        <button type="submit">{t("signOut")}</button>
      </Form>
    </>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  const t = useT();
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <header className="site-header">
          <Link to={lang === "en" ? "/?lang=en" : "/"} className="brand">
            {t("appName")}
          </Link>
          <span className="tagline">{t("tagline")}</span>
          <nav className="site-nav">
            <Link to={lang === "en" ? "/?lang=en" : "/"}>{t("navMap")}</Link>
            <Link to={lang === "en" ? "/match?lang=en" : "/match"}>{t("navMatch")}</Link>
            <Link to={lang === "en" ? "/gaps?lang=en" : "/gaps"}>{t("navGaps")}</Link>
            <AccountLinks />
            <LanguageSwitch lang={lang} />
          </nav>
        </header>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404 ? [t("notFoundTitle"), t("notFoundBody")] : status === 403 ? [t("forbiddenTitle"), t("forbiddenBody")] : [t("errorTitle"), t("errorBody")];
  return (
    <main className="page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/">{t("backToMap")}</Link>
      </p>
    </main>
  );
}
