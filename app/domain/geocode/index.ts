export type { Area, AreaLevel, GeocodeMatch, GeocodePrecision, GeocodeResult } from "./areas";
export { buildGeocoder, MAX_QUERY_LENGTH, normalizeAreaName, type Geocoder, type RegionNames } from "./geocoder";
