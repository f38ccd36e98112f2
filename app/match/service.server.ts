import { today as clockToday } from "~/clock";
import type { FirmApplicantType, ProgramStatus } from "~/domain/programs/types";
import { daysLeft, statusOn, windowOfFields, windowOut, type WindowDates } from "~/domain/programs/window";
import {
  classifyPavitt,
  type CapabilityAssessment,
  type Confidence,
  type PavittClassification,
} from "~/domain/classification";
import { applicantOf, matchFirm } from "~/domain/matching/match";
import { businessAgeMonths } from "~/domain/programs/eligibility";
import type { FacilityCandidate, FirmProfile, ProgramCandidate, ScoredItem } from "~/domain/matching/types";
import type { GeocodeMatch, Geocoder } from "~/domain/geocode";
import type { Capability, LatLng, ListingSummary, PavittClass, SizeBand } from "~/domain/types";
import { renderReasons, type RenderedReason } from "~/i18n/reasons";
import type { SearchFilters } from "~/search/types";
import type { Services } from "~/services.server";
import { issue, type FieldIssue } from "~/validation";
import type { MatchInput } from "./input";
import { matchReference } from "./reference.server";
import { regionOfPoint } from "./region";

/**
 * How many candidates retrieval hands to the rules: the nearest facilities
 * (proximity decays smoothly, so a far one cannot outrank these) and the
 * programs open in the firm's region or nationwide and meant for its class.
 */
export const FACILITY_CANDIDATES = 100;
export const PROGRAM_CANDIDATES = 400;
/**
 * Imported calls handed to the rules: applicable ones in the firm's region or nationwide, open to
 * its applicant type and business age, soonest deadline first. With type and age left to the index,
 * three of four candidates pass the rules: 30 give 15.6 calls per answer of 20 in bench:programs,
 * 50 gave 16.0 at 1.7 times the rules' time for the calls.
 */
export const CALL_CANDIDATES = 30;
export const CENTERS_SHOWN = 10;
export const PROGRAMS_SHOWN = 20;
/** Imported calls shown beside the curated programs: they rank lower (no place of their own) but are what a firm can apply for now. */
export const CALLS_SHOWN = 20;

export interface MatchedItem extends ListingSummary {
  distanceKm: number | null;
  score: number;
  breakdown: ScoredItem["breakdown"];
  reasons: RenderedReason[];
  /** Programs only: the status today (curated standing programs are `rolling`), the window and where to apply. */
  status?: ProgramStatus;
  window?: WindowDates | null;
  daysLeft?: number | null;
  /** Programs only: the regions it serves (empty when nationwide), so a label can name them all. */
  regionCodes?: string[];
  nationwide?: boolean;
}

export interface MatchResponse {
  /** Where the firm was placed: a given point, its address's area (with the area and its precision), or its region's label point. */
  firm: {
    regionCode: string;
    location: LatLng;
    locationBasis: "given" | "address" | "region_label";
    place?: { label: GeocodeMatch["label"]; precision: GeocodeMatch["precision"] };
  };
  classification: {
    pavittClass: PavittClass;
    defaultClass: PavittClass | null;
    confidence: Confidence;
    capability: Capability;
    sizeBand: SizeBand;
    reasons: RenderedReason[];
    capabilityReasons: RenderedReason[];
    /** Seed 003 Figure 2: the kind of large-firm cooperation that fits the firm's capability. */
    cooperation: { mode: string; reasons: RenderedReason[] };
  };
  eligibility: { isSme: boolean | null; reasons: RenderedReason[]; applicantType: FirmApplicantType };
  centers: MatchedItem[];
  programs: MatchedItem[];
  /** The program asked about (`programId`), checked with every rule. */
  explained: { id: string; eligible: boolean; reasons: RenderedReason[] } | null;
  engine: string;
  timings: { retrievalMs: number; rankingMs: number };
}

export type MatchOutcome = { ok: true; value: MatchResponse } | { ok: false; issues: FieldIssue[] };

