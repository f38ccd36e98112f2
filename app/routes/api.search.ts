import type { LoaderFunctionArgs } from "@remix-run/node";
import { answeringInputErrors } from "~/http.server";
import { resolvePlacePhrase } from "~/search/place.server";
import { parseSearchRequest, toSearchQuery, toSearchResponse } from "~/search/request.server";

/** Facilities and programs by text, filters and place; see README "JSON API". */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const { services } = context;
    const known = await services.referenceCodes();
    const searchRequest = await resolvePlacePhrase(
      parseSearchRequest(new URL(request.url).searchParams, known),
      known,
      services.search,
    );
    const result = await services.search.search(toSearchQuery(searchRequest));
    return Response.json(toSearchResponse(result, searchRequest), { headers: { "Cache-Control": "no-store" } });
  });
}
