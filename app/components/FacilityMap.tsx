import type { Feature, FeatureCollection } from "geojson";
import type { GeoJSONSource, MapGeoJSONFeature, Map as MapLibreMap, Popup } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { FacilityKind } from "~/domain/types";
import { nameKey, type Lang, type Translate } from "~/i18n";
import type { BasemapChoice } from "~/map/basemap";
import { circlePolygon, circleRing, facilityCollection, regionLabelCollection, type MapFacility } from "~/map/features";
import {
  COUNTRY_VIEW,
  facilityLayerIds,
  facilityLayers,
  facilitySourceId,
  highlightLayer,
  HIGHLIGHT_SOURCE,
  NEAR_SOURCE,
  nearLayers,
  regionLabelLayer,
  REGION_LABELS_SOURCE,
  type MapView,
} from "~/map/style";
import type { MapLibre, MapOverlay } from "~/map/useMapLibre";
import { ClusterMap, useLoadedMap } from "./ClusterMap";
import type { LegendToggle } from "./MapLegend";

export interface RegionLabel {
  code: string;
  nameKo: string;
  nameEn: string;
  labelPoint: [number, number];
}

type NearPoint = { lat: number; lng: number; radiusKm?: number };

export interface FacilityMapProps {
  facilities: MapFacility[];
  kinds: FacilityKind[];
  visibleKinds: FacilityKind[];
  regions: RegionLabel[];
  lang: Lang;
  t: Translate;
  /** What to draw beneath the facilities; the offline basemap unless configured otherwise. */
  basemap?: BasemapChoice;
  /** Centre and zoom for a single facility (facility pages); a new value moves the map there. */
  focus?: { lng: number; lat: number; zoom: number };
  interactive?: boolean;
  /** The facility to fly to and open, e.g. chosen in the list. */
  selectedId?: string | null;
  /** The facility to ring, e.g. the one under the pointer in the list. */
  highlightedId?: string | null;
  /** A search point, with its radius when one is set. */
  near?: NearPoint | null;
  /** While true, a click on the map picks a point instead of opening a popup. */
  picking?: boolean;
  onPickPoint?: (point: { lat: number; lng: number }) => void;
  /** Frame the facilities (and the search point) whenever they change. */
  fitToFacilities?: boolean;
  /** Legend entries that show and hide their kinds (the map page). */
  legendToggle?: LegendToggle;
  className?: string;
}

/** Framing results stops at district level, where the offline basemap still names the 읍면동 around them. */
const FIT_MAX_ZOOM = 12;
const CLUSTERING = { cluster: true, clusterRadius: 36, clusterMaxZoom: 9, promoteId: "id" } as const;

/**
 * Facilities by kind over the region names, with the search point and the highlighted listing:
 * a ClusterMap whose region carries `data-drawn-facilities`, the facilities on screen.
 */
export function FacilityMap(props: FacilityMapProps) {
  const { facilities, kinds, visibleKinds, regions, lang, t, basemap, focus, interactive = true } = props;
  const { selectedId = null, highlightedId, near, picking = false, onPickPoint, fitToFacilities = false } = props;
  const { legendToggle } = props;
  const [drawn, setDrawn] = useState(0);

  // The search point is compared by value: a new object with the same place neither redraws nor moves the map.
  const [nearLat, nearLng, nearRadiusKm] = [near?.lat, near?.lng, near?.radiusKm];
  const nearPoint = useMemo(
    () =>
      nearLat === undefined || nearLng === undefined ? null : { lat: nearLat, lng: nearLng, radiusKm: nearRadiusKm },
    [nearLat, nearLng, nearRadiusKm],
  );
  const byKind = useMemo(
    () =>
      kinds.map((kind) => {
        const ofKind = facilities.filter((f) => f.kind === kind);
        return { kind, count: ofKind.length, data: facilityCollection(ofKind) };
      }),
    [facilities, kinds],
  );
  const regionData = useMemo(() => regionLabelCollection(regions), [regions]);
  const nearData = useMemo(() => nearCollection(nearPoint), [nearPoint]);
  const highlighted = highlightedId ? facilities.find((f) => f.id === highlightedId) : undefined;
  const highlightData = useMemo(() => facilityCollection(highlighted ? [highlighted] : []), [highlighted]);
  const overlays = useMemo<MapOverlay[]>(
    () => [
      { source: REGION_LABELS_SOURCE, data: regionData, layers: [regionLabelLayer(nameKey(lang))] },
      {
        source: NEAR_SOURCE,
        data: nearData,
        layers: nearLayers(),
        legend: nearPoint ? { label: t("legendOwnPoint") } : undefined,
      },
      ...byKind.map(({ kind, count, data }) => ({
        source: facilitySourceId(kind),
        data,
        sourceOptions: CLUSTERING,
        layers: facilityLayers(kind),
        hidden: !visibleKinds.includes(kind),
        // A kind with nothing on the map has no entry, unless the legend is where it is switched back on.
        legend:
          count > 0 || legendToggle
            ? { label: `${t.label("facilityKind", kind)} (${t.format.number(count)})`, value: kind }
            : undefined,
      })),
      { source: HIGHLIGHT_SOURCE, data: highlightData, layers: [highlightLayer()] },
    ],
    [regionData, nearData, nearPoint, byKind, visibleKinds, highlightData, lang, t, legendToggle],
  );
  const view: MapView = focus ? { center: [focus.lng, focus.lat], zoom: focus.zoom } : COUNTRY_VIEW;

  return (
    <ClusterMap
      label={t("mapLabel")}
      testId="facility-map"
      legend={{ title: t("legend"), testId: "facility-legend", toggle: legendToggle }}
      basemap={basemap}
      view={view}
      maxZoom={16}
      interactive={interactive}
      overlays={overlays}
      picking={picking}
      onPickPoint={onPickPoint}
      facts={{ "data-drawn-facilities": drawn }}
      className={props.className}
    >
      <FacilityMapEvents
        {...{ facilities, kinds, lang, t, interactive, picking, selectedId, nearPoint, fitToFacilities }}
        onDrawn={setDrawn}
      />
    </ClusterMap>
  );
}

