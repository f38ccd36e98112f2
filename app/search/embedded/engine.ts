import type { MatchInfo } from "minisearch";
import { distanceKm } from "~/domain/geo";
import { PROGRAM_STATUSES } from "~/domain/programs/types";
import type { LatLng } from "~/domain/types";
import { required } from "~/required";
import type {
  EngineHealth,
  SearchDocType,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchResult,
} from "../types";
import { type HighlightTerm, highlightText, isLatinWord, nameHighlight } from "../text";
import { assertValidPaging, ordersByDistance } from "../query-rules";
import { Corpus } from "./corpus";
import { dayNumber } from "../program-status";
import { admitsClosed, filterSlots } from "./filters";
import { type Bitset, addSlot, countShared, hasSlot } from "./slot-bitsets";
import { parseQuery, type ParsedQuery } from "./query";
import { type Entry, entryKey } from "./records";
import { matchText, matchTextPartially } from "./text-match";

interface Match {
  entry: Entry;
  /** For text queries: which indexed terms matched in which fields. */
  matchedTerms?: MatchInfo;
  distanceKm?: number;
}

const REPLACE_CHUNK_SIZE = 250;

function assertValidQuery(query: SearchQuery): void {
  assertValidPaging(query);
  const { near } = query;
  if (!near) return;
  if (!Number.isFinite(near.lat) || !Number.isFinite(near.lng)) throw new RangeError("near needs finite lat and lng");
  if (near.radiusKm !== undefined && !(Number.isFinite(near.radiusKm) && near.radiusKm >= 0)) {
    throw new RangeError("near.radiusKm must be a finite, non-negative number");
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The first `count` matches nearest first, exactly as a stable sort by distance would order
 * them (equal distances keep their order, listings without a place go last), without sorting
 * them all: a page needs only its own, and an empty-text search near a point matches everything.
 */
function nearestFirst(matches: Match[], near: LatLng, count: number): Match[] {
  const distances = new Float64Array(matches.length);
  for (let i = 0; i < matches.length; i++) {
    const location = matches[i]?.entry.location;
    distances[i] = location ? distanceKm(near, location) : Infinity;
  }
  let chosen: number[];
  if (count >= matches.length) {
    chosen = Array.from(distances.keys());
  } else {
    const cutoff = kthSmallest(distances.slice(), count - 1);
    chosen = [];
    // i < matches.length, the length of distances: the reads are in bounds.
    for (let i = 0; i < matches.length; i++) if (distances[i]! < cutoff) chosen.push(i);
    for (let i = 0; i < matches.length && chosen.length < count; i++) if (distances[i] === cutoff) chosen.push(i);
  }
  // Both without a place: Infinity - Infinity is NaN, so their original order decides. Chosen holds indices of distances.
  chosen.sort((a, b) => distances[a]! - distances[b]! || a - b);
  return chosen.map((i) => {
    const distance = distances[i];
    return {
      ...required(matches[i], "a chosen match"),
      distanceKm: distance !== undefined && Number.isFinite(distance) ? distance : undefined,
    };
  });
}

/** Quickselect: the value that would stand at index k if the array were sorted. Reorders the array. */
function kthSmallest(values: Float64Array, k: number): number {
  // Hoare partition: i and j stay within [low, high] (the pivot stops both scans), so the reads are in bounds.
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** Exact name matches first, then exact alias matches, then the rest, each in relevance order. */
function promoteExactNames(
  matches: Match[],
  exact: { names: ReadonlySet<string>; aliases: ReadonlySet<string> },
): Match[] {
  if (exact.names.size === 0 && exact.aliases.size === 0) return matches;
  const names: Match[] = [];
  const aliases: Match[] = [];
  const rest: Match[] = [];
  for (const match of matches) {
    const { key } = match.entry;
    (exact.names.has(key) ? names : exact.aliases.has(key) ? aliases : rest).push(match);
  }
  return [...names, ...aliases, ...rest];
}

function highlightName(document: SearchDocument, parsed: ParsedQuery, matchedTerms: MatchInfo | undefined): string {
  const matchedNameWords: HighlightTerm[] = Object.entries(matchedTerms ?? {})
    .filter(([term, fields]) => isLatinWord(term) && fields.includes("name"))
    .map(([term]) => ({ text: term, mode: "word" }));
  const terms = [...parsed.highlightTerms, ...matchedNameWords];
  return nameHighlight(highlightText(document.nameKo, terms), () => highlightText(document.nameEn, terms));
}

/** Last day of application first; calls without one (and facilities) after, in their order. */
function byDeadline(matches: Match[]): Match[] {
  const key = (match: Match) => match.entry.document.windowEndDay ?? Number.MAX_SAFE_INTEGER;
  return [...matches].sort((a, b) => key(a) - key(b));
}

/** Matched programs by their status on a day, from the corpus's bitsets of that day. */
function countStatuses(corpus: Corpus, matched: Bitset, today: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const byStatus = corpus.statusBitsets(today);
  for (const status of PROGRAM_STATUSES) {
    const bits = byStatus.get(status);
    const count = bits ? countShared(bits, matched) : 0;
    if (count > 0) counts[status] = count;
  }
  return counts;
}

function slotsOf(corpus: Corpus, matches: readonly Match[]): Bitset {
  const matched = corpus.bitsets.empty();
  for (const { entry } of matches) addSlot(matched, entry.slot);
  return matched;
}

/**
 * In-process search over MiniSearch with a Korean layer (see records.ts and query.ts). Searches
 * run against one snapshot of the corpus; `replaceAll` builds a new corpus and swaps it in.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded" as const;
  private corpus = new Corpus();
  /** Changes made while `replaceAll` builds the next corpus, replayed onto it before the swap. */
  private changesDuringReplace: Array<(corpus: Corpus) => void> | null = null;

  async configure(): Promise<void> {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    this.change((corpus) => {
      for (const document of documents) corpus.put(document);
    });
  }

  async delete(refs: Array<{ type: SearchDocType; id: string }>): Promise<void> {
    this.change((corpus) => {
      for (const { type, id } of refs) corpus.remove(entryKey(type, id));
    });
  }

  async replaceAll(documents: SearchDocument[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const next = new Corpus();
    const changes: Array<(corpus: Corpus) => void> = [];
    this.changesDuringReplace = changes;
    try {
      const total = documents.length;
      for (let start = 0; start < total; start += REPLACE_CHUNK_SIZE) {
        const end = Math.min(start + REPLACE_CHUNK_SIZE, total);
        for (let i = start; i < end; i++) {
          const document = documents[i];
          if (document !== undefined) next.put(document);
        }
        onProgress?.(end, total);
        await yieldToEventLoop();
      }
      if (total === 0) onProgress?.(0, 0);
      for (const change of changes) change(next);
      this.corpus = next;
    } finally {
      this.changesDuringReplace = null;
    }
  }

  private change(apply: (corpus: Corpus) => void): void {
    apply(this.corpus);
    this.changesDuringReplace?.push(apply);
  }

  async health(): Promise<EngineHealth> {
    return { ok: true };
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    assertValidQuery(query);
    const corpus = this.corpus;
    const admitted = filterSlots(corpus, query.filters ?? {}, query.near);
    const parsed = query.text?.trim() ? parseQuery(query.text, corpus.isKnownWord) : null;
    const hasText = parsed !== null && parsed.groups.length > 0;

    // Deadline order without text or facets: walk the precomputed order and stop at the page; the total is a popcount.
    if (!hasText && query.sort === "deadline" && (query.facets ?? []).length === 0) {
      const wanted = query.offset + query.limit;
      const found: Entry[] = [];
      const order = corpus.inDeadlineOrder();
      const today = query.filters?.today;
      // A call whose last day has passed is closed: without closed calls, the walk starts at today.
      for (
        let i = today && !admitsClosed(query.filters ?? {}) ? corpus.deadlineOrderFrom(dayNumber(today) ?? 0) : 0;
        i < order.length;
        i++
      ) {
        const entry = order[i]!;
        if (admitted && !hasSlot(admitted, entry.slot)) continue;
        found.push(entry);
        if (found.length >= wanted) break;
      }
      const near = query.near;
      return {
        total: admitted ? countShared(admitted, admitted) : corpus.size,
        hits: found
          .slice(query.offset)
          .map((entry): SearchHit =>
            near && entry.location
              ? { document: entry.document, distanceKm: distanceKm(near, entry.location) }
              : { document: entry.document },
          ),
        facets: {},
        unmatchedTerms: [],
      };
    }
    const { matches, unmatchedTerms } = hasText
      ? this.matchText(corpus, parsed, admitted)
      : { matches: this.matchAll(corpus, admitted), unmatchedTerms: [] };
    const near = query.near;
    const byDistance = ordersByDistance(query, hasText);
    const ordered =
      query.sort === "deadline"
        ? byDeadline(matches)
        : near && byDistance
          ? nearestFirst(matches, near, query.offset + query.limit)
          : matches;

    const page = ordered.slice(query.offset, query.offset + query.limit);
    const hits = page.map((match): SearchHit => {
      const hit: SearchHit = { document: match.entry.document };
      const location = match.entry.location;
      if (near && location) hit.distanceKm = match.distanceKm ?? distanceKm(near, location);
      if (hasText) hit.highlight = highlightName(match.entry.document, parsed, match.matchedTerms);
      return hit;
    });
    return {
      total: matches.length,
      unmatchedTerms,
      hits,
      facets: this.countFacets(corpus, matches, query),
    };
  }

  /** Facet counts over the matches' slots; statuses only with a day to judge them on. */
  private countFacets(corpus: Corpus, matches: readonly Match[], query: SearchQuery): SearchResult["facets"] {
    const requested = query.facets ?? [];
    const statusDay = requested.includes("status") ? query.filters?.today : undefined;
    const valueFacets = requested.filter((facet) => facet !== "status");
    if (valueFacets.length === 0 && !statusDay) return {};
    const matched = slotsOf(corpus, matches);
    return {
      ...corpus.countFacets(matched, valueFacets),
      ...(statusDay ? { status: countStatuses(corpus, matched, statusDay) } : {}),
    };
  }

  /** Documents matching every word; when there are none, those matching the most words, with the words nothing matched. */
  private matchText(
    corpus: Corpus,
    parsed: ParsedQuery,
    admitted: Bitset | null,
  ): { matches: Match[]; unmatchedTerms: string[] } {
    let found = matchText(corpus, parsed, admitted);
    let unmatchedTerms: string[] = [];
    if (found.length === 0 && parsed.groups.length > 1) {
      const partial = matchTextPartially(corpus, parsed, admitted);
      found = partial.matches;
      unmatchedTerms = partial.unmatched;
    } else if (found.length === 0) {
      unmatchedTerms = parsed.groups.map((group) => group.text);
    }
    const matches: Match[] = [];
    for (const { slot, match } of found) {
      const entry = corpus.atSlot(slot);
      if (entry) matches.push({ entry, matchedTerms: match });
    }
    return {
      matches: unmatchedTerms.length === 0 ? promoteExactNames(matches, corpus.exactMatches(parsed.tokens)) : matches,
      unmatchedTerms,
    };
  }

  private matchAll(corpus: Corpus, admitted: Bitset | null): Match[] {
    const entries = admitted ? corpus.admittedInDefaultOrder(admitted) : corpus.inDefaultOrder();
    return entries.map((entry) => ({ entry }));
  }
}
