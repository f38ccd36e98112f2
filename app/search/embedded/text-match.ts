import type { MatchInfo, Query, QueryCombination } from "minisearch";
import { required } from "~/required";
import type { Corpus } from "./corpus";
import type { EntryPredicate } from "./filters";
import { groupQuery, type ParsedQuery, type TermGroup } from "./query";

export interface TextMatch {
  key: string;
  score: number;
  /** Which indexed terms matched in which fields. */
  match: MatchInfo;
}

type Boost = (key: string) => number;

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
      const counts = words.map((word) => postingCount(corpus, word));
      const rarest = counts.indexOf(Math.min(...counts));
      const holders = new Set<string>();
      corpus.index.search(required(words[rarest], "the rarest word of an alternative"), {
        boostDocument: (key) => {
          holders.add(key as string);
          return 0;
        },
      });
      const restricted: Boost = (key) => (holders.has(key) ? (outer ? outer(key) : 1) : 0);
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
export function matchText(corpus: Corpus, parsed: ParsedQuery, predicate: EntryPredicate | null): TextMatch[] {
  const filtered: Boost | undefined = predicate
    ? (key: string) => {
        const entry = corpus.get(key);
        return entry && predicate(entry) ? 1 : 0;
      }
    : undefined;
  const [onlyGroup] = parsed.groups;
  if (parsed.groups.length === 1 && onlyGroup) {
    return corpus.index
      .search(groupQueryFor(corpus, onlyGroup, filtered), { boostDocument: filtered })
      .map(({ id, score, match }) => ({ key: id as string, score, match }));
  }
  const counts = new Map(parsed.groups.map((group) => [group, postingCount(corpus, groupQuery(group))]));
  const groups = [...parsed.groups].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  let matches: Map<string, TextMatch> | null = null;
  for (const group of groups) {
    const running: Map<string, TextMatch> | null = matches;
    const boostDocument = running ? (key: string) => (running.has(key) ? 1 : 0) : filtered;
    const next = new Map<string, TextMatch>();
    for (const result of corpus.index.search(groupQueryFor(corpus, group, boostDocument), { boostDocument })) {
      const key = result.id as string;
      const previous = running?.get(key);
      next.set(key, {
        key,
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
export function matchTextPartially(
  corpus: Corpus,
  parsed: ParsedQuery,
  predicate: EntryPredicate | null,
): PartialTextMatch {
  const filtered: Boost | undefined = predicate
    ? (key: string) => {
        const entry = corpus.get(key);
        return entry && predicate(entry) ? 1 : 0;
      }
    : undefined;
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
        score: (previous?.score ?? 0) + result.score,
        match: previous ? { ...previous.match, ...result.match } : result.match,
        groups: (previous?.groups ?? 0) + 1,
      });
    }
  }
  const matches = [...found.values()]
    .sort((a, b) => b.groups - a.groups || b.score - a.score)
    .map(({ key, score, match }) => ({ key, score, match }));
  return { matches, unmatched };
}
