import * as maplibregl from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";

// Vite does not emit MapLibre's worker beside the library; point MapLibre at the emitted copy.
maplibregl.setWorkerUrl(workerUrl);

export default maplibregl;
