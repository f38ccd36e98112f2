import type { MatchInfo, Query } from "minisearch";
import type { Corpus } from "./corpus";
import type { EntryPredicate } from "./filters";
import { groupQuery, type ParsedQuery } from "./query";

export interface TextMatch {
  key: string;
  score: number;
  /** Which indexed terms matched in which fields. */
  match: MatchInfo;
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

/**
 * Documents matching every group of the query, best first. Groups run one after another, the
 * most selective first, and each later group only scores the documents still in the running: a
 * zero boost drops a document before MiniSearch builds a result for it. Filters apply the same way
 * to the first group. Scores add up across groups.
 */
export function matchText(corpus: Corpus, parsed: ParsedQuery, predicate: EntryPredicate | null): TextMatch[] {
  const queries = parsed.groups.map(groupQuery);
  const filtered = predicate
    ? (key: string) => {
        const entry = corpus.get(key);
        return entry && predicate(entry) ? 1 : 0;
      }
    : undefined;
  if (queries.length === 1) {
    return corpus.index.search(queries[0], { boostDocument: filtered }).map(({ id, score, match }) => ({ key: id as string, score, match }));
  }
  const counts = new Map(queries.map((query) => [query, postingCount(corpus, query)]));
  queries.sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  let matches: Map<string, TextMatch> | null = null;
  for (const query of queries) {
    const running: Map<string, TextMatch> | null = matches;
    const boostDocument = running ? (key: string) => (running.has(key) ? 1 : 0) : filtered;
    const next = new Map<string, TextMatch>();
    for (const result of corpus.index.search(query, { boostDocument })) {
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
