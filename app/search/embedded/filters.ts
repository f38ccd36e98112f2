import type { SearchDocType, SearchFilters, SearchQuery } from "../types";
import { acceptedApplicantTypes } from "~/domain/programs/eligibility";
import {
  AGE_LIMIT_FACET,
  ANY_APPLICANT,
  APPLICANT_FACET,
  type Corpus,
  NATIONWIDE_FACET,
  NO_AGE_LIMIT,
  ORIGIN_FACET,
} from "./corpus";
import { type Entry, entryKey } from "./records";
import { type Bitset, addSlot } from "./slot-bitsets";

/** Which documents a search may return: a bitset of their slots, or a check per entry. */
export type EntryFilter = Bitset | ((entry: Entry) => boolean);

function present(values: readonly string[] | undefined): values is readonly string[] {
  return values !== undefined && values.length > 0;
}

function intersect(bitsets: readonly Bitset[]): Bitset | null {
  const [first, ...rest] = bitsets;
  if (first === undefined) return null;
  const result = Uint32Array.from(first);
  for (const bits of rest) for (let i = 0; i < result.length; i++) result[i] = (result[i] ?? 0) & (bits[i] ?? 0);
  return result;
}

function unionOf(bitsets: ReadonlyArray<Bitset | undefined>, empty: Bitset): Bitset {
  const union = empty;
  for (const bits of bitsets)
    if (bits) for (let i = 0; i < union.length; i++) union[i] = (union[i] ?? 0) | (bits[i] ?? 0);
  return union;
}

/**
 * The value filters as one bitset (null when none restricts): types, kinds, regions, sectors,
 * classes, categories, program origin, applicant type and business age, and status on `today`,
 * all precomputed bitsets.
 */
function filterMask(corpus: Corpus, filters: SearchFilters): Bitset | null {
  const { bitsets } = corpus;
  const required: Bitset[] = [];
  if (filters.type) required.push(bitsets.anyOf("type", [filters.type]));
  if (present(filters.kinds)) required.push(bitsets.anyOf("kind", filters.kinds));
  if (present(filters.regionCodes)) {
    const regions = bitsets.anyOf("regionCodes", filters.regionCodes);
    const nationwide = filters.includeNationwide ? bitsets.bits(NATIONWIDE_FACET, "true") : undefined;
    if (nationwide) for (let i = 0; i < regions.length; i++) regions[i] = (regions[i] ?? 0) | (nationwide[i] ?? 0);
    required.push(regions);
  }
  if (present(filters.sectors)) required.push(bitsets.anyOf("sectors", filters.sectors));
  if (filters.pavittClass !== undefined) required.push(bitsets.anyOf("pavittClasses", [filters.pavittClass]));
  if (present(filters.categories)) required.push(bitsets.anyOf("category", filters.categories));
  if (filters.programOrigin) {
    // Facilities have no origin and stay in.
    required.push(
      unionOf([bitsets.bits(ORIGIN_FACET, filters.programOrigin), bitsets.bits("type", "facility")], bitsets.empty()),
    );
  }
  if (filters.applicant) required.push(applicantMask(corpus, filters.applicant));
  if (filters.today) {
    const byStatus = corpus.statusBitsets(filters.today);
    if (present(filters.statuses))
      required.push(
        unionOf(
          filters.statuses.map((status) => byStatus.get(status)),
          bitsets.empty(),
        ),
      );
    else if (!filters.includeClosed) {
      const live = (["open", "closing_soon", "upcoming", "rolling"] as const).map((status) => byStatus.get(status));
      required.push(unionOf([...live, bitsets.bits("type", "facility")], bitsets.empty()));
    }
  }
  return intersect(required);
}

/** The calls a firm of this applicant type and business age can apply to, with every other document. */
function applicantMask(corpus: Corpus, applicant: NonNullable<SearchFilters["applicant"]>): Bitset {
  const { bitsets } = corpus;
  const notCalls = [bitsets.bits(ORIGIN_FACET, "curated"), bitsets.bits("type", "facility")];
  const byType = unionOf(
    [
      ...notCalls,
      bitsets.bits(APPLICANT_FACET, ANY_APPLICANT),
      ...acceptedApplicantTypes(applicant.type).map((type) => bitsets.bits(APPLICANT_FACET, type)),
    ],
    bitsets.empty(),
  );
  // A pre-founder has no business age; whether a call takes pre-founders is for the rules.
  if (applicant.type === "pre_founder") return byType;
  const months = applicant.businessAgeMonths;
  const underLimit = [...bitsets.valuesOf(AGE_LIMIT_FACET)]
    .filter(([limit]) => limit !== NO_AGE_LIMIT && months !== null && months < Number(limit))
    .map(([, bits]) => bits);
  const byAge = unionOf([...notCalls, bitsets.bits(AGE_LIMIT_FACET, NO_AGE_LIMIT), ...underLimit], bitsets.empty());
  return intersect([byType, byAge]) ?? byType;
}

/** Whether the filters let closed calls through (statuses need a day; without one, no status filters). */
export function admitsClosed(filters: SearchFilters): boolean {
  if (!filters.today) return true;
  if (present(filters.statuses)) return filters.statuses.includes("closed");
  return filters.includeClosed === true;
}

/** The slots of the documents with these ids, of either type. */
function slotsWithIds(corpus: Corpus, ids: readonly string[]): Bitset {
  const found = corpus.bitsets.empty();
  for (const type of corpus.bitsets.valuesOf("type").keys()) {
    for (const id of ids) {
      const entry = corpus.get(entryKey(type as SearchDocType, id));
      if (entry) addSlot(found, entry.slot);
    }
  }
  return found;
}

/**
 * Every filter and the radius as one bitset of the slots they admit, or null when nothing
 * restricts the result: a search then tests one bit per document. Empty lists restrict nothing;
 * `includeNationwide` only widens a region filter.
 */
export function filterSlots(corpus: Corpus, filters: SearchFilters, near: SearchQuery["near"]): Bitset | null {
  const mask = filterMask(corpus, filters);
  const required = mask ? [mask] : [];
  if (present(filters.ids)) required.push(slotsWithIds(corpus, filters.ids));
  if (near && near.radiusKm !== undefined) required.push(corpus.withinRadius(near, near.radiusKm));
  return intersect(required);
}
