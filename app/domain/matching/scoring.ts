import { distanceKm } from "../geo";
import { reason, type Reason } from "../reasons";
import type {
  Bilingual,
  Capability,
  DeliveryMode,
  DiffusionLevel,
  FacilityService,
  Need,
  PavittClass,
  ProgramCategory,
} from "../types";
import { facilityFeatures, stanceOf, type ListingFeatures } from "./stance";
import type {
  BreakdownLine,
  FacilityCandidate,
  FirmFacts,
  MatchContext,
  ProgramCandidate,
  ScoreComponent,
} from "./types";

/**
 * Points per component; they sum to 100.
 * - proximity 30: seed 002 puts nearness first ("RICs should be located regionally, not
 *   far from SMEs"; "geographical and technical proximity will breed more quickly the
 *   confidence needed"), and diffusion services "have to be delivered locally". It is the
 *   largest share so that a listing far away cannot win on industry and stance alone.
 * - industry 20 and stance 20: the same industry and the right stance for the firm's
 *   Pavitt class (Table 2-8, footnote 67) decide whether the help fits at all.
 * - level 10: Table 2-6 with footnote 58: the level a listing works at should match the
 *   firm's capability; it refines the fit within the right kind of listing.
 * - delivery 10: how the help reaches the firm (groups and intermediaries, or individual
 *   and small-group work) matters, but a good listing can usually adapt its delivery.
 * - needs 10: what the firm says it needs; enough to lift matching listings among
 *   otherwise similar ones without overriding the structural fit.
 */
export const MAX_POINTS: Record<ScoreComponent, number> = {
  proximity: 30,
  industry: 20,
  stance: 20,
  level: 10,
  delivery: 10,
  needs: 10,
};

/**
 * Proximity: 27 points decaying smoothly with distance, 27 / (1 + (d / 40 km)²), plus 3
 * for the same province. Forty km, about an hour's drive, is where half the points are
 * left: close enough for the repeated visits a transfer of know-how needs. The decay
 * never stops at a provincial border (seed 004 asks for support by economic zone), and
 * the bonus is small, so a center 20 km across a border (21.6 points) beats one 150 km
 * away inside the province (1.8 + 3). A listing with no place (a nationwide program
 * without a provider) gets half the decay points: it can be used anywhere, but it is not
 * the local presence the sources ask for.
 */
const DECAY_POINTS = 27;
const SAME_REGION_POINTS = 3;
const HALF_POINTS_KM = 40;
const NO_PLACE_SHARE = 0.5;

/**
 * Industry, best tier only: the listing names the firm's division (20); for a
 * science-based firm, the listing works in research and development (14), since such
 * firms draw on "own R&D, science" in any industry (Table 2-8; footnote 67 points them
 * to research complexes); its anchor group works in the division (14); the division is a
 * strategic industry of the listing's region (10); a program open to every industry (8);
 * the listing works in the firm's KSIC section (4).
 */
const INDUSTRY_POINTS = { named: 20, research: 14, anchor: 14, regionStrategic: 10, open: 8, section: 4 } as const;
/** KSIC-10 division 70, research and development. */
const RESEARCH_DIVISION = "70";

/**
 * Level: the level each capability gains most from (Table 2-6 read with footnote 58):
 * demonstrations for non-technological firms, technical assistance, information networks
 * and small-scale R&D for followers, level 3 and finance for technology-driven firms.
 * One level off keeps 40% of the points; two levels off, none.
 */
const LEVEL_FOR_CAPABILITY: Record<Capability, DiffusionLevel> = {
  non_technological: 1,
  technology_following: 2,
  technology_driven: 3,
};
const ONE_LEVEL_OFF_SHARE = 0.4;

/** The diffusion level a facility's service works at (Table 2-6). */
const SERVICE_LEVEL: Partial<Record<FacilityService, DiffusionLevel>> = {
  demonstration: 1,
  technical_assistance: 2,
  testing_equipment: 2,
  consulting: 2,
  training: 2,
  information: 2,
  networking: 2,
  rnd_collaboration: 3,
  tech_commercialization: 3,
  patent_ip: 3,
};

/** Delivery that suits each class (seed 002, text after Table 2-8). */
const DELIVERY_FOR_CLASS: Record<PavittClass, DeliveryMode[]> = {
  supplier_dominated: ["group", "intermediary"],
  specialized_supplier: ["individual", "small_group"],
  science_based: ["individual", "online"],
  scale_intensive: ["individual"],
};

