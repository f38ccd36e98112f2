import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmbeddedSearchEngine } from "~/search";
import { addSlot, slotsIn } from "~/search/embedded/slot-bitsets";
import { ALL_DOCUMENTS } from "../../contract/fixtures";

const key = (document: { type: string; id: string }) => `${document.type}:${document.id}`;

describe("slots of a bitset", () => {
  it("are listed lowest first, across word boundaries", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 200 })), (slots) => {
        const bits = new Uint32Array(8);
        for (const slot of slots) addSlot(bits, slot);
        expect(slotsIn(bits)).toEqual([...slots].sort((a, b) => a - b));
      }),
    );
  });
});

describe("embedded engine, filtered without text", () => {
  it("lists the admitted documents in the default order, however few or many are admitted", async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.replaceAll(ALL_DOCUMENTS);
    // Slots freed and handed out again: ranks must follow the documents, not the order they came in.
    const moved = ALL_DOCUMENTS.slice(0, 10);
    await engine.delete(moved);
    await engine.upsert(moved);
    const { hits } = await engine.search({ limit: ALL_DOCUMENTS.length, offset: 0 });
    const defaultOrder = hits.map((hit) => hit.document);
    await fc.assert(
      fc.asyncProperty(fc.subarray(defaultOrder, { minLength: 1 }), async (admitted) => {
        const type = admitted[0]!.type;
        const sameType = admitted.filter((document) => document.type === type);
        const result = await engine.search({
          filters: { type, ids: sameType.map((document) => document.id) },
          limit: ALL_DOCUMENTS.length,
          offset: 0,
        });
        expect(result.hits.map((hit) => key(hit.document))).toEqual(
          defaultOrder.filter((document) => sameType.includes(document)).map(key),
        );
      }),
      { numRuns: 200 },
    );
  });
});
