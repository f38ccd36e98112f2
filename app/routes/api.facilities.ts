import type { LoaderFunctionArgs } from "@remix-run/node";
import { listFacilities } from "../../db/queries/facilities";
import { listRegions } from "../../db/queries/regions";
import { FACILITY_KINDS } from "~/domain/types";
import { enumListParam, enumParam, withParameters } from "~/http.server";
import { facilityCollection } from "~/map/features";

/** Published facilities as a GeoJSON FeatureCollection, optionally by kind and region. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return withParameters(async () => {
    const db = context.services.database.db;
    const params = new URL(request.url).searchParams;
    const kinds = enumListParam(params, "kind", FACILITY_KINDS);
    const regionCodes = (await listRegions(db)).map((r) => r.code);
    const regionCode = enumParam(params, "region", regionCodes);
    const facilities = await listFacilities(db, { kinds, regionCode });
    return Response.json(facilityCollection(facilities), { headers: { "Content-Type": "application/geo+json; charset=utf-8" } });
  });
}