/**
 * The program category and the facility services that answer each need. Cooperation has
 * no category of its own: it is answered by anchor groups and shared-growth services.
 */
const NEED_CATEGORY: Record<Exclude<Need, "cooperation">, ProgramCategory> = {
  technology: "technology",
  finance: "finance",
  export: "export",
  manpower: "manpower",
  startup: "startup",
  management: "management",
  domestic_market: "domestic_market",
};
const NEED_SERVICES: Record<Need, FacilityService[]> = {
  technology: [
    "technical_assistance",
    "testing_equipment",
    "rnd_collaboration",
    "tech_commercialization",
    "patent_ip",
    "information",
    "demonstration",
  ],
  finance: ["finance_linkage"],
  export: ["export_support"],
  manpower: ["training"],
  startup: ["startup_incubation"],
  management: ["consulting"],
  domestic_market: ["networking", "tech_commercialization"],
  cooperation: ["shared_growth"],
};

export interface Scored {
  distanceKm: number | null;
  score: number;
  breakdown: BreakdownLine[];
  reasons: Reason[];
}

interface ComponentResult {
  points: number;
  reasons: Reason[];
}

export function scoreFacility(facility: FacilityCandidate, firm: FirmFacts, context: MatchContext): Scored {
  const distance = facility.location === null ? null : distanceKm(firm.profile.location, facility.location);
  const sameRegion = facility.regionCode === firm.profile.regionCode;
  const features = facilityFeaturesIn(facility, context);
  return assemble(distance, {
    proximity: proximity(distance, {
      type: "facility",
      sameRegion,
      acrossBorder: facility.regionCode !== null && facility.regionCode !== firm.profile.regionCode,
    }),
    industry: industry(firm, context, {
      sectors: facility.sectors,
      namedRule: "industry.facility",
      sectorsExclusive: false,
      anchorGroup: features.anchorGroup,
      strategicRegions: facility.regionCode === null ? [] : [facility.regionCode],
    }),
    stance: stance(firm, features),
    level: level(firm, facilityLevels(facility), false, []),
    delivery: delivery(firm, facility.deliveryModes),
    needs: needs(firm, (need) =>
      need === "cooperation" ? offersCooperation(facility) : has(facility.services, NEED_SERVICES[need]),
    ),
  });
}

/** A program is scored on its own terms and, where its provider is known, the provider's stance and anchor group. */
export function scoreProgram(
  program: ProgramCandidate,
  provider: FacilityCandidate | undefined,
  firm: FirmFacts,
  context: MatchContext,
): Scored {
  const distance = program.location === null ? null : distanceKm(firm.profile.location, program.location);
  const sameRegion = !program.nationwide && program.regionCodes.includes(firm.profile.regionCode);
  const providerFeatures = provider === undefined ? null : facilityFeaturesIn(provider, context);
  const ownStance = stance(firm, programFeatures(program));
  const providerStance = providerFeatures === null ? null : stance(firm, providerFeatures);
  return assemble(distance, {
    proximity: proximity(distance, {
      type: "program",
      sameRegion,
      acrossBorder:
        provider !== undefined && provider.regionCode !== null && provider.regionCode !== firm.profile.regionCode,
    }),
    industry: industry(firm, context, {
      sectors: program.sectors,
      namedRule: "industry.program",
      sectorsExclusive: true,
      anchorGroup: providerFeatures?.anchorGroup ?? null,
      strategicRegions: program.nationwide
        ? []
        : program.regionCodes.filter((code) => code === firm.profile.regionCode),
    }),
    stance: programTargetStance(program, firm) ?? better(ownStance, providerStance),
    level: level(
      firm,
      program.diffusionLevel === null ? [] : [program.diffusionLevel],
      program.category === "finance",
      program.targetCapabilities,
    ),
    delivery: delivery(firm, program.deliveryModes),
    needs: needs(firm, (need) =>
      need === "cooperation"
        ? provider !== undefined && offersCooperation(provider)
        : program.category === NEED_CATEGORY[need],
    ),
  });
}

/** Cooperation with large firms: an anchor group or shared-growth programs (seeds 000, 003). */
function offersCooperation(facility: FacilityCandidate): boolean {
  return facility.anchorGroupId !== null || has(facility.services, NEED_SERVICES.cooperation);
}

