import { describe, expect, it } from "vitest";
import { findNamedPlace, splitPlacePhrase } from "~/search/place-phrase";

describe("splitPlacePhrase", () => {
  it.each([
    ["technopark near Changwon", { text: "technopark", place: "Changwon" }],
    ["textile in Daegu", { text: "textile", place: "Daegu" }],
    ["near Ulsan", { text: "", place: "Ulsan" }],
    ["창원 근처 테크노파크", { text: "테크노파크", place: "창원" }],
    ["대구 인근에서 섬유", { text: "섬유", place: "대구" }],
    ["테크노파크 부산 주변", { text: "테크노파크", place: "부산" }],
  ])("%s", (q, expected) => {
    expect(splitPlacePhrase(q)).toEqual(expected);
  });

  it.each(["대구 섬유", "linear motors", "Changwon technopark", "창원"])("leaves %s alone", (q) => {
    expect(splitPlacePhrase(q)).toBeNull();
  });
});

describe("findNamedPlace", () => {
  const places = [
    {
      nameKo: "대구광역시",
      nameEn: "Daegu",
      aliases: ["대구", "Daegu Metropolitan City"],
      point: { lat: 35.8, lng: 128.6 },
    },
    {
      nameKo: "경상남도",
      nameEn: "Gyeongnam",
      aliases: ["경남", "Gyeongsangnam-do"],
      point: { lat: 35.3, lng: 128.3 },
    },
  ];
  it("matches Korean full and short names and English names, ignoring case", () => {
    expect(findNamedPlace("대구", places)?.nameEn).toBe("Daegu");
    expect(findNamedPlace("대구시", places)?.nameEn).toBe("Daegu");
    expect(findNamedPlace("daegu", places)?.nameEn).toBe("Daegu");
    expect(findNamedPlace("경남", places)?.nameEn).toBe("Gyeongnam");
    expect(findNamedPlace("gyeongsangnam-do", places)?.nameEn).toBe("Gyeongnam");
    expect(findNamedPlace("Seoul", places)).toBeNull();
  });
});
