import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CsrfField } from "./CsrfField";
import { otherLang, type Lang } from "~/i18n";
import { useT } from "~/i18n/react";
import { useUser } from "~/root-data";
import { Button } from "./ui";

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
        <Button type="submit" className="nav-button">
          {t("signOut")}
        </Button>
      </Form>
    </>
  );
}

/** The menu folds on a phone once JavaScript runs; without it the links stay listed under the name. */
export function SiteHeader({ lang }: { lang: Lang }) {
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
        <Button
          className="menu-button"
          aria-expanded={menu === "open"}
          aria-controls="site-nav"
          onClick={() => setMenu(menu === "open" ? "closed" : "open")}
        >
          {t("menu")}
        </Button>
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
