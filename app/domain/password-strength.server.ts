/**
 * Whether a new password is too easy to guess, by zxcvbn-ts with its common
 * dictionary (the 30,000 most used passwords of public breach lists, common
 * names and words, keyboard patterns): repeats (`aaaaaaaaaaaa`,
 * `abcabcabcabc`), runs (`123456789012`, `qwertyuiop12`) and well-known
 * passwords with digits (`password1234`) all score under 3. Score 3 means an
 * estimated 10^8 guesses or more. Server-only: the dictionary is about 1 MB.
 */
import core from "@zxcvbn-ts/core";
import common from "@zxcvbn-ts/language-common";

export const MIN_SCORE = 3;

let estimator: InstanceType<typeof core.ZxcvbnFactory> | null = null;

/** True when the password is common or repetitive; the account's own email (and its parts) count as known words. */
export function isGuessablePassword(password: string, knownWords: readonly string[] = []): boolean {
  estimator ??= new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  const words = knownWords.flatMap((word) => [word, ...word.split(/[@.+_-]/)]).filter((word) => word.length >= 3);
  return estimator.check(password, words).score < MIN_SCORE;
}
