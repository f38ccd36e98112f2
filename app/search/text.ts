import { canBeChoseong, getChoseong, getJongseong, hasBatchim } from "es-hangul";
import { required } from "~/required";

/** Text utilities shared by the search engines: folding, tokens, Korean particles, initial consonants, highlights. */

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Folds one code point: full-width ASCII to half-width, then lower case. */
function foldCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
    return String.fromCodePoint(code - FULL_WIDTH_OFFSET).toLowerCase();
  }
  if (code === IDEOGRAPHIC_SPACE) return " ";
  return char.toLowerCase();
}

/**
 * NFC, full-width → half-width, lower case. NFKC is not used because it would turn the
 * compatibility jamo of initial-consonant queries (ㄷㄱ) into conjoining jamo.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\uFF01-\uFF5E\u3000]/g, foldCodePoint)
    .toLowerCase();
}

const SYLLABLE = /^[\uAC00-\uD7A3]$/;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * Runs of Hangul syllables, runs of compatibility jamo, and runs of other letters and digits,
 * where an `&` between two such characters stays inside (`r&d`).
 */
const TOKEN =
  /[\uAC00-\uD7A3]+|[\u3131-\u318E]+|(?:(?![\uAC00-\uD7A3\u3131-\u318E])[\p{L}\p{N}\p{M}])+(?:&(?:(?![\uAC00-\uD7A3\u3131-\u318E])[\p{L}\p{N}\p{M}])+)*/gu;

/** Splits text into normalised tokens, so that `3D프린팅` gives `3d` and `프린팅`. */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(TOKEN) ?? [];
}

export function isHangulWord(token: string): boolean {
  return /^[\uAC00-\uD7A3]+$/.test(token);
}

/** Latin letters and digits only, with at least one letter: the tokens typo tolerance applies to. */
export function isLatinWord(token: string): boolean {
  return /^[a-z0-9&]+$/.test(token) && /[a-z]/.test(token);
}

/** A query made only of initial consonants, such as `ㄷㄱ` for 대구. */
export function isChoseongQuery(token: string): boolean {
  return token.length > 0 && Array.from(token).every((char) => canBeChoseong(char));
}

/** The initial consonants of a run of Hangul syllables (`대구` → `ㄷㄱ`). */
export function choseongOf(word: string): string {
  return getChoseong(word);
}

/** Every suffix of a word shorter than the word itself, longest first. */
export function properSuffixes(word: string, minLength = 1): string[] {
  const chars = Array.from(word);
  const suffixes: string[] = [];
  for (let start = 1; start <= chars.length - minLength; start++) suffixes.push(chars.slice(start).join(""));
  return suffixes;
}

type ParticleCondition = "afterBatchim" | "afterVowel" | "afterVowelOrRieul" | "afterBatchimNotRieul" | "any";

/**
 * Common case particles and endings, longest first. Allomorphs carry the phonological condition
 * they need (을 only after a final consonant, 를 only after a vowel), which keeps words such as
 * 디스플레이 or 국가 intact.
 */
const PARTICLES: ReadonlyArray<readonly [string, ParticleCondition]> = [
  ["에서부터", "any"],
  ["으로부터", "afterBatchimNotRieul"],
  ["에서는", "any"],
  ["에서도", "any"],
  ["에서의", "any"],
  ["으로는", "afterBatchimNotRieul"],
  ["으로의", "afterBatchimNotRieul"],
  ["으로도", "afterBatchimNotRieul"],
  ["에게서", "any"],
  ["에서", "any"],
  ["에게", "any"],
  ["으로", "afterBatchimNotRieul"],
  ["까지", "any"],
  ["부터", "any"],
  ["에는", "any"],
  ["에도", "any"],
  ["과의", "afterBatchim"],
  ["와의", "afterVowel"],
  ["로는", "afterVowelOrRieul"],
  ["로의", "afterVowelOrRieul"],
  ["은", "afterBatchim"],
  ["는", "afterVowel"],
  ["이", "afterBatchim"],
  ["가", "afterVowel"],
  ["을", "afterBatchim"],
  ["를", "afterVowel"],
  ["과", "afterBatchim"],
  ["와", "afterVowel"],
  ["로", "afterVowelOrRieul"],
  ["의", "any"],
  ["에", "any"],
];

function fitsCondition(stem: string, condition: ParticleCondition): boolean {
  const last = stem.slice(-1);
  switch (condition) {
    case "any":
      return true;
    case "afterBatchim":
      return hasBatchim(last);
    case "afterVowel":
      return !hasBatchim(last);
    case "afterVowelOrRieul":
      return !hasBatchim(last) || getJongseong(last) === "ㄹ";
    case "afterBatchimNotRieul":
      return hasBatchim(last) && getJongseong(last) !== "ㄹ";
  }
}

