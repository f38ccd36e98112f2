import { boundaryTopologyText } from "~/map/basemap.server";

/** Province and 시군구 boundaries for the offline basemap (TopoJSON); they change only with a new build. */
export function loader() {
  return new Response(boundaryTopologyText(), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
