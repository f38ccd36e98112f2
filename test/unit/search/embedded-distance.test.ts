import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceKm } from "~/domain/geo";
import { EmbeddedSearchEngine } from "~/search";
import { ALL_DOCUMENTS } from "../../contract/fixtures";

const engine = new EmbeddedSearchEngine();
await engine.replaceAll(ALL_DOCUMENTS);
const { hits: defaultOrder } = await engine.search({ limit: ALL_DOCUMENTS.length, offset: 0 });

describe("embedded engine, nearest first", () => {
  it("any page equals the same page of a stable sort of every listing by distance", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          lat: fc.double({ min: 33.2, max: 38.5, noNaN: true }),
          lng: fc.double({ min: 125, max: 131, noNaN: true }),
        }),
        fc.integer({ min: 0, max: ALL_DOCUMENTS.length + 5 }),
        fc.integer({ min: 1, max: 30 }),
        async (near, offset, limit) => {
          const expected = defaultOrder
            .map((hit, index) => ({
              id: `${hit.document.type}:${hit.document.id}`,
              index,
              d: hit.document.location ? distanceKm(near, hit.document.location) : Infinity,
            }))
            .sort((a, b) => (a.d === b.d ? a.index - b.index : a.d - b.d))
            .slice(offset, offset + limit)
            .map((item) => item.id);
          const result = await engine.search({ near, limit, offset });
          expect(result.hits.map((hit) => `${hit.document.type}:${hit.document.id}`)).toEqual(expected);
          expect(result.total).toBe(ALL_DOCUMENTS.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
