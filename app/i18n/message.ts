import { formatNumber, pluralCategory } from "./format";
import { required } from "../required";
import type { Lang } from "./lang";

/**
 * A message is a text with `{name}` placeholders, or plural forms chosen by the number
 * `{count}` through Intl.PluralRules: `{ one: "{count} place", other: "{count} places" }`.
 * `other` is always there; Korean needs nothing else.
 */
export type PluralForms = { readonly other: string } & {
  readonly [Category in Exclude<Intl.LDMLPluralRule, "other">]?: string;
};
export type Message = string | PluralForms;
export type Messages = Readonly<Record<string, Message>>;

type Placeholders<Text> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The placeholder names of a message; a plural message always takes `count`. */
export type ParamsOf<M> = M extends string
  ? Placeholders<M>
  : M extends PluralForms
    ? Placeholders<M[keyof M] & string> | "count"
    : never;

/** `count` is always a number (it picks the plural form); other values are text or numbers (numbers get the language's digit grouping). */
export type ParamValues<M> = { readonly [Name in ParamsOf<M>]: Name extends "count" ? number : string | number };

/** What a call passes after the key: nothing for a message without placeholders, else every placeholder's value. */
export type ArgsOf<M> = [ParamsOf<M>] extends [never] ? [] : [params: ParamValues<M>];

/** A translation has every key of the Korean messages and no other (checked where it is written, with `satisfies`). */
export type Translation<Korean extends Messages> = { readonly [Key in keyof Korean]: Message };

type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The translation's own type where every message has exactly the Korean placeholders,
 * and an explanation naming the key where it has not: assigning a translation to this
 * type fails to compile on the first message whose placeholders differ.
 */
export type CheckedTranslation<Korean extends Messages, Other extends Translation<Korean>> = {
  readonly [Key in keyof Korean]: SameUnion<ParamsOf<Korean[Key]>, ParamsOf<Other[Key]>> extends true
    ? Other[Key]
    : { placeholdersDifferFromKorean: Key; korean: ParamsOf<Korean[Key]>; translation: ParamsOf<Other[Key]> };
};

export type ParamValue = string | number;

/** The placeholder names a message uses, at run time (for the catalogue test). */
export function placeholdersOf(message: Message): string[] {
  const texts =
    typeof message === "string"
      ? [message]
      : Object.values(message).filter((text): text is string => typeof text === "string");
  const names = new Set<string>(typeof message === "string" ? [] : ["count"]);
  for (const text of texts)
    for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(required(match[1], "a placeholder name"));
  return [...names].sort();
}

/** Fills a message in: picks the plural form for `count`, writes numbers with the language's grouping. */
export function renderMessage(lang: Lang, message: Message, params: Readonly<Record<string, ParamValue>> = {}): string {
  const text = typeof message === "string" ? message : pluralText(lang, message, params.count);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(lang, value) : value;
  });
}

function pluralText(lang: Lang, forms: PluralForms, count: ParamValue | undefined): string {
  if (typeof count !== "number") return forms.other;
  return forms[pluralCategory(lang, count)] ?? forms.other;
}
