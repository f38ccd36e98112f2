import { findNamedPlace, splitPlacePhrase } from "./place-phrase";
import { PLACE_RADIUS_KM, type KnownCodes, type SearchRequest } from "./request.server";
import type { SearchService } from "./service.server";

/**
 * Turns "technopark near Changwon" into a search for "technopark" around
 * Changwon. The place is a region, or else a facility whose name holds it
 * (so city names like 창원 resolve to the complex there). A place nobody
 * knows leaves the query as typed.
 */
export async function resolvePlacePhrase(
  request: SearchRequest,
  known: KnownCodes,
  search: SearchService,
): Promise<SearchRequest> {
  if (request.near || request.q === "") return request;
  const phrase = splitPlacePhrase(request.q);
  if (!phrase) return request;
  const place = findNamedPlace(phrase.place, known.regionPlaces) ?? (await facilityNamed(phrase.place, search));
  if (!place) return request;
  return { ...request, q: phrase.text, near: place.point, radiusKm: request.radiusKm ?? PLACE_RADIUS_KM, place };
}

const PLACE_CANDIDATES = 100;

async function facilityNamed(place: string, search: SearchService) {
  // Typo matches of a similar name (Wonju for Wanju) can outrank the exact one, so look past the first few.
  const result = await search.search({
    text: place,
    filters: { type: "facility" },
    limit: PLACE_CANDIDATES,
    offset: 0,
  });
  const wanted = place.toLowerCase();
  const hit = result.hits.find(
    ({ document }) =>
      document.location &&
      (document.nameKo.includes(place) || document.nameEn.toLowerCase().split(/\s+/).includes(wanted)),
  );
  if (!hit?.document.location) return null;
  return { nameKo: place, nameEn: place, point: hit.document.location };
}
