import type { LoaderFunctionArgs } from "@remix-run/node";
import { placeLabelsJson } from "~/map/basemap.server";

/** 시군구 and 읍면동 names at their centroids, for the offline basemap's labels. */
export async function loader({ context }: LoaderFunctionArgs) {
  return new Response(await placeLabelsJson(context.services.database.db), {
    headers: { "Content-Type": "application/geo+json; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
