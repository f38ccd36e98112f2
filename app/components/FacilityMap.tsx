import type { Feature, FeatureCollection } from "geojson";
import type * as MapLibreModule from "maplibre-gl";
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature, Popup } from "maplibre-gl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { FacilityKind } from "~/domain/types";
import { nameKey, type Lang, type Translate } from "~/i18n";
import { basemapStyle, prepareBasemap, setBasemapLanguage, type BasemapChoice } from "~/map/basemap";
import { circlePolygon, circleRing, facilityCollection, regionLabelCollection, type MapFacility } from "~/map/features";
import {
  facilityLayerIds,
  facilityLayers,
  facilitySourceId,
  highlightLayer,
  HIGHLIGHT_SOURCE,
  NEAR_SOURCE,
  nearLayers,
  regionLabelLayer,
  REGION_LABELS_SOURCE,
} from "~/map/style";

export interface RegionLabel {
  code: string;
  nameKo: string;
  nameEn: string;
  labelPoint: [number, number];
}

export interface FacilityMapProps {
  facilities: MapFacility[];
  kinds: FacilityKind[];
  visibleKinds: FacilityKind[];
  regions: RegionLabel[];
  lang: Lang;
  t: Translate;
  /** What to draw beneath the facilities; the offline basemap unless configured otherwise. */
  basemap?: BasemapChoice;
  /** Centre and zoom for a single facility (facility pages). */
  focus?: { lng: number; lat: number; zoom: number };
  interactive?: boolean;
  /** The facility to fly to and open, e.g. chosen in the list. */
  selectedId?: string | null;
  /** The facility to ring, e.g. the one under the pointer in the list. */
  highlightedId?: string | null;
  /** A search point, with its radius when one is set. */
  near?: { lat: number; lng: number; radiusKm?: number } | null;
  /** While true, a click on the map picks a point instead of opening a popup. */
  picking?: boolean;
  onPickPoint?: (point: { lat: number; lng: number }) => void;
  /** Frame the facilities (and the search point) whenever they change. */
  fitToFacilities?: boolean;
  className?: string;
}

const KOREA_CENTER: [number, number] = [127.8, 36.2];
const OFFLINE: BasemapChoice = { kind: "offline" };
/** Framing results stops at district level, where the offline basemap still names the 읍면동 around them. */
const FIT_MAX_ZOOM = 12;

/**
 * In the browser, MapLibre starts downloading as soon as this module is
 * evaluated, not after hydration and the first effect: it is the largest
 * script on the page and the map cannot start without it.
 */
const maplibreModule = typeof window === "undefined" ? null : import("~/map/maplibre.client");
const loadMaplibre = () => maplibreModule ?? import("~/map/maplibre.client");
type MapState = "loading" | "loaded" | "failed";

/**
 * MapLibre map of facilities, loaded in the browser only. The container carries
 * `data-map-state` and `data-drawn-facilities` so tests and assistive tools can
 * tell what the map is doing.
 */
