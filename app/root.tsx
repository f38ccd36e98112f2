import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css?url";
import { langCookie, resolveLang, translator, type Lang } from "~/i18n";
import appCss from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: maplibreCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, fromQuery } = resolveLang(request);
  // Choosing a language with ?lang= is remembered for the next visit.
  return data({ lang }, fromQuery ? { headers: { "Set-Cookie": langCookie(lang) } } : undefined);
}

/** The current language, from the root loader (Korean when it did not run). */
export function useLang(): Lang {
  const rootData = useRouteLoaderData<typeof loader>("root");
  return rootData?.lang ?? "ko";
}

export function useT() {
  return translator(useLang());
}

function LanguageSwitch({ lang }: { lang: Lang }) {
  const location = useLocation();
  const t = translator(lang);
  const params = new URLSearchParams(location.search);
  params.set("lang", lang === "ko" ? "en" : "ko");
  return (
    <Link to={`${location.pathname}?${params}`} className="lang-switch" aria-label={t("languageSwitchLabel")} lang={lang === "ko" ? "en" : "ko"} reloadDocument={false}>
      {t("languageSwitch")}
    </Link>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  const t = translator(lang);
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
            <Link to={lang === "en" ? "/gaps?lang=en" : "/gaps"}>{t("navGaps")}</Link>
            <LanguageSwitch lang={lang} />
          </nav>
        </header>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = translator(useLang());
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="page">
      <h1>{notFound ? t("notFoundTitle") : t("errorTitle")}</h1>
      <p>{notFound ? t("notFoundBody") : t("errorBody")}</p>
      <p>
        <Link to="/">{t("backToMap")}</Link>
      </p>
    </main>
  );
}
