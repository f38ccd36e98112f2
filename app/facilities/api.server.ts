import { getFacility, listFacilities, type FacilityFilter } from "../../db/queries/facilities";
import { listPrograms } from "../../db/queries/programs";
import { isListingId } from "~/domain/listing-id";
import { facilityCollection } from "~/map/features";
import type { Services } from "~/services.server";

/** /api/facilities: the published facilities of these kinds and this region (all when not given) as GeoJSON. */
export async function facilityFeatures(services: Services, filter: Pick<FacilityFilter, "kinds" | "regionCode">) {
  return facilityCollection(await listFacilities(services.database.db, filter));
}

/** /api/facilities/:id: the facility with the programs it provides; null when there is no such facility. */
export async function facilityWithPrograms(services: Services, id: string | undefined) {
  const db = services.database.db;
  const facility = isListingId(id) ? await getFacility(db, id) : undefined;
  if (!facility) return null;
  const programs = await listPrograms(db, { providerFacilityId: facility.id });
  return { ...facility, programs };
}
