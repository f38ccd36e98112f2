import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { FACILITY_KINDS } from "~/domain/types";
import { facilityFeatures } from "~/facilities/api.server";
import { answeringInputErrors } from "~/http.server";
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
    const collection = await facilityFeatures(context.services, { kinds: query.kind, regionCode: query.region });
    return Response.json(collection, {
      headers: { "Content-Type": "application/geo+json; charset=utf-8" },
    });
  });
}
