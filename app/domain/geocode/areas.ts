/** The administrative areas the geocoder reads: one row of data/areas.csv. */
export type AreaLevel = "region" | "sigungu" | "eupmyeondong";

export interface Area {
  /** 10-digit MOIS administrative code (행정기관코드). */
  code: string;
  level: AreaLevel;
  /** 2-digit MOIS code of the province it belongs to today. */
  regionCode: string;
  /** 5-digit sigungu code; empty for a region. */
  sigunguCode: string;
  /** Its own name: 경기도; 성남시 분당구; 삼평동. */
  nameKo: string;
  nameEn: string;
  lat: number;
  lng: number;
  current: boolean;
  /** For a defunct area, the codes of the current areas that took it over. */
  successors: string[];
}

/** Where an address or area name was placed: the Contract of GET /api/geocode. */
export type GeocodePrecision = "eupmyeondong" | "sigungu" | "region";

export interface GeocodeMatch {
  regionCode: string;
  sigungu: { code: string; nameKo: string; nameEn: string } | null;
  eupmyeondong: { code: string; nameKo: string } | null;
  lat: number;
  lng: number;
  precision: GeocodePrecision;
  /** The place in words, e.g. 경기도 성남시 분당구 삼평동. */
  label: { ko: string; en: string };
  /** Old names, moves and ambiguities met on the way, each naming its rule. */
  notes: { rule: string; ko: string; en: string }[];
}

export type GeocodeResult =
  { ok: true; match: GeocodeMatch } | { ok: false; reason: "empty" | "no_match" | "ambiguous"; candidates: string[] };
