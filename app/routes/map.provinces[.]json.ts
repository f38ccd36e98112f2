import type { LoaderFunctionArgs } from "@remix-run/node";
import { provinceCollection } from "~/boundaries.server";
import { notFound } from "~/http.server";

/** Imported province boundaries as GeoJSON; 404 until `npm run boundaries:import` has run. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const collection = await provinceCollection(context.services.database.db);
  if (!collection) return notFound(request);
  return Response.json(collection, {
    headers: { "Content-Type": "application/geo+json; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
