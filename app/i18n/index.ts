import type { Bilingual } from "~/domain/types";
import { LABELS, MESSAGES, type KoreanMessages, type LabelTable, type MessageKey } from "./catalogue";
import { formatter, type Formatter } from "./format";
import type { Lang } from "./lang";
import { renderMessage, type ArgsOf, type ParamValue } from "./message";

export { LANGS, LANG_COOKIE, isLang, langCookie, otherLang, resolveLang, type Lang } from "./lang";
export {
  LOCALES,
  TIME_ZONE,
  formatDate,
  formatDateTime,
  formatKm,
  formatKrw,
  formatNumber,
  formatPercent,
  formatter,
  type Formatter,
} from "./format";
export type { LabelTable, MessageKey } from "./catalogue";
export type { Message, ParamValue, PluralForms } from "./message";

/** What a call with this key passes after it: nothing, or the value of every placeholder (`count` as a number). */
export type MessageArgs<Key extends MessageKey> = Key extends MessageKey ? ArgsOf<KoreanMessages[Key]> : never;

/** One message in one language, its placeholders checked by TypeScript: `t("ko", "listCount", { count: 3 })`. For server code. */
export function t<Key extends MessageKey>(lang: Lang, key: Key, ...args: MessageArgs<Key>): string {
  return renderMessage(lang, MESSAGES[lang][key], args[0] as Readonly<Record<string, ParamValue>> | undefined);
}

/** One message in both languages, for API bodies that carry `ko` and `en`. */
export function both<Key extends MessageKey>(key: Key, ...args: MessageArgs<Key>): Bilingual {
  return { ko: t("ko", key, ...args), en: t("en", key, ...args) };
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(MESSAGES.ko, value);
}

/** The name of a code in a label table ("science_based" → "과학 기반형"); a code the table lacks is shown as it is. */
export function labelOf(lang: Lang, table: LabelTable, code: string | number): string {
  const names: Readonly<Record<string | number, string>> = LABELS[lang][table];
  const name = Object.hasOwn(names, code) ? names[code] : undefined;
  return name ?? String(code);
}

/** `lang="ko"` for data text in Hangul (a firm's name, say) shown on an English page; nothing otherwise. */
export function hangulLang(pageLang: Lang, text: string): "ko" | undefined {
  return pageLang === "en" && /\p{Script=Hangul}/u.test(text) ? "ko" : undefined;
}

/** A record held in both languages: `{ nameKo, nameEn }` rows or `{ ko, en }` values. */
export type Named = { nameKo: string; nameEn: string } | Bilingual;

/** The property holding a name in a language, for map layers that read names from feature properties. */
export function nameKey(lang: Lang): "nameKo" | "nameEn" {
  return lang === "ko" ? "nameKo" : "nameEn";
}

/** The name in the page's language, or the other one when that is empty. */
export function nameOf(lang: Lang, item: Named): string {
  const [ko, en] = "nameKo" in item ? [item.nameKo, item.nameEn] : [item.ko, item.en];
  return (lang === "ko" ? ko || en : en || ko) ?? "";
}

/** Messages, labels and formats of one language; what `useT()` gives components. */
export interface Translator {
  <Key extends MessageKey>(key: Key, ...args: MessageArgs<Key>): string;
  readonly lang: Lang;
  readonly format: Formatter;
  label(table: LabelTable, code: string | number): string;
  nameOf(item: Named): string;
  /** For keys made at run time (problem codes, `field_${column}`): an unknown key comes back as it is. */
  dynamic(key: string, params?: Readonly<Record<string, ParamValue>>): string;
}
export type Translate = Translator;

const translators = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  const cached = translators.get(lang);
  if (cached) return cached;
  const translate = <Key extends MessageKey>(key: Key, ...args: MessageArgs<Key>) => t(lang, key, ...args);
  const made: Translator = Object.assign(translate, {
    lang,
    format: formatter(lang),
    label: (table: LabelTable, code: string | number) => labelOf(lang, table, code),
    nameOf: (item: Named) => nameOf(lang, item),
    dynamic: (key: string, params?: Readonly<Record<string, ParamValue>>) =>
      isMessageKey(key) ? renderMessage(lang, MESSAGES[lang][key], params) : key,
  });
  translators.set(lang, made);
  return made;
}
