import { describe, expect, it } from "vitest";
import { industryDivisionsOf, industryVocabulary } from "~/search/industry-words.server";

describe("industry vocabulary from KSIC class names", () => {
  it("points a class word to the division that uses it most, and drops words every division uses", () => {
    const vocabulary = industryVocabulary([
      { code: "134", division: "13", nameKo: "섬유제품 염색, 정리 및 마무리 가공업" },
      { code: "13401", division: "13", nameKo: "솜 및 실 염색 가공업" },
      { code: "29261", division: "29", nameKo: "산업용 섬유 세척, 염색, 정리 및 가공 기계 제조업" },
      { code: "2431", division: "24", nameKo: "철강 주조업" },
      { code: "2432", division: "24", nameKo: "비철금속 주조업" },
      { code: "46411", division: "46", nameKo: "직물 도매업" },
      ...["10", "20", "22", "25"].map((division) => ({ code: `${division}9`, division, nameKo: "기타 제품 제조업" })),
    ]);
    expect(vocabulary.get("염색")).toEqual(["13"]);
    expect(vocabulary.get("주조")).toEqual(["24"]);
    expect(vocabulary.has("직물")).toBe(false);
    expect(vocabulary.has("제조업")).toBe(false);
    expect(vocabulary.has("및")).toBe(false);
  });

  it("reads the project's derived file: 염색 → 13, 금형 → 29, 도금 → 25, 신발 → 15", () => {
    expect(industryDivisionsOf("염색")).toEqual(["13"]);
    expect(industryDivisionsOf("금형")).toEqual(["29"]);
    expect(industryDivisionsOf("도금")).toEqual(["25"]);
    expect(industryDivisionsOf("신발")).toEqual(["15"]);
  });
});