/** Places the firm, retrieves candidates through the search engine, and ranks them with the matching rules. */
export async function runMatch(services: Services, input: MatchInput): Promise<MatchOutcome> {
  const [reference, geocoder] = await Promise.all([matchReference(services), services.geocoder()]);
  const placed = placeFirm(input, reference, geocoder);
  if (!placed.ok) return placed;
  const { regionCode, location, locationBasis, place } = placed;

  // The class decides which programs can be eligible, so retrieval asks only for those.
  const division = reference.context.divisions.get(input.ksicDivision);
  const { pavittClass } = classifyPavitt({
    division: input.ksicDivision,
    defaultClass: division?.defaultPavittClass ?? null,
    answers: input.answers,
  });

  const today = clockToday();
  const profile: FirmProfile = {
    ksicDivision: input.ksicDivision,
    sectionCode: reference.sectionOf.get(input.ksicDivision) ?? "",
    employees: input.employees,
    capitalKrw: input.capitalKrw,
    salesKrw: input.salesKrw,
    location,
    regionCode,
    answers: input.answers,
    rnd: input.rnd,
    certifications: input.certifications,
    needs: input.needs,
    foundedOn: input.foundedOn,
    applicantType: input.applicantType,
  };
  // Calls the firm cannot apply to as what it is, or at its age, are left to the index.
  const applicant = {
    type: applicantOf(profile, reference.context).type,
    businessAgeMonths: input.foundedOn ? businessAgeMonths(input.foundedOn, today) : null,
  };
  const started = performance.now();
  const programFilters: SearchFilters = {
    type: "program",
    regionCodes: [regionCode],
    includeNationwide: true,
    pavittClass,
    today,
  };
  const [facilityResult, programResult, callResult, askedResult] = await Promise.all([
    services.search.search({
      filters: { type: "facility" },
      near: location,
      sort: "distance",
      limit: FACILITY_CANDIDATES,
      offset: 0,
    }),
    services.search.search({
      filters: { ...programFilters, programOrigin: "curated" },
      near: location,
      sort: "distance",
      limit: PROGRAM_CANDIDATES,
      offset: 0,
    }),
    // Closed calls are never candidates; the status is computed for today from the dates.
    services.search.search({
      filters: {
        ...programFilters,
        programOrigin: "call",
        statuses: ["open", "closing_soon", "rolling", "upcoming"],
        applicant,
      },
      sort: "deadline",
      limit: CALL_CANDIDATES,
      offset: 0,
    }),
    input.programId
      ? services.search.search({
          filters: { type: "program", ids: [input.programId], includeClosed: true },
          limit: 1,
          offset: 0,
        })
      : null,
  ]);
  const retrieved = performance.now();

  // Search documents carry the candidates' fields under the same names: the rules take them as they are.
  const facilities: FacilityCandidate[] = facilityResult.hits.map((hit) => hit.document);
  const programs: ProgramCandidate[] = [...programResult.hits, ...callResult.hits].map((hit) => hit.document);
  const result = matchFirm(
    profile,
    { facilities, programs, explain: askedResult?.hits[0]?.document },
    { ...reference.context, today },
    reference.sizeRules,
  );
  const ranked = performance.now();

  const programOf = new Map(programs.map((p) => [p.id, p]));
  const facilityOf = new Map(facilities.map((f) => [f.id, f]));
  const shape = (item: ScoredItem): MatchedItem => {
    const program = item.type === "program" ? programOf.get(item.id) : undefined;
    const candidate = item.type === "program" ? program : facilityOf.get(item.id);
    return {
      id: item.id,
      kind: item.kind,
      nameKo: item.nameKo,
      nameEn: item.nameEn,
      regionCode: candidate?.regionCode ?? null,
      location: candidate?.location ?? null,
      distanceKm: item.distanceKm === null ? null : Math.round(item.distanceKm * 10) / 10,
      score: Math.round(item.score * 10) / 10,
      breakdown: item.breakdown,
      reasons: renderReasons(item.reasons),
      ...(item.type === "program" ? { ...programFacts(program, today), ...programRegions(program) } : {}),
    };
  };
  return {
    ok: true,
    value: {
      firm: { regionCode, location, locationBasis, ...(place ? { place } : {}) },
      classification: {
        ...classificationOf(
          result.classification.pavitt,
          result.classification.capability,
          result.eligibility.sizeBand,
        ),
        cooperation: {
          mode: result.classification.cooperation.mode,
          reasons: renderReasons(result.classification.cooperation.reasons),
        },
      },
      eligibility: {
        isSme: result.eligibility.isSme,
        reasons: renderReasons(result.eligibility.reasons),
        applicantType: result.eligibility.applicantType,
      },
      centers: result.centers.slice(0, CENTERS_SHOWN).map(shape),
      programs: shownPrograms(result.programs, programOf).map(shape),
      explained: result.explained && {
        id: result.explained.id,
        eligible: result.explained.eligible,
        reasons: renderReasons(result.explained.reasons),
      },
      engine: facilityResult.engine,
      timings: { retrievalMs: retrieved - started, rankingMs: ranked - retrieved },
    },
  };
}

