import type { LoaderFunctionArgs } from "@remix-run/node";
import { listBoundaries } from "../../db/queries/boundaries";
import { listRegions } from "../../db/queries/regions";
import { gapReportGeoJson } from "~/gaps/export";
import { parseGapQuery } from "~/gaps/params.server";
import { gapReport } from "~/gaps/report.server";
import { answeringInputErrors } from "~/http.server";

/** The same figures as /api/gaps, as GeoJSON: regions (boundaries when imported) and hotspot hexagons. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const db = context.services.database.db;
    const report = await gapReport(db, await parseGapQuery(db, new URL(request.url).searchParams));
    const [regions, boundaries] = await Promise.all([listRegions(db), listBoundaries(db)]);
    const collection = gapReportGeoJson(report, regions, new Map(boundaries.map((b) => [b.regionCode, b.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon])));
    return new Response(JSON.stringify(collection), {
      headers: { "Content-Type": "application/geo+json; charset=utf-8", "Content-Disposition": `attachment; filename="coverage-gaps-${report.radiusKm}km.geojson"` },
    });
  });
}
