import { describe, expect, it } from "vitest";
import { Corpus } from "~/search/embedded/corpus";
import { groupQuery, parseQuery } from "~/search/embedded/query";
import { matchText } from "~/search/embedded/text-match";
import { ALL_DOCUMENTS } from "../../contract/fixtures";

const corpus = new Corpus();
for (const document of ALL_DOCUMENTS) corpus.put(document);

/** MiniSearch's own evaluation of the group, every posting scored. */
function unrestricted(text: string, predicate?: (key: string) => boolean) {
  const [group] = parseQuery(text, corpus.isKnownWord).groups;
  const boostDocument = predicate ? (key: string) => (predicate(key) ? 1 : 0) : undefined;
  return corpus.index
    .search(groupQuery(group!), { boostDocument })
    .map((r) => ({ key: r.id as string, score: r.score }));
}

const byKey = (results: { key: string; score: number }[]) =>
  [...results]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((r) => ({ key: r.key, score: Number(r.score.toFixed(9)) }));

describe("phrase alternatives scored only where their rarest word is", () => {
  it.each([
    "industrial complex",
    "산업단지",
    "r&d",
    "innovation center",
    "창조경제혁신센터",
    "technopark",
    "textile",
    "national industrial complex",
  ])("%s: the same documents with the same scores as a full evaluation", (text) => {
    const parsed = parseQuery(text, corpus.isKnownWord);
    expect(parsed.groups).toHaveLength(1);
    const restricted = matchText(corpus, parsed, null);
    expect(restricted.length).toBeGreaterThan(0);
    expect(byKey(restricted)).toEqual(byKey(unrestricted(text)));
  });

  it("keeps applying the filters", () => {
    const inDaegu = (key: string) => corpus.get(key)?.document.regionCode === "27";
    const restricted = matchText(
      corpus,
      parseQuery("industrial complex", corpus.isKnownWord),
      (entry) => entry.document.regionCode === "27",
    );
    expect(byKey(restricted)).toEqual(byKey(unrestricted("industrial complex", inDaegu)));
  });
});
