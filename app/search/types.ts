import type { BusinessAge, FirmApplicantType, ProgramStatus } from "~/domain/programs/types";
import type { LatLng } from "~/domain/types";

export type SearchDocType = "facility" | "program";

/**
 * What the search engines index: facilities and programs flattened into one
 * shape. Built from database rows by `documents.ts`; engines never query the database.
 */
export interface SearchDocument {
  /** The listing's own id (unique within its type). */
  id: string;
  type: SearchDocType;
  /** Facility kind (`innovation_center`, …) or `program`. */
  kind: string;
  subtype: string | null;
  nameKo: string;
  nameEn: string;
  /** Abbreviations and other names, Korean and English (e.g. `TP`, `테크노파크`, `CCEI`). */
  aliases: string[];
  /** Free text: summaries, industry notes. */
  descriptionKo: string;
  descriptionEn: string;
  /** KSIC-10 divisions ("29") and their labels. */
  sectors: string[];
  sectorLabelsKo: string[];
  sectorLabelsEn: string[];
  anchorGroupId: string | null;
  anchorGroupKo: string | null;
  anchorGroupEn: string | null;
  /** Home region of a facility; the first region of a regional program; null for nationwide programs. */
  regionCode: string | null;
  /** Every region the listing serves (facilities: their own). Empty for nationwide programs. */
  regionCodes: string[];
  regionNamesKo: string[];
  regionNamesEn: string[];
  nationwide: boolean;
  /** Pavitt classes the listing is meant for; all four when open to every class. */
  pavittClasses: string[];
  /** Program category (Bizinfo support field), null for facilities. */
  category: string | null;
  diffusionLevel: number | null;
  /** Where it is; programs take their provider facility's place, or none. */
  location: LatLng | null;
  /** Eligibility facts carried along so that matching needs no second lookup. */
  smeOnly: boolean;
  maxEmployees: number | null;
  requiredCertifications: string[];
  providerFacilityId: string | null;
  services: string[];
  deliveryModes: string[];
  targetCapabilities: string[];
  diffusionType: string | null;
  coordPrecision: string | null;
  /**
   * An imported call's window (null for facilities and for curated standing programs, which are
   * `rolling`): the status on a day is computed from these, never stored, so it follows the clock.
   */
  windowKind: "dated" | "open_ended" | "unknown" | null;
  windowStart: string | null;
  windowEnd: string | null;
  /** The same dates as YYYYMMDD numbers, for engines that filter and sort on numbers. */
  windowStartDay: number | null;
  windowEndDay: number | null;
  /** A complete sync of every source of the call no longer returns it. */
  withdrawn: boolean;
  applicantTypes: string[];
  businessAge: BusinessAge | null;
  /** The business age in months a founded firm must be under to apply (`callAgeLimitMonths`); null when none. */
  ageLimitMonths: number | null;
  regionBasis: { field: string; value: string } | null;
  applicantField: string | null;
  ageField: string | null;
}

export const FACET_NAMES = ["type", "kind", "regionCodes", "sectors", "pavittClasses", "category", "status"] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchFilters {
  type?: SearchDocType;
  /** Any of these kinds. */
  kinds?: string[];
  /** Listings serving any of these regions … */
  regionCodes?: string[];
  /** … or serving the whole country (only meaningful together with regionCodes). */
  includeNationwide?: boolean;
  /** Any of these KSIC divisions. */
  sectors?: string[];
  /** Listings meant for this class (open listings carry all four classes). */
  pavittClass?: string;
  categories?: string[];
  ids?: string[];
  /** Programs in any of these statuses on `today` (facilities have none and drop out). */
  statuses?: ProgramStatus[];
  /** Without `statuses`: closed calls are left out unless this is set. Facilities are unaffected. */
  includeClosed?: boolean;
  /** Only curated standing programs, or only imported calls (facilities are unaffected). */
  programOrigin?: "curated" | "call";
  /** The day statuses are computed for (YYYY-MM-DD); status filters and the status facet need it. */
  today?: string;
  /**
   * Only imported calls a firm of this applicant type can apply to: those naming no applicant type
   * or one it is accepted as, and, for a founded firm, those whose business-age limit it is under
   * (a firm of unknown age: calls without one). Curated programs and facilities are unaffected.
   * The matching rules check the rest (pre-founders, founding dates).
   */
  applicant?: { type: FirmApplicantType; businessAgeMonths: number | null };
}

export interface SearchQuery {
  /** Free text; empty or missing means "everything that passes the filters". */
  text?: string;
  filters?: SearchFilters;
  /** A point; with radiusKm, only listings within that distance. Distances are great-circle km. */
  near?: LatLng & { radiusKm?: number };
  /** Default: relevance with text, distance without text when `near` is set. `deadline`: last day of application first, calls without one last. */
  sort?: "relevance" | "distance" | "deadline";
  facets?: FacetName[];
  limit: number;
  offset: number;
}

export interface SearchHit {
  document: SearchDocument;
  /** Distance from `near`, when given. */
  distanceKm?: number;
  /** The matched name with `<mark>` around matched parts, HTML-escaped elsewhere. */
  highlight?: string;
}

export interface SearchResult {
  total: number;
  /**
   * Query words no hit contains: empty when every hit matches every word; every word when nothing
   * matched; otherwise the hits are those matching the most words and these matched nothing.
   */
  unmatchedTerms: string[];
  hits: SearchHit[];
  facets: Partial<Record<FacetName, Record<string, number>>>;
}

export interface EngineHealth {
  ok: boolean;
  detail?: string;
}

/** The one interface every search engine implements. */
export interface SearchEngine {
  readonly name: "embedded" | "meilisearch";
  /** Creates indexes and applies settings; safe to call repeatedly. */
  configure(): Promise<void>;
  upsert(documents: SearchDocument[]): Promise<void>;
  delete(refs: Array<{ type: SearchDocType; id: string }>): Promise<void>;
  /** Drops every document and loads these instead. */
  replaceAll(documents: SearchDocument[], onProgress?: (done: number, total: number) => void): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  health(): Promise<EngineHealth>;
}

/** The call fields of a document that is no imported call: a facility, or a curated standing program. */
export const NO_CALL = {
  windowKind: null,
  windowStart: null,
  windowEnd: null,
  windowStartDay: null,
  windowEndDay: null,
  withdrawn: false,
  applicantTypes: [],
  businessAge: null,
  ageLimitMonths: null,
  regionBasis: null,
  applicantField: null,
  ageField: null,
} as const satisfies Partial<SearchDocument>;
