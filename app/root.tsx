import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css?url";
import { loadSession } from "~/auth/session.server";
import { PageError } from "~/components/PageError";
import { SiteHeader } from "~/components/SiteHeader";
import { langCookie, resolveLang } from "~/i18n";
import { pageTitle, useLang, useT } from "~/i18n/react";
import { useNonce } from "~/nonce";
import type { RootData } from "~/root-data";
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
