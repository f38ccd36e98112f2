import { listRegionListings } from "../../db/queries/council-listings";
import { toCsv } from "~/csv";
import { EXPORT_ONLY_COLUMNS } from "~/domain/listing-import";
import { listingColumns, toRawFields, type FacilityFields, type ListingType } from "~/domain/listings";
import type { Services } from "~/services.server";

/** A region's listings of one type, published and archived, in the import's column layout. */
export async function exportCsv(services: Services, regionCode: string, type: ListingType): Promise<string> {
  const listings = (await listRegionListings(services.database.db, regionCode)).filter((l) => l.type === type);
  const header = [...EXPORT_ONLY_COLUMNS, ...listingColumns(type)];
  return toCsv(
    header,
    listings.map((l) => {
      const row: Record<string, string> = { id: l.id, status: l.status, ...toRawFields(type, l.fields) };
      return header.map((column) => row[column] ?? "");
    }),
  );
}

/** A region's facilities as GeoJSON points (programs have no location of their own). */
export async function exportGeoJson(services: Services, regionCode: string) {
  const listings = (await listRegionListings(services.database.db, regionCode)).filter((l) => l.type === "facility");
  return {
    type: "FeatureCollection" as const,
    features: listings.map((l) => {
      const fields = l.fields as FacilityFields;
      return {
        type: "Feature" as const,
        id: l.id,
        geometry: { type: "Point" as const, coordinates: [fields.lng, fields.lat] },
        properties: { id: l.id, status: l.status, version: l.version, ...fields },
      };
    }),
  };
}
