import type { FeatureCollection } from "geojson";
import type { LayerSpecification, StyleSpecification, SymbolLayerSpecification } from "maplibre-gl";
import type { FacilityKind } from "~/domain/types";
import { KIND_COLORS } from "./features";

export const LAND_SOURCE = "land";
export const REGION_LABELS_SOURCE = "region-labels";
export const REGION_LABELS_LAYER = "region-labels";

/** A centre ([lng, lat]) and zoom. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

/** The whole of South Korea: where a map opens when it has nothing nearer to show. */
export const COUNTRY_VIEW: MapView = { center: [127.8, 36.2], zoom: 5.6 };

export const facilitySourceId = (kind: string) => `facilities-${kind}`;
export const facilityLayerIds = (kind: string) => ({
  space: `facilities-${kind}-space`,
  points: `facilities-${kind}-points`,
  clusters: `facilities-${kind}-clusters`,
  clusterCounts: `facilities-${kind}-cluster-counts`,
});

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

export const BOUNDARIES_SOURCE = "boundaries";
export const PLACES_SOURCE = "places";
/** A transparent square as large as a marker: facilities carry it in a symbol layer so labels make room for them. */
export const MARKER_SPACE_IMAGE = "marker-space";
export const MARKER_SPACE_PIXELS = 22;

const LABEL_HALO = { "text-color": "#464c53", "text-halo-color": "#ffffff", "text-halo-width": 1.5 };
/** Labels try the centre first, then move beside whatever sits there (a marker, another label). */
const LABEL_PLACEMENT: Pick<
  SymbolLayerSpecification["layout"] & object,
  "text-variable-anchor-offset" | "text-padding"
> = {
  "text-variable-anchor-offset": ["center", [0, 0], "top", [0, 1], "bottom", [0, -1], "left", [1, 0], "right", [-1, 0]],
  "text-padding": 2,
};

/**
 * The offline basemap: sea, Natural Earth land and coast, province and 시군구 boundaries (SGIS,
 * data/boundaries) and the names of 시군구 and 읍면동 at the zooms where they help (data/areas.csv).
 * No request leaves the app.
 */
export function offlineStyle(urls: { land: string; places: string }): StyleSpecification {
  return {
    version: 8,
    sources: {
      [LAND_SOURCE]: { type: "geojson", data: urls.land },
      [BOUNDARIES_SOURCE]: { type: "geojson", data: EMPTY },
      [PLACES_SOURCE]: { type: "geojson", data: urls.places },
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": "#d8e5f3" } },
      {
        id: "land-neighbours",
        type: "fill",
        source: LAND_SOURCE,
        filter: ["==", ["get", "role"], "neighbour"],
        paint: { "fill-color": "#ecedee" },
      },
      {
        id: "land-korea",
        type: "fill",
        source: LAND_SOURCE,
        filter: ["==", ["get", "role"], "korea"],
        paint: { "fill-color": "#fbfbf8" },
      },
      {
        id: "sigungu-fill",
        type: "fill",
        source: BOUNDARIES_SOURCE,
        filter: ["==", ["get", "level"], "sigungu"],
        minzoom: 8,
        paint: {
          "fill-color": ["case", ["==", ["%", ["to-number", ["get", "code"]], 20], 0], "#f3f4ef", "#fbfbf8"],
          "fill-opacity": 0.9,
        },
      },
      {
        id: "sigungu-line",
        type: "line",
        source: BOUNDARIES_SOURCE,
        filter: ["==", ["get", "level"], "sigungu"],
        minzoom: 6.5,
        paint: { "line-color": "#b1b8be", "line-width": ["interpolate", ["linear"], ["zoom"], 6.5, 0.3, 12, 1.4] },
      },
      {
        id: "province-line",
        type: "line",
        source: BOUNDARIES_SOURCE,
        filter: ["==", ["get", "level"], "province"],
        paint: { "line-color": "#6d7882", "line-width": ["interpolate", ["linear"], ["zoom"], 5, 0.6, 12, 2.2] },
      },
      {
        id: "coast",
        type: "line",
        source: LAND_SOURCE,
        paint: { "line-color": "#7d8b99", "line-width": ["interpolate", ["linear"], ["zoom"], 5, 0.6, 12, 1.6] },
      },
      {
        id: "place-eupmyeondong",
        type: "symbol",
        source: PLACES_SOURCE,
        filter: ["==", ["get", "level"], "eupmyeondong"],
        minzoom: 11.5,
        layout: { "text-field": ["get", "nameKo"], "text-size": 11.5, ...LABEL_PLACEMENT },
        paint: { ...LABEL_HALO, "text-color": "#58616a" },
      },
      {
        id: "place-sigungu",
        type: "symbol",
        source: PLACES_SOURCE,
        filter: ["==", ["get", "level"], "sigungu"],
        // From 7: where results land when they span a few provinces (/match, a regional search).
        minzoom: 7,
        layout: {
          "text-field": ["get", "nameKo"],
          "text-size": ["interpolate", ["linear"], ["zoom"], 7, 11, 12, 14],
          ...LABEL_PLACEMENT,
        },
        paint: LABEL_HALO,
      },
    ],
  };
}

/** Layers whose text follows the page language: the offline basemap's place names and the region names over it. */
export const LABEL_LAYERS = ["place-eupmyeondong", "place-sigungu", REGION_LABELS_LAYER] as const;