export function FacilityMap(props: FacilityMapProps) {
  const { facilities, kinds, visibleKinds, lang, t, selectedId, highlightedId, near, picking, className } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const popupRef = useRef<Popup | null>(null);
  const [state, setState] = useState<MapState>("loading");
  const [drawn, setDrawn] = useState(0);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | null = null;
    // The map is created once, from the first props; later changes are applied by the effects below.
    const {
      basemap = OFFLINE,
      lang: firstLang,
      focus: firstFocus,
      interactive: isInteractive = true,
      kinds: allKinds,
    } = latest.current;
    const popups = popupRef;
    void loadMaplibre()
      .then(async ({ default: maplibregl }) => {
        const style = await basemapStyle(basemap, firstLang, maplibregl);
        if (cancelled || !container.current) return;
        const created = new maplibregl.Map({
          container: container.current,
          style,
          center: firstFocus ? [firstFocus.lng, firstFocus.lat] : KOREA_CENTER,
          zoom: firstFocus ? firstFocus.zoom : 5.6,
          minZoom: 4,
          maxZoom: 16,
          interactive: isInteractive,
          attributionControl: false,
          cooperativeGestures: false,
        });
        map = created;
        mapRef.current = created;
        if (isInteractive) created.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
        created.on("error", (event) => console.warn("map:", event.error?.message));
        created.on("load", () => {
          prepareBasemap(created, latest.current.lang);
          addOverlays(created, latest.current);
          setState("loaded");
          const count = () => setDrawn(countDrawn(created, latest.current.kinds));
          created.on("idle", count);
        });
        if (isInteractive) {
          created.on("click", (event) => {
            if (latest.current.picking) latest.current.onPickPoint?.({ lat: event.lngLat.lat, lng: event.lngLat.lng });
          });
          for (const kind of allKinds) {
            const ids = facilityLayerIds(kind);
            created.on("click", ids.points, (event) => {
              if (latest.current.picking) return;
              const feature = event.features?.[0];
              if (feature) openPopup(maplibregl, created, feature, latest.current, popupRef);
            });
            created.on("click", ids.clusters, (event) => {
              if (latest.current.picking) return;
              const feature = event.features?.[0];
              if (!feature) return;
              const source = created.getSource(facilitySourceId(kind)) as GeoJSONSource;
              void source.getClusterExpansionZoom(feature.properties.cluster_id as number).then((zoom) => {
                created.easeTo({ center: (feature.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
              });
            });
            for (const layer of [ids.points, ids.clusters]) {
              created.on("mouseenter", layer, () => (created.getCanvas().style.cursor = "pointer"));
              created.on("mouseleave", layer, () => (created.getCanvas().style.cursor = ""));
            }
          }
        }
      })
      .catch((error: unknown) => {
        console.warn("map failed to start:", error);
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
      popups.current?.remove();
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    for (const kind of kinds) {
      const visibility = visibleKinds.includes(kind) ? "visible" : "none";
      for (const layer of Object.values(facilityLayerIds(kind)))
        if (map.getLayer(layer)) map.setLayoutProperty(layer, "visibility", visibility);
    }
  }, [kinds, visibleKinds, state]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    for (const kind of kinds) {
      const source = map.getSource(facilitySourceId(kind)) as GeoJSONSource | undefined;
      source?.setData(facilityCollection(facilities.filter((f) => f.kind === kind)));
    }
    if (latest.current.fitToFacilities && facilities.length > 0) {
      const points = [...facilities, ...(latest.current.near ? [latest.current.near] : [])];
      const lngs = points.map((p) => p.lng);
      const lats = points.map((p) => p.lat);
      map.fitBounds([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)], {
        padding: 50,
        maxZoom: FIT_MAX_ZOOM,
        duration: 0,
      });
    }
    if (map.getLayer("region-labels")) map.setLayoutProperty("region-labels", "text-field", ["get", nameKey(lang)]);
    setBasemapLanguage(map, lang);
  }, [facilities, kinds, lang, state]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    const facility = highlightedId ? facilities.find((f) => f.id === highlightedId) : undefined;
    (map.getSource(HIGHLIGHT_SOURCE) as GeoJSONSource | undefined)?.setData(
      facilityCollection(facility ? [facility] : []),
    );
  }, [highlightedId, facilities, state]);

  // The search point is compared by value: a new object with the same place does not move the map.
  const [nearLat, nearLng, nearRadiusKm] = [near?.lat, near?.lng, near?.radiusKm];
  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    const point =
      nearLat === undefined || nearLng === undefined ? null : { lat: nearLat, lng: nearLng, radiusKm: nearRadiusKm };
    (map.getSource(NEAR_SOURCE) as GeoJSONSource | undefined)?.setData(nearCollection(point));
    if (point?.radiusKm) {
      const ring = circleRing(point, point.radiusKm);
      const lngs = ring.map(([lng]) => lng);
      const lats = ring.map(([, lat]) => lat);
      map.fitBounds([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)], {
        padding: 40,
        maxZoom: 11,
        duration: 600,
      });
    }
  }, [nearLat, nearLng, nearRadiusKm, state]);

  useEffect(() => {
    const map = mapRef.current;
    if (map) map.getCanvas().style.cursor = picking ? "crosshair" : "";
  }, [picking, state]);

  const pickCentre = useCallback(() => {
    const centre = mapRef.current?.getCenter();
    if (centre) latest.current.onPickPoint?.({ lat: centre.lat, lng: centre.lng });
  }, []);

  // With the keyboard: arrow keys move the focused map (MapLibre's own), Enter picks the point under the crosshair.
  useEffect(() => {
    const canvas = mapRef.current?.getCanvas();
    if (!canvas || !picking || state !== "loaded") return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      pickCentre();
    };
    canvas.addEventListener("keydown", onKey);
    return () => canvas.removeEventListener("keydown", onKey);
  }, [picking, state, pickCentre]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded" || !selectedId) return;
    const facility = facilities.find((f) => f.id === selectedId);
    if (!facility) return;
    map.flyTo({ center: [facility.lng, facility.lat], zoom: Math.max(map.getZoom(), 10) });
    void loadMaplibre().then(({ default: maplibregl }) => {
      openPopupFor(maplibregl, map, facility, latest.current, popupRef);
    });
  }, [selectedId, facilities, state]);

  return (
    <div className={className ?? "map-frame"}>
      <div
        ref={container}
        className="map-canvas"
        role="region"
        aria-label={t("mapLabel")}
        data-map-state={state}
        data-drawn-facilities={drawn}
        data-picking={picking ? "true" : undefined}
        data-testid="facility-map"
      />
      {picking && state === "loaded" ? (
        <>
          <span className="map-crosshair" aria-hidden="true" />
          <p className="map-hint" role="status">
            {t("pickKeyboardHint")}{" "}
            <button type="button" className="small primary" onClick={pickCentre} data-testid="pick-centre">
              {t("pickHere")}
            </button>
          </p>
        </>
      ) : null}
      {state === "loading" ? <p className="map-status">{t("mapLoading")}</p> : null}
      {state === "failed" ? <p className="map-status">{t("mapUnavailable")}</p> : null}
    </div>
  );
}

