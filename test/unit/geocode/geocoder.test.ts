import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { readAreas } from "../../../db/seed/areas";
import { readCatalog } from "../../../db/seed/catalog";
import { buildGeocoder, type GeocodeResult } from "~/domain/geocode";

const catalog = readCatalog(path.resolve("data"));
const geocoder = buildGeocoder(
  readAreas(path.resolve("data")),
  catalog.regions.map((r) => ({ code: r.code, nameKo: r.name_ko, nameKoShort: r.name_ko_short, nameEn: r.name_en })),
);
const match = (q: string) => {
  const result: GeocodeResult = geocoder.geocode(q);
  if (!result.ok) throw new Error(`${q}: ${result.reason}`);
  return result.match;
};

describe("the offline geocoder", () => {
  it("reads provinces in full, short and old forms", () => {
    expect(match("서울").regionCode).toBe("11");
    expect(match("경기").precision).toBe("region");
    expect(match("강원도").regionCode).toBe("51");
    expect(match("강원특별자치도 춘천시").sigungu?.code).toBe("51110");
    expect(match("전라북도 전주시 완산구").sigungu?.code).toBe("52111");
    expect(match("제주도 제주시").regionCode).toBe("50");
    expect(match("강원도").notes.map((n) => n.rule)).toContain("geocode.old_name");
  });

  it("follows renamed and moved sigungu to today's", () => {
    const michuhol = match("인천 남구 주안1동");
    expect(michuhol.sigungu?.code).toBe("28177");
    expect(michuhol.eupmyeondong?.nameKo).toBe("주안1동");
    const gunwi = match("경상북도 군위군 군위읍");
    expect(gunwi.regionCode).toBe("27");
    expect(gunwi.sigungu?.code).toBe("27720");
    expect(gunwi.notes.map((n) => n.rule)).toContain("geocode.moved");
  });

  it("finds a dong of a defunct county through the code history (청원군 강외면 → 청주시 흥덕구)", () => {
    const old = match("충청북도 청원군 강외면");
    expect(old).toMatchObject({ regionCode: "43", sigungu: { code: "43113" } });
    expect(old.notes.map((n) => n.rule)).toContain("geocode.old_name");
  });

  it("reads the area part of road-name and lot-number addresses and never a street point", () => {
    const road = match("경기도 성남시 분당구 판교역로 146번길 20");
    expect(road).toMatchObject({ precision: "sigungu", sigungu: { code: "41135" }, eupmyeondong: null });
    expect(match("경기도 성남시 분당구 대왕판교로 660 (삼평동)").eupmyeondong?.nameKo).toBe("삼평동");
    expect(match("경기도 성남시 분당구 삼평동 681").precision).toBe("eupmyeondong");
    expect(match("전라남도 영암군 삼호읍 대불로 92").eupmyeondong?.nameKo).toBe("삼호읍");
  });

  it("maps legal dongs to administrative dongs only when one fits", () => {
    expect(match("서울 중구 을지로3가").eupmyeondong?.nameKo).toBe("을지로3.4.5가동");
    const split = match("서울특별시 강남구 역삼동 123");
    expect(split).toMatchObject({ precision: "sigungu", eupmyeondong: null });
    expect(split.notes.map((n) => n.rule)).toContain("geocode.legal_dong");
  });

  it("takes cities, gu and area names without their suffix", () => {
    expect(match("창원").sigungu?.code).toBe("48120");
    expect(match("창원시 성산구").sigungu?.code).toBe("48123");
    expect(match("분당").sigungu?.code).toBe("41135");
    expect(match("경기도 광주시 오포읍").sigungu?.code).toBe("41610");
    expect(match("광주 광산구").regionCode).toBe("29");
  });

  it("says when a name is ambiguous or unknown", () => {
    expect(geocoder.geocode("중구")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(geocoder.geocode("아틀란티스")).toMatchObject({ ok: false, reason: "no_match" });
    expect(geocoder.geocode("   ")).toMatchObject({ ok: false, reason: "empty" });
  });

  it("places the cited addresses of the fixture (test/fixtures/geocode/addresses.csv) at their sigungu and eupmyeondong", () => {
    const rows = parse(fs.readFileSync(path.resolve("test/fixtures/geocode/addresses.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(200);
    let sigunguRight = 0;
    let withDong = 0;
    let dongRight = 0;
    let atDong = 0;
    const misses: string[] = [];
    /** A dong that contradicts the address: worse than stopping at the sigungu. */
    const wrongDong: string[] = [];
    for (const row of rows) {
      expect(row.source, row.address).toMatch(/^(https?:\/\/|github:)/);
      const result = geocoder.geocode(row.address!);
      const got = result.ok ? result.match : null;
      if (got?.eupmyeondong) atDong += 1;
      if (got?.sigungu?.code === row.expected_sigungu) sigunguRight += 1;
      else misses.push(`${row.address} → ${got?.sigungu?.code ?? "none"} (want ${row.expected_sigungu})`);
      if (got?.eupmyeondong && got.eupmyeondong.code.slice(0, 5) !== row.expected_sigungu)
        wrongDong.push(`${row.address} → ${got.eupmyeondong.nameKo}`);
      if (row.expected_eupmyeondong) {
        withDong += 1;
        if (got?.eupmyeondong?.nameKo === row.expected_eupmyeondong) dongRight += 1;
        else {
          misses.push(`${row.address} → ${got?.eupmyeondong?.nameKo ?? "no dong"} (want ${row.expected_eupmyeondong})`);
          if (got?.eupmyeondong) wrongDong.push(`${row.address} → ${got.eupmyeondong.nameKo}`);
        }
      }
    }
    const percent = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
    console.log(
      `geocoder on ${rows.length} cited addresses: sigungu ${percent(sigunguRight, rows.length)}, eupmyeondong ${percent(dongRight, withDong)}; placed at an eupmyeondong ${percent(atDong, rows.length)}${misses.length ? `; misses:\n  ${misses.join("\n  ")}` : ""}`,
    );
    expect(wrongDong).toEqual([]);
    expect(sigunguRight / rows.length).toBeGreaterThanOrEqual(0.95);
    expect(dongRight / withDong).toBeGreaterThanOrEqual(0.85);
  });
});
