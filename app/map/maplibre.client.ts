import * as maplibregl from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";

// Vite does not emit MapLibre's worker beside the library; point MapLibre at the emitted copy.
maplibregl.setWorkerUrl(workerUrl);
// The worker starts (fetched, parsed, ready for the style's sources) while the page hydrates, not when the first map is made.
maplibregl.prewarm();

export default maplibregl;
