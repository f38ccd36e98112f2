import type { LoaderFunctionArgs } from "@remix-run/node";
import { MAX_QUERY_LENGTH } from "~/domain/geocode";
import { badRequest } from "~/http.server";

/**
 * `GET /api/geocode?q=` — an address or area name to its area and centroid,
 * offline. 400 for an empty or overlong query, 404 when no area matches.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim();
  if (q === "") return badRequest("q", "give an address or an area name");
  if ([...q].length > MAX_QUERY_LENGTH) return badRequest("q", `at most ${MAX_QUERY_LENGTH} characters`);
  const result = (await context.services.geocoder()).geocode(q);
  if (!result.ok)
    return Response.json(
      {
        error: {
          message: result.reason === "ambiguous" ? `"${q}" matches several areas; add the province or city` : `no area matches "${q}"`,
          reason: result.reason,
          candidates: result.candidates.slice(0, 10),
        },
      },
      { status: 404 },
    );
  return Response.json(result.match);
}
