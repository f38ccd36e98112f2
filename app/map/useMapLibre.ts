import type { FeatureCollection } from "geojson";
import type * as MapLibreModule from "maplibre-gl";
import type { GeoJSONSource, GeoJSONSourceSpecification, LayerSpecification, Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useState, type RefObject } from "react";
import { flushSync } from "react-dom";
import type { Lang } from "~/i18n";
import type { OverlayLegend } from "./legend";
import { basemapStyle, fetchBoundaries, prepareBasemap, setLabelLanguage, type BasemapChoice } from "./basemap";
import maplibreBrowser from "./maplibre.client";
import type { MapView } from "./style";

export type MapLibre = typeof MapLibreModule;
export type MapState = "loading" | "loaded" | "failed";

/**
 * A GeoJSON source and the layers drawn from it. The map adds it when it first appears, calls
 * `setData` when `data` is a new object (so callers memoise it) and removes it when it is gone.
 */
export interface MapOverlay {
  source: string;
  data: FeatureCollection;
  /** Fixed when the source is added, e.g. clustering. */
  sourceOptions?: Omit<GeoJSONSourceSpecification, "type" | "data">;
  layers: LayerSpecification[];
  hidden?: boolean;
  /** Its entry in the map's legend, drawn with its own layers' colours; none for labels. */
  legend?: OverlayLegend;
}

/** A map whose style has loaded, with what it has drawn so far. */
export interface LoadedMap {
  map: MapLibreMap;
  maplibregl: MapLibre;
  /** The data and layer ids of each overlay source on the map. */
  drawn: Map<string, { data: FeatureCollection; layers: string[] }>;
  /** Where the map was last sent by `view`; user panning does not change it. */
  view: MapView;
}

export interface MapSettings {
  basemap: BasemapChoice;
  lang: Lang;
  /** Where the map opens; a view of another value later moves it there. */
  view: MapView;
  maxZoom: number;
  interactive: boolean;
  /** Overlays bottom first; null while their data is still on its way (the map stays "loading"). */
  overlays: MapOverlay[] | null;
}

/**
 * MapLibre is imported statically (a `.client` module: nothing on the server), so every page with a
 * map names it among its modulepreloads and the browser fetches it with the page's own scripts: it is
 * the largest script on the page and no map starts without it. Fetched after hydration, it used to
 * start some 600 ms after the HTML on the benchmark's page.
 */
const maplibre: MapLibre | undefined = maplibreBrowser;

/**
 * The one lifecycle of every map: MapLibre is loaded in the browser only, the map is created once
 * in `container` (basemap, interactivity and zoom limits come from the first settings), its overlays
 * and label language follow the settings, and it is removed on unmount.
 */
export function useMapLibre(
  container: RefObject<HTMLDivElement>,
  settings: MapSettings,
): { loaded: LoadedMap | null; state: MapState } {
  const { lang, view, overlays } = settings;
  const [creation] = useState(settings);
  const [loaded, setLoaded] = useState<LoadedMap | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | null = null;
    const { basemap, lang: firstLang, view: firstView, maxZoom, interactive } = creation;
    // Under way while the style is made and loads; drawn as soon as both are there.
    const boundaries = basemap.kind === "offline" ? fetchBoundaries() : null;
    Promise.resolve(maplibre)
      .then(async (maplibregl) => {
        if (!maplibregl) throw new Error("MapLibre did not load");
        const style = await basemapStyle(basemap, firstLang, maplibregl);
        if (cancelled || !container.current) return;
        const created = new maplibregl.Map({
          container: container.current,
          style,
          center: firstView.center,
          zoom: firstView.zoom,
          minZoom: 4,
          maxZoom,
          interactive,
          // The offline basemap is credited in the page; a third-party one on the map itself.
          attributionControl: basemap.kind === "offline" ? false : { compact: true },
          cooperativeGestures: false,
        });
        map = created;
        if (interactive) created.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
        created.on("error", (event) => console.warn("map:", event.error?.message));
        created.once("load", () => {
          prepareBasemap(created, firstLang, boundaries);
          // Rendered at once, so the overlays' effects add them in the load's own task, before
          // MapLibre's next frame, instead of whenever React's scheduler gets to a busy main thread.
          flushSync(() => setLoaded({ map: created, maplibregl, drawn: new Map(), view: firstView }));
        });
      })
      .catch((error: unknown) => {
        console.warn("map failed to start:", error);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      map?.remove();
      setLoaded(null);
    };
  }, [container, creation]);

  useEffect(() => {
    if (loaded && overlays) drawOverlays(loaded, overlays);
  }, [loaded, overlays]);

  useEffect(() => {
    if (loaded) setLabelLanguage(loaded.map, lang);
  }, [loaded, lang]);

  // The view is compared by value: a new object with the same place does not move the map.
  const [lng, lat] = view.center;
  const zoom = view.zoom;
  useEffect(() => {
    if (!loaded) return;
    const [shownLng, shownLat] = loaded.view.center;
    if (shownLng === lng && shownLat === lat && loaded.view.zoom === zoom) return;
    loaded.view = { center: [lng, lat], zoom };
    loaded.map.easeTo({ center: [lng, lat], zoom });
  }, [loaded, lng, lat, zoom]);

  const state: MapState = failed ? "failed" : loaded && overlays ? "loaded" : "loading";
  return { loaded, state };
}

/** Brings the map's overlay sources and layers to `overlays`, keeping their order bottom first. */
function drawOverlays(loaded: LoadedMap, overlays: MapOverlay[]): void {
  const { map, drawn } = loaded;
  const wanted = new Set(overlays.map((overlay) => overlay.source));
  for (const [source, record] of drawn) {
    if (wanted.has(source)) continue;
    for (const layer of record.layers) map.removeLayer(layer);
    map.removeSource(source);
    drawn.delete(source);
  }
  overlays.forEach((overlay, index) => {
    const record = drawn.get(overlay.source);
    // An overlay with nothing to draw (no search point, nothing highlighted) is added once it has
    // something: an empty source still costs the worker a pass over every tile in view.
    if (!record && overlay.data.features.length === 0) return;
    if (!record) {
      map.addSource(overlay.source, { type: "geojson", data: overlay.data, ...overlay.sourceOptions });
      // An overlay that arrives late goes beneath the ones listed after it.
      const beneath = overlays
        .slice(index + 1)
        .map((later) => drawn.get(later.source)?.layers[0])
        .find((layer) => layer !== undefined);
      for (const layer of overlay.layers) map.addLayer(layer, beneath);
      drawn.set(overlay.source, { data: overlay.data, layers: overlay.layers.map((layer) => layer.id) });
    } else if (record.data !== overlay.data) {
      (map.getSource(overlay.source) as GeoJSONSource).setData(overlay.data);
      record.data = overlay.data;
    }
    for (const layer of overlay.layers)
      map.setLayoutProperty(layer.id, "visibility", overlay.hidden ? "none" : "visible");
  });
}
