import { MESSAGES, type MessageKey } from "./messages";

export const LANGS = ["ko", "en"] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

export const LANG_COOKIE = "lang";

export function isLang(value: unknown): value is Lang {
  return value === "ko" || value === "en";
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

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  return (key, values) => {
    const text: string = messages[key];
    return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : text;
  };
}

/** Picks the text of a bilingual value. */
export function pick<T extends { ko: string; en: string }>(lang: Lang, value: T): string {
  return value[lang];
}
