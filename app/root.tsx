import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css?url";
import { loadSession } from "~/auth/session.server";
import { CsrfField } from "~/components/CsrfField";
import { PageError } from "~/components/PageError";
import { langCookie, otherLang, resolveLang, type Lang } from "~/i18n";
import { pageTitle, useLang, useT } from "~/i18n/react";
import { useNonce } from "~/nonce";
import { useUser, type RootData } from "~/root-data";
import appCss from "~/styles/app.css?url";
import tokensCss from "~/styles/tokens.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: maplibreCss },
  { rel: "stylesheet", href: tokensCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Pages name themselves; this title is for the error page, which replaces any page below. */
export const meta: MetaFunction = ({ error, matches }) => {
  const status = isRouteErrorResponse(error) ? error.status : error ? 500 : 200;
  return pageTitle(matches, status === 404 ? "notFoundTitle" : status === 403 ? "forbiddenTitle" : "errorTitle");
};

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
    <Link
      to={`${location.pathname}?${params}`}
      className="lang-switch"
      aria-label={t("languageSwitchLabel")}
      lang={otherLang(lang)}
      reloadDocument={false}
    >
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

/** The menu folds on a phone once JavaScript runs; without it the links stay listed under the name. */
function SiteHeader({ lang }: { lang: Lang }) {
  const t = useT();
  const location = useLocation();
  const [menu, setMenu] = useState<"closed" | "open" | undefined>(undefined);
  useEffect(() => setMenu("closed"), []);
  useEffect(() => setMenu((current) => (current ? "closed" : current)), [location.pathname]);
  const suffix = lang === "en" ? "?lang=en" : "";
  return (
    <header className="site-header" data-menu={menu}>
      <Link to={`/${suffix}`} className="brand">
        {t("appName")}
      </Link>
      <span className="tagline">{t("tagline")}</span>
      {menu ? (
        <button
          type="button"
          className="menu-button small"
          aria-expanded={menu === "open"}
          aria-controls="site-nav"
          onClick={() => setMenu(menu === "open" ? "closed" : "open")}
        >
          {t("menu")}
        </button>
      ) : null}
      <nav className="site-nav" id="site-nav" aria-label={t("menu")}>
        <NavLink to={`/${suffix}`} end>
          {t("navMap")}
        </NavLink>
        <NavLink to={`/match${suffix}`}>{t("navMatch")}</NavLink>
        <NavLink to={`/gaps${suffix}`}>{t("navGaps")}</NavLink>
        <AccountLinks />
        <LanguageSwitch lang={lang} />
      </nav>
    </header>
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
        <a href="#main-content" className="skip-link">
          {t("skipToContent")}
        </a>
        <SiteHeader lang={lang} />
        <div id="main-content" tabIndex={-1}>
          {children}
        </div>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/**
 * The language, the user and the CSRF token change with another ?lang= and after a posted form (a
 * URL without ?lang= keeps the remembered language); other navigations leave them be, so a search
 * that fails for the network fails on the page's own data, whose route keeps its last results.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (formMethod && formMethod.toUpperCase() !== "GET") return defaultShouldRevalidate;
  const nextLang = nextUrl.searchParams.get("lang");
  if (nextLang !== null && nextLang !== document.documentElement.lang) return defaultShouldRevalidate;
  return false;
};

export { PageError as ErrorBoundary };
