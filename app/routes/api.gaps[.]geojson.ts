import type { LoaderFunctionArgs } from "@remix-run/node";
import { listBoundaries } from "../../db/queries/boundaries";
import { listRegions } from "../../db/queries/regions";
import { demandFeatures, demandReport } from "~/gaps/demand.server";
import { gapReportGeoJson } from "~/gaps/export";
import { parseGapQuery } from "~/gaps/params.server";
import { gapReport } from "~/gaps/report.server";
import { answeringInputErrors } from "~/http.server";

/** The same figures as /api/gaps, as GeoJSON: regions (boundaries when imported), hotspot hexagons and unmet requests for help per region. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const db = context.services.database.db;
    const query = await parseGapQuery(db, new URL(request.url).searchParams);
    const report = await gapReport(db, query);
    const [regions, boundaries, demand] = await Promise.all([
      listRegions(db),
      listBoundaries(db),
      demandReport(db, {
        by: "region",
        regionCode: query.regionCode,
        pavittClass: query.pavittClass,
        sector: query.sector,
      }),
    ]);
    const collection = gapReportGeoJson(
      report,
      regions,
      new Map(boundaries.map((b) => [b.regionCode, b.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon])),
    );
    collection.features.push(...demandFeatures(demand));
    return new Response(JSON.stringify(collection), {
      headers: {
        "Content-Type": "application/geo+json; charset=utf-8",
        "Content-Disposition": `attachment; filename="coverage-gaps-${report.radiusKm}km.geojson"`,
      },
    });
  });
}
