import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eligiblePairs, facilityServesClass, STANCE_FIT_THRESHOLD, type GapFacility } from "~/domain/gaps/eligibility";
import { buildReachCells, cellOf, unitVector } from "~/domain/gaps/reach-grid";
import { facilityFeatures, stanceOf } from "~/domain/matching/stance";
import { distanceKm } from "~/domain/geo";
import { DELIVERY_MODES, FACILITY_KINDS, FACILITY_SERVICES, PAVITT_CLASSES } from "~/domain/types";

const facility = (
  id: string,
  kind: string,
  lat: number,
  lng: number,
  services: string[] = [],
  deliveryModes: string[] = [],
  anchorGroupId: string | null = null,
): GapFacility => ({
  id,
  kind,
  regionCode: "11",
  lat,
  lng,
  services,
  deliveryModes,
  anchorGroupId,
});

describe("which facilities count as support for a class", () => {
  it("follows the stance rules: regional centers serve specialized suppliers, not scale-intensive firms", () => {
    const tp = facility("tp", "techno_park", 36, 128, ["technical_assistance"], ["individual"]);
    expect(facilityServesClass("specialized_supplier", tp)).toBe(true);
    expect(facilityServesClass("supplier_dominated", tp)).toBe(true);
    expect(facilityServesClass("science_based", tp)).toBe(false);
    expect(facilityServesClass("scale_intensive", tp)).toBe(false);
    const center = facility("ccei", "innovation_center", 36, 128, ["shared_growth"], ["individual"], "samsung");
    expect(facilityServesClass("scale_intensive", center)).toBe(true);
    const research = facility("rc", "research_complex", 36, 128, ["rnd_collaboration"], ["individual"]);
    expect(facilityServesClass("science_based", research)).toBe(true);
    expect(facilityServesClass("supplier_dominated", research)).toBe(false);
  });

  it("is exactly the stance fraction at or above the threshold, for every kind and class", () => {
    const arb = fc.record({
      kind: fc.constantFrom(...FACILITY_KINDS),
      services: fc.subarray([...FACILITY_SERVICES]),
      deliveryModes: fc.subarray([...DELIVERY_MODES]),
      anchor: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ kind, services, deliveryModes, anchor }) => {
        const f = facility("x", kind, 36, 128, services, deliveryModes, anchor ? "lg" : null);
        for (const cls of PAVITT_CLASSES)
          expect(facilityServesClass(cls, f)).toBe(stanceOf(cls, facilityFeatures(f)).fraction >= STANCE_FIT_THRESHOLD);
        expect(eligiblePairs([f]).map((pair) => pair.pavittClass)).toEqual(
          PAVITT_CLASSES.filter((cls) => facilityServesClass(cls, f)),
        );
      }),
    );
  });
});

describe("the reach grid", () => {
  const facilities = [
    facility("a", "techno_park", 37.55, 126.98, ["technical_assistance"]),
    facility("b", "techno_park", 37.56, 127.0, ["technical_assistance"]),
    facility("c", "techno_park", 35.1, 129.0, ["technical_assistance"]),
    facility("d", "techno_park", 36.35, 127.38, ["technical_assistance"]),
    facility("e", "techno_park", 33.5, 126.5, ["technical_assistance"]),
  ];
  const cells = buildReachCells(eligiblePairs(facilities)).filter(
    (cell) => cell.pavittClass === "specialized_supplier",
  );
  const byKey = new Map(cells.map((cell) => [`${cell.row}:${cell.col}`, cell]));

  it("keeps, for any point, the facility nearest to it among its cell's candidates", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 33.0, max: 38.69, noNaN: true }),
        fc.double({ min: 124.5, max: 131.99, noNaN: true }),
        (lat, lng) => {
          const { row, col } = cellOf({ lat, lng });
          const cell = byKey.get(`${row}:${col}`);
          expect(cell).toBeDefined();
          const nearest = Math.min(...facilities.map((f) => distanceKm({ lat, lng }, f)));
          const p = unitVector({ lat, lng });
          const best = Math.max(...(cell?.candidates ?? []).map((v) => v.x * p.x + v.y * p.y + v.z * p.z));
          const viaCell = 2 * 6371.0088 * Math.asin(Math.sqrt(Math.abs((1 - best) / 2)));
          expect(viaCell).toBeCloseTo(nearest, 6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("leaves out classes no facility serves", () => {
    expect(buildReachCells(eligiblePairs(facilities)).some((cell) => cell.pavittClass === "scale_intensive")).toBe(
      false,
    );
  });
});