const COMPONENTS = Object.keys(MAX_POINTS) as ScoreComponent[];

/** The parts' points and reasons in COMPONENTS order; plain loops, as every candidate of every match is assembled here. */
function assemble(distance: number | null, parts: Record<ScoreComponent, ComponentResult>): Scored {
  const breakdown: BreakdownLine[] = [];
  const reasons: Reason[] = [];
  let total = 0;
  for (const component of COMPONENTS) {
    const part = parts[component];
    const points = roundPoints(part.points);
    total += points;
    breakdown.push({ component, points, maxPoints: MAX_POINTS[component] });
    for (const given of part.reasons) reasons.push(given);
  }
  return { distanceKm: distance, score: roundPoints(total), breakdown, reasons };
}

/** Points to one decimal: enough to rank, stable to print. */
function roundPoints(points: number): number {
  return Math.round(points * 10) / 10;
}

const has = (values: readonly string[], wanted: readonly string[]) => wanted.some((value) => values.includes(value));

// --- proximity -------------------------------------------------------------

/** Never increases with distance: the decay is monotone and the bonus does not depend on distance. */
export function proximityDecayPoints(distance: number): number {
  return DECAY_POINTS / (1 + (distance / HALF_POINTS_KM) ** 2);
}

interface Whereabouts {
  type: "facility" | "program";
  /** The facility is in, or the regional program serves, the firm's province. */
  sameRegion: boolean;
  /** The place (a facility, or a program's provider) lies in another province. */
  acrossBorder: boolean;
}

function proximity(distance: number | null, { type, sameRegion, acrossBorder }: Whereabouts): ComponentResult {
  const reasons: Reason[] = [];
  let points: number;
  if (distance === null) {
    points = DECAY_POINTS * NO_PLACE_SHARE;
    reasons.push(type === "program" ? reason("proximity.anywhere", {}) : reason("proximity.unknown", {}));
  } else {
    points = proximityDecayPoints(distance);
    reasons.push(reason("proximity.decay", { km: distance < 1 ? distance : Math.round(distance) }));
    if (acrossBorder && distance <= HALF_POINTS_KM) reasons.push(reason("proximity.cross_border", {}));
  }
  if (sameRegion) {
    points += SAME_REGION_POINTS;
    reasons.push(reason("proximity.same_region", { program: type === "program" }));
  }
  return { points, reasons };
}

// --- industry --------------------------------------------------------------

interface IndustryFacts {
  sectors: readonly string[];
  namedRule: "industry.facility" | "industry.program";
  /**
   * A program's sectors are its target industries: when it lists some, other industries
   * get only the section tier, and when it lists none it is open to all. A facility's
   * industries are its focus, not a limit.
   */
  sectorsExclusive: boolean;
  anchorGroup: { id: string; name: Bilingual } | null;
  strategicRegions: readonly string[];
}

function industry(firm: FirmFacts, context: MatchContext, facts: IndustryFacts): ComponentResult {
  const division = firm.profile.ksicDivision;
  const name = firm.divisionName;
  // A facility may name a class below the division (134, dyeing and finishing, within 13 textiles).
  if (facts.sectors.some((code) => code === division || (code.length > 2 && code.startsWith(division))))
    return result(INDUSTRY_POINTS.named, reason(facts.namedRule, { division: name }));
  if (firm.pavittClass === "science_based" && facts.sectors.includes(RESEARCH_DIVISION))
    return result(INDUSTRY_POINTS.research, reason("industry.research", {}));
  if (!facts.sectorsExclusive || facts.sectors.length === 0) {
    const anchor = facts.anchorGroup === null ? undefined : context.anchorGroups.get(facts.anchorGroup.id);
    if (anchor?.sectors.includes(division))
      return result(
        INDUSTRY_POINTS.anchor,
        reason("industry.anchor", { anchor: { ko: anchor.nameKo, en: anchor.nameEn }, division: name }),
      );
    if (facts.strategicRegions.some((code) => context.regions.get(code)?.strategicIndustries.includes(division)))
      return result(INDUSTRY_POINTS.regionStrategic, reason("industry.region_strategic", { division: name }));
    if (facts.sectorsExclusive) return result(INDUSTRY_POINTS.open, reason("industry.open", {}));
  }
  if (facts.sectors.some((code) => context.divisions.get(code.slice(0, 2))?.sectionCode === firm.profile.sectionCode))
    return result(INDUSTRY_POINTS.section, reason("industry.section", {}));
  return { points: 0, reasons: [] };
}

