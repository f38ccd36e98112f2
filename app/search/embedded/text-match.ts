import type { MatchInfo, Query, QueryCombination } from "minisearch";
import { required } from "~/required";
import type { Corpus } from "./corpus";
import type { EntryFilter } from "./filters";
import { type Bitset, addSlot, hasSlot } from "./slot-bitsets";
import { groupQuery, type ParsedQuery, type TermGroup } from "./query";

export interface TextMatch {
  key: string;
  slot: number;
  score: number;
  /** Which indexed terms matched in which fields. */
  match: MatchInfo;
}

/** MiniSearch's document boost; the stored fields hold the entry's slot. */
type Boost = (key: string, term: string, stored?: Record<string, unknown>) => number;

function slotOf(stored: Record<string, unknown> | undefined): number {
  return stored?.slot as number;
}

/** The filter as a boost: 1 for the documents it admits, 0 (skipped before scoring) for the rest. */
function filterBoost(corpus: Corpus, filter: EntryFilter | null): Boost | undefined {
  if (!filter) return undefined;
  if (typeof filter !== "function") return (_key, _term, stored) => (hasSlot(filter, slotOf(stored)) ? 1 : 0);
  return (_key, _term, stored) => {
    const entry = corpus.atSlot(slotOf(stored));
    return entry && filter(entry) ? 1 : 0;
  };
}

/** How many postings a query touches, counted without scoring anything. */
function postingCount(corpus: Corpus, query: Query): number {
  let count = 0;
  corpus.index.search(query, {
    boostDocument: () => {
      count++;
      return 0;
    },
  });
  return count;
}

/** How many postings a query touches and the slots of their documents, found without scoring anything. */
function postingsOf(corpus: Corpus, query: Query): { count: number; slots: Bitset } {
  let count = 0;
  const slots = corpus.bitsets.empty();
  corpus.index.search(query, {
    boostDocument: (_key, _term, stored) => {
      count++;
      addSlot(slots, slotOf(stored));
      return 0;
    },
  });
  return { count, slots };
}

/**
 * The group's query, in which each phrase alternative ("industrial complex") scores its other
 * words only in the documents that hold its rarest word: an AND of two common words would
 * otherwise score both postings lists in full to keep a few documents. Scores do not change,
 * since BM25 reads how many documents hold a term, not which ones were scored.
 */
function groupQueryFor(corpus: Corpus, group: TermGroup, outer: Boost | undefined): Query {
  const query = groupQuery(group) as QueryCombination;
  return {
    ...query,
    queries: (query.queries as QueryCombination[]).map((alternative) => {
      const words = alternative.queries as QueryCombination[];
      if (words.length < 2) return alternative;
      const postings = words.map((word) => postingsOf(corpus, word));
      const counts = postings.map(({ count }) => count);
      const rarest = counts.indexOf(Math.min(...counts));
      const holders = required(postings[rarest], "the postings of the rarest word").slots;
      const restricted: Boost = (key, term, stored) =>
        hasSlot(holders, slotOf(stored)) ? (outer ? outer(key, term, stored) : 1) : 0;
      return {
        ...alternative,
        queries: words.map((word, i) => (i === rarest ? word : { ...word, boostDocument: restricted })),
      };
    }),
  };
}

/**
 * Documents matching every group of the query, best first. Groups run one after another, the
 * most selective first, and each later group only scores the documents still in the running: a
 * zero boost drops a document before MiniSearch builds a result for it. Filters apply the same way
 * to the first group. Scores add up across groups.
 */
export function matchText(corpus: Corpus, parsed: ParsedQuery, filter: EntryFilter | null): TextMatch[] {
  const filtered = filterBoost(corpus, filter);
  const [onlyGroup] = parsed.groups;
  if (parsed.groups.length === 1 && onlyGroup) {
    return corpus.index
      .search(groupQueryFor(corpus, onlyGroup, filtered), { boostDocument: filtered })
      .map(({ id, slot, score, match }) => ({ key: id as string, slot: slot as number, score, match }));
  }
  const counts = new Map(parsed.groups.map((group) => [group, postingCount(corpus, groupQuery(group))]));
  const groups = [...parsed.groups].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  let matches: Map<string, TextMatch> | null = null;
  for (const group of groups) {
    const running: Map<string, TextMatch> | null = matches;
    const boostDocument: Boost | undefined = running ? (key) => (running.has(key) ? 1 : 0) : filtered;
    const next = new Map<string, TextMatch>();
    for (const result of corpus.index.search(groupQueryFor(corpus, group, boostDocument), { boostDocument })) {
      const key = result.id as string;
      const previous = running?.get(key);
      next.set(key, {
        key,
        slot: result.slot as number,
        score: (previous?.score ?? 0) + result.score,
        match: previous ? { ...previous.match, ...result.match } : result.match,
      });
    }
    matches = next;
    if (matches.size === 0) break;
  }
  return [...(matches?.values() ?? [])].sort((a, b) => b.score - a.score);
}

export interface PartialTextMatch {
  matches: TextMatch[];
  /** Groups (as typed) that no document matches, under the filters. */
  unmatched: string[];
}

/**
 * When no document matches every group: documents matching the most groups first, then by score,
 * and the groups that match nothing at all. A query with one unknown word ("대구 섬유 염색" before
 * 염색 was known) still finds what its other words find.
 */
export function matchTextPartially(corpus: Corpus, parsed: ParsedQuery, filter: EntryFilter | null): PartialTextMatch {
  const filtered = filterBoost(corpus, filter);
  const found = new Map<string, TextMatch & { groups: number }>();
  const unmatched: string[] = [];
  for (const group of parsed.groups) {
    const results = corpus.index.search(groupQueryFor(corpus, group, filtered), { boostDocument: filtered });
    if (results.length === 0) unmatched.push(group.text);
    for (const result of results) {
      const key = result.id as string;
      const previous = found.get(key);
      found.set(key, {
        key,
        slot: result.slot as number,
        score: (previous?.score ?? 0) + result.score,
        match: previous ? { ...previous.match, ...result.match } : result.match,
        groups: (previous?.groups ?? 0) + 1,
      });
    }
  }
  const matches = [...found.values()]
    .sort((a, b) => b.groups - a.groups || b.score - a.score)
    .map(({ key, slot, score, match }) => ({ key, slot, score, match }));
  return { matches, unmatched };
}
