import type { Feature, FeatureCollection, Point } from "geojson";
import type { FacilityKind } from "~/domain/types";

/** What the map and the list need of a facility. */
export interface MapFacility {
  id: string;
  kind: string;
  nameKo: string;
  nameEn: string;
  regionCode: string;
  lat: number;
  lng: number;
  precision: string;
  anchorGroup: { id: string; nameKo: string; nameEn: string } | null;
  sectors: string[];
  subtype?: string | null;
  address?: string | null;
  phone?: string | null;
  website?: string | null;
}

/** The Contract of GET /api/facilities: subtype, address, phone and website are null when unknown. */
export type FacilityFeatureProperties = Omit<
  MapFacility,
  "lat" | "lng" | "subtype" | "address" | "phone" | "website"
> & {
  subtype: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
};

/** Colours per kind; one map layer and one legend entry each. */
export const KIND_COLORS: Record<FacilityKind, string> = {
  innovation_center: "#d9480f",
  techno_park: "#1864ab",
  industrial_complex: "#2b8a3e",
  research_complex: "#862e9c",
  business_incubator: "#e67700",
  university_tlo: "#0b7285",
  production_institute: "#a61e4d",
  kitech_division: "#5c940d",
};

export function facilityFeature(f: MapFacility): Feature<Point, FacilityFeatureProperties> {
  return {
    type: "Feature",
    id: f.id,
    geometry: { type: "Point", coordinates: [f.lng, f.lat] },
    properties: {
      id: f.id,
      kind: f.kind,
      nameKo: f.nameKo,
      nameEn: f.nameEn,
      regionCode: f.regionCode,
      anchorGroup: f.anchorGroup,
      sectors: f.sectors,
      precision: f.precision,
      subtype: f.subtype ?? null,
      address: f.address ?? null,
      phone: f.phone ?? null,
      website: f.website ?? null,
    },
  };
}

export function facilityCollection(facilities: MapFacility[]): FeatureCollection<Point, FacilityFeatureProperties> {
  return { type: "FeatureCollection", features: facilities.map(facilityFeature) };
}

/** Kinds present, in the order of KIND_COLORS, so the legend is stable. */
export function kindsPresent(facilities: MapFacility[]): FacilityKind[] {
  const present = new Set(facilities.map((f) => f.kind));
  return (Object.keys(KIND_COLORS) as FacilityKind[]).filter((kind) => present.has(kind));
}

/** A circle of radiusKm around a point as a polygon (great-circle offsets), for drawing a search radius. */
export function circlePolygon(
  center: { lat: number; lng: number },
  radiusKm: number,
  steps = 72,
): Feature<GeoJSON.Polygon> {
  return {
    type: "Feature",
    geometry: { type: "Polygon", coordinates: [circleRing(center, radiusKm, steps)] },
    properties: {},
  };
}

/** The closed ring of `circlePolygon`, as [lng, lat] pairs. */
export function circleRing(center: { lat: number; lng: number }, radiusKm: number, steps = 72): [number, number][] {
  const earthRadiusKm = 6371.0088;
  const angular = radiusKm / earthRadiusKm;
  const lat1 = (center.lat * Math.PI) / 180;
  const lng1 = (center.lng * Math.PI) / 180;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i += 1) {
    const bearing = (2 * Math.PI * (i % steps)) / steps;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
    const lng2 =
      lng1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
        Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([(lng2 * 180) / Math.PI, (lat2 * 180) / Math.PI]);
  }
  return ring;
}

/** Region names at their label points, for the map's label layer. */
export function regionLabelCollection(
  regions: readonly { nameKo: string; nameEn: string; labelPoint: [number, number] }[],
): FeatureCollection<Point, { nameKo: string; nameEn: string }> {
  return {
    type: "FeatureCollection",
    features: regions.map((r) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: r.labelPoint },
      properties: { nameKo: r.nameKo, nameEn: r.nameEn },
    })),
  };
}
