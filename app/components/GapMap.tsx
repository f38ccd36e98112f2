import type { FeatureCollection } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { nameKey, type Lang, type Translate } from "~/i18n";
import type { BasemapChoice } from "~/map/basemap";
import { regionLabelCollection } from "~/map/features";
import {
  COUNTRY_VIEW,
  coverageChoroplethLayers,
  demandLayers,
  gapHexagonLayers,
  GAP_DEMAND_SOURCE,
  GAP_HEXAGONS_SOURCE,
  GAP_PROVINCES_SOURCE,
  regionLabelLayer,
  REGION_LABELS_SOURCE,
} from "~/map/style";
import type { MapOverlay } from "~/map/useMapLibre";
import { ClusterMap } from "./ClusterMap";
import type { RegionLabel } from "./FacilityMap";

export interface GapMapProps {
  /** The hotspots with their hexagons (shaped on the server). */
  hotspots: { h3: string; smes: number; polygon: GeoJSON.Polygon }[];
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

function hexagonCollection(hotspots: GapMapProps["hotspots"]): FeatureCollection {
  const most = Math.max(1, ...hotspots.map((spot) => spot.smes));
  return {
    type: "FeatureCollection",
    features: hotspots.map((spot) => ({
      type: "Feature",
      geometry: spot.polygon,
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

/** The province boundaries at `url`: undefined while they load, null without a URL or when they cannot be read. */
function useProvinces(url: string | undefined): FeatureCollection | null | undefined {
  const [fetched, setFetched] = useState<{ url: string; provinces: FeatureCollection | null } | null>(null);
  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<FeatureCollection>) : null))
      .catch((error: unknown) => {
        console.warn("map provinces:", error);
        return null;
      })
      .then((provinces) => {
        if (!cancelled) setFetched({ url, provinces });
      });
    return () => {
      cancelled = true;
    };
  }, [url]);
  if (!url) return null;
  return fetched?.url === url ? fetched.provinces : undefined;
}

/**
 * Hexagons of firms without fitting support within the radius, over a province choropleth of
 * coverage when boundaries are loaded, and unmet requests for help over both: a ClusterMap whose
 * region's data attributes say what is drawn.
 */
export function GapMap({ hotspots, coverage, regions, lang, t, basemap, provincesUrl, focus, demand }: GapMapProps) {
  const provinces = useProvinces(provincesUrl);
  const provinceData = useMemo(() => (provinces ? choropleth(provinces, coverage) : null), [provinces, coverage]);
  const hexagonData = useMemo(() => hexagonCollection(hotspots), [hotspots]);
  const demandData = useMemo(() => demandCollection(demand ?? []), [demand]);
  const regionData = useMemo(() => regionLabelCollection(regions), [regions]);
  // The map waits for the boundaries, so the choropleth is there when it says it has loaded.
  const overlays = useMemo<MapOverlay[] | null>(
    () =>
      provinces === undefined
        ? null
        : [
            ...(provinceData
              ? [
                  {
                    source: GAP_PROVINCES_SOURCE,
                    data: provinceData,
                    layers: coverageChoroplethLayers(),
                    legend: { label: t("gapsLegendProvinces"), low: t("gapsLegendLow"), high: t("gapsLegendHigh") },
                  },
                ]
              : []),
            {
              source: GAP_HEXAGONS_SOURCE,
              data: hexagonData,
              layers: gapHexagonLayers(),
              legend: {
                label: t("gapsLegendHexagons"),
                low: t("gapsLegendFew"),
                high: t("gapsLegendMany"),
                note: t("gapsMapLegend"),
              },
            },
            {
              source: GAP_DEMAND_SOURCE,
              data: demandData,
              layers: demandLayers(),
              legend: demandData.features.length > 0 ? { label: t("demandMapLegend") } : undefined,
            },
            { source: REGION_LABELS_SOURCE, data: regionData, layers: [regionLabelLayer(nameKey(lang))] },
          ],
    [provinces, provinceData, hexagonData, demandData, regionData, lang, t],
  );

  return (
    <ClusterMap
      label={t("gapsMapTitle")}
      testId="gap-map"
      legend={{ title: t("legend"), testId: "gap-legend" }}
      basemap={basemap}
      view={focus ? { center: focus, zoom: REGION_ZOOM } : COUNTRY_VIEW}
      maxZoom={12}
      overlays={overlays}
      facts={{
        "data-hexagons": hotspots.length,
        "data-demand-regions": demand?.length ?? 0,
        "data-choropleth": provinceData ? "drawn" : "none",
      }}
    />
  );
}
