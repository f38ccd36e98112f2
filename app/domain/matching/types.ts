import type { CapabilityAssessment, CooperationAdvice, PavittAnswers, PavittClassification } from "../classification";
import type { CallFields } from "../programs/eligibility";
import type { FirmApplicantType } from "../programs/types";
import type { MicroRule } from "../programs/micro";
import type { Reason } from "../reasons";
import type {
  Bilingual,
  Capability,
  Certification,
  LatLng,
  ListingSummary,
  Need,
  PavittClass,
  SizeBand,
} from "../types";

/** What a firm tells the platform about itself. */
export interface FirmProfile {
  /** KSIC-10 division, e.g. "29". */
  ksicDivision: string;
  /** KSIC-10 section letter, e.g. "C". */
  sectionCode: string;
  employees: number;
  capitalKrw?: number;
  salesKrw?: number;
  location: LatLng;
  /** The firm's province or metropolitan city. */
  regionCode: string;
  answers?: PavittAnswers;
  rnd?: {
    /** Qualified scientists and engineers employed. */
    researchers?: number;
    rndSpendKrw?: number;
    patents?: number;
  };
  certifications: Certification[];
  needs: Need[];
  /** YYYY-MM-DD or YYYY; what announcements' business-age limits test. */
  foundedOn?: string;
  applicantType?: FirmApplicantType;
}

/**
 * A facility to score. Field names and types follow the search engine's documents, so
 * a search hit's document can be passed in as it is; codes stay plain strings there and
 * are read defensively here.
 */
export interface FacilityCandidate extends ListingSummary {
  /** KSIC divisions the facility works with. */
  sectors: string[];
  services: string[];
  deliveryModes: string[];
  anchorGroupId: string | null;
}

/** A support program to check and score; same field names as the search documents (an imported call also carries its window and applicant facts). */
export interface ProgramCandidate extends CallFields, ListingSummary {
  /** Regions it serves; empty for nationwide programs. */
  regionCodes: string[];
  nationwide: boolean;
  /** KSIC divisions named as targets; empty means every industry. */
  sectors: string[];
  category: string | null;
  diffusionLevel: number | null;
  diffusionType: string | null;
  deliveryModes: string[];
  /** Target classes; all four when open to every class (an empty list is read the same way). */
  pavittClasses: string[];
  targetCapabilities: string[];
  smeOnly: boolean;
  maxEmployees: number | null;
  requiredCertifications: string[];
  providerFacilityId: string | null;
}

export interface RegionFacts {
  strategicIndustries: string[];
  capitalArea: boolean;
}

export interface AnchorGroupFacts {
  sectors: string[];
  nameKo: string;
  nameEn: string;
}

export interface DivisionFacts {
  nameKo: string;
  nameEn: string;
  sectionCode: string;
  defaultPavittClass: PavittClass | null;
}

/** Reference data the matcher reads; keyed by region code, anchor group id and KSIC division. */
export interface MatchContext {
  regions: Map<string, RegionFacts>;
  anchorGroups: Map<string, AnchorGroupFacts>;
  divisions: Map<string, DivisionFacts>;
  /** The day calls are checked on (their windows); without it imported calls are not checked. */
  today?: string;
  /** The 소상공인 size rule (data/micro_business_rules.csv). */
  microRules?: readonly MicroRule[];
}

export type ScoreComponent = "proximity" | "industry" | "stance" | "level" | "delivery" | "needs";

export interface BreakdownLine {
  component: ScoreComponent;
  points: number;
  maxPoints: number;
}

export interface ScoredItem {
  id: string;
  type: "facility" | "program";
  kind: string;
  nameKo: string;
  nameEn: string;
  /** Great-circle km from the firm; null when the item has no place (e.g. a nationwide program). */
  distanceKm: number | null;
  /** 0–100: the sum of the breakdown. */
  score: number;
  breakdown: BreakdownLine[];
  reasons: Reason[];
}

/** Everything the scorer needs to know about the firm, worked out once. */
export interface FirmFacts {
  profile: FirmProfile;
  pavittClass: PavittClass;
  capability: Capability;
  divisionName: Bilingual;
}

export interface MatchResult {
  classification: {
    pavitt: PavittClassification;
    capability: CapabilityAssessment;
    cooperation: CooperationAdvice;
  };
  eligibility: { isSme: boolean | null; sizeBand: SizeBand; reasons: Reason[]; applicantType: FirmApplicantType };
  centers: ScoredItem[];
  programs: ScoredItem[];
  /** The program asked about, checked with every rule: eligible or not, and why. */
  explained: { id: string; eligible: boolean; reasons: Reason[] } | null;
}