/**
 * Removes one trailing particle from a Hangul query token (대구에서 → 대구, 기계를 → 기계).
 * A one-syllable stem is kept only when the whole token is not itself a known word, so that
 * known words such as 성과 keep their last syllable.
 */
export function stripParticle(token: string, isKnownWord: (word: string) => boolean): string {
  if (!isHangulWord(token)) return token;
  for (const [particle, condition] of PARTICLES) {
    if (!token.endsWith(particle) || token.length <= particle.length) continue;
    const stem = token.slice(0, -particle.length);
    if (!fitsCondition(stem, condition)) continue;
    if (stem.length >= 2 || !isKnownWord(token)) return stem;
    return token;
  }
  return token;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * How a highlight term matches: `anywhere` (Hangul substrings), `wordStart` (Latin prefixes),
 * `word` (whole Latin words), `choseong` (initial consonants of consecutive syllables).
 */
export interface HighlightTerm {
  text: string;
  mode: "anywhere" | "wordStart" | "word" | "choseong";
}

interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, the source range of the code point it came from. */
  sourceStart: number[];
  sourceEnd: number[];
}

function foldWithMap(source: string): FoldedText {
  const folded: string[] = [];
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  let position = 0;
  for (const char of source) {
    const piece = foldCodePoint(char);
    for (let unit = 0; unit < piece.length; unit++) {
      sourceStart.push(position);
      sourceEnd.push(position + char.length);
    }
    folded.push(piece);
    position += char.length;
  }
  return { folded: folded.join(""), sourceStart, sourceEnd };
}

function isWordCharAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text.charAt(index));
}

function choseongProjection(folded: string): string {
  let projection = "";
  for (const char of folded) projection += SYLLABLE.test(char) ? getChoseong(char) : char;
  return projection;
}

function findRanges(folded: string, term: HighlightTerm, projection: () => string): Array<[number, number]> {
  const haystack = term.mode === "choseong" ? projection() : folded;
  const ranges: Array<[number, number]> = [];
  if (!term.text) return ranges;
  for (let at = haystack.indexOf(term.text); at !== -1; at = haystack.indexOf(term.text, at + 1)) {
    const end = at + term.text.length;
    if ((term.mode === "wordStart" || term.mode === "word") && isWordCharAt(folded, at - 1)) continue;
    if (term.mode === "word" && isWordCharAt(folded, end)) continue;
    ranges.push([at, end]);
  }
  return ranges;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Escapes `source` as HTML and wraps the parts the terms match in `<mark>`. */
export function highlightText(source: string, terms: readonly HighlightTerm[]): { html: string; marked: boolean } {
  const text = source.normalize("NFC");
  const { folded, sourceStart, sourceEnd } = foldWithMap(text);
  let projected: string | null = null;
  const projection = () => (projected ??= choseongProjection(folded));
  const ranges = mergeRanges(terms.flatMap((term) => findRanges(folded, term, projection)));
  let html = "";
  let cursor = 0;
  for (const [start, end] of ranges) {
    const from = required(sourceStart[start], "the source offset of a match's start");
    const to = required(sourceEnd[end - 1], "the source offset of a match's end");
    if (from < cursor) continue;
    html += `${escapeHtml(text.slice(cursor, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    cursor = to;
  }
  html += escapeHtml(text.slice(cursor));
  return { html, marked: ranges.length > 0 };
}

/**
 * The name a hit shows highlighted: the Korean one where the query marked it, else the English
 * one where it did, else the Korean one unmarked. Both engines answer this way.
 */
export function nameHighlight(
  korean: { html: string; marked: boolean },
  english: () => { html: string; marked: boolean },
): string {
  if (korean.marked) return korean.html;
  const other = english();
  return other.marked ? other.html : korean.html;
}

/**
 * Turns text in which a search server put private markers around matches into HTML: everything
 * is escaped, then the markers become `<mark>` tags.
 */
export function markedTextToHtml(
  text: string,
  preMarker: string,
  postMarker: string,
): { html: string; marked: boolean } {
  let html = "";
  let marked = false;
  let open = false;
  let rest = text;
  while (rest.length > 0) {
    const marker = open ? postMarker : preMarker;
    const at = rest.indexOf(marker);
    if (at === -1) break;
    html += escapeHtml(rest.slice(0, at).replaceAll(preMarker, "").replaceAll(postMarker, ""));
    html += open ? "</mark>" : "<mark>";
    marked ||= !open;
    open = !open;
    rest = rest.slice(at + marker.length);
  }
  html += escapeHtml(rest.replaceAll(preMarker, "").replaceAll(postMarker, ""));
  if (open) html += "</mark>";
  return { html, marked };
}