/** The best curated programs and the best calls, each list cut on its own, in one ranking. */
function shownPrograms(ranked: readonly ScoredItem[], programOf: ReadonlyMap<string, ProgramCandidate>): ScoredItem[] {
  const isCall = (item: ScoredItem) => Boolean(programOf.get(item.id)?.windowKind);
  const curated = ranked.filter((item) => !isCall(item)).slice(0, PROGRAMS_SHOWN);
  const calls = ranked.filter(isCall).slice(0, CALLS_SHOWN);
  const shown = new Set([...curated, ...calls]);
  return ranked.filter((item) => shown.has(item));
}

function programRegions(program: ProgramCandidate | undefined): Pick<MatchedItem, "regionCodes" | "nationwide"> {
  return { regionCodes: program?.regionCodes ?? [], nationwide: program?.nationwide ?? false };
}

/** A program's status today, its window and the official link, as every program in the answer carries them. */
function programFacts(
  program: ProgramCandidate | undefined,
  today: string,
): Pick<MatchedItem, "status" | "window" | "daysLeft"> {
  const window = program ? windowOfFields(program) : null;
  return {
    status: statusOn(window, today, program?.withdrawn ?? false),
    window: windowOut(window),
    daysLeft: daysLeft(window, today),
  };
}

function classificationOf(
  pavitt: PavittClassification,
  capability: CapabilityAssessment,
  sizeBand: SizeBand,
): Omit<MatchResponse["classification"], "cooperation"> {
  return {
    pavittClass: pavitt.pavittClass,
    defaultClass: pavitt.defaultClass,
    confidence: pavitt.confidence,
    capability: capability.capability,
    sizeBand,
    reasons: renderReasons(pavitt.reasons),
    capabilityReasons: renderReasons(capability.reasons),
  };
}

type Placed = ({ ok: true } & MatchResponse["firm"]) | { ok: false; issues: FieldIssue[] };

/**
 * A location gives the region (by boundaries when loaded); else the factory's
 * address places the firm at its area's centroid; a region alone stands for
 * its label point. An address the geocoder cannot read falls back to the
 * region when one is given.
 */
function placeFirm(
  input: MatchInput,
  reference: Awaited<ReturnType<typeof matchReference>>,
  geocoder: Geocoder,
): Placed {
  if (input.location) {
    const found = regionOfPoint(input.location, reference.regions, reference.boundaries);
    const regionCode = input.regionCode ?? found.regionCode;
    if (!regionCode) return { ok: false, issues: [issue("location", "not_on_land")] };
    return { ok: true, regionCode, location: input.location, locationBasis: "given" };
  }
  if (input.address) {
    const result = geocoder.geocode(input.address);
    if (result.ok) {
      const { match } = result;
      if (input.regionCode && input.regionCode !== match.regionCode)
        return { ok: false, issues: [issue("address", "address_other_region")] };
      return {
        ok: true,
        regionCode: match.regionCode,
        location: { lat: match.lat, lng: match.lng },
        locationBasis: "address",
        place: { label: match.label, precision: match.precision },
      };
    }
    if (!input.regionCode) return { ok: false, issues: [issue("address", "address_not_placed")] };
  }
  const region = reference.regions.find((r) => r.code === input.regionCode);
  if (!region) return { ok: false, issues: [issue("location", "location_or_region")] };
  return { ok: true, regionCode: region.code, location: region.labelPoint, locationBasis: "region_label" };
}
