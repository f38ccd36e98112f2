import { getFacility, listFacilities } from "../../db/queries/facilities";
import { listPrograms } from "../../db/queries/programs";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import { distanceKm } from "~/domain/geo";
import { ksicLabel } from "~/domain/ksic-classes";
import { isListingId } from "~/domain/listing-id";
import type { Services } from "~/services.server";

const NEARBY_KM = 30;

/** /facilities/:id: the facility, its programs, the facilities near it and the map's labels; null when there is no such facility. */
export async function loadFacilityPage(services: Services, id: string | undefined) {
  const db = services.database.db;
  const facility = isListingId(id) ? await getFacility(db, id) : null;
  if (!facility) return null;
  const [programs, regions, divisions, all] = await Promise.all([
    listPrograms(db, { providerFacilityId: facility.id }),
    listRegions(db),
    listKsicDivisions(db),
    listFacilities(db),
  ]);
  const region = regions.find((r) => r.code === facility.regionCode)!;
  const sectorNames = new Map(divisions.map((d) => [d.code, { ko: d.nameKo, en: d.nameEn }]));
  const nearby = all
    .filter((f) => f.id !== facility.id)
    .map((f) => ({ id: f.id, kind: f.kind, nameKo: f.nameKo, nameEn: f.nameEn, km: distanceKm(facility, f) }))
    .filter((f) => f.km <= NEARBY_KM)
    .sort((a, b) => a.km - b.km)
    .slice(0, 8);
  return {
    facility: { ...facility, updatedAt: facility.updatedAt.toISOString() },
    region: { nameKo: region.nameKo, nameEn: region.nameEnFull },
    sectors: facility.sectors.map((code) => ({ code, ...ksicLabel(code, sectorNames) })),
    nearby,
    programs,
    regionLabels: regions.map((r) => ({
      code: r.code,
      nameKo: r.nameKoShort,
      nameEn: r.nameEn,
      labelPoint: r.labelPoint,
    })),
    basemap: services.config.basemap,
  };
}
