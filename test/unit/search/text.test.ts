import { describe, expect, it } from "vitest";
import {
  choseongOf,
  escapeHtml,
  highlightText,
  isChoseongQuery,
  isLatinWord,
  markedTextToHtml,
  normalizeText,
  properSuffixes,
  stripParticle,
  tokenize,
} from "~/search/text";

const nothingKnown = () => false;

describe("normalizeText", () => {
  it("lower-cases, folds full-width forms and composes Hangul", () => {
    expect(normalizeText("ＴＰ　Ｃｈａｎｇｗｏｎ")).toBe("tp changwon");
    expect(normalizeText("\u1103\u1162\u1100\u116E")).toBe("대구");
  });

  it("keeps compatibility jamo as they are", () => {
    expect(normalizeText("ㄷㄱ")).toBe("ㄷㄱ");
  });
});

describe("tokenize", () => {
  it("splits mixed Hangul, Latin and digits into runs", () => {
    expect(tokenize("3D프린팅 IoT기반 K-뷰티")).toEqual(["3d", "프린팅", "iot", "기반", "k", "뷰티"]);
  });

  it("splits on punctuation and spaces, keeping & inside Latin words", () => {
    expect(tokenize("울산·미포국가산업단지, R&D (연구개발)")).toEqual(["울산", "미포국가산업단지", "r&d", "연구개발"]);
    expect(tokenize("Economy & Innovation")).toEqual(["economy", "innovation"]);
  });

  it("keeps runs of initial consonants as their own tokens", () => {
    expect(tokenize("ㄷㄱ 섬유")).toEqual(["ㄷㄱ", "섬유"]);
    expect(tokenize("대구ㅅㅇ")).toEqual(["대구", "ㅅㅇ"]);
  });

  it("gives nothing for text without letters or digits", () => {
    expect(tokenize("  !!! — ")).toEqual([]);
  });
});

describe("stripParticle", () => {
  it.each([
    ["대구에서", "대구"],
    ["창원의", "창원"],
    ["기계를", "기계"],
    ["부산으로", "부산"],
    ["섬유와", "섬유"],
    ["서울로", "서울"],
    ["인천은", "인천"],
    ["대구는", "대구"],
    ["기술이", "기술"],
    ["자동차가", "자동차"],
    ["창원과", "창원"],
    ["대구에서의", "대구"],
    ["경남에도", "경남"],
  ])("%s → %s", (token, stem) => {
    expect(stripParticle(token, nothingKnown)).toBe(stem);
  });

  it("respects which allomorph follows which syllable", () => {
    expect(stripParticle("디스플레이", nothingKnown)).toBe("디스플레이");
    expect(stripParticle("국가", nothingKnown)).toBe("국가");
    expect(stripParticle("효과", nothingKnown)).toBe("효과");
    expect(stripParticle("부산로", nothingKnown)).toBe("부산로");
  });

  it("keeps a known word whose stem would be a single syllable", () => {
    expect(stripParticle("성과", (word) => word === "성과")).toBe("성과");
    expect(stripParticle("회의", (word) => word === "회의")).toBe("회의");
    expect(stripParticle("광에서", nothingKnown)).toBe("광");
  });

  it("leaves words without a particle, Latin words and lone particles alone", () => {
    expect(stripParticle("테크노파크", nothingKnown)).toBe("테크노파크");
    expect(stripParticle("changwon", nothingKnown)).toBe("changwon");
    expect(stripParticle("에서", nothingKnown)).toBe("에서");
  });
});

describe("initial consonants", () => {
  it("extracts them with es-hangul", () => {
    expect(choseongOf("대구창조경제혁신센터")).toBe("ㄷㄱㅊㅈㄱㅈㅎㅅㅅㅌ");
  });

  it("recognises consonant-only queries", () => {
    expect(isChoseongQuery("ㄷㄱ")).toBe(true);
    expect(isChoseongQuery("ㄲ")).toBe(true);
    expect(isChoseongQuery("ㄷ구")).toBe(false);
    expect(isChoseongQuery("ㅏ")).toBe(false);
    expect(isChoseongQuery("")).toBe(false);
  });
});

describe("word helpers", () => {
  it("lists proper suffixes, longest first", () => {
    expect(properSuffixes("혁신센터")).toEqual(["신센터", "센터", "터"]);
    expect(properSuffixes("ㄷㄱㅊㅈ", 2)).toEqual(["ㄱㅊㅈ", "ㅊㅈ"]);
  });

  it("tells Latin words from others", () => {
    expect(isLatinWord("changwon")).toBe(true);
    expect(isLatinWord("r&d")).toBe(true);
    expect(isLatinWord("2024")).toBe(false);
    expect(isLatinWord("대구")).toBe(false);
  });
});

describe("highlights", () => {
  it("marks Hangul substrings and escapes the rest", () => {
    const { html, marked } = highlightText("대구<창조경제>혁신센터 & Co", [{ text: "창조경제", mode: "anywhere" }]);
    expect(html).toBe("대구&lt;<mark>창조경제</mark>&gt;혁신센터 &amp; Co");
    expect(marked).toBe(true);
  });

  it("marks Latin prefixes only at word starts, whatever their case", () => {
    const { html } = highlightText("Gyeongnam Technopark (TP)", [
      { text: "tech", mode: "wordStart" },
      { text: "park", mode: "wordStart" },
    ]);
    expect(html).toBe("Gyeongnam <mark>Tech</mark>nopark (TP)");
  });

  it("marks whole words only in word mode", () => {
    expect(highlightText("Changwon Changwonian", [{ text: "changwon", mode: "word" }]).html).toBe(
      "<mark>Changwon</mark> Changwonian",
    );
  });

  it("marks the syllables whose initial consonants match", () => {
    expect(highlightText("대구테크노파크", [{ text: "ㄷㄱ", mode: "choseong" }]).html).toBe(
      "<mark>대구</mark>테크노파크",
    );
  });

  it("merges overlapping matches and maps full-width text back to the source", () => {
    expect(
      highlightText("ＴＥＣＨＮＯ파크", [
        { text: "techno", mode: "wordStart" },
        { text: "파크", mode: "anywhere" },
      ]).html,
    ).toBe("<mark>ＴＥＣＨＮＯ파크</mark>");
  });

  it("reports when nothing matched", () => {
    expect(highlightText("a<b", [{ text: "zz", mode: "anywhere" }])).toEqual({ html: "a&lt;b", marked: false });
  });

  it("turns server markers into escaped HTML", () => {
    expect(markedTextToHtml("\uE000대구\uE001 <센터> & \uE000TP\uE001", "\uE000", "\uE001")).toEqual({
      html: "<mark>대구</mark> &lt;센터&gt; &amp; <mark>TP</mark>",
      marked: true,
    });
    expect(markedTextToHtml("plain & simple", "\uE000", "\uE001")).toEqual({
      html: "plain &amp; simple",
      marked: false,
    });
  });

  it("escapes every HTML-special character", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
