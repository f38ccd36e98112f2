import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { MAX_QUERY_LENGTH } from "~/domain/geocode";
import { answeringInputErrors, errorResponse } from "~/http.server";
import { field, issue } from "~/validation";
import { queryOrThrow } from "~/validation/request.server";

const GEOCODE_QUERY = z.object({ q: field.text({ max: MAX_QUERY_LENGTH, required: true }) });

/**
 * `GET /api/geocode?q=` — an address or area name to its area and centroid,
 * offline. 400 for an empty or overlong query, 404 (with the candidates when
 * several areas fit) when no single area matches.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const { q } = queryOrThrow(new URL(request.url).searchParams, GEOCODE_QUERY);
    const result = (await context.services.geocoder()).geocode(q);
    if (result.ok) return Response.json(result.match);
    const answer = errorResponse(request, 404, [
      issue("q", result.reason === "ambiguous" ? "area_ambiguous" : "area_unknown"),
    ]);
    const body = (await answer.json()) as object;
    return Response.json(
      { ...body, reason: result.reason, candidates: result.candidates.slice(0, 10) },
      { status: 404 },
    );
  });
}
