import { assessCapability, classifyPavitt, cooperationMode } from "../classification";
import { checkSme, type SizeRule } from "../sme";
import { checkEligibility } from "./eligibility";
import { scoreFacility, scoreProgram, type Scored } from "./scoring";
import type { FacilityCandidate, FirmFacts, FirmProfile, MatchContext, MatchResult, ProgramCandidate, ScoredItem } from "./types";

export interface MatchCandidates {
  facilities: readonly FacilityCandidate[];
  programs: readonly ProgramCandidate[];
}

/**
 * Classifies the firm, checks its SME status, and ranks facilities and the programs it
 * is eligible for. An ineligible program is never returned. Results are sorted by score,
 * then distance (unplaced last), then id, so the order never depends on input order.
 */
export function matchFirm(
  profile: FirmProfile,
  candidates: MatchCandidates,
  context: MatchContext,
  sizeRules: readonly SizeRule[]
): MatchResult {
  const division = context.divisions.get(profile.ksicDivision);
  const divisionName = division
    ? { ko: division.nameKo, en: division.nameEn }
    : { ko: `KSIC ${profile.ksicDivision}`, en: `KSIC ${profile.ksicDivision}` };
  const pavitt = classifyPavitt({
    division: profile.ksicDivision,
    defaultClass: division?.defaultPavittClass ?? null,
    answers: profile.answers,
    divisionName,
  });
  const capability = assessCapability({
    employees: profile.employees,
    researchers: profile.rnd?.researchers,
    rndSpendKrw: profile.rnd?.rndSpendKrw,
    salesKrw: profile.salesKrw,
    patents: profile.rnd?.patents,
    certifications: profile.certifications,
  });
  const sme = checkSme(
    {
      employees: profile.employees,
      capitalKrw: profile.capitalKrw,
      salesKrw: profile.salesKrw,
      division: profile.ksicDivision,
      sectionCode: profile.sectionCode,
    },
    sizeRules
  );
  const firm: FirmFacts = { profile, pavittClass: pavitt.pavittClass, capability: capability.capability, divisionName };
  const eligibilityFirm = {
    isSme: sme.isSme,
    employees: profile.employees,
    regionCode: profile.regionCode,
    pavittClass: pavitt.pavittClass,
    certifications: profile.certifications,
  };
  const facilitiesById = new Map(candidates.facilities.map((facility) => [facility.id, facility]));

  const centers = candidates.facilities.map((facility) => item("facility", facility, scoreFacility(facility, firm, context), []));
  const programs = candidates.programs.flatMap((program) => {
    const eligibility = checkEligibility(program, eligibilityFirm);
    if (!eligibility.eligible) return [];
    const provider = program.providerFacilityId === null ? undefined : facilitiesById.get(program.providerFacilityId);
    return [item("program", program, scoreProgram(program, provider, firm, context), eligibility.reasons)];
  });

  return {
    classification: { pavitt, capability, cooperation: cooperationMode(capability.capability) },
    eligibility: { isSme: sme.isSme, sizeBand: sme.sizeBand, reasons: sme.reasons },
    centers: centers.sort(byRank),
    programs: programs.sort(byRank),
  };
}

function item(
  type: ScoredItem["type"],
  listing: { id: string; kind: string; nameKo: string; nameEn: string },
  scored: Scored,
  eligibilityReasons: ScoredItem["reasons"]
): ScoredItem {
  return {
    id: listing.id,
    type,
    kind: listing.kind,
    nameKo: listing.nameKo,
    nameEn: listing.nameEn,
    distanceKm: scored.distanceKm,
    score: scored.score,
    breakdown: scored.breakdown,
    reasons: [...scored.reasons, ...eligibilityReasons],
  };
}

function byRank(a: ScoredItem, b: ScoredItem): number {
  if (a.score !== b.score) return b.score - a.score;
  const da = a.distanceKm ?? Infinity;
  const db = b.distanceKm ?? Infinity;
  if (da !== db) return da - db;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
