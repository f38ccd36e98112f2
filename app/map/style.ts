import type { FeatureCollection } from "geojson";
import type { LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import type { FacilityKind } from "~/domain/types";
import { KIND_COLORS } from "./features";

export const LAND_SOURCE = "land";
export const PROVINCES_SOURCE = "provinces";
export const REGION_LABELS_SOURCE = "region-labels";

export const facilitySourceId = (kind: string) => `facilities-${kind}`;
export const facilityLayerIds = (kind: string) => ({
  points: `facilities-${kind}-points`,
  clusters: `facilities-${kind}-clusters`,
  clusterCounts: `facilities-${kind}-cluster-counts`,
});

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

/** The offline style: sea, land outline from Natural Earth, region labels. No request leaves the app. */
export function offlineStyle(landUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      [LAND_SOURCE]: { type: "geojson", data: landUrl },
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": "#dbe9f4" } },
      {
        id: "land-neighbours",
        type: "fill",
        source: LAND_SOURCE,
        filter: ["==", ["get", "role"], "neighbour"],
        paint: { "fill-color": "#eeeeea" },
      },
      {
        id: "land-korea",
        type: "fill",
        source: LAND_SOURCE,
        filter: ["==", ["get", "role"], "korea"],
        paint: { "fill-color": "#fbfaf5" },
      },
      {
        id: "land-outline",
        type: "line",
        source: LAND_SOURCE,
        paint: { "line-color": "#9a9a8e", "line-width": 0.8 },
      },
    ],
  };
}

/** Province outlines, drawn only when boundaries were imported. */
export function provinceLayers(): { source: SourceSpecification; layers: LayerSpecification[] } {
  return {
    source: { type: "geojson", data: EMPTY },
    layers: [
      {
        id: "provinces-line",
        type: "line",
        source: PROVINCES_SOURCE,
        paint: { "line-color": "#868e96", "line-width": 1, "line-dasharray": [2, 1] },
      },
    ],
  };
}

export function regionLabelLayer(textField: "nameKo" | "nameEn"): LayerSpecification {
  return {
    id: "region-labels",
    type: "symbol",
    source: REGION_LABELS_SOURCE,
    layout: {
      "text-field": ["get", textField],
      "text-size": 12,
      "text-allow-overlap": false,
    },
    paint: { "text-color": "#495057", "text-halo-color": "#ffffff", "text-halo-width": 1.2 },
  };
}

/** Three layers per kind: clusters, their counts, and single points. */
export function facilityLayers(kind: FacilityKind): LayerSpecification[] {
  const ids = facilityLayerIds(kind);
  const source = facilitySourceId(kind);
  const color = KIND_COLORS[kind];
  return [
    {
      id: ids.clusters,
      type: "circle",
      source,
      filter: ["has", "point_count"],
      paint: {
        "circle-color": color,
        "circle-opacity": 0.85,
        "circle-radius": ["step", ["get", "point_count"], 13, 5, 17, 10, 21],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 2,
      },
    },
    {
      id: ids.clusterCounts,
      type: "symbol",
      source,
      filter: ["has", "point_count"],
      layout: { "text-field": ["to-string", ["get", "point_count"]], "text-size": 12, "text-allow-overlap": true },
      paint: { "text-color": "#ffffff" },
    },
    {
      id: ids.points,
      type: "circle",
      source,
      filter: ["!", ["has", "point_count"]],
      paint: {
        "circle-color": color,
        "circle-radius": ["case", ["boolean", ["feature-state", "highlight"], false], 10, 7],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 2,
      },
    },
  ];
}

export const GAP_HEXAGONS_SOURCE = "gap-hexagons";
export const GAP_PROVINCES_SOURCE = "gap-provinces";

/** Province fill by coverage ratio: red where few firms are covered, green where most are. */
export function coverageChoroplethLayers(): LayerSpecification[] {
  return [
    {
      id: "gap-provinces-fill",
      type: "fill",
      source: GAP_PROVINCES_SOURCE,
      filter: ["has", "coverageRatio"],
      paint: {
        "fill-color": ["interpolate", ["linear"], ["get", "coverageRatio"], 0, "#e03131", 0.5, "#fcc419", 1, "#2f9e44"],
        "fill-opacity": 0.35,
      },
    },
    { id: "gap-provinces-line", type: "line", source: GAP_PROVINCES_SOURCE, paint: { "line-color": "#868e96", "line-width": 0.8 } },
  ];
}

/** Hexagons of uncovered firms, darker with more firms. */
export function gapHexagonLayers(): LayerSpecification[] {
  return [
    {
      id: "gap-hexagons-fill",
      type: "fill",
      source: GAP_HEXAGONS_SOURCE,
      paint: {
        "fill-color": ["interpolate", ["linear"], ["get", "share"], 0, "#ffe8cc", 1, "#c92a2a"],
        "fill-opacity": 0.75,
      },
    },
    { id: "gap-hexagons-line", type: "line", source: GAP_HEXAGONS_SOURCE, paint: { "line-color": "#862e9c", "line-width": 0.6 } },
  ];
}

export const NEAR_SOURCE = "near";
export const HIGHLIGHT_SOURCE = "highlight";

/** The search point and its radius, under the facilities. */
export function nearLayers(): LayerSpecification[] {
  return [
    { id: "near-area", type: "fill", source: NEAR_SOURCE, filter: ["==", ["geometry-type"], "Polygon"], paint: { "fill-color": "#ffa94d", "fill-opacity": 0.12 } },
    { id: "near-edge", type: "line", source: NEAR_SOURCE, filter: ["==", ["geometry-type"], "Polygon"], paint: { "line-color": "#e8590c", "line-width": 1.5, "line-dasharray": [3, 2] } },
    { id: "near-point", type: "circle", source: NEAR_SOURCE, filter: ["==", ["geometry-type"], "Point"], paint: { "circle-color": "#e8590c", "circle-radius": 5, "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 } },
  ];
}

/** A ring around the listing the pointer is on in the result list, drawn even when its point is clustered. */
export function highlightLayer(): LayerSpecification {
  return { id: "highlight-ring", type: "circle", source: HIGHLIGHT_SOURCE, paint: { "circle-color": "rgba(0,0,0,0)", "circle-radius": 13, "circle-stroke-color": "#212529", "circle-stroke-width": 3 } };
}
