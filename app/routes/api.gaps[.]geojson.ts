import type { LoaderFunctionArgs } from "@remix-run/node";
import { gapGeoJson } from "~/gaps/export.server";
import { answeringInputErrors } from "~/http.server";

/** The same figures as /api/gaps, as GeoJSON: regions (boundaries when imported), hotspot hexagons and unmet requests for help per region. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const { collection, radiusKm } = await gapGeoJson(context.services.database.db, new URL(request.url).searchParams);
    return new Response(JSON.stringify(collection), {
      headers: {
        "Content-Type": "application/geo+json; charset=utf-8",
        "Content-Disposition": `attachment; filename="coverage-gaps-${radiusKm}km.geojson"`,
      },
    });
  });
}