interface FacilityMapEventsProps {
  facilities: MapFacility[];
  kinds: FacilityKind[];
  lang: Lang;
  t: Translate;
  interactive: boolean;
  picking: boolean;
  selectedId: string | null;
  nearPoint: NearPoint | null;
  fitToFacilities: boolean;
  onDrawn: (count: number) => void;
}

/** Popups, cluster zooming, the count of facilities drawn and the camera moves that follow the results. */
function FacilityMapEvents(props: FacilityMapEventsProps) {
  const { facilities, kinds, lang, t, interactive, picking, selectedId, nearPoint, fitToFacilities, onDrawn } = props;
  const loaded = useLoadedMap();
  const popup = useRef<Popup | null>(null);
  const framed = useRef<{ map: MapLibreMap; facilities: MapFacility[] } | null>(null);

  useEffect(() => {
    if (!loaded) return;
    // Said at once: the idle that shows every facility also starts the boundary polygons' decoding,
    // which would otherwise hold the count back until after it.
    const count = () => flushSync(() => onDrawn(countDrawn(loaded.map, kinds)));
    const idle = loaded.map.on("idle", count);
    return () => idle.unsubscribe();
  }, [loaded, kinds, onDrawn]);

  useEffect(() => {
    if (!loaded || !interactive || picking) return;
    const { map, maplibregl } = loaded;
    // One handler over every kind's points: facilities of several kinds can share a point (two
    // offices in one building, or two area centroids), and the popup lists them all.
    const pointLayers = kinds.map((kind) => facilityLayerIds(kind).points);
    const pointClicks = map.on("click", pointLayers, (event) => {
      const here = uniqueFacilities((event.features ?? []).map(facilityOf));
      if (here.length > 0) popup.current = openPopup(maplibregl, map, here, lang, t, popup.current);
    });
    const subscriptions = kinds.flatMap((kind) => {
      const ids = facilityLayerIds(kind);
      return [
        map.on("click", ids.clusters, (event) => {
          const feature = event.features?.[0];
          if (!feature) return;
          const source = map.getSource(facilitySourceId(kind)) as GeoJSONSource;
          void source.getClusterExpansionZoom(feature.properties.cluster_id as number).then((zoom) => {
            map.easeTo({ center: (feature.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
          });
        }),
        ...[ids.points, ids.clusters].flatMap((layer) => [
          map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer")),
          map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = "")),
        ]),
      ];
    });
    return () => [pointClicks, ...subscriptions].forEach((subscription) => subscription.unsubscribe());
  }, [loaded, interactive, picking, kinds, lang, t]);

  // Framing follows new results, not a new search point alone (picking one must not move the map).
  useEffect(() => {
    if (!loaded || !fitToFacilities || facilities.length === 0) return;
    if (framed.current?.map === loaded.map && framed.current.facilities === facilities) return;
    framed.current = { map: loaded.map, facilities };
    const points = [...facilities, ...(nearPoint ? [nearPoint] : [])];
    loaded.map.fitBounds(boundsOf(points.map((p): [number, number] => [p.lng, p.lat])), {
      padding: 50,
      maxZoom: FIT_MAX_ZOOM,
      duration: 0,
    });
  }, [loaded, facilities, fitToFacilities, nearPoint]);

  useEffect(() => {
    if (!loaded || !nearPoint?.radiusKm) return;
    loaded.map.fitBounds(boundsOf(circleRing(nearPoint, nearPoint.radiusKm)), {
      padding: 40,
      maxZoom: 11,
      duration: 600,
    });
  }, [loaded, nearPoint]);

  useEffect(() => {
    if (!loaded || !selectedId) return;
    const facility = facilities.find((f) => f.id === selectedId);
    if (!facility) return;
    const { map, maplibregl } = loaded;
    map.flyTo({ center: [facility.lng, facility.lat], zoom: Math.max(map.getZoom(), 10) });
    popup.current = openPopup(maplibregl, map, [facility], lang, t, popup.current);
  }, [loaded, selectedId, facilities, lang, t]);

  useEffect(() => {
    if (!loaded) return;
    const popups = popup;
    return () => {
      popups.current?.remove();
    };
  }, [loaded]);

  return null;
}

function boundsOf(points: [number, number][]): [number, number, number, number] {
  const lngs = points.map(([lng]) => lng);
  const lats = points.map(([, lat]) => lat);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

function nearCollection(near: NearPoint | null): FeatureCollection {
  if (!near) return { type: "FeatureCollection", features: [] };
  const point: Feature = {
    type: "Feature",
    geometry: { type: "Point", coordinates: [near.lng, near.lat] },
    properties: {},
  };
  return { type: "FeatureCollection", features: near.radiusKm ? [circlePolygon(near, near.radiusKm), point] : [point] };
}

/** Facilities drawn on screen, counting each cluster's members. */
function countDrawn(map: MapLibreMap, kinds: FacilityKind[]): number {
  const layers = kinds
    .flatMap((kind) => {
      const ids = facilityLayerIds(kind);
      return [ids.points, ids.clusters];
    })
    .filter((id) => map.getLayer(id));
  const seen = new Set<string>();
  let total = 0;
  for (const feature of map.queryRenderedFeatures({ layers })) {
    const key =
      feature.properties.cluster_id !== undefined
        ? `${feature.source}:c${feature.properties.cluster_id}`
        : `${feature.source}:${feature.properties.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    total += feature.properties.point_count !== undefined ? Number(feature.properties.point_count) : 1;
  }
  return total;
}

/** The facility a clicked point stands for, from its feature properties (GeoJSON sources flatten objects to JSON). */
function facilityOf(feature: MapGeoJSONFeature): MapFacility | null {
  const p = feature.properties as Record<string, unknown>;
  const anchor = typeof p.anchorGroup === "string" ? (JSON.parse(p.anchorGroup) as MapFacility["anchorGroup"]) : null;
  const [lng, lat] = (feature.geometry as GeoJSON.Point).coordinates;
  if (lng === undefined || lat === undefined) return null;
  return {
    id: String(p.id),
    kind: String(p.kind),
    nameKo: String(p.nameKo),
    nameEn: String(p.nameEn),
    regionCode: String(p.regionCode),
    lat,
    lng,
    precision: String(p.precision),
    anchorGroup: anchor,
    sectors: [],
  };
}

function uniqueFacilities(found: readonly (MapFacility | null)[]): MapFacility[] {
  const byId = new Map<string, MapFacility>();
  for (const facility of found) if (facility && !byId.has(facility.id)) byId.set(facility.id, facility);
  return [...byId.values()];
}

/**
 * A popup built from DOM nodes, so listing text is always inert; it lists every facility at the
 * clicked point and replaces the one open.
 */
function openPopup(
  maplibregl: MapLibre,
  map: MapLibreMap,
  facilities: readonly MapFacility[],
  lang: Lang,
  t: Translate,
  open: Popup | null,
): Popup {
  const body = document.createElement("ul");
  body.className = "popup";
  for (const facility of facilities) {
    const entry = document.createElement("li");
    const title = document.createElement("strong");
    title.textContent = t.nameOf(facility);
    const kind = document.createElement("div");
    kind.textContent = t.label("facilityKind", facility.kind);
    entry.append(title, kind);
    if (facility.anchorGroup) {
      const anchor = document.createElement("div");
      anchor.textContent = `${t("anchorGroup")}: ${t.nameOf(facility.anchorGroup)}`;
      entry.append(anchor);
    }
    const link = document.createElement("a");
    link.href = `/facilities/${encodeURIComponent(facility.id)}${lang === "en" ? "?lang=en" : ""}`;
    link.textContent = t("openPage");
    entry.append(link);
    body.append(entry);
  }
  const [first] = facilities;
  open?.remove();
  return new maplibregl.Popup({ offset: 10, maxWidth: "280px" })
    .setLngLat([first!.lng, first!.lat])
    .setDOMContent(body)
    .addTo(map);
}
