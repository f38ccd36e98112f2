import { assessCapability, classifyPavitt, cooperationMode } from "../classification";
import { businessAgeMonths, callFactsFrom, checkCall } from "../programs/eligibility";
import { checkMicro } from "../programs/micro";
import type { FirmApplicantType } from "../programs/types";
import type { Reason } from "../reasons";
import { checkSme, type SizeRule } from "../sme";
import { checkEligibility } from "./eligibility";
import { applyReach, reachOf } from "./reach";
import { scoreFacility, scoreProgram, type Scored } from "./scoring";
import type {
  FacilityCandidate,
  FirmFacts,
  FirmProfile,
  MatchContext,
  MatchResult,
  ProgramCandidate,
  ScoredItem,
} from "./types";

export interface MatchCandidates {
  facilities: readonly FacilityCandidate[];
  programs: readonly ProgramCandidate[];
  /** One program to check whatever retrieval found: why it fits the firm or not. */
  explain?: ProgramCandidate;
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
  sizeRules: readonly SizeRule[],
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
    answers: profile.answers,
  });
  const sme = checkSme(
    {
      employees: profile.employees,
      capitalKrw: profile.capitalKrw,
      salesKrw: profile.salesKrw,
      division: profile.ksicDivision,
      sectionCode: profile.sectionCode,
    },
    sizeRules,
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
  const applicant = applicantOf(profile, context);
  const today = context.today;
  const callFirm = {
    applicantType: applicant.type,
    foundedOn: profile.foundedOn ?? null,
    today: today ?? "",
    ...(profile.foundedOn && today ? { businessAgeMonths: businessAgeMonths(profile.foundedOn, today) } : {}),
  };

  const centers = candidates.facilities.map((facility) =>
    item("facility", facility, scoreFacility(facility, firm, context), []),
  );
  const reachOfCenter = (center: ScoredItem) =>
    reachOf(profile.regionCode, facilitiesById.get(center.id) ?? { regionCode: null }, center.distanceKm);
  const evaluate = (program: ProgramCandidate) => {
    const eligibility = checkEligibility(program, eligibilityFirm);
    // An imported call also sets a window, applicant types and a business age; a closed call is never recommended.
    const call = callFactsFrom(program);
    const callCheck = call ? checkCall(call, callFirm) : null;
    const eligible =
      eligibility.eligible && (call === null || (today !== undefined && callCheck !== null && callCheck.eligible));
    return { eligible, reasons: [...(callCheck?.reasons ?? []), ...eligibility.reasons] };
  };
  const programs = candidates.programs.flatMap((program) => {
    const verdict = evaluate(program);
    if (!verdict.eligible) return [];
    const provider = program.providerFacilityId === null ? undefined : facilitiesById.get(program.providerFacilityId);
    return [item("program", program, scoreProgram(program, provider, firm, context), verdict.reasons)];
  });
  const explained = candidates.explain ? { id: candidates.explain.id, ...evaluate(candidates.explain) } : null;

  return {
    classification: { pavitt, capability, cooperation: cooperationMode(capability.capability) },
    eligibility: {
      isSme: sme.isSme,
      sizeBand: sme.sizeBand,
      reasons: [...sme.reasons, ...applicant.reasons],
      applicantType: applicant.type,
    },
    centers: applyReach(centers.sort(byRank), reachOfCenter),
    programs: programs.sort(byRank),
    explained,
  };
}

/**
 * What the firm applies to calls as: what it says, except that a firm calling itself 소상공인 must
 * pass the 소상공인 size rule (data/micro_business_rules.csv); without a say, the rule decides
 * between 소상공인 and SME.
 */
export function applicantOf(
  profile: Pick<FirmProfile, "applicantType" | "employees" | "sectionCode">,
  context: Pick<MatchContext, "microRules">,
): { type: FirmApplicantType; reasons: Reason[] } {
  const given = profile.applicantType;
  if (given === "pre_founder" || given === "sole_creator") return { type: given, reasons: [] };
  if (!context.microRules) return { type: given ?? "sme", reasons: [] };
  const micro = checkMicro({ employees: profile.employees, sectionCode: profile.sectionCode }, context.microRules);
  return { type: micro.isMicro ? "micro" : "sme", reasons: given === "micro" || micro.isMicro ? [micro.reason] : [] };
}

function item(
  type: ScoredItem["type"],
  listing: { id: string; kind: string; nameKo: string; nameEn: string },
  scored: Scored,
  eligibilityReasons: ScoredItem["reasons"],
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
