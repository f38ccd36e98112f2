import { describe, expect, it } from "vitest";
import { legendSymbol } from "~/map/legend";
import {
  COVERAGE_RAMP,
  coverageChoroplethLayers,
  facilityLayers,
  GAP_HEXAGON_RAMP,
  gapHexagonLayers,
  nearLayers,
} from "~/map/style";
import { KIND_COLORS } from "~/map/features";

describe("map legend", () => {
  it("draws each overlay with its own layers' colours", () => {
    expect(legendSymbol(facilityLayers("techno_park"))).toEqual({
      type: "dot",
      fill: KIND_COLORS.techno_park,
      stroke: "#ffffff",
    });
    expect(legendSymbol(gapHexagonLayers())).toEqual({ type: "ramp", stops: [...GAP_HEXAGON_RAMP] });
    expect(legendSymbol(coverageChoroplethLayers())).toEqual({ type: "ramp", stops: [...COVERAGE_RAMP] });
  });

  it("shows the user's point as the black-ringed dot no facility kind uses", () => {
    const own = legendSymbol(nearLayers());
    expect(own).toEqual({ type: "dot", fill: "#ffffff", stroke: "#1e2124" });
    expect(Object.values(KIND_COLORS)).not.toContain("#ffffff");
  });
});
