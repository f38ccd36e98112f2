import { describe, expect, it } from "vitest";
import { parseQuery } from "~/search/embedded/query";

const nothingKnown = () => false;

function alternativesOf(text: string) {
  return parseQuery(text, nothingKnown).groups.map((group) =>
    group.alternatives.map((alternative) => ({
      term: alternative.words.join(" "),
      prefix: alternative.prefix,
      fuzzy: alternative.fuzzy,
    })),
  );
}

describe("parseQuery", () => {
  it("makes one required group per term, with the term's synonyms as alternatives", () => {
    const [daegu, textile] = alternativesOf("대구 섬유");
    expect(daegu).toContainEqual({ term: "대구", prefix: true, fuzzy: false });
    expect(daegu).toContainEqual({ term: "daegu", prefix: false, fuzzy: false });
    expect(textile).toContainEqual({ term: "섬유", prefix: true, fuzzy: false });
    expect(textile).toContainEqual({ term: "textile", prefix: false, fuzzy: false });
  });

  it("strips particles before looking up synonyms", () => {
    expect(parseQuery("창원의 기계를", nothingKnown).tokens).toEqual(["창원", "기계"]);
    expect(alternativesOf("창원의")[0]).toContainEqual({ term: "changwon", prefix: false, fuzzy: false });
  });

  it("allows one typo from five Latin letters and two from nine, and prefixes only on the last Latin word", () => {
    const [changwon, tp] = alternativesOf("Changwn tp");
    expect(changwon![0]).toEqual({ term: "changwn", prefix: false, fuzzy: 1 });
    expect(alternativesOf("technopak")[0]![0]).toEqual({ term: "technopak", prefix: true, fuzzy: 2 });
    expect(tp![0]).toEqual({ term: "tp", prefix: true, fuzzy: false });
    expect(alternativesOf("대구")[0]![0]!.fuzzy).toBe(false);
    expect(alternativesOf("테크노팤크")[0]![0]!.fuzzy).toBe(1);
  });

  it("finds synonyms of a mistyped Latin word through the nearest synonym term", () => {
    const [group] = alternativesOf("technopak");
    expect(group!.map((alternative) => alternative.term)).toEqual(
      expect.arrayContaining(["technopark", "테크노파크", "tp"]),
    );
  });

  it("reads consecutive words that form a multi-word synonym as one term", () => {
    const groups = alternativesOf("innovation center daegu");
    expect(groups).toHaveLength(2);
    expect(groups[0]!.map((alternative) => alternative.term)).toEqual(
      expect.arrayContaining(["innovation center", "창조경제혁신센터", "ccei"]),
    );
  });

  it("searches initial consonants in their own fields", () => {
    const { groups, highlightTerms } = parseQuery("ㄷㄱ", nothingKnown);
    expect(groups[0]!.alternatives).toEqual([
      { text: "ㄷㄱ", words: ["ㄷㄱ"], prefix: true, fuzzy: false, fields: ["choseong"] },
    ]);
    expect(highlightTerms).toEqual([{ text: "ㄷㄱ", mode: "choseong" }]);
    expect(parseQuery("ㅊㅈㄱㅈ", nothingKnown).groups[0]!.alternatives[0]!.fields).toEqual([
      "choseong",
      "choseongInner",
    ]);
  });

  it("requires a phrase synonym's meaningful words only, and highlights the phrase as written", () => {
    const { groups, highlightTerms } = parseQuery("r&d", nothingKnown);
    const phrase = groups[0]!.alternatives.find((alternative) => alternative.text === "research and development");
    expect(phrase?.words).toEqual(["research", "development"]);
    expect(highlightTerms).toContainEqual({ text: "research and development", mode: "word" });
  });
});
