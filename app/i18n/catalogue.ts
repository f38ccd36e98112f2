import { auth as enAuth } from "./en/auth";
import { common as enCommon } from "./en/common";
import { council as enCouncil } from "./en/council";
import { facilities as enFacilities } from "./en/facilities";
import { gaps as enGaps } from "./en/gaps";
import { inquiries as enInquiries } from "./en/inquiries";
import { labels as enLabels } from "./en/labels";
import { map as enMap } from "./en/map";
import { match as enMatch } from "./en/match";
import { programs as enPrograms } from "./en/programs";
import { reasons as enReasons } from "./en/reasons";
import { auth as koAuth } from "./ko/auth";
import { common as koCommon } from "./ko/common";
import { council as koCouncil } from "./ko/council";
import { facilities as koFacilities } from "./ko/facilities";
import { gaps as koGaps } from "./ko/gaps";
import { inquiries as koInquiries } from "./ko/inquiries";
import { labels as koLabels } from "./ko/labels";
import { map as koMap } from "./ko/map";
import { match as koMatch } from "./ko/match";
import { programs as koPrograms } from "./ko/programs";
import { reasons as koReasons } from "./ko/reasons";
import type { Lang } from "./lang";
import type { CheckedTranslation, Message } from "./message";

/**
 * The catalogue: one file per language and feature (app/i18n/ko/*.ts, app/i18n/en/*.ts).
 * Keys are flat and unique across features (a unit test checks that no feature repeats
 * another's key); Korean is the source and English is checked against it.
 */
export const FEATURES = {
  ko: {
    common: koCommon,
    map: koMap,
    facilities: koFacilities,
    match: koMatch,
    gaps: koGaps,
    council: koCouncil,
    auth: koAuth,
    reasons: koReasons,
    programs: koPrograms,
    inquiries: koInquiries,
  },
  en: {
    common: enCommon,
    map: enMap,
    facilities: enFacilities,
    match: enMatch,
    gaps: enGaps,
    council: enCouncil,
    auth: enAuth,
    reasons: enReasons,
    programs: enPrograms,
    inquiries: enInquiries,
  },
} as const;

const ko = {
  ...koCommon,
  ...koMap,
  ...koFacilities,
  ...koMatch,
  ...koGaps,
  ...koCouncil,
  ...koAuth,
  ...koReasons,
  ...koPrograms,
  ...koInquiries,
};
const en = {
  ...enCommon,
  ...enMap,
  ...enFacilities,
  ...enMatch,
  ...enGaps,
  ...enCouncil,
  ...enAuth,
  ...enReasons,
  ...enPrograms,
  ...enInquiries,
};

/** Compile-time check: every English message has exactly the placeholders of its Korean one. */
const checkedEn: CheckedTranslation<typeof ko, typeof en> = en;

export type KoreanMessages = typeof ko;
export type MessageKey = keyof KoreanMessages;

export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, Message>>>> = { ko, en: checkedEn };

export const LABELS = { ko: koLabels, en: enLabels } as const;
export type LabelTable = keyof typeof koLabels;
