import type { Translation } from "../message";
import type { facilities as korean } from "../ko/facilities";

export const facilities = {
  address: "Address",
  phone: "Phone",
  openingHours: "Opening hours",
  unknownFact: "not known: no source gives it",
  whereItIs: "Location",
  precision_exact: "exact point",
  precision_eupmyeondong: "centre of the eup/myeon/dong (not the street address)",
  precision_sigungu: "centre of the city, county or district (not the street address; may be several km off)",
  precision_region: "centre of the province (location not verified)",
  nearby: "Nearby",
  noNearby: "No other facility within 30 km.",
  kmAway: "about {km} km",
  sources: "Sources",
  factAddress: "address",
  factPhone: "phone",
  factWebsite: "website",
  factLocation: "location",
  factGeneral: "facts",
  namedDocument: "document",
  geocodeLabel: "Find the place from the address",
  geocodeHint:
    "Typing the address moves the point to the centre of its eup/myeon/dong; a click on the map can then set the exact point.",
  geocodeButton: "Find address",
  geocodePlaced: "Placed in {label} ({precision}).",
  geocodeNotFound: "No area found in that address. Give the province and the city, county or district.",
  mapClickHint: "Click the map to set the exact point.",
  factoryAddress: "Factory address",
  factoryAddressHint:
    "An address places the firm at the centre of its eup/myeon/dong; leave it empty to match by province only.",
  placedAt: "Firm placed at {label} ({precision})",
} as const satisfies Translation<typeof korean>;