function addOverlays(map: MapLibreMap, props: FacilityMapProps): void {
  const { facilities, kinds, regions, lang, visibleKinds } = props;
  map.addSource(REGION_LABELS_SOURCE, { type: "geojson", data: regionLabelCollection(regions) });
  map.addLayer(regionLabelLayer(nameKey(lang)));
  map.addSource(NEAR_SOURCE, { type: "geojson", data: nearCollection(props.near) });
  for (const layer of nearLayers()) map.addLayer(layer);
  for (const kind of kinds) {
    map.addSource(facilitySourceId(kind), {
      type: "geojson",
      data: facilityCollection(facilities.filter((f) => f.kind === kind)),
      cluster: true,
      clusterRadius: 36,
      clusterMaxZoom: 9,
      promoteId: "id",
    });
    for (const layer of facilityLayers(kind)) {
      map.addLayer({
        ...layer,
        layout: { ...layer.layout, visibility: visibleKinds.includes(kind) ? "visible" : "none" },
      } as never);
    }
  }
  map.addSource(HIGHLIGHT_SOURCE, { type: "geojson", data: facilityCollection([]) });
  map.addLayer(highlightLayer());
}

function nearCollection(near: FacilityMapProps["near"]): FeatureCollection {
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

type MapLibre = typeof MapLibreModule;

function openPopup(
  maplibregl: MapLibre,
  map: MapLibreMap,
  feature: MapGeoJSONFeature,
  props: FacilityMapProps,
  popupRef: { current: Popup | null },
): void {
  const p = feature.properties as Record<string, unknown>;
  const anchor = typeof p.anchorGroup === "string" ? (JSON.parse(p.anchorGroup) as MapFacility["anchorGroup"]) : null;
  const [lng, lat] = (feature.geometry as GeoJSON.Point).coordinates;
  if (lng === undefined || lat === undefined) return;
  openPopupFor(
    maplibregl,
    map,
    {
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
    },
    props,
    popupRef,
  );
}

/** A popup built from DOM nodes, so listing text is always inert. */
function openPopupFor(
  maplibregl: MapLibre,
  map: MapLibreMap,
  facility: MapFacility,
  props: FacilityMapProps,
  popupRef: { current: Popup | null },
): void {
  const { lang, t } = props;
  const body = document.createElement("div");
  body.className = "popup";
  const title = document.createElement("strong");
  title.textContent = t.nameOf(facility);
  const kind = document.createElement("div");
  kind.textContent = t.label("facilityKind", facility.kind);
  body.append(title, kind);
  if (facility.anchorGroup) {
    const anchor = document.createElement("div");
    anchor.textContent = `${t("anchorGroup")}: ${t.nameOf(facility.anchorGroup)}`;
    body.append(anchor);
  }
  const link = document.createElement("a");
  link.href = `/facilities/${encodeURIComponent(facility.id)}${lang === "en" ? "?lang=en" : ""}`;
  link.textContent = t("openPage");
  body.append(link);
  popupRef.current?.remove();
  popupRef.current = new maplibregl.Popup({ offset: 10, maxWidth: "280px" })
    .setLngLat([facility.lng, facility.lat])
    .setDOMContent(body)
    .addTo(map);
}
