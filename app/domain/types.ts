/** Shared vocabulary of the domain. Codes are stored in the database and sent over the API. */

export const PAVITT_CLASSES = [
  "supplier_dominated",
  "specialized_supplier",
  "science_based",
  "scale_intensive",
] as const;
export type PavittClass = (typeof PAVITT_CLASSES)[number];

/** Seed 002, footnote 58. */
export const CAPABILITIES = ["non_technological", "technology_following", "technology_driven"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const SIZE_BANDS = ["micro", "small", "medium", "large"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export const CERTIFICATIONS = ["venture", "innobiz", "mainbiz"] as const;
export type Certification = (typeof CERTIFICATIONS)[number];

export const FACILITY_KINDS = [
  "innovation_center",
  "techno_park",
  "industrial_complex",
  "research_complex",
  "business_incubator",
  "university_tlo",
  "production_institute",
  "kitech_division",
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/**
 * How precisely a point is known, finest first: a map click or a cited
 * coordinate (`exact`), or the centroid of the eupmyeondong, sigungu or
 * province the place lies in.
 */
export const COORD_PRECISIONS = ["exact", "eupmyeondong", "sigungu", "region"] as const;
export type CoordPrecision = (typeof COORD_PRECISIONS)[number];

export const FACILITY_SERVICES = [
  "startup_incubation",
  "tech_commercialization",
  "testing_equipment",
  "rnd_collaboration",
  "technical_assistance",
  "consulting",
  "finance_linkage",
  "export_support",
  "training",
  "networking",
  "shared_growth",
  "patent_ip",
  "demonstration",
  "information",
] as const;
export type FacilityService = (typeof FACILITY_SERVICES)[number];

/** How support reaches a firm (seed 002, text around Table 2-8). */
export const DELIVERY_MODES = ["individual", "small_group", "group", "intermediary", "online"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Bizinfo support fields. */
export const PROGRAM_CATEGORIES = [
  "finance",
  "technology",
  "manpower",
  "export",
  "domestic_market",
  "startup",
  "management",
  "other",
] as const;
export type ProgramCategory = (typeof PROGRAM_CATEGORIES)[number];

/** Seed 002, Table 2-6. */
export const DIFFUSION_TYPES_BY_LEVEL = {
  1: ["technology_specific", "institution_specific", "sector_specific", "demonstration"],
  2: ["technical_assistance", "information_network", "small_scale_rnd"],
  3: ["technology_roadmap", "diagnostic_tools", "benchmarking", "university_industry"],
} as const;
export type DiffusionLevel = 1 | 2 | 3;
export type DiffusionType = (typeof DIFFUSION_TYPES_BY_LEVEL)[DiffusionLevel][number];
export const DIFFUSION_TYPES: DiffusionType[] = [
  ...DIFFUSION_TYPES_BY_LEVEL[1],
  ...DIFFUSION_TYPES_BY_LEVEL[2],
  ...DIFFUSION_TYPES_BY_LEVEL[3],
];

/** What a firm says it needs; each maps onto program categories and facility services. */
export const NEEDS = [
  "technology",
  "finance",
  "export",
  "manpower",
  "startup",
  "management",
  "domestic_market",
  "cooperation",
] as const;
export type Need = (typeof NEEDS)[number];

/** The three Pavitt questions (seed 002, Table 2-8 rows). */
export const TECH_SOURCES = ["suppliers", "design_and_users", "own_rnd", "production_engineering"] as const;
export type TechSource = (typeof TECH_SOURCES)[number];
export const APPROPRIATIONS = ["trademarks_marketing", "design_knowhow", "patents", "scale_secrecy"] as const;
export type Appropriation = (typeof APPROPRIATIONS)[number];
export const INNOVATION_FOCUSES = ["process_cost", "product_performance", "new_products", "process_scale"] as const;
export type InnovationFocus = (typeof INNOVATION_FOCUSES)[number];

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * What every answer shows of a facility or program, whether a search hit, a match or a
 * candidate for the rules: its id, kind, names, home region and place.
 */
export interface ListingSummary {
  id: string;
  /** Facility kind (`innovation_center`, …) or `program`. */
  kind: string;
  nameKo: string;
  nameEn: string;
  /** Home region of a facility; the first region of a regional program; null for nationwide programs. */
  regionCode: string | null;
  /** Where it is; a program takes its provider facility's place, when known. */
  location: LatLng | null;
}

/** The KSIC divisions and regions of the reference data: the codes a firm's profile may name. */
export interface ProfileCodes {
  ksicDivisions: ReadonlySet<string>;
  regionCodes: ReadonlySet<string>;
}

/** A name held in both languages of the product (data, such as a KSIC division's name), Korean first. */
export interface Bilingual {
  ko: string;
  en: string;
}

/** The three Pavitt questions a firm answers (seed 002, Table 2-8 rows). */
export const PAVITT_QUESTIONS = ["techSource", "appropriation", "innovationFocus"] as const;
export type PavittQuestion = (typeof PAVITT_QUESTIONS)[number];

/** Korea's mainland and islands, including Jeju, Ulleungdo and Dokdo. */
export const KOREA_BOUNDS = { minLat: 33.0, maxLat: 38.7, minLng: 124.5, maxLng: 132.0 } as const;

export function isInsideKorea(point: LatLng): boolean {
  return (
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lng) &&
    point.lat >= KOREA_BOUNDS.minLat &&
    point.lat <= KOREA_BOUNDS.maxLat &&
    point.lng >= KOREA_BOUNDS.minLng &&
    point.lng <= KOREA_BOUNDS.maxLng
  );
}
