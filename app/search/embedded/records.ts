import type { LatLng } from "~/domain/types";
import type { FacetName, SearchDocType, SearchDocument } from "../types";
import { choseongOf, isHangulWord, properSuffixes, tokenize } from "../text";

/**
 * What MiniSearch indexes for one document: space-separated index keys (see `indexKey`) per field.
 * Hangul words of names, aliases and tags are also indexed by their suffixes of two syllables or
 * more, so that prefix search over the index is a substring search (창조경제 finds
 * 대구창조경제혁신센터); the suffixes of names go to their own field so that a match at the start
 * of a word outranks one inside it. Descriptions keep whole words only: inside free text,
 * substrings mostly find accidents (대구 inside 해운대구).
 */
export interface IndexedRecord {
  key: string;
  /** The entry's slot, stored with the record: filters read it from a posting without looking the key up. */
  slot: number;
  name: string;
  nameInner: string;
  aliases: string;
  tags: string;
  description: string;
  choseong: string;
  choseongInner: string;
}

export const TEXT_FIELDS = ["name", "nameInner", "aliases", "tags", "description"] as const;
export const NAME_FIELDS = ["name", "nameInner", "aliases"] as const;
export const CHOSEONG_FIELDS = ["choseong", "choseongInner"] as const;
export const INDEXED_FIELDS = [...TEXT_FIELDS, ...CHOSEONG_FIELDS];

/** Field weights: names far above aliases, aliases above sectors, anchor group and region, then description. */
export const FIELD_BOOSTS: Record<(typeof INDEXED_FIELDS)[number], number> = {
  name: 10,
  nameInner: 4,
  aliases: 5,
  tags: 2,
  description: 1,
  choseong: 6,
  choseongInner: 2,
};

/** One-syllable suffixes would make a one-syllable query match the last syllable of every word. */
const MIN_SUFFIX_SYLLABLES = 2;
const MIN_CHOSEONG_SUFFIX = 3;

const HAS_SYLLABLE = /[\uAC00-\uD7A3]/;
const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
const SYLLABLE_COUNT_PER_LEAD = 128;
const LEAD_BASE = 0xe000;
const TRAIL_BASE = 0xe100;

/**
 * The form a term takes in the index: each Hangul syllable becomes two private-use characters
 * (which of 88 blocks, then which of 128 syllables in it). MiniSearch's radix tree scans a node's
 * children one by one; with suffixes, the root would otherwise have a child for nearly every
 * syllable in the corpus. Whole syllables stay whole, so prefix search keeps its meaning.
 */
export function indexKey(term: string): string {
  if (!HAS_SYLLABLE.test(term)) return term;
  let key = "";
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    if (code < FIRST_SYLLABLE || code > LAST_SYLLABLE) {
      key += term[i];
      continue;
    }
    const offset = code - FIRST_SYLLABLE;
    key += String.fromCharCode(
      LEAD_BASE + Math.floor(offset / SYLLABLE_COUNT_PER_LEAD),
      TRAIL_BASE + (offset % SYLLABLE_COUNT_PER_LEAD),
    );
  }
  return key;
}

/** A document with everything filtering, sorting and faceting need, computed once. */
export interface Entry {
  key: string;
  /** The document's position in the corpus's bitsets. */
  slot: number;
  document: SearchDocument;
  kind: string;
  regionCodes: readonly string[];
  sectors: readonly string[];
  pavittClasses: readonly string[];
  /** The document's location when both coordinates are finite. */
  location: LatLng | null;
  /** Names and aliases as `exactNameKey`s, for exact-name ranking. */
  exactNames: readonly string[];
  exactAliases: readonly string[];
  /** Each facet's values, without repeats. */
  facetValues: Readonly<Record<FacetName, readonly string[]>>;
}

/** Names compare as their tokens joined by spaces, so spacing, case and punctuation do not matter. */
function exactNameKey(text: string): string {
  return tokenize(text).join(" ");
}

export function entryKey(type: SearchDocType, id: string): string {
  return `${type}:${id}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function hangulSuffixes(tokens: readonly string[]): string[] {
  return tokens.flatMap((token) => (isHangulWord(token) ? properSuffixes(token, MIN_SUFFIX_SYLLABLES) : []));
}

function withHangulSuffixes(tokens: readonly string[]): string[] {
  return [...tokens, ...hangulSuffixes(tokens)];
}

function tokensOf(...texts: Array<string | null | readonly string[]>): string[] {
  return texts.flatMap((text) => {
    if (text === null) return [];
    if (typeof text === "string") return tokenize(text);
    return text.flatMap((item) => tokenize(item));
  });
}

function field(terms: readonly string[]): string {
  return indexKey(terms.join(" "));
}

function validLocation(location: LatLng | null): LatLng | null {
  return location !== null && Number.isFinite(location.lat) && Number.isFinite(location.lng) ? location : null;
}

export function buildEntry(document: SearchDocument, slot: number): Entry {
  const regionCodes = unique(document.regionCodes);
  const sectors = unique(document.sectors);
  const pavittClasses = unique(document.pavittClasses);
  return {
    key: entryKey(document.type, document.id),
    slot,
    document,
    kind: document.kind,
    regionCodes,
    sectors,
    pavittClasses,
    location: validLocation(document.location),
    exactNames: unique([document.nameKo, document.nameEn].map(exactNameKey)).filter(Boolean),
    exactAliases: unique(document.aliases.map(exactNameKey)).filter(Boolean),
    facetValues: {
      type: [document.type],
      kind: [document.kind],
      regionCodes,
      sectors,
      pavittClasses,
      category: document.category === null ? [] : [document.category],
      // Statuses follow the clock, so the engine counts them per query instead.
      status: [],
    },
  };
}

/** The record to index and the document's whole Hangul words, for deciding whether a query token is a known word. */
export function analyze(document: SearchDocument, slot: number): { record: IndexedRecord; hangulWords: string[] } {
  const nameTokens = tokensOf(document.nameKo, document.nameEn);
  const aliasTokens = tokensOf(document.aliases);
  const tagTokens = tokensOf(
    document.sectors,
    document.sectorLabelsKo,
    document.sectorLabelsEn,
    document.anchorGroupKo,
    document.anchorGroupEn,
    document.regionNamesKo,
    document.regionNamesEn,
  );
  const descriptionTokens = tokensOf(document.descriptionKo, document.descriptionEn);
  const choseongWords = unique(
    [...nameTokens, ...aliasTokens, ...tokensOf(document.regionNamesKo)].filter(isHangulWord).map(choseongOf),
  );
  const record: IndexedRecord = {
    key: entryKey(document.type, document.id),
    slot,
    name: field(nameTokens),
    nameInner: field(hangulSuffixes(nameTokens)),
    aliases: field(withHangulSuffixes(aliasTokens)),
    tags: field(unique(withHangulSuffixes(tagTokens))),
    description: field(descriptionTokens),
    choseong: field(choseongWords),
    choseongInner: field(unique(choseongWords.flatMap((word) => properSuffixes(word, MIN_CHOSEONG_SUFFIX)))),
  };
  const hangulWords = unique([...nameTokens, ...aliasTokens, ...tagTokens, ...descriptionTokens].filter(isHangulWord));
  return { record, hangulWords };
}
