import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaFigures, figuresOf, gapRows, medianNearest, type DistanceCount } from "~/domain/gaps/figures";
import { PAVITT_CLASSES } from "~/domain/types";

describe("coverage figures from distance counts", () => {
  it("takes the median over firms, counting a firm with no facility as farthest", () => {
    expect(
      medianNearest([
        { nearestKm: 6, firms: 1 },
        { nearestKm: 30, firms: 1 },
        { nearestKm: 41, firms: 1 },
      ]),
    ).toBe(30);
    expect(
      medianNearest([
        { nearestKm: 4, firms: 1 },
        { nearestKm: 32, firms: 1 },
      ]),
    ).toBe(18);
    expect(
      medianNearest([
        { nearestKm: 5, firms: 3 },
        { nearestKm: null, firms: 1 },
      ]),
    ).toBe(5);
    expect(
      medianNearest([
        { nearestKm: 5, firms: 1 },
        { nearestKm: null, firms: 1 },
      ]),
    ).toBeNull();
    expect(medianNearest([])).toBeNull();
  });

  it("counts a firm as covered when its nearest facility is within the radius", () => {
    const counts: DistanceCount[] = [
      { regionCode: "27", pavittClass: "specialized_supplier", nearestKm: 10, firms: 4 },
      { regionCode: "27", pavittClass: "specialized_supplier", nearestKm: 30, firms: 2 },
      { regionCode: "27", pavittClass: "specialized_supplier", nearestKm: 31, firms: 2 },
      { regionCode: "27", pavittClass: "specialized_supplier", nearestKm: null, firms: 2 },
    ];
    expect(figuresOf(counts, 3, 30)).toEqual({
      smes: 10,
      covered: 6,
      uncovered: 4,
      coverageRatio: 0.6,
      facilities: 3,
      facilitiesPer1000: 300,
      medianNearestKm: 30,
    });
  });

  it("rows are ranked by uncovered firms and name the facilities of their region and class", () => {
    const rows = gapRows(
      [
        { regionCode: "11", pavittClass: "science_based", nearestKm: 5, firms: 10 },
        { regionCode: "27", pavittClass: "science_based", nearestKm: 50, firms: 3 },
      ],
      [
        { pavittClass: "science_based", facilityId: "a", regionCode: "11" },
        { pavittClass: "specialized_supplier", facilityId: "b", regionCode: "27" },
      ],
      30,
    );
    expect(rows.map((r) => [r.regionCode, r.smes - r.covered, r.facilities])).toEqual([
      ["27", 3, 0],
      ["11", 0, 1],
    ]);
  });

  it("compares the capital area with the rest, counting each facility once", () => {
    const areas = areaFigures(
      [
        { regionCode: "11", pavittClass: "science_based", nearestKm: 5, firms: 2 },
        { regionCode: "11", pavittClass: "specialized_supplier", nearestKm: 5, firms: 2 },
        { regionCode: "27", pavittClass: "science_based", nearestKm: 40, firms: 4 },
      ],
      [
        { pavittClass: "science_based", facilityId: "a", regionCode: "11" },
        { pavittClass: "specialized_supplier", facilityId: "a", regionCode: "11" },
      ],
      new Set(["11", "28", "41"]),
      30,
    );
    expect(areas).toEqual([
      {
        area: "capital",
        smes: 4,
        covered: 4,
        uncovered: 0,
        coverageRatio: null,
        facilities: 1,
        facilitiesPer1000: null,
        medianNearestKm: 5,
      },
      {
        area: "rest",
        smes: 4,
        covered: 0,
        uncovered: 4,
        coverageRatio: null,
        facilities: 0,
        facilitiesPer1000: null,
        medianNearestKm: 40,
      },
    ]);
  });

  it("a wider radius never covers fewer firms", () => {
    const entry = fc.record({
      regionCode: fc.constantFrom("11", "27", "50"),
      pavittClass: fc.constantFrom(...PAVITT_CLASSES),
      nearestKm: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      firms: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 50 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (counts, radius, extra) => {
          const narrow = gapRows(counts, [], radius);
          const wide = gapRows(counts, [], radius + extra);
          for (const row of narrow) {
            const wider = wide.find((r) => r.regionCode === row.regionCode && r.pavittClass === row.pavittClass);
            expect(wider?.covered).toBeGreaterThanOrEqual(row.covered);
          }
        },
      ),
    );
  });
});
