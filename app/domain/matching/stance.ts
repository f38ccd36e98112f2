import { reason, type Reason } from "../reasons";
import type { Bilingual, PavittClass } from "../types";

/** What a listing offers, in the terms the stance rules read; programs have kind "program". */
export interface ListingFeatures {
  kind: string;
  services: readonly string[];
  deliveryModes: readonly string[];
  /** The anchor group running the listing's large-firm cooperation, with its name. */
  anchorGroup: { id: string; name: Bilingual } | null;
  category: string | null;
  diffusionLevel: number | null;
  diffusionType: string | null;
}

/** What the stance rules read of a facility; matching and the coverage report both describe facilities this way. */
export interface StanceFacility {
  kind: string;
  services: readonly string[];
  deliveryModes: readonly string[];
  anchorGroupId: string | null;
}

/** A facility in the rules' terms; its anchor group goes by its id where no name is known. */
export function facilityFeatures(
  facility: StanceFacility,
  anchorName: (id: string) => Bilingual | undefined = () => undefined,
): ListingFeatures {
  const id = facility.anchorGroupId;
  return {
    kind: facility.kind,
    services: facility.services,
    deliveryModes: facility.deliveryModes,
    anchorGroup: id === null ? null : { id, name: anchorName(id) ?? { ko: id, en: id } },
    category: null,
    diffusionLevel: null,
    diffusionType: null,
  };
}

export interface StanceVerdict {
  /** Share of the stance points, 0–1. */
  fraction: number;
  reason: Reason | null;
}

interface StanceRule {
  when: (listing: ListingFeatures) => boolean;
  fraction: number;
  reason: ((listing: ListingFeatures) => Reason) | null;
}

const has = (values: readonly string[], ...wanted: string[]) => wanted.some((value) => values.includes(value));
const isKind =
  (...kinds: string[]) =>
  (listing: ListingFeatures) =>
    kinds.includes(listing.kind);
const offers =
  (...services: string[]) =>
  (listing: ListingFeatures) =>
    has(listing.services, ...services);
const deliversBy =
  (...modes: string[]) =>
  (listing: ListingFeatures) =>
    has(listing.deliveryModes, ...modes);
const isProgram = (listing: ListingFeatures) => listing.kind === "program";
const any =
  (...tests: Array<(listing: ListingFeatures) => boolean>) =>
  (listing: ListingFeatures) =>
    tests.some((test) => test(listing));
const always = () => true;

const REGIONAL_CENTER = ["innovation_center", "techno_park"];

const coreTarget = (listing: ListingFeatures): Reason => reason("stance.core_target", { program: isProgram(listing) });
/** The institutes that carry production technology to firms of one industry. */
const EXTENSION_SERVICE = ["production_institute", "kitech_division"];

const extensionService = (): Reason => reason("stance.extension_service", {});
const technologySource = (): Reason => reason("stance.technology_source", {});
const intermediary = (listing: ListingFeatures): Reason =>
  reason("stance.intermediary", { program: isProgram(listing) });
const scienceBased = (): Reason => reason("stance.science_based", {});
const notPrimary = (): Reason => reason("stance.not_primary", {});
const sharedGrowth = (listing: ListingFeatures): Reason =>
  reason("stance.shared_growth", { anchor: listing.anchorGroup?.name ?? null });
const industrialComplex = (): Reason => reason("stance.industrial_complex", {});
const notTarget = (): Reason => reason("stance.not_target", {});

/**
 * How well a listing suits each class, from seed 002 Table 2-8, footnote 67 and the text
 * after it. The first rule that holds decides; rules run from the best fit down.
 * - Specialized suppliers are the core target of regional centers: direct, individual
 *   contact and small-group sessions, technical assistance, brokered links to sources.
 * - Supplier-dominated firms are the second target, costly to reach: intermediaries
 *   (trade associations, suppliers, banks) and group presentations, demonstrations, trials.
 * - Science-based firms are not the centers' primary target: research complexes,
 *   universities, patent information and venture finance fit them.
 * - Scale-intensive firms "clearly do not belong to the target group"; as subcontractors
 *   of large firms they fit anchor-group shared growth (seeds 000, 003) and complexes.
 */
