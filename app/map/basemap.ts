import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type * as MapLibreModule from "maplibre-gl";
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, StyleSpecification } from "maplibre-gl";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { nameKey, type Lang } from "~/i18n";
import { BOUNDARIES_SOURCE, MARKER_SPACE_IMAGE, MARKER_SPACE_PIXELS, LABEL_LAYERS, offlineStyle } from "./style";

export const BASEMAP_URLS = {
  land: "/map/land.json",
  places: "/map/places.json",
  boundaries: "/map/boundaries.json",
} as const;

/**
 * What the maps draw beneath the facilities: the offline basemap built in code (the default, no
 * request leaves the app), any MapLibre style (MAP_STYLE_URL), or a self-hosted Protomaps
 * PMTiles archive with its fonts and sprites (MAP_PMTILES_URL, MAP_ASSETS_URL).
 */
export type BasemapChoice =
  { kind: "offline" } | { kind: "style"; url: string } | { kind: "pmtiles"; archiveUrl: string; assetsUrl: string };

export const PROTOMAPS_SOURCE = "protomaps";

/** A Protomaps "light" style over a PMTiles archive, labels in the page language. */
export function protomapsStyle(
  choice: { archiveUrl: string; assetsUrl: string },
  lang: Lang,
  basemapLayers: (source: string, lang: Lang) => LayerSpecification[],
): StyleSpecification {
  const assets = choice.assetsUrl.replace(/\/+$/, "");
  return {
    version: 8,
    glyphs: `${assets}/fonts/{fontstack}/{range}.pbf`,
    sprite: `${assets}/sprites/v4/light`,
    sources: {
      [PROTOMAPS_SOURCE]: {
        type: "vector",
        url: `pmtiles://${choice.archiveUrl}`,
        attribution: "© OpenStreetMap contributors, Protomaps",
      },
    },
    layers: basemapLayers(PROTOMAPS_SOURCE, lang),
  };
}

let pmtilesRegistered = false;

/** The style for a choice; the PMTiles reader and the Protomaps layers load only when that basemap is chosen. */
export async function basemapStyle(
  choice: BasemapChoice,
  lang: Lang,
  maplibregl: typeof MapLibreModule,
): Promise<StyleSpecification | string> {
  if (choice.kind === "style") return choice.url;
  if (choice.kind === "pmtiles") {
    const [{ Protocol }, { layers, namedFlavor }] = await Promise.all([
      import("pmtiles"),
      import("@protomaps/basemaps"),
    ]);
    if (!pmtilesRegistered) {
      maplibregl.addProtocol("pmtiles", new Protocol().tile);
      pmtilesRegistered = true;
    }
    return protomapsStyle(
      choice,
      lang,
      (source, language) => layers(source, namedFlavor("light"), { lang: language }) as LayerSpecification[],
    );
  }
  return offlineStyle({
    land: new URL(BASEMAP_URLS.land, window.location.href).href,
    places: new URL(BASEMAP_URLS.places, window.location.href).href,
  });
}

type BoundaryProperties = { code?: string; code_adm?: string; name_ko: string; name_en: string };
type BoundaryTopology = Topology<{
  sigungu: GeometryCollection<BoundaryProperties>;
  provinces: GeometryCollection<BoundaryProperties>;
}>;

/** Province and 시군구 polygons from the derived TopoJSON (about a third of the bytes of the same GeoJSON). */
export function boundaryCollection(
  topology: BoundaryTopology,
): FeatureCollection<Polygon | MultiPolygon, { level: string; code: string; nameKo: string; nameEn: string }> {
  const features = (["sigungu", "provinces"] as const).flatMap((object) => {
    const level = object === "sigungu" ? "sigungu" : "province";
    const collection = feature(topology, topology.objects[object]) as FeatureCollection<
      Polygon | MultiPolygon,
      BoundaryProperties
    >;
    return collection.features.map((f) => ({
      ...f,
      properties: {
        level,
        code: f.properties.code ?? f.properties.code_adm ?? "",
        nameKo: f.properties.name_ko,
        nameEn: f.properties.name_en,
      },
    }));
  });
  return { type: "FeatureCollection", features };
}

/**
 * The offline basemap's boundaries as fetched (TopoJSON, decoded only when they are drawn), or
 * null when they cannot be read (the map is drawn without them).
 */
export function fetchBoundaries(): Promise<BoundaryTopology | null> {
  return fetch(BASEMAP_URLS.boundaries)
    .then((response) => (response.ok ? (response.json() as Promise<BoundaryTopology>) : null))
    .catch((error: unknown) => {
      console.warn("map boundaries:", error);
      return null;
    });
}

/** What every map does once its style has loaded: the marker-sized space image and the boundary polygons. */
export function prepareBasemap(
  map: MapLibreMap,
  lang: Lang,
  boundaries: ReturnType<typeof fetchBoundaries> | null,
): void {
  if (!map.hasImage(MARKER_SPACE_IMAGE)) {
    map.addImage(MARKER_SPACE_IMAGE, {
      width: MARKER_SPACE_PIXELS,
      height: MARKER_SPACE_PIXELS,
      data: new Uint8Array(MARKER_SPACE_PIXELS * MARKER_SPACE_PIXELS * 4),
    });
  }
  setLabelLanguage(map, lang);
  const source = map.getSource(BOUNDARIES_SOURCE) as GeoJSONSource | undefined;
  if (!source || !boundaries) return;
  // Drawn once the map is first idle: decoding and tiling 270 KB of polygons before that would
  // hold back the land and the facilities, which are what a visitor came for.
  map.once("idle", () => {
    void boundaries.then((topology) => {
      if (topology) source.setData(boundaryCollection(topology));
    });
  });
}

export function setLabelLanguage(map: MapLibreMap, lang: Lang): void {
  for (const layer of LABEL_LAYERS)
    if (map.getLayer(layer)) map.setLayoutProperty(layer, "text-field", ["get", nameKey(lang)]);
}
