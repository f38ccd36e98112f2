import MiniSearch from "minisearch";
import { distanceKm } from "~/domain/geo";
import type { ProgramStatus } from "~/domain/programs/types";
import type { LatLng } from "~/domain/types";
import { dayStatus } from "../program-status";
import { FACET_NAMES, type FacetName, type SearchDocument, type SearchResult } from "../types";
import { FIELD_BOOSTS, INDEXED_FIELDS, analyze, buildEntry, entryKey, type Entry, type IndexedRecord } from "./records";
import { type Bitset, SlotBitsets, addSlot, countShared, hasSlot, slotsIn } from "./slot-bitsets";

/** Bitset facet for nationwide listings, beside the facets of the interface. */
export const NATIONWIDE_FACET = "nationwide";

function createIndex(): MiniSearch<IndexedRecord> {
  const identity = (term: string) => term;
  return new MiniSearch<IndexedRecord>({
    idField: "key",
    fields: [...INDEXED_FIELDS],
    storeFields: ["slot"],
    // Records hold index keys separated by single spaces.
    tokenize: (text) => (text ? text.split(" ") : []),
    processTerm: identity,
    searchOptions: { boost: FIELD_BOOSTS, maxFuzzy: 2, tokenize: (term) => [term], processTerm: identity },
  });
}

/** Below one admitted entry in this many, sorting the admitted costs less than walking every entry. */
const FEW_ADMITTED_SHARE = 16;

function rankBySlot(order: readonly Entry[], slots: number): Int32Array {
  const ranks = new Int32Array(slots);
  order.forEach((entry, rank) => (ranks[entry.slot] = rank));
  return ranks;
}

