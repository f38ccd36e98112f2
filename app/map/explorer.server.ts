import type { Kysely } from "kysely";
import { boundaryCredits } from "../../db/queries/boundaries";
import { listFacilities } from "../../db/queries/facilities";
import { listRegions } from "../../db/queries/regions";
import type { Database } from "../../db/schema";
import type { MapFacility } from "./features";

/** What the map page shows: published facilities, region labels, and the credits to print. */
export async function loadExplorer(db: Kysely<Database>) {
  const [facilities, regions, boundaries] = await Promise.all([listFacilities(db), listRegions(db), boundaryCredits(db)]);
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
    boundaryCredits: boundaries,
  };
}
