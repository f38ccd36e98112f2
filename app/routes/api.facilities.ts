import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listFacilities } from "../../db/queries/facilities";
import { FACILITY_KINDS } from "~/domain/types";
import { answeringInputErrors } from "~/http.server";
import { facilityCollection } from "~/map/features";
import { field } from "~/validation";
import { queryOrThrow } from "~/validation/request.server";

/** Published facilities as a GeoJSON FeatureCollection, optionally by kind and region. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const { regionCodes } = await context.services.referenceCodes();
    const query = queryOrThrow(
      new URL(request.url).searchParams,
      z.object({ kind: field.choices(FACILITY_KINDS, { fromText: "split" }), region: field.choice(regionCodes) }),
    );
    const facilities = await listFacilities(context.services.database.db, {
      kinds: query.kind,
      regionCode: query.region,
    });
    return Response.json(facilityCollection(facilities), {
      headers: { "Content-Type": "application/geo+json; charset=utf-8" },
    });
  });
}