function compareDefaultOrder(a: Entry, b: Entry): number {
  const left = a.document;
  const right = b.document;
  if (left.type !== right.type) return left.type < right.type ? -1 : 1;
  // Code-point order of Hangul syllables is dictionary (가나다) order.
  if (left.nameKo !== right.nameKo) return left.nameKo < right.nameKo ? -1 : 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

/**
 * Degrees of latitude per kilometre of great-circle distance: two points `d` km apart differ by at
 * most `d` times this in latitude. The margin keeps rounding from dropping an entry on the edge.
 */
const LATITUDE_DEGREES_PER_KM = (180 / (Math.PI * 6371.0088)) * (1 + 1e-9);

/** Located entries sorted by latitude, for radius filters. */
interface LatitudeIndex {
  latitudes: Float64Array;
  entries: Entry[];
}

function buildLatitudeIndex(entries: Iterable<Entry>): LatitudeIndex {
  const located = [...entries].filter((entry) => entry.location !== null);
  located.sort((a, b) => (a.location?.lat ?? 0) - (b.location?.lat ?? 0));
  return { latitudes: Float64Array.from(located, (entry) => entry.location?.lat ?? 0), entries: located };
}

/** The first index whose value is at least `value`, in ascending values. */
function lowerBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    // middle < high <= values.length: the read is in bounds.
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The hidden bitset of program origins (`curated`, `call`). */
export const ORIGIN_FACET = "_origin";
/** Hidden bitsets of imported calls by the applicant types they name, `ANY_APPLICANT` when none. */
export const APPLICANT_FACET = "_applicant";
export const ANY_APPLICANT = "*";
/** Hidden bitsets of imported calls by their business-age limit in months, `NO_AGE_LIMIT` when none. */
export const AGE_LIMIT_FACET = "_ageLimit";
export const NO_AGE_LIMIT = "none";

function bitsetValues(entry: Entry): Array<[string, string]> {
  const values: Array<[string, string]> = FACET_NAMES.flatMap((facet) =>
    entry.facetValues[facet].map((value): [string, string] => [facet, value]),
  );
  if (entry.document.nationwide) values.push([NATIONWIDE_FACET, "true"]);
  // Programs split into curated standing programs and imported calls, so either is one bitset away.
  if (entry.document.type === "program")
    values.push([ORIGIN_FACET, entry.document.windowKind === null ? "curated" : "call"]);
  if (entry.document.type === "program" && entry.document.windowKind !== null) {
    const { applicantTypes, ageLimitMonths } = entry.document;
    for (const type of applicantTypes.length > 0 ? applicantTypes : [ANY_APPLICANT])
      values.push([APPLICANT_FACET, type]);
    values.push([AGE_LIMIT_FACET, ageLimitMonths === null ? NO_AGE_LIMIT : String(ageLimitMonths)]);
  }
  return values;
}

function addKey(keysByText: Map<string, Set<string>>, texts: readonly string[], key: string): void {
  for (const text of texts) {
    const keys = keysByText.get(text) ?? new Set<string>();
    keys.add(key);
    keysByText.set(text, keys);
  }
}

/** The indexed documents: the MiniSearch index, the entries by key and the lookups built beside it. */
export class Corpus {
  readonly index = createIndex();
  readonly bitsets = new SlotBitsets();
  private readonly entries = new Map<string, Entry>();
  /** Entries by slot: a slot read from a posting finds its entry without hashing a key. */
  private readonly entriesBySlot: Array<Entry | undefined> = [];
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;
  private readonly knownWords = new Set<string>();
  private readonly keysByExactName = new Map<string, Set<string>>();
  private readonly keysByExactAlias = new Map<string, Set<string>>();
  private defaultOrder: Entry[] | null = null;
  /** Each slot's place in the default order, so a few admitted entries sort without comparing names. */
  private defaultRanks: Int32Array | null = null;
  /** Programs by their status on one day: statuses follow the clock, so they are computed per day and kept until the corpus changes. */
  private statusCache: { today: string; bits: Map<ProgramStatus, Bitset> } | null = null;
  /** Entries by last day of application, calls without one last. */
  private deadlineOrder: { order: Entry[]; endDays: Float64Array } | null = null;
  private latitudeIndex: LatitudeIndex | null = null;

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  atSlot(slot: number): Entry | undefined {
    return this.entriesBySlot[slot];
  }

  put(document: SearchDocument): void {
    this.remove(entryKey(document.type, document.id));
    const entry = buildEntry(document, this.freeSlots.pop() ?? this.nextSlot++);
    const { record, hangulWords } = analyze(document, entry.slot);
    this.index.add(record);
    this.entries.set(entry.key, entry);
    this.entriesBySlot[entry.slot] = entry;
    for (const [facet, value] of bitsetValues(entry)) this.bitsets.add(entry.slot, facet, value);
    addKey(this.keysByExactName, entry.exactNames, entry.key);
    addKey(this.keysByExactAlias, entry.exactAliases, entry.key);
    // Words stay known after their document goes: that only keeps a particle on a one-syllable stem.
    for (const word of hangulWords) this.knownWords.add(word);
    this.changed();
  }

  private changed(): void {
    this.defaultOrder = null;
    this.defaultRanks = null;
    this.statusCache = null;
    this.deadlineOrder = null;
    this.latitudeIndex = null;
  }

  remove(key: string): void {
    const previous = this.entries.get(key);
    if (!previous) return;
    this.index.discard(key);
    this.entries.delete(key);
    this.entriesBySlot[previous.slot] = undefined;
    for (const [facet, value] of bitsetValues(previous)) this.bitsets.remove(previous.slot, facet, value);
    this.freeSlots.push(previous.slot);
    for (const name of previous.exactNames) this.keysByExactName.get(name)?.delete(key);
    for (const alias of previous.exactAliases) this.keysByExactAlias.get(alias)?.delete(key);
    this.changed();
  }

  /** One bitset per program status on `today`; the first query of a day computes them, the rest reuse them. */
  statusBitsets(today: string): ReadonlyMap<ProgramStatus, Bitset> {
    if (this.statusCache?.today === today) return this.statusCache.bits;
    const statusOf = dayStatus(today);
    const bits = new Map<ProgramStatus, Bitset>();
    for (const entry of this.entries.values()) {
      const status = statusOf(entry.document);
      if (status === null) continue;
      let set = bits.get(status);
      if (!set) bits.set(status, (set = this.bitsets.empty()));
      addSlot(set, entry.slot);
    }
    this.statusCache = { today, bits };
    return bits;
  }

  /** Every entry, nearest last day of application first; entries without one keep the default order after them. */
  inDeadlineOrder(): readonly Entry[] {
    return this.deadlineIndex().order;
  }

  /**
   * Where the deadline order reaches calls whose last day is `day` (YYYYMMDD) or later. Those
   * before it had their last day already: a walk for calls that are not closed starts here, past
   * the thousands a portal keeps after they close.
   */
  deadlineOrderFrom(day: number): number {
    return lowerBound(this.deadlineIndex().endDays, day);
  }

  private deadlineIndex(): { order: Entry[]; endDays: Float64Array } {
    if (!this.deadlineOrder) {
      const endDay = (entry: Entry) => entry.document.windowEndDay ?? Number.MAX_SAFE_INTEGER;
      const order = [...this.inDefaultOrder()].sort((a, b) => endDay(a) - endDay(b));
      this.deadlineOrder = { order, endDays: Float64Array.from(order, endDay) };
    }
    return this.deadlineOrder;
  }

  /**
   * The entries within `radiusKm` of `center`. Only those in the band of latitudes the radius can
   * reach are measured, so a radius near one city skips the rest of the country.
   */
  withinRadius(center: LatLng, radiusKm: number): Bitset {
    const { latitudes, entries } = (this.latitudeIndex ??= buildLatitudeIndex(this.entries.values()));
    const reach = radiusKm * LATITUDE_DEGREES_PER_KM;
    const northmost = center.lat + reach;
    const found = this.bitsets.empty();
    // i < latitudes.length, the length of entries, whose entries all have a location.
    for (let i = lowerBound(latitudes, center.lat - reach); i < latitudes.length && latitudes[i]! <= northmost; i++) {
      const entry = entries[i]!;
      if (distanceKm(center, entry.location!) <= radiusKm) addSlot(found, entry.slot);
    }
    return found;
  }

  readonly isKnownWord = (word: string): boolean => this.knownWords.has(word);

  /** Keys of the documents whose name, or else whose alias, has exactly these tokens. */
  exactMatches(tokens: readonly string[]): { names: ReadonlySet<string>; aliases: ReadonlySet<string> } {
    const text = tokens.join(" ");
    return {
      names: this.keysByExactName.get(text) ?? new Set(),
      aliases: this.keysByExactAlias.get(text) ?? new Set(),
    };
  }

  /** Every entry, facilities before programs, then by Korean name. */
  inDefaultOrder(): readonly Entry[] {
    this.defaultOrder ??= [...this.entries.values()].sort(compareDefaultOrder);
    return this.defaultOrder;
  }

  /**
   * The admitted entries in the default order. A filter that admits a few entries of many (the
   * facilities or the curated programs among 20,000 calls) reads their slots and sorts those by
   * rank; one that admits a large share walks the whole order.
   */
  admittedInDefaultOrder(admitted: Bitset): Entry[] {
    const order = this.inDefaultOrder();
    if (countShared(admitted, admitted) * FEW_ADMITTED_SHARE > order.length)
      return order.filter((entry) => hasSlot(admitted, entry.slot));
    const ranks = (this.defaultRanks ??= rankBySlot(order, this.nextSlot));
    const admittedEntries: Entry[] = [];
    for (const slot of slotsIn(admitted)) {
      const entry = this.entriesBySlot[slot];
      if (entry) admittedEntries.push(entry);
    }
    return admittedEntries.sort((a, b) => (ranks[a.slot] ?? 0) - (ranks[b.slot] ?? 0));
  }

  /** For each requested facet, how many of the matched slots carry each value. */
  countFacets(matched: Bitset, facets: readonly FacetName[]): SearchResult["facets"] {
    const counts: SearchResult["facets"] = {};
    for (const facet of facets) {
      const byValue = new Map<string, number>();
      for (const [value, bits] of this.bitsets.valuesOf(facet)) {
        const count = countShared(bits, matched);
        if (count > 0) byValue.set(value, count);
      }
      counts[facet] = Object.fromEntries(byValue);
    }
    return counts;
  }
}
