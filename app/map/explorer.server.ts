import type { Kysely } from "kysely";
import { boundaryCredits } from "../../db/queries/boundaries";
import { listFacilities } from "../../db/queries/facilities";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import type { Database } from "../../db/schema";
import { resolvePlacePhrase } from "~/search/place.server";
import {
  hasSearchParameters,
  parseSearchRequest,
  toSearchQuery,
  toSearchResponse,
  type SearchResponse,
} from "~/search/request.server";
import type { Services } from "~/services.server";
import { InputError } from "~/validation/request.server";
import type { MapFacility } from "./features";

/** What the map page shows: published facilities, region labels, industries for the search form, and the credits to print. */
export async function loadExplorer(db: Kysely<Database>) {
  const [facilities, regions, divisions, boundaries] = await Promise.all([
    listFacilities(db),
    listRegions(db),
    listKsicDivisions(db),
    boundaryCredits(db),
  ]);
  const mapFacilities: MapFacility[] = facilities.map((f) => ({
    id: f.id,
    kind: f.kind,
    nameKo: f.nameKo,
    nameEn: f.nameEn,
    regionCode: f.regionCode,
    lat: f.lat,
    lng: f.lng,
    precision: f.precision,
    anchorGroup: f.anchorGroup,
    sectors: f.sectors,
  }));
  return {
    facilities: mapFacilities,
    regions: regions.map((r) => ({ code: r.code, nameKo: r.nameKoShort, nameEn: r.nameEn, labelPoint: r.labelPoint })),
    divisions: divisions.map((d) => ({ code: d.code, nameKo: d.nameKo, nameEn: d.nameEn })),
    boundaryCredits: boundaries,
  };
}

export type ExplorerSearch =
  | { active: false }
  | { active: true; response: SearchResponse; invalidParameter?: undefined }
  | { active: true; response?: undefined; invalidParameter: string };

/** The search the page's URL asks for, if any; a bad parameter is reported, not thrown, so the page still renders. */
export async function loadExplorerSearch(services: Services, params: URLSearchParams): Promise<ExplorerSearch> {
  if (!hasSearchParameters(params)) return { active: false };
  const known = await services.referenceCodes();
  try {
    const request = await resolvePlacePhrase(parseSearchRequest(params, known), known, services.search);
    return {
      active: true,
      response: toSearchResponse(
        await services.search.search(toSearchQuery({ ...request, limit: Math.max(request.limit, 50) })),
        request,
      ),
    };
  } catch (error) {
    if (error instanceof InputError) return { active: true, invalidParameter: error.issues[0]?.field ?? "" };
    throw error;
  }
}
