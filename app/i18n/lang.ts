export const LANGS = ["ko", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_COOKIE = "lang";

export function isLang(value: unknown): value is Lang {
  return value === "ko" || value === "en";
}

/** The language a page is not in: the `lang` attribute of a name shown beside its translation. */
export function otherLang(lang: Lang): Lang {
  return lang === "ko" ? "en" : "ko";
}

/** `?lang=` wins, then the remembered choice, then Korean. */
export function resolveLang(request: Request): { lang: Lang; fromQuery: boolean } {
  const query = new URL(request.url).searchParams.get("lang");
  if (isLang(query)) return { lang: query, fromQuery: true };
  const cookie = request.headers.get("Cookie") ?? "";
  const match = /(?:^|;\s*)lang=(ko|en)(?:;|$)/.exec(cookie);
  return { lang: match && isLang(match[1]) ? match[1] : "ko", fromQuery: false };
}

export function langCookie(lang: Lang): string {
  return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
