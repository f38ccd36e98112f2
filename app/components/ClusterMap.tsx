import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import type { BasemapChoice } from "~/map/basemap";
import { legendSymbol } from "~/map/legend";
import type { MapView } from "~/map/style";
import { useMapLibre, type LoadedMap, type MapOverlay } from "~/map/useMapLibre";
import { MapLegend, type LegendEntry, type LegendToggle } from "./MapLegend";

export interface ClusterMapProps {
  /** The accessible name of the map region. */
  label: string;
  testId: string;
  /** What to draw beneath the overlays; the offline basemap unless configured otherwise. */
  basemap?: BasemapChoice;
  view: MapView;
  maxZoom: number;
  interactive?: boolean;
  overlays: MapOverlay[] | null;
  /** While true, a click on the map (or Enter on it, or the button) picks a point instead of anything else. */
  picking?: boolean;
  onPickPoint?: (point: { lat: number; lng: number }) => void;
  /** `data-*` attributes of the map region saying what it draws, for tests and assistive tools. */
  facts?: Record<`data-${string}`, string | number | undefined>;
  className?: string;
  /** The legend of the overlays that declare one; with `toggle`, its entries show and hide them. */
  legend?: { title: string; testId?: string; toggle?: LegendToggle };
  /** What needs the loaded map (events, camera moves); it reads the map with `useLoadedMap`. */
  children?: ReactNode;
}

const OFFLINE: BasemapChoice = { kind: "offline" };
const LoadedMapContext = createContext<LoadedMap | null>(null);

/** The map of the nearest ClusterMap once its style has loaded; null before. */
export function useLoadedMap(): LoadedMap | null {
  return useContext(LoadedMapContext);
}

/**
 * The one map component: a MapLibre map (see `useMapLibre`) in a labelled region whose
 * `data-map-state` says whether it is loading, loaded or failed, with the point picking every
 * map that places something shares.
 */
export function ClusterMap(props: ClusterMapProps) {
  const { label, testId, basemap = OFFLINE, view, maxZoom, interactive = true, overlays } = props;
  const { picking = false, onPickPoint, facts, className, legend, children } = props;
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const { loaded, state } = useMapLibre(container, { basemap, lang: t.lang, view, maxZoom, interactive, overlays });

  const legendEntries = useMemo(() => legendOf(overlays ?? []), [overlays]);

  const pickCentre = useCallback(() => {
    const centre = loaded?.map.getCenter();
    if (centre) onPickPoint?.({ lat: centre.lat, lng: centre.lng });
  }, [loaded, onPickPoint]);

  // With the keyboard: arrow keys move the focused map (MapLibre's own), Enter picks the point under the crosshair.
  useEffect(() => {
    if (!loaded || !picking || !onPickPoint) return;
    const { map } = loaded;
    const canvas = map.getCanvas();
    canvas.style.cursor = "crosshair";
    const clicks = map.on("click", (event) => onPickPoint({ lat: event.lngLat.lat, lng: event.lngLat.lng }));
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      pickCentre();
    };
    canvas.addEventListener("keydown", onKey);
    return () => {
      canvas.style.cursor = "";
      clicks.unsubscribe();
      canvas.removeEventListener("keydown", onKey);
    };
  }, [loaded, picking, onPickPoint, pickCentre]);

  return (
    <div className={className ?? "map-frame"}>
      <div
        ref={container}
        className="map-canvas"
        role="region"
        aria-label={label}
        data-map-state={state}
        data-picking={picking ? "true" : undefined}
        data-testid={testId}
        {...facts}
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
      {legend && !picking ? <MapLegend {...legend} entries={legendEntries} /> : null}
      {state === "loading" ? <p className="map-status">{t("mapLoading")}</p> : null}
      {state === "failed" ? <p className="map-status">{t("mapUnavailable")}</p> : null}
      <LoadedMapContext.Provider value={loaded}>{children}</LoadedMapContext.Provider>
    </div>
  );
}

/** One entry per overlay that declares a legend and draws a symbol a reader can match. */
function legendOf(overlays: readonly MapOverlay[]): LegendEntry[] {
  return overlays.flatMap((overlay) => {
    const symbol = overlay.legend ? legendSymbol(overlay.layers) : null;
    return overlay.legend && symbol
      ? [{ id: overlay.source, legend: overlay.legend, symbol, shown: !overlay.hidden }]
      : [];
  });
}
