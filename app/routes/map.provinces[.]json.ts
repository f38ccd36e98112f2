import type { LoaderFunctionArgs } from "@remix-run/node";
import { listBoundaries } from "../../db/queries/boundaries";
import { notFound } from "~/http.server";

/** Imported province boundaries as GeoJSON; 404 until `npm run boundaries:import` has run. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const boundaries = await listBoundaries(context.services.database.db);
  if (boundaries.length === 0) return notFound(request);
  const collection = {
    type: "FeatureCollection",
    features: boundaries.map((b) => ({
      type: "Feature",
      properties: { regionCode: b.regionCode },
      geometry: b.geometry,
    })),
  };
  return Response.json(collection, {
    headers: { "Content-Type": "application/geo+json; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
