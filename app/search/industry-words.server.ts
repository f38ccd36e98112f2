import fs from "node:fs";
import path from "node:path";
import { parseCsvText } from "~/csv/parse";
import type { IndustryChoice } from "./industry-choice";
import { isHangulWord, normalizeText, tokenize } from "./text";

/** The KSIC codes below the division, as derived by `npm run data:derive` (data/ksic_classes.csv). */
export interface KsicClassRow {
  code: string;
  division: string;
  nameKo: string;
}

/**
 * A word of a class name stands for a division when the division uses it most; words found in
 * more divisions than this say nothing about the industry (제조업, 기타, 제품, 서비스).
 */
const MAX_DIVISIONS_PER_WORD = 3;
const MIN_SYLLABLES = 2;
/** Wholesale and retail (46, 47) name every product again; a product word should reach its makers. */
const TRADE_DIVISIONS = new Set(["45", "46", "47"]);

/** A class name's words, and each -업 word's stem too: 주조업 also stands for 주조. */
function wordsOf(name: string): string[] {
  const words = tokenize(name.replace(/[,·()]/g, " ")).filter(
    (word) => isHangulWord(word) && Array.from(word).length >= MIN_SYLLABLES && word !== "및",
  );
  return [
    ...new Set(
      words.flatMap((word) =>
        word.endsWith("업") && Array.from(word).length > MIN_SYLLABLES ? [word, word.slice(0, -1)] : [word],
      ),
    ),
  ];
}

/** Words of KSIC class names → the divisions they point to: 염색 → 13, 금형 → 29, 도금 → 25. */
export function industryVocabulary(rows: readonly KsicClassRow[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (TRADE_DIVISIONS.has(row.division)) continue;
    for (const word of wordsOf(row.nameKo)) {
      const key = normalizeText(word);
      const byDivision = counts.get(key) ?? new Map<string, number>();
      byDivision.set(row.division, (byDivision.get(row.division) ?? 0) + 1);
      counts.set(key, byDivision);
    }
  }
  const vocabulary = new Map<string, string[]>();
  for (const [word, byDivision] of counts) {
    if (byDivision.size > MAX_DIVISIONS_PER_WORD) continue;
    const most = Math.max(...byDivision.values());
    vocabulary.set(
      word,
      [...byDivision]
        .filter(([, count]) => count === most)
        .map(([division]) => division)
        .sort(),
    );
  }
  return vocabulary;
}

let loaded: Map<string, string[]> | null = null;

/** The vocabulary from data/ksic_classes.csv, read once; empty when the file is missing. */
export function industryDivisionsOf(word: string): readonly string[] {
  loaded ??= loadVocabulary();
  return loaded.get(normalizeText(word)) ?? [];
}

function loadVocabulary(): Map<string, string[]> {
  const file = path.resolve("data", "ksic_classes.csv");
  if (!fs.existsSync(file)) return new Map();
  const parsed = parseCsvText(fs.readFileSync(file, "utf8"));
  if (!parsed.ok)
    throw new Error(`data/ksic_classes.csv is not readable CSV (line ${parsed.issue.row}): run npm run data:derive`);
  const column = (name: string) => parsed.header.indexOf(name);
  const [code, division, nameKo] = [column("code"), column("division"), column("name_ko")];
  return industryVocabulary(
    parsed.records.map(({ cells }) => ({
      code: cells[code] ?? "",
      division: cells[division] ?? "",
      nameKo: cells[nameKo] ?? "",
    })),
  );
}

/** Meilisearch one-way synonyms: each vocabulary word also searches its divisions' codes. */
export function industrySynonyms(): Record<string, string[]> {
  loaded ??= loadVocabulary();
  return Object.fromEntries(loaded);
}

/** For each division, the class words that point to it: what the industry picker matches as well as the division's name. */
export function industryWordsByDivision(): Map<string, string[]> {
  loaded ??= loadVocabulary();
  const byDivision = new Map<string, string[]>();
  for (const [word, divisions] of loaded)
    for (const division of divisions) byDivision.set(division, [...(byDivision.get(division) ?? []), word]);
  return byDivision;
}

/** Divisions with the class words the industry pickers match them by. */
export function industryChoicesOf(
  divisions: readonly { code: string; nameKo: string; nameEn: string }[],
): IndustryChoice[] {
  const words = industryWordsByDivision();
  return divisions.map((d) => ({
    code: d.code,
    nameKo: d.nameKo,
    nameEn: d.nameEn,
    words: (words.get(d.code) ?? []).join(" "),
  }));
}
