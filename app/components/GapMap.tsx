import type { FeatureCollection } from "geojson";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import { nameKey, type Lang, type Translate } from "~/i18n";
import { hexagonPolygon } from "~/gaps/hexagon";
import { basemapStyle, prepareBasemap, type BasemapChoice } from "~/map/basemap";
import { regionLabelCollection } from "~/map/features";
import {
  coverageChoroplethLayers,
  demandLayers,
  gapHexagonLayers,
  GAP_DEMAND_SOURCE,
  GAP_HEXAGONS_SOURCE,
  GAP_PROVINCES_SOURCE,
  regionLabelLayer,
  REGION_LABELS_SOURCE,
} from "~/map/style";
import type { RegionLabel } from "./FacilityMap";

export interface GapMapProps {
  hotspots: { h3: string; smes: number; nearestKm: number | null }[];
  coverage: { regionCode: string; coverageRatio: number }[];
  regions: RegionLabel[];
  lang: Lang;
  t: Translate;
  /** What to draw beneath the figures; the offline basemap unless configured otherwise. */
  basemap?: BasemapChoice;
  /** Province boundaries, when imported: the choropleth is drawn only then. */
  provincesUrl?: string;
  /** The label point of the region drilled into; the whole country otherwise. */
  focus?: [number, number];
  /** Unmet requests for help per region (suppressed regions left out), drawn over the hexagons. */
  demand?: { regionCode: string; point: [number, number]; unmet: number }[];
}

const REGION_ZOOM = 8;
const COUNTRY_ZOOM = 5.6;

type MapState = "loading" | "loaded" | "failed";
const KOREA_CENTER: [number, number] = [127.8, 36.2];

function hexagonCollection(hotspots: GapMapProps["hotspots"]): FeatureCollection {
  const most = Math.max(1, ...hotspots.map((spot) => spot.smes));
  return {
    type: "FeatureCollection",
    features: hotspots.map((spot) => ({
      type: "Feature",
      geometry: hexagonPolygon(spot.h3),
      properties: { h3: spot.h3, smes: spot.smes, share: spot.smes / most },
    })),
  };
}

function demandCollection(demand: NonNullable<GapMapProps["demand"]>): FeatureCollection {
  const most = Math.max(1, ...demand.map((entry) => entry.unmet));
  return {
    type: "FeatureCollection",
    features: demand
      .filter((entry) => entry.unmet > 0)
      .map((entry) => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: entry.point },
        properties: { regionCode: entry.regionCode, unmet: entry.unmet, share: entry.unmet / most },
      })),
  };
}

function choropleth(provinces: FeatureCollection, coverage: GapMapProps["coverage"]): FeatureCollection {
  const ratios = new Map(coverage.map((entry) => [entry.regionCode, entry.coverageRatio]));
  return {
    type: "FeatureCollection",
    features: provinces.features.map((feature) => {
      const ratio = ratios.get(String(feature.properties?.regionCode));
      return {
        ...feature,
        properties: { ...feature.properties, ...(ratio === undefined ? {} : { coverageRatio: ratio }) },
      };
    }),
  };
}

/**
 * Hexagons of firms without fitting support within the radius, over a province choropleth of
 * coverage when boundaries are loaded. The container's data attributes say what is drawn.
 */
export function GapMap(props: GapMapProps) {
  const { hotspots, coverage, lang, t, focus, demand } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const provincesRef = useRef<FeatureCollection | null>(null);
  const [state, setState] = useState<MapState>("loading");
  const [choroplethDrawn, setChoroplethDrawn] = useState(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | null = null;
    // The map is created once, from the first props; later changes are applied by the effects below.
    const {
      basemap = { kind: "offline" },
      lang: firstLang,
      focus: firstFocus,
      provincesUrl: firstProvincesUrl,
    } = latest.current;
    void import("~/map/maplibre.client")
      .then(async ({ default: maplibregl }) => {
        const style = await basemapStyle(basemap, firstLang, maplibregl);
        if (cancelled || !container.current) return;
        const created = new maplibregl.Map({
          container: container.current,
          style,
          center: firstFocus ?? KOREA_CENTER,
          zoom: firstFocus ? REGION_ZOOM : COUNTRY_ZOOM,
          minZoom: 4,
          maxZoom: 12,
          attributionControl: false,
        });
        map = created;
        mapRef.current = created;
        created.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
        const provinces = firstProvincesUrl
          ? await fetch(firstProvincesUrl).then((response) =>
              response.ok ? (response.json() as Promise<FeatureCollection>) : null,
            )
          : null;
        provincesRef.current = provinces;
        const addLayers = () => {
          if (cancelled) return;
          const current = latest.current;
          prepareBasemap(created, current.lang);
          if (provinces) {
            created.addSource(GAP_PROVINCES_SOURCE, { type: "geojson", data: choropleth(provinces, current.coverage) });
            for (const layer of coverageChoroplethLayers()) created.addLayer(layer);
            setChoroplethDrawn(true);
          }
          created.addSource(GAP_HEXAGONS_SOURCE, { type: "geojson", data: hexagonCollection(current.hotspots) });
          for (const layer of gapHexagonLayers()) created.addLayer(layer);
          created.addSource(GAP_DEMAND_SOURCE, { type: "geojson", data: demandCollection(current.demand ?? []) });
          for (const layer of demandLayers()) created.addLayer(layer);
          created.addSource(REGION_LABELS_SOURCE, { type: "geojson", data: regionLabelCollection(current.regions) });
          created.addLayer(regionLabelLayer(nameKey(current.lang)));
          setState("loaded");
        };
        if (created.loaded()) addLayers();
        else created.once("load", addLayers);
      })
      .catch((error: unknown) => {
        console.warn("map failed to start:", error);
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    (map.getSource(GAP_HEXAGONS_SOURCE) as GeoJSONSource | undefined)?.setData(hexagonCollection(hotspots));
    (map.getSource(GAP_DEMAND_SOURCE) as GeoJSONSource | undefined)?.setData(demandCollection(demand ?? []));
    if (provincesRef.current)
      (map.getSource(GAP_PROVINCES_SOURCE) as GeoJSONSource | undefined)?.setData(
        choropleth(provincesRef.current, coverage),
      );
    if (map.getLayer("region-labels")) map.setLayoutProperty("region-labels", "text-field", ["get", nameKey(lang)]);
  }, [hotspots, coverage, demand, lang, state]);

  // The focus is compared by value: a new array with the same point does not move the map.
  const [focusLng, focusLat] = focus ?? [];
  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    const centre: [number, number] | null =
      focusLng === undefined || focusLat === undefined ? null : [focusLng, focusLat];
    map.easeTo({ center: centre ?? KOREA_CENTER, zoom: centre ? REGION_ZOOM : COUNTRY_ZOOM });
  }, [focusLng, focusLat, state]);

  return (
    <div className="map-frame">
      <div
        ref={container}
        className="map-canvas"
        role="region"
        aria-label={t("gapsMapTitle")}
        data-map-state={state}
        data-hexagons={hotspots.length}
        data-demand-regions={demand?.length ?? 0}
        data-choropleth={choroplethDrawn ? "drawn" : "none"}
        data-testid="gap-map"
      />
      {state === "loading" ? <p className="map-status">{t("mapLoading")}</p> : null}
      {state === "failed" ? <p className="map-status">{t("mapUnavailable")}</p> : null}
    </div>
  );
}
