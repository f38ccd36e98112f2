import type { Query } from "minisearch";
import { required } from "~/required";
import { LONGEST_SYNONYM_WORDS, synonymTerms, synonymsOf } from "../synonyms";
import { type HighlightTerm, isChoseongQuery, isHangulWord, isLatinWord, stripParticle, tokenize } from "../text";
import { industryDivisionsOf } from "../industry-words.server";
import { CHOSEONG_FIELDS, NAME_FIELDS, TEXT_FIELDS, indexKey } from "./records";

/** One way a query term can match: a word, or a phrase whose words must all match. */
interface Alternative {
  /** The term as written, for highlighting. */
  text: string;
  /** The words the index must hold. */
  words: readonly string[];
  /** Prefix search on the last word; over suffix-indexed Hangul this is substring search. */
  prefix: boolean;
  fuzzy: number | false;
  fields: readonly string[];
}

/** A query term with its synonyms; a document must match at least one alternative of every group. */
export interface TermGroup {
  /** The words as typed, for telling the user which of them matched nothing. */
  text: string;
  alternatives: Alternative[];
}

export interface ParsedQuery {
  /** The query's tokens after particle stripping. */
  tokens: string[];
  groups: TermGroup[];
  highlightTerms: HighlightTerm[];
}

/** Typos allowed in a Latin word: one from five letters (Changwn), two from nine (technopak); Meilisearch's defaults. */
const ONE_TYPO_LENGTH = 5;
const TWO_TYPOS_LENGTH = 9;
/**
 * A Hangul word of four syllables or more may have one syllable wrong, missing or swapped
 * (테크노팍크, 창조경제혁센터): a syllable carries as much as two or three Latin letters, and
 * shorter words (대구, 섬유, 염색) would match other words by chance.
 */
const HANGUL_ONE_TYPO_SYLLABLES = 4;
const MIN_INNER_CHOSEONG_LENGTH = 3;
const WORD_START_CHOSEONG_FIELDS: readonly string[] = [CHOSEONG_FIELDS[0]];

function allowedEdits(word: string): number {
  if (isHangulWord(word)) return word.length >= HANGUL_ONE_TYPO_SYLLABLES ? 1 : 0;
  if (!isLatinWord(word) || word.length < ONE_TYPO_LENGTH) return 0;
  return word.length < TWO_TYPOS_LENGTH ? 1 : 2;
}

/** Both words in the same script: a typo is looked for among words written like the one typed. */
const sameScript = (a: string, b: string) => (isHangulWord(a) ? isHangulWord(b) : isLatinWord(b));

function editDistanceWithin(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // previous holds b.length + 1 distances and current the first j, so these reads are in bounds.
      const distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = distance;
      rowMin = Math.min(rowMin, distance);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  const distance = previous[b.length];
  return distance !== undefined && distance <= limit;
}

/** Synonyms of a term, or of the nearest synonym term when a word is mistyped (technopak → technopark, 테크노팤크 → 테크노파크). */
function expansionsOf(term: string): string[] {
  const exact = synonymsOf(term);
  if (exact.length > 0) return [...exact];
  const edits = allowedEdits(term);
  if (edits === 0) return [];
  for (const candidate of synonymTerms()) {
    if (sameScript(term, candidate) && editDistanceWithin(term, candidate, edits))
      return [candidate, ...synonymsOf(candidate)];
  }
  return [];
}

/**
 * Two neighbouring letters (or syllables) swapped count as one typo (Pohagn → Pohang, Daejeno →
 * Daejeon, 테크노크파 → 테크노파크), as in Meilisearch: Levenshtein distance alone counts them as two.
 */
function transpositionsOf(word: string): string[] {
  if (allowedEdits(word) === 0) return [];
  const variants = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    variants.add(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
  }
  return [...variants];
}

/** Listings of a division hold its code among their tags. */
function industryAlternative(division: string): Alternative {
  return { text: division, words: [division], prefix: false, fuzzy: false, fields: ["tags"] };
}

function typedAlternative(words: readonly string[], isLast: boolean, fields: readonly string[]): Alternative {
  const lastWord = required(words.at(-1), "the last word of an alternative");
  const hangul = isHangulWord(lastWord);
  return {
    text: words.join(" "),
    words,
    prefix: hangul || isLast,
    fuzzy: words.length === 1 && allowedEdits(lastWord) > 0 ? allowedEdits(lastWord) : false,
    fields,
  };
}