function result(points: number, reason: Reason): ComponentResult {
  return { points, reasons: [reason] };
}

// --- stance ----------------------------------------------------------------

function facilityFeaturesIn(facility: FacilityCandidate, context: MatchContext): ListingFeatures {
  return facilityFeatures(facility, (id) => {
    const anchor = context.anchorGroups.get(id);
    return anchor ? { ko: anchor.nameKo, en: anchor.nameEn } : undefined;
  });
}

function programFeatures(program: ProgramCandidate): ListingFeatures {
  return {
    kind: "program",
    services: [],
    deliveryModes: program.deliveryModes,
    anchorGroup: null,
    category: program.category,
    diffusionLevel: program.diffusionLevel,
    diffusionType: program.diffusionType,
  };
}

function stance(firm: FirmFacts, listing: ListingFeatures): ComponentResult {
  const verdict = stanceOf(firm.pavittClass, listing);
  return { points: verdict.fraction * MAX_POINTS.stance, reasons: verdict.reason === null ? [] : [verdict.reason] };
}

/** A program that names a few classes, the firm's among them, was designed for firms like it. */
function programTargetStance(program: ProgramCandidate, firm: FirmFacts): ComponentResult | null {
  const named = new Set(program.pavittClasses);
  if (named.size === 0 || named.size >= 4 || !named.has(firm.pavittClass)) return null;
  return result(MAX_POINTS.stance, reason("stance.program_target", { pavittClass: firm.pavittClass }));
}

function better(own: ComponentResult, provider: ComponentResult | null): ComponentResult {
  return provider !== null && provider.points > own.points ? provider : own;
}

// --- level -----------------------------------------------------------------

function facilityLevels(facility: FacilityCandidate): DiffusionLevel[] {
  const levels = facility.services.flatMap((service) => SERVICE_LEVEL[service as FacilityService] ?? []);
  return [...new Set(levels)].sort((a, b) => a - b);
}

/** A listing that names the capabilities it is for is judged on that; otherwise on the levels it works at. */
function level(
  firm: FirmFacts,
  levels: readonly number[],
  offersFinance: boolean,
  targetCapabilities: readonly string[],
): ComponentResult {
  const capability = firm.capability;
  if (targetCapabilities.length > 0) {
    return targetCapabilities.includes(capability)
      ? result(MAX_POINTS.level, reason("level.capability", { capability }))
      : { points: 0, reasons: [] };
  }
  const wanted = LEVEL_FOR_CAPABILITY[capability];
  if (capability === "technology_driven" && offersFinance) return result(MAX_POINTS.level, reason("level.finance", {}));
  const known = levels.filter((value): value is DiffusionLevel => value === 1 || value === 2 || value === 3);
  if (known.length === 0) return { points: 0, reasons: [] };
  const closest = known.reduce((best, value) => (Math.abs(value - wanted) < Math.abs(best - wanted) ? value : best));
  const gap = Math.abs(closest - wanted);
  if (gap === 0) return result(MAX_POINTS.level, reason("level.fit", { level: closest, capability }));
  if (gap === 1)
    return result(MAX_POINTS.level * ONE_LEVEL_OFF_SHARE, reason("level.near", { level: closest, wanted, capability }));
  return { points: 0, reasons: [] };
}

// --- delivery --------------------------------------------------------------

function delivery(firm: FirmFacts, modes: readonly string[]): ComponentResult {
  const fitting = DELIVERY_FOR_CLASS[firm.pavittClass].filter((mode) => modes.includes(mode));
  if (fitting.length === 0) return { points: 0, reasons: [] };
  return result(MAX_POINTS.delivery, reason("delivery.fit", { modes: fitting, pavittClass: firm.pavittClass }));
}

// --- needs -----------------------------------------------------------------

function needs(firm: FirmFacts, answers: (need: Need) => boolean): ComponentResult {
  const met = [...new Set(firm.profile.needs)].filter(answers);
  if (met.length === 0) return { points: 0, reasons: [] };
  return result(MAX_POINTS.needs, reason("needs.match", { needs: met }));
}
