import { describe, expect, it } from "vitest";
import { SYNONYM_GROUPS, meilisearchSynonyms, normalizeSynonymTerm, synonymsOf } from "~/search/synonyms";

const groups = SYNONYM_GROUPS.map((group) => group.map(normalizeSynonymTerm));

describe("synonym groups", () => {
  it("hold normalised, non-empty terms, each in one group only", () => {
    const seen = new Map<string, number>();
    groups.forEach((group, index) => {
      expect(group.length).toBeGreaterThan(1);
      for (const term of group) {
        expect(term).not.toBe("");
        expect(seen.get(term), `${term} is in groups ${seen.get(term)} and ${index}`).toBeUndefined();
        seen.set(term, index);
      }
    });
  });

  it("are mutual for the embedded engine: every term expands to every other term of its group", () => {
    for (const group of groups) {
      for (const term of group)
        expect([...synonymsOf(term)].sort()).toEqual(group.filter((other) => other !== term).sort());
    }
  });

  it("are mutual in the Meilisearch setting: every key lists the others, and they list it back", () => {
    const synonyms = meilisearchSynonyms();
    for (const [term, others] of Object.entries(synonyms)) {
      expect(others).not.toContain(term);
      for (const other of others) expect(synonyms[other]).toContain(term);
    }
    expect(Object.keys(synonyms).length).toBe(groups.flat().length);
  });

  it("cover the abbreviations, industries and places the product needs", () => {
    expect(synonymsOf("TP")).toEqual(expect.arrayContaining(["테크노파크", "technopark", "techno park"]));
    expect(synonymsOf("CCEI")).toEqual(expect.arrayContaining(["창조경제혁신센터", "innovation center", "혁신센터"]));
    expect(synonymsOf("국가산단")).toEqual(
      expect.arrayContaining(["nic", "국가산업단지", "national industrial complex"]),
    );
    expect(synonymsOf("R&D")).toContain("연구개발");
    expect(synonymsOf("섬유")).toContain("textile");
    expect(synonymsOf("Changwon")).toEqual(["창원"]);
    expect(synonymsOf("대덕")).toContain("daedeok");
    expect(synonymsOf("모르는말")).toEqual([]);
  });

  it("name all 17 provinces and metropolitan cities in both languages", () => {
    const places = [
      "seoul",
      "busan",
      "daegu",
      "incheon",
      "gwangju",
      "daejeon",
      "ulsan",
      "sejong",
      "gyeonggi",
      "gangwon",
      "chungbuk",
      "chungnam",
      "jeonbuk",
      "jeonnam",
      "gyeongbuk",
      "gyeongnam",
      "jeju",
    ];
    for (const place of places) expect(synonymsOf(place).length, place).toBeGreaterThan(0);
  });
});
