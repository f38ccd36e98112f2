import type { LayerSpecification } from "maplibre-gl";

/** How a legend entry is drawn, read from the layers it explains. */
export type LegendSymbol = { type: "dot"; fill: string; stroke: string } | { type: "ramp"; stops: string[] };

/** What an overlay says in the map's legend; its symbol comes from its own layers. */
export interface OverlayLegend {
  label: string;
  /** The words at the two ends of a colour ramp. */
  low?: string;
  high?: string;
  /** A line under the entry, e.g. what one symbol stands for. */
  note?: string;
  /** The value a legend toggle posts for this overlay (a facility kind). */
  value?: string;
}

const isString = (value: unknown): value is string => typeof value === "string";
const colourOf = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** The colours of an `interpolate` or `step` expression, in order; a plain colour is a ramp of one. */
function rampOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  if (value[0] === "interpolate")
    return value
      .slice(3)
      .filter((_, i) => i % 2 === 1)
      .filter(isString);
  if (value[0] === "step") return [value[2], ...value.slice(3).filter((_, i) => i % 2 === 1)].filter(isString);
  return [];
}

/**
 * The symbol a reader can match on the map: the first circle layer's fill and stroke, else the first
 * fill layer's colour ramp. Label-only and invisible layers have none.
 */
export function legendSymbol(layers: readonly LayerSpecification[]): LegendSymbol | null {
  for (const layer of layers) {
    if (layer.type !== "circle") continue;
    const fill = colourOf(layer.paint?.["circle-color"]);
    if (fill) return { type: "dot", fill, stroke: colourOf(layer.paint?.["circle-stroke-color"]) ?? fill };
  }
  for (const layer of layers) {
    if (layer.type !== "fill") continue;
    const stops = rampOf(layer.paint?.["fill-color"]);
    if (stops.length > 0) return { type: "ramp", stops };
  }
  return null;
}