export function regionLabelLayer(textField: "nameKo" | "nameEn"): LayerSpecification {
  return {
    id: REGION_LABELS_LAYER,
    type: "symbol",
    source: REGION_LABELS_SOURCE,
    maxzoom: 10,
    layout: {
      "text-field": ["get", textField],
      "text-size": ["interpolate", ["linear"], ["zoom"], 5, 12, 9, 15],
      ...LABEL_PLACEMENT,
    },
    paint: { "text-color": "#1e2124", "text-halo-color": "#ffffff", "text-halo-width": 1.8 },
  };
}

/** Three layers per kind: clusters, their counts, and single points. */
export function facilityLayers(kind: FacilityKind): LayerSpecification[] {
  const ids = facilityLayerIds(kind);
  const source = facilitySourceId(kind);
  const color = KIND_COLORS[kind];
  return [
    // Invisible, but placed before every label beneath it, so no label sits under a marker.
    {
      id: ids.space,
      type: "symbol",
      source,
      layout: {
        "icon-image": MARKER_SPACE_IMAGE,
        "icon-allow-overlap": true,
        "icon-ignore-placement": false,
        "icon-size": ["case", ["has", "point_count"], 1.6, 1],
      },
    },
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

/**
 * Colour ramps of the gaps map, orange for firms left out and blue for coverage: told apart with
 * any common colour-vision deficiency (no red against green). The legend draws the same stops.
 */
export const GAP_HEXAGON_RAMP = ["#fee391", "#fe9929", "#993404"] as const;
export const COVERAGE_RAMP = ["#f7fbff", "#6baed6", "#08519c"] as const;

/** Province fill by coverage ratio: pale where few firms are covered, deep blue where most are. */
export function coverageChoroplethLayers(): LayerSpecification[] {
  return [
    {
      id: "gap-provinces-fill",
      type: "fill",
      source: GAP_PROVINCES_SOURCE,
      filter: ["has", "coverageRatio"],
      paint: {
        "fill-color": [
          "interpolate",
          ["linear"],
          ["get", "coverageRatio"],
          0,
          COVERAGE_RAMP[0],
          0.5,
          COVERAGE_RAMP[1],
          1,
          COVERAGE_RAMP[2],
        ],
        "fill-opacity": 0.55,
      },
    },
    {
      id: "gap-provinces-line",
      type: "line",
      source: GAP_PROVINCES_SOURCE,
      paint: { "line-color": "#868e96", "line-width": 0.8 },
    },
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
        "fill-color": [
          "interpolate",
          ["linear"],
          ["get", "share"],
          0,
          GAP_HEXAGON_RAMP[0],
          0.5,
          GAP_HEXAGON_RAMP[1],
          1,
          GAP_HEXAGON_RAMP[2],
        ],
        "fill-opacity": 0.8,
      },
    },
    {
      id: "gap-hexagons-line",
      type: "line",
      source: GAP_HEXAGONS_SOURCE,
      paint: { "line-color": "#662506", "line-width": 0.6 },
    },
  ];
}

export const GAP_DEMAND_SOURCE = "gap-demand";

/** Unmet requests for help per region, as circles at the label point sized by the count (suppressed regions are not in the data). */
export function demandLayers(): LayerSpecification[] {
  return [
    {
      id: "gap-demand-circles",
      type: "circle",
      source: GAP_DEMAND_SOURCE,
      paint: {
        "circle-color": "#5f3dc4",
        "circle-opacity": 0.55,
        "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "share"]], 0, 6, 1, 28],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.5,
      },
    },
  ];
}

export const NEAR_SOURCE = "near";
export const HIGHLIGHT_SOURCE = "highlight";

/** The search point and its radius, under the facilities: black and white, a style no facility kind uses. */
export function nearLayers(): LayerSpecification[] {
  return [
    {
      id: "near-area",
      type: "fill",
      source: NEAR_SOURCE,
      filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": "#1e2124", "fill-opacity": 0.06 },
    },
    {
      id: "near-edge",
      type: "line",
      source: NEAR_SOURCE,
      filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "line-color": "#1e2124", "line-width": 1.5, "line-dasharray": [3, 2] },
    },
    {
      id: "near-halo",
      type: "circle",
      source: NEAR_SOURCE,
      filter: ["==", ["geometry-type"], "Point"],
      paint: {
        "circle-color": "#ffffff",
        "circle-radius": 11,
        "circle-stroke-color": "#1e2124",
        "circle-stroke-width": 3,
      },
    },
    {
      id: "near-point",
      type: "circle",
      source: NEAR_SOURCE,
      filter: ["==", ["geometry-type"], "Point"],
      paint: { "circle-color": "#1e2124", "circle-radius": 4 },
    },
  ];
}

/** A ring around the listing the pointer is on in the result list, drawn even when its point is clustered. */
export function highlightLayer(): LayerSpecification {
  return {
    id: "highlight-ring",
    type: "circle",
    source: HIGHLIGHT_SOURCE,
    paint: {
      "circle-color": "rgba(0,0,0,0)",
      "circle-radius": 13,
      "circle-stroke-color": "#212529",
      "circle-stroke-width": 3,
    },
  };
}
