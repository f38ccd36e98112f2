import proj4 from "proj4";

/**
 * UTM-K (EPSG:5179), the Korean unified transverse Mercator grid of the KOSTAT
 * centroids, as its PROVENANCE defines it: GRS80 ellipsoid, origin 38°N 127.5°E,
 * scale 0.9996, false easting 1,000,000 m and northing 2,000,000 m.
 */
export const UTMK =
  "+proj=tmerc +lat_0=38 +lon_0=127.5 +k=0.9996 +x_0=1000000 +y_0=2000000 +ellps=GRS80 +units=m +no_defs";

const converter = proj4(UTMK, "WGS84");

/** UTM-K metres → WGS84 degrees. */
export function utmkToWgs84(x: number, y: number): { lat: number; lng: number } {
  const [lng, lat] = converter.forward([x, y]);
  return { lat, lng };
}

/** WGS84 degrees → UTM-K metres, for round-trip checks. */
export function wgs84ToUtmk(lat: number, lng: number): { x: number; y: number } {
  const [x, y] = converter.inverse([lng, lat]);
  return { x, y };
}
