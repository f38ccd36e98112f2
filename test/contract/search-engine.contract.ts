import { beforeAll, describe, expect, it } from "vitest";
import { distanceKm } from "~/domain/geo";
import type { LatLng } from "~/domain/types";
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "~/search/types";
import { businessAgeMonths, callFactsFrom, checkCall } from "~/domain/programs/eligibility";
import type { FirmApplicantType } from "~/domain/programs/types";
import { required } from "~/required";
import { ALL_DOCUMENTS, CALLS, FACILITIES, INNOVATION_CENTERS, TECHNOPARKS } from "./fixtures";

/** Changwon City Hall. */
const CHANGWON: LatLng = { lat: 35.228, lng: 128.6811 };
/** Daegu City Hall. */
const DAEGU: LatLng = { lat: 35.8714, lng: 128.6014 };

function ids(result: SearchResult): string[] {
  return result.hits.map((hit) => hit.document.id);
}

function idsWhere(predicate: (document: SearchDocument) => boolean): string[] {
  return ALL_DOCUMENTS.filter(predicate).map((document) => document.id);
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

function countBy(
  documents: readonly SearchDocument[],
  values: (document: SearchDocument) => readonly string[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const document of documents) {
    for (const value of new Set(values(document))) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

function isAscending(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || values[i - 1]! <= value);
}

function stripTags(html: string): string {
  return html.replace(/<\/?mark>/g, "");
}

async function loadedEngine(
  makeEngine: () => Promise<SearchEngine>,
  documents: SearchDocument[],
): Promise<SearchEngine> {
  const engine = await makeEngine();
  await engine.configure();
  await engine.replaceAll(documents);
  return engine;
}

/**
 * The behaviour every search engine owes the product, checked against the same fixtures. Expected
 * sets are computed from the fixtures, never from an engine.
 */
export function runSearchEngineContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;
    const search = (query: Partial<SearchQuery>) => engine.search({ limit: 100, offset: 0, ...query });

    beforeAll(async () => {
      engine = await loadedEngine(makeEngine, ALL_DOCUMENTS);
    });

    it("reports itself healthy", async () => {
      expect(await engine.health()).toEqual({ ok: true });
    });

    describe("text", () => {
      it("대구 puts 대구창조경제혁신센터 among the top hits", async () => {
        const result = await search({ text: "대구" });
        expect(ids(result).slice(0, 3)).toContain("ccei-daegu");
        expect(ids(result)).toContain("tp-daegu");
      });

      it("창조경제 finds every innovation center inside the compound names, ahead of anything else", async () => {
        const result = await search({ text: "창조경제" });
        const centerIds = INNOVATION_CENTERS.map((document) => document.id);
        expect(sorted(ids(result).slice(0, centerIds.length))).toEqual(sorted(centerIds));
      });

      it("대구에서 gives the same results as 대구", async () => {
        expect(ids(await search({ text: "대구에서" }))).toEqual(ids(await search({ text: "대구" })));
      });

      it("strips other particles: 창원의, 부산으로, 기계를", async () => {
        expect(ids(await search({ text: "창원의" }))).toEqual(ids(await search({ text: "창원" })));
        expect(ids(await search({ text: "부산으로" }))).toEqual(ids(await search({ text: "부산" })));
        expect(ids(await search({ text: "기계를" }))).toEqual(ids(await search({ text: "기계" })));
      });

      it("ㄷㄱ finds Daegu listings by their initial consonants", async () => {
        const result = await search({ text: "ㄷㄱ" });
        expect(ids(result)).toEqual(expect.arrayContaining(["ccei-daegu", "tp-daegu", "p-daegu-textile"]));
        for (const hit of result.hits) expect(hit.document.regionCodes).toContain("27");
      });

      it("Changwn, mistyped, finds Changwon listings", async () => {
        const result = await search({ text: "Changwn" });
        expect(ids(result)).toContain("nic-changwon");
        expect(result.hits[0]!.document.regionCodes).toContain("48");
      });

      it.each([
        ["Pohagn", "tp-pohang"],
        ["Daejeno", "tp-daejeon"],
      ])("%s, two letters swapped, counts as one typo and finds %s", async (text, id) => {
        const result = await search({ text });
        expect(ids(result)).toContain(id);
      });

      it("technopak, mistyped, finds the technoparks", async () => {
        const result = await search({ text: "technopak" });
        const parkIds = TECHNOPARKS.map((document) => document.id);
        expect(ids(result)).toEqual(expect.arrayContaining(parkIds));
      });

      it.each(["창원 테크노파크", "TP 창원", "technopark changwon"])("%s puts 경남테크노파크 first", async (text) => {
        const result = await search({ text });
        expect(ids(result)[0]).toBe("tp-gyeongnam");
      });

      it("대구 섬유 finds Daegu's textile listings and nothing outside Daegu", async () => {
        const result = await search({ text: "대구 섬유" });
        expect(ids(result)).toEqual(expect.arrayContaining(["p-daegu-textile", "tp-daegu", "ccei-daegu"]));
        for (const hit of result.hits) expect(hit.document.regionCodes).toContain("27");
      });

      it("기계 창원 finds Changwon's machinery listings, every term required", async () => {
        const result = await search({ text: "기계 창원" });
        expect(ids(result)).toEqual(
          expect.arrayContaining(["nic-changwon", "tp-gyeongnam", "p-gyeongnam-machinery", "p-changwon-export"]),
        );
        for (const hit of result.hits) expect(hit.document.regionCodes).toContain("48");
      });

      it("matches English names and puts an exact name first", async () => {
        const result = await search({ text: "Gyeongnam Technopark" });
        expect(ids(result)[0]).toBe("tp-gyeongnam");
      });

      it("expands synonyms across languages: textile finds 섬유 listings", async () => {
        const result = await search({ text: "textile", filters: { regionCodes: ["27"] } });
        expect(ids(result)).toEqual(expect.arrayContaining(["p-daegu-textile", "tp-daegu"]));
      });

      it("highlights the matched name and keeps the rest of the name intact", async () => {
        const result = await search({ text: "창조경제" });
        const daegu = result.hits.find((hit) => hit.document.id === "ccei-daegu");
        expect(daegu?.highlight).toContain("<mark>");
        expect(stripTags(daegu?.highlight ?? "")).toBe("대구창조경제혁신센터");
      });

      it("returns no hits for a word nothing contains", async () => {
        const result = await search({ text: "존재하지않는단어" });
        expect(result.total).toBe(0);
        expect(result.hits).toEqual([]);
        expect(result.unmatchedTerms).toEqual(["존재하지않는단어"]);
      });

      it("when no listing holds every word, finds what the other words find and names the word that matched nothing", async () => {
        const result = await search({ text: "대구 섬유 존재하지않는단어" });
        expect(result.unmatchedTerms).toEqual(["존재하지않는단어"]);
        expect(ids(result).slice(0, 3)).toEqual(expect.arrayContaining(["p-daegu-textile", "tp-daegu"]));
        const first = result.hits[0]?.document;
        expect(first?.regionCodes).toContain("27");
      });

      it("a word of a KSIC class name finds its division: 염색 reaches the textile listings (13)", async () => {
        const result = await search({ text: "염색", filters: { regionCodes: ["27"] } });
        expect(ids(result)).toEqual(expect.arrayContaining(["p-daegu-textile", "tp-daegu"]));
        const all = await search({ text: "대구 섬유 염색" });
        expect(all.unmatchedTerms).toEqual([]);
        expect(ids(all)).toEqual(expect.arrayContaining(["p-daegu-textile", "tp-daegu"]));
      });

      it("reports no unmatched words when every hit matches every word", async () => {
        const result = await search({ text: "대구 섬유" });
        expect(result.unmatchedTerms).toEqual([]);
      });
    });

    describe("filters", () => {
      it("filters by kind", async () => {
        const result = await search({ filters: { kinds: ["techno_park"] } });
        expect(sorted(ids(result))).toEqual(sorted(TECHNOPARKS.map((document) => document.id)));
        expect(result.total).toBe(TECHNOPARKS.length);
      });

      it("filters by region, with and without nationwide listings", async () => {
        const regional = await search({ filters: { regionCodes: ["27"] } });
        expect(sorted(ids(regional))).toEqual(sorted(idsWhere((document) => document.regionCodes.includes("27"))));
        const withNationwide = await search({ filters: { regionCodes: ["27"], includeNationwide: true } });
        expect(sorted(ids(withNationwide))).toEqual(
          sorted(idsWhere((document) => document.regionCodes.includes("27") || document.nationwide)),
        );
      });

      it("filters by sector, Pavitt class, category, type and id", async () => {
        const cases: Array<[SearchQuery["filters"], (document: SearchDocument) => boolean]> = [
          [{ sectors: ["29"] }, (document) => document.sectors.includes("29")],
          [
            { pavittClass: "supplier_dominated", type: "program" },
            (d) => d.type === "program" && d.pavittClasses.includes("supplier_dominated"),
          ],
          [
            { categories: ["startup", "export"] },
            (document) => document.category === "startup" || document.category === "export",
          ],
          [{ type: "facility" }, (document) => document.type === "facility"],
          [{ ids: ["tp-daegu", "p-kodit"] }, (document) => document.id === "tp-daegu" || document.id === "p-kodit"],
        ];
        for (const [filters, predicate] of cases) {
          const result = await search({ filters });
          expect(sorted(ids(result)), JSON.stringify(filters)).toEqual(sorted(idsWhere(predicate)));
          expect(result.total).toBe(idsWhere(predicate).length);
        }
      });

      it("combines text and filters", async () => {
        const result = await search({ text: "창조경제", filters: { regionCodes: ["47"] } });
        expect(sorted(ids(result))).toEqual(["ccei-gyeongbuk", "ccei-pohang"]);
      });

      it("treats empty lists as no filter", async () => {
        const unfiltered = await search({ limit: 0 });
        const emptyLists = await search({
          limit: 0,
          filters: { kinds: [], regionCodes: [], sectors: [], categories: [], ids: [] },
        });
        expect(emptyLists.total).toBe(unfiltered.total);
      });

      it("keeps the calls a firm can apply to as what it is and at its age, and everything else", async () => {
        const withCalls = await loadedEngine(makeEngine, [...ALL_DOCUMENTS, ...CALLS]);
        const today = "2026-08-10";
        const firms: Array<{ applicantType: FirmApplicantType; foundedOn: string | null }> = [
          { applicantType: "sme", foundedOn: "2025-08-01" },
          { applicantType: "sme", foundedOn: "2021-08-11" },
          { applicantType: "sme", foundedOn: "2010-01-01" },
          { applicantType: "sme", foundedOn: null },
          { applicantType: "micro", foundedOn: "2024" },
          { applicantType: "sole_creator", foundedOn: "2008-03-01" },
          { applicantType: "pre_founder", foundedOn: null },
        ];
        for (const firm of firms) {
          const applicant = {
            type: firm.applicantType,
            businessAgeMonths: firm.foundedOn ? businessAgeMonths(firm.foundedOn, today) : null,
          };
          const eligible = CALLS.filter(
            (call) =>
              checkCall(required(callFactsFrom(call) ?? undefined, "a call's facts"), { ...firm, today }).eligible,
          ).map((call) => call.id);
          const calls = await withCalls.search({
            filters: { type: "program", programOrigin: "call", applicant },
            limit: 100,
            offset: 0,
          });
          // Pre-founders are left to the rules (whether a call takes them); every other firm gets exactly what they accept.
          if (firm.applicantType === "pre_founder") expect(ids(calls)).toEqual(expect.arrayContaining(eligible));
          else expect(sorted(ids(calls)), JSON.stringify(firm)).toEqual(sorted(eligible));
          const everything = await withCalls.search({ filters: { applicant }, limit: 200, offset: 0 });
          expect(sorted(ids(everything))).toEqual(sorted([...ALL_DOCUMENTS.map((d) => d.id), ...ids(calls)]));
        }
      });

      it("orders calls by their last day, closed ones left out unless asked for", async () => {
        const dated = (id: string, end: string): SearchDocument => ({
          ...CALLS[0]!,
          id,
          nameKo: `공고 ${id}`,
          windowKind: "dated",
          windowStart: "2026-01-01",
          windowEnd: end,
          windowStartDay: 20260101,
          windowEndDay: Number(end.replaceAll("-", "")),
        });
        const closed = [dated("closed-early", "2026-03-01"), dated("closed-late", "2026-08-09")];
        const live = [
          dated("ends-sep", "2026-09-30"),
          dated("ends-today", "2026-08-10"),
          dated("ends-aug", "2026-08-20"),
        ];
        const withCalls = await loadedEngine(makeEngine, [...ALL_DOCUMENTS, ...CALLS, ...closed, ...live]);
        const base = { type: "program" as const, programOrigin: "call" as const, today: "2026-08-10" };
        const notClosed = await withCalls.search({
          filters: { ...base, statuses: ["open", "closing_soon", "rolling", "upcoming"] },
          sort: "deadline",
          limit: 4,
          offset: 0,
        });
        expect(ids(notClosed).slice(0, 3)).toEqual(["ends-today", "ends-aug", "ends-sep"]);
        expect(notClosed.total).toBe(live.length + CALLS.length);
        const onlyClosed = await withCalls.search({
          filters: { ...base, statuses: ["closed"] },
          sort: "deadline",
          limit: 10,
          offset: 0,
        });
        expect(ids(onlyClosed)).toEqual(["closed-early", "closed-late"]);
      });

      it("returns nothing, not everything, for filter values holding quotes and operators", async () => {
        const hostile: Array<SearchQuery["filters"]> = [
          { kinds: ['innovation_center" OR kind != "x'] },
          { regionCodes: ['27") OR (type = "facility'] },
          { ids: ['x" OR id EXISTS OR id = "y'] },
          { pavittClass: 'science_based\\" OR pavittClasses EXISTS OR "' },
          { categories: ["startup' OR category EXISTS OR '"] },
          { sectors: ["29 OR sectors = 13"] },
        ];
        for (const filters of hostile) {
          const result = await search({ filters });
          expect(result.total, JSON.stringify(filters)).toBe(0);
        }
      });
    });

    describe("places", () => {
      it("keeps only listings within the radius, nearest first", async () => {
        const result = await search({ near: { ...CHANGWON, radiusKm: 20 } });
        const expected = idsWhere(
          (document) => document.location !== null && distanceKm(CHANGWON, document.location) <= 20,
        );
        expect(expected.length).toBeGreaterThan(3);
        expect(sorted(ids(result))).toEqual(sorted(expected));
        const distances = result.hits.map((hit) => hit.distanceKm ?? Number.NaN);
        expect(isAscending(distances)).toBe(true);
        for (const hit of result.hits) {
          expect(hit.distanceKm).toBeCloseTo(distanceKm(CHANGWON, hit.document.location!), 0);
          expect(hit.distanceKm).toBeLessThanOrEqual(20.05);
        }
      });

      it("orders an empty-text search near a point by distance, listings without a place last", async () => {
        const result = await search({ near: DAEGU, limit: ALL_DOCUMENTS.length });
        expect(result.total).toBe(ALL_DOCUMENTS.length);
        const located = result.hits.filter((hit) => hit.document.location !== null);
        const firstUnlocated = result.hits.findIndex((hit) => hit.document.location === null);
        expect(firstUnlocated).toBe(located.length);
        expect(isAscending(located.map((hit) => hit.distanceKm ?? Number.NaN))).toBe(true);
        expect(located[0]!.document.regionCodes).toContain("27");
      });

      it("sorts text matches by distance on request", async () => {
        const result = await search({ text: "테크노파크", near: DAEGU, sort: "distance" });
        expect(ids(result)[0]).toBe("tp-daegu");
        expect(isAscending(result.hits.map((hit) => hit.distanceKm ?? Number.NaN))).toBe(true);
      });

      it("gives distances with relevance order too", async () => {
        const result = await search({ text: "창원", near: CHANGWON });
        for (const hit of result.hits.filter((h) => h.document.location !== null))
          expect(hit.distanceKm).toBeTypeOf("number");
      });
    });

    describe("facets", () => {
      it("counts every value over the whole filtered result", async () => {
        const result = await search({
          limit: 1,
          facets: ["type", "kind", "regionCodes", "sectors", "pavittClasses", "category"],
        });
        expect(result.facets.type).toEqual(countBy(ALL_DOCUMENTS, (document) => [document.type]));
        expect(result.facets.kind).toEqual(countBy(ALL_DOCUMENTS, (document) => [document.kind]));
        expect(result.facets.regionCodes).toEqual(countBy(ALL_DOCUMENTS, (document) => document.regionCodes));
        expect(result.facets.sectors).toEqual(countBy(ALL_DOCUMENTS, (document) => document.sectors));
        expect(result.facets.pavittClasses).toEqual(countBy(ALL_DOCUMENTS, (document) => document.pavittClasses));
        expect(result.facets.category).toEqual(
          countBy(ALL_DOCUMENTS, (document) => (document.category ? [document.category] : [])),
        );
      });

      it("counts matches of a text search, not just the page", async () => {
        const result = await search({ text: "창조경제", limit: 2, facets: ["kind", "regionCodes"] });
        expect(result.facets.kind).toEqual({ innovation_center: INNOVATION_CENTERS.length });
        expect(result.facets.regionCodes).toEqual(countBy(INNOVATION_CENTERS, (document) => document.regionCodes));
        expect(result.total).toBe(INNOVATION_CENTERS.length);
      });
    });

    describe("order and paging", () => {
      it("orders an empty-text search by type, then Korean name", async () => {
        const result = await search({ limit: ALL_DOCUMENTS.length });
        const keys = result.hits.map((hit) => [hit.document.type, hit.document.nameKo] as const);
        const expected = [...keys].sort((a, b) =>
          a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
        );
        expect(keys).toEqual(expected);
        expect(result.hits[0]!.document.type).toBe("facility");
      });

      it("pages through results with a stable total", async () => {
        const all = await search({ limit: ALL_DOCUMENTS.length });
        const pages: string[] = [];
        for (let offset = 0; offset < ALL_DOCUMENTS.length; offset += 7) {
          const page = await search({ limit: 7, offset });
          expect(page.total).toBe(ALL_DOCUMENTS.length);
          pages.push(...ids(page));
        }
        expect(pages).toEqual(ids(all));
      });

      it("pages through text results, also off page boundaries", async () => {
        const all = await search({ text: "테크노파크" });
        const page = await search({ text: "테크노파크", offset: 3, limit: 5 });
        expect(ids(page)).toEqual(ids(all).slice(3, 8));
        expect(page.total).toBe(all.total);
      });

      it("returns no hits past the end and keeps the total", async () => {
        const result = await search({ offset: ALL_DOCUMENTS.length + 10, limit: 5 });
        expect(result.hits).toEqual([]);
        expect(result.total).toBe(ALL_DOCUMENTS.length);
      });
    });

    describe("changes", () => {
      it("upsert replaces a listing of the same type and id, and keeps listings of another type apart", async () => {
        const changing = await loadedEngine(makeEngine, ALL_DOCUMENTS);
        const park = FACILITIES.find((document) => document.id === "tp-gyeongnam")!;
        await changing.upsert([{ ...park, nameKo: "창원스마트혁신원", nameEn: "Changwon Smart Innovation Institute" }]);
        const renamed = await changing.search({ text: "창원스마트혁신원", limit: 10, offset: 0 });
        expect(ids(renamed)[0]).toBe("tp-gyeongnam");
        expect((await changing.search({ limit: 0, offset: 0 })).total).toBe(ALL_DOCUMENTS.length);
        const stored = await changing.search({ filters: { ids: ["tp-gyeongnam"] }, limit: 10, offset: 0 });
        expect(stored.hits.map((hit) => hit.document.nameKo)).toEqual(["창원스마트혁신원"]);

        await changing.upsert([{ ...park, type: "program", kind: "program", nameKo: "경남 테크노파크 지원사업" }]);
        const both = await changing.search({ filters: { ids: ["tp-gyeongnam"] }, limit: 10, offset: 0 });
        expect(sorted(both.hits.map((hit) => hit.document.type))).toEqual(["facility", "program"]);
      });

      it("delete removes a listing", async () => {
        const changing = await loadedEngine(makeEngine, ALL_DOCUMENTS);
        await changing.delete([{ type: "facility", id: "ccei-daegu" }]);
        expect(ids(await changing.search({ text: "대구창조경제혁신센터", limit: 10, offset: 0 }))).not.toContain(
          "ccei-daegu",
        );
        expect((await changing.search({ limit: 0, offset: 0 })).total).toBe(ALL_DOCUMENTS.length - 1);
      });

      it("replaceAll drops every listing, loads the new ones and reports progress", async () => {
        const changing = await loadedEngine(makeEngine, ALL_DOCUMENTS);
        const progress: Array<[number, number]> = [];
        await changing.replaceAll(FACILITIES, (done, total) => progress.push([done, total]));
        const result = await changing.search({ limit: 0, offset: 0, facets: ["type"] });
        expect(result.total).toBe(FACILITIES.length);
        expect(result.facets.type).toEqual({ facility: FACILITIES.length });
        expect(progress.at(-1)).toEqual([FACILITIES.length, FACILITIES.length]);
        expect(isAscending(progress.map(([done]) => done))).toBe(true);
      });

      it("keeps changes made while replaceAll runs", async () => {
        const changing = await loadedEngine(makeEngine, ALL_DOCUMENTS);
        const park = FACILITIES.find((document) => document.id === "tp-jeju")!;
        const replacing = changing.replaceAll(ALL_DOCUMENTS);
        await changing.upsert([{ ...park, nameKo: "제주바이오테크노파크" }]);
        await changing.delete([{ type: "facility", id: "tp-seoul" }]);
        await replacing;
        const result = await changing.search({ filters: { ids: ["tp-jeju", "tp-seoul"] }, limit: 10, offset: 0 });
        expect(result.hits.map((hit) => hit.document.nameKo)).toEqual(["제주바이오테크노파크"]);
      });

      it("escapes HTML in highlights", async () => {
        const changing = await loadedEngine(makeEngine, ALL_DOCUMENTS);
        const park = FACILITIES.find((document) => document.id === "tp-jeju")!;
        await changing.upsert([{ ...park, nameKo: "제주 <b>바이오</b> & 식품 센터" }]);
        const result = await changing.search({ text: "바이오", filters: { ids: ["tp-jeju"] }, limit: 1, offset: 0 });
        const highlight = result.hits[0]?.highlight ?? "";
        expect(highlight).toContain("<mark>바이오</mark>");
        expect(highlight).toContain("&lt;b&gt;");
        expect(highlight).toContain("&amp;");
        expect(highlight).not.toContain("<b>");
      });
    });
  });
}