/**
 * Words that join a phrase but hold none of its meaning. Nearly every English description has
 * "and", so requiring it costs a pass over almost the whole index and narrows nothing.
 */
const PHRASE_FILLERS = new Set(["and", "of", "the", "for", "&"]);

function synonymAlternative(term: string): Alternative {
  const all = term.split(" ");
  const meaningful = all.filter((word) => !PHRASE_FILLERS.has(word));
  const words = meaningful.length > 0 ? meaningful : all;
  return { text: term, words, prefix: words.length === 1 && isHangulWord(term), fuzzy: false, fields: TEXT_FIELDS };
}

function groupFor(words: readonly string[], isLast: boolean, typedFields: readonly string[]): TermGroup {
  const term = words.join(" ");
  if (words.length === 1 && isChoseongQuery(term)) {
    // Two consonants inside a long name match too much by chance (광주첨단과학 holds ㄷㄱ): short runs match word starts only.
    const fields = term.length >= MIN_INNER_CHOSEONG_LENGTH ? CHOSEONG_FIELDS : WORD_START_CHOSEONG_FIELDS;
    return { text: term, alternatives: [{ text: term, words, prefix: true, fuzzy: false, fields }] };
  }
  const expansions = expansionsOf(term);
  // A word of a KSIC class name (염색, 금형, 도금) also finds the listings of its division.
  const industries =
    expansions.length === 0 && words.length === 1 ? industryDivisionsOf(term).map(industryAlternative) : [];
  const swapped =
    words.length === 1
      ? transpositionsOf(term).map((variant) => ({
          ...typedAlternative([variant], isLast, typedFields),
          fuzzy: false as const,
        }))
      : [];
  const alternatives = [
    typedAlternative(words, isLast, typedFields),
    ...swapped,
    ...expansions.map(synonymAlternative),
    ...industries,
  ];
  const seen = new Set<string>();
  return {
    text: term,
    alternatives: alternatives.filter((alternative) => {
      const key = `${alternative.text}|${alternative.prefix}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

function highlightTermOf(alternative: Alternative): HighlightTerm {
  const { text } = alternative;
  if (isChoseongQuery(text)) return { text, mode: "choseong" };
  if (isHangulWord(text)) return { text, mode: "anywhere" };
  return { text, mode: alternative.prefix ? "wordStart" : "word" };
}

/**
 * Splits the text into term groups: particles are stripped from Hangul tokens, consecutive tokens
 * that form a multi-word synonym (`innovation center`) become one group, and each group carries
 * its synonyms as alternatives.
 */
export function parseQuery(text: string, isKnownWord: (word: string) => boolean): ParsedQuery {
  const tokens = tokenize(text).map((token) => stripParticle(token, isKnownWord));
  // A lone first keystroke (대, c) matches names only: in descriptions it would match nearly everything.
  const typedFields =
    tokens.length === 1 && tokens[0] !== undefined && Array.from(tokens[0]).length === 1 ? NAME_FIELDS : TEXT_FIELDS;
  const groups: TermGroup[] = [];
  let position = 0;
  while (position < tokens.length) {
    let length = Math.min(LONGEST_SYNONYM_WORDS, tokens.length - position);
    while (length > 1 && synonymsOf(tokens.slice(position, position + length).join(" ")).length === 0) length--;
    const words = tokens.slice(position, position + length);
    position += length;
    groups.push(groupFor(words, position === tokens.length, typedFields));
  }
  return { tokens, groups, highlightTerms: groups.flatMap((group) => group.alternatives.map(highlightTermOf)) };
}

function alternativeQuery(alternative: Alternative): Query {
  const last = alternative.words.length - 1;
  return {
    combineWith: "AND",
    queries: alternative.words.map((word, i) => ({
      queries: [indexKey(word)],
      prefix: alternative.prefix && i === last,
      fuzzy: i === last ? alternative.fuzzy : false,
      fields: [...alternative.fields],
    })),
  };
}

/** The MiniSearch query for one group: any of its alternatives. */
export function groupQuery(group: TermGroup): Query {
  return { combineWith: "OR", queries: group.alternatives.map(alternativeQuery) };
}
