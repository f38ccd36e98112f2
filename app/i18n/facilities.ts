import type { Lang } from "./index";

/** Strings of the facility pages, the geocoder and the facility importers; Korean first, the same keys in English. */
const ko = {
  address: "주소",
  phone: "전화",
  openingHours: "운영 시간",
  unknownFact: "확인된 출처가 없어 비워 둡니다",
  whereItIs: "위치",
  precision_exact: "정확한 지점",
  precision_eupmyeondong: "읍·면·동 중심 (실제 주소 지점 아님)",
  precision_sigungu: "시·군·구 중심 (실제 주소 지점 아님, 수 km 차이 날 수 있음)",
  precision_region: "시·도 중심 (위치를 확인하지 못함)",
  nearby: "가까운 기관",
  noNearby: "30 km 안에 다른 기관이 없습니다.",
  kmAway: "약 {km} km",
  sources: "출처",
  factAddress: "주소",
  factPhone: "전화",
  factWebsite: "웹사이트",
  factLocation: "위치",
  factGeneral: "기관 정보",
  namedDocument: "문서",
  geocodeLabel: "주소로 위치 찾기",
  geocodeHint: "주소를 입력하면 지점이 읍·면·동 중심으로 옮겨집니다. 지도를 누르면 정확한 지점으로 고칠 수 있습니다.",
  geocodeButton: "주소로 찾기",
  geocodePlaced: "{label}에 놓았습니다 ({precision}).",
  geocodeNotFound: "주소에서 지역을 찾지 못했습니다. 시·도와 시·군·구를 함께 적어 주세요.",
  mapClickHint: "지도를 눌러 정확한 지점을 고르세요.",
  factoryAddress: "공장 주소",
  factoryAddressHint: "주소를 적으면 읍·면·동 중심으로 회사 위치를 정합니다. 비워 두면 시·도만으로 찾습니다.",
  placedAt: "회사 위치: {label} ({precision})",
} as const;

export type FacilityMessageKey = keyof typeof ko;

const en: Record<FacilityMessageKey, string> = {
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
  geocodeHint: "Typing the address moves the point to the centre of its eup/myeon/dong; a click on the map can then set the exact point.",
  geocodeButton: "Find address",
  geocodePlaced: "Placed in {label} ({precision}).",
  geocodeNotFound: "No area found in that address. Give the province and the city, county or district.",
  mapClickHint: "Click the map to set the exact point.",
  factoryAddress: "Factory address",
  factoryAddressHint: "An address places the firm at the centre of its eup/myeon/dong; leave it empty to match by province only.",
  placedAt: "Firm placed at {label} ({precision})",
};

export const FACILITY_MESSAGES: Record<Lang, Record<FacilityMessageKey, string>> = { ko, en };

export function facilityText(lang: Lang): (key: FacilityMessageKey, values?: Record<string, string | number>) => string {
  const messages = FACILITY_MESSAGES[lang];
  return (key, values) => (values ? messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : messages[key]);
}
