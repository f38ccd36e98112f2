import { synonymTerms } from "../synonyms";
import { choseongOf, isChoseongQuery, isHangulWord, stripParticle, tokenize } from "../text";

/**
 * Meilisearch has no initial-consonant search, so initial consonants are indexed and queried as
 * Latin keys: one letter per consonant behind a fixed marker (대구 → ㄷㄱ → `zqdb`). Latin words
 * stay single tokens in every Meilisearch tokenizer, and prefix search on the last query word
 * then works as it does for any word.
 */
const CHOSEONG_ORDER = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const KEY_LETTERS = "abcdefghijklmnopqrs";
const KEY_MARKER = "zq";

export function choseongKey(choseong: string): string {
  let key = KEY_MARKER;
  for (const char of choseong) {
    const position = CHOSEONG_ORDER.indexOf(char);
    if (position !== -1) key += KEY_LETTERS[position];
  }
  return key;
}

/** Keys for every Hangul word of the texts; prefix search on the last query word then matches word starts. */
export function choseongKeysOf(texts: readonly string[]): string[] {
  const words = texts.flatMap((text) => tokenize(text)).filter(isHangulWord);
  return [...new Set(words.map((word) => choseongKey(choseongOf(word))))];
}

const KNOWN_WORDS = new Set(synonymTerms());

/**
 * The query as sent to Meilisearch: particles stripped from Hangul words (its Korean tokenizer
 * splits 대구에서 into 대구 + 에서, and every word must match) and initial consonants as keys.
 */
export function toMeilisearchQueryText(text: string): string {
  return tokenize(text)
    .map((token) =>
      isChoseongQuery(token) ? choseongKey(token) : stripParticle(token, (word) => KNOWN_WORDS.has(word)),
    )
    .join(" ");
}