const STANCE_RULES: Record<PavittClass, StanceRule[]> = {
  specialized_supplier: [
    { when: isKind(...REGIONAL_CENTER), fraction: 1, reason: coreTarget },
    {
      when: (listing) =>
        isProgram(listing) &&
        listing.category === "technology" &&
        (listing.diffusionLevel === 2 || deliversBy("individual", "small_group")(listing)),
      fraction: 1,
      reason: coreTarget,
    },
    {
      when: any(offers("technical_assistance", "testing_equipment", "consulting"), deliversBy("small_group")),
      fraction: 0.8,
      reason: coreTarget,
    },
    { when: (listing) => isProgram(listing) && listing.category === "technology", fraction: 0.7, reason: coreTarget },
    {
      when: isKind("research_complex", "university_tlo", "business_incubator"),
      fraction: 0.5,
      reason: technologySource,
    },
    { when: always, fraction: 0.3, reason: null },
  ],
  supplier_dominated: [
    // Table 2-8: suppliers' research and extension services are these firms' sources of technology.
    { when: isKind(...EXTENSION_SERVICE), fraction: 1, reason: extensionService },
    {
      when: (listing) =>
        isKind("techno_park", "industrial_complex", "innovation_center")(listing) &&
        any(offers("demonstration", "networking", "information"), deliversBy("group", "intermediary"))(listing),
      fraction: 1,
      reason: intermediary,
    },
    {
      when: (listing) =>
        isProgram(listing) && (listing.diffusionLevel === 1 || deliversBy("group", "intermediary")(listing)),
      fraction: 1,
      reason: intermediary,
    },
    { when: isKind("techno_park", "industrial_complex", "innovation_center"), fraction: 0.7, reason: intermediary },
    {
      when: any(offers("demonstration", "networking", "information"), deliversBy("group", "intermediary")),
      fraction: 0.7,
      reason: intermediary,
    },
    { when: always, fraction: 0.3, reason: null },
  ],
  science_based: [
    { when: isKind("research_complex", "university_tlo"), fraction: 1, reason: scienceBased },
    { when: (listing) => isProgram(listing) && listing.category === "finance", fraction: 1, reason: scienceBased },
    { when: offers("patent_ip", "finance_linkage"), fraction: 0.9, reason: scienceBased },
    {
      when: (listing) =>
        isProgram(listing) && (listing.diffusionLevel === 3 || listing.diffusionType === "university_industry"),
      fraction: 0.9,
      reason: scienceBased,
    },
    {
      when: any(isKind("business_incubator"), offers("rnd_collaboration", "tech_commercialization")),
      fraction: 0.7,
      reason: scienceBased,
    },
    { when: isKind(...REGIONAL_CENTER), fraction: 0.2, reason: notPrimary },
    { when: (listing) => isProgram(listing) && listing.category === "technology", fraction: 0.5, reason: null },
    { when: always, fraction: 0.3, reason: null },
  ],
  scale_intensive: [
    {
      when: (listing) => listing.anchorGroup !== null && offers("shared_growth")(listing),
      fraction: 1,
      reason: sharedGrowth,
    },
    {
      when: (listing) => listing.anchorGroup !== null || offers("shared_growth")(listing),
      fraction: 0.7,
      reason: sharedGrowth,
    },
    { when: isKind("industrial_complex"), fraction: 0.7, reason: industrialComplex },
    { when: isKind(...REGIONAL_CENTER), fraction: 0.1, reason: notTarget },
    { when: always, fraction: 0.3, reason: null },
  ],
};

export function stanceOf(cls: PavittClass, listing: ListingFeatures): StanceVerdict {
  const rule = STANCE_RULES[cls].find((candidate) => candidate.when(listing)) as StanceRule;
  return { fraction: rule.fraction, reason: rule.reason === null ? null : rule.reason(listing) };
}
