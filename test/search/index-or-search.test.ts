import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { MINISEARCH_OPTIONS, orSearch } from "../../src/search/index.js";

/** Documents as the sentence index stores them: analysed terms, space-separated. */
const DOCUMENTS = [
  {
    id: 0,
    text: "kestrel line link navi 1971 offic line spoke morn weather",
    about: "alpha articl",
  },
  { id: 1, text: "harrier line link air forc 1985 minist serdyukov spoke border", about: "beta" },
  { id: 2, text: "line link armi armi spoke line border weather", about: "gamma articl border" },
  { id: 3, text: "weather weather weather", about: "" },
  { id: 4, text: "kestrel harrier", about: "line" },
];

function built(): MiniSearch<(typeof DOCUMENTS)[number]> {
  const index = new MiniSearch<(typeof DOCUMENTS)[number]>(MINISEARCH_OPTIONS);
  index.addAll(DOCUMENTS);
  return index;
}

/** MiniSearch's own answer, as ids and scores. */
function searched(index: MiniSearch<unknown>, tokens: string[], boost: (t: string) => number) {
  return index.search(tokens.join(" "), { boostTerm: boost }).map((r) => ({
    id: r.id,
    score: r.score,
  }));
}

const QUERIES: { tokens: string[]; boost: (t: string) => number }[] = [
  { tokens: ["line"], boost: () => 1 },
  { tokens: ["weather", "border"], boost: () => 1 },
  { tokens: ["kestrel", "line", "1971"], boost: (t) => (t === "line" ? 0.5 : 1.7) },
  // A token in titles only, one in no document, an empty one and a repeated one.
  { tokens: ["articl", "nowher", "", "spoke", "spoke"], boost: (t) => t.length / 3 },
  { tokens: ["harrier", "kestrel", "armi", "gamma"], boost: (t) => (t === "armi" ? 0.8 : 0.5) },
  { tokens: ["nowher"], boost: () => 1 },
];

describe("orSearch", () => {
  it("GIVEN a MiniSearch index and OR queries with term boosts THEN it gives MiniSearch's documents, order and scores exactly", () => {
    const index = built();
    for (const { tokens, boost } of QUERIES) {
      expect(orSearch(index as MiniSearch<unknown>, tokens, boost)).toEqual(
        searched(index as MiniSearch<unknown>, tokens, boost),
      );
    }
  });

  it("GIVEN an index loaded back from its JSON THEN it still gives MiniSearch's answer", () => {
    const index = MiniSearch.loadJS(built().toJSON(), MINISEARCH_OPTIONS);
    for (const { tokens, boost } of QUERIES) {
      expect(orSearch(index as MiniSearch<unknown>, tokens, boost)).toEqual(
        searched(index as MiniSearch<unknown>, tokens, boost),
      );
    }
  });

  it("GIVEN an index that had a document removed THEN it falls back to MiniSearch's answer", () => {
    // MiniSearch cleans a removed document's postings as it meets them, which changes later
    // scores: each side reads its own copy.
    const [fast, slow] = [built(), built()];
    fast.discard(2);
    slow.discard(2);
    const tokens = ["line", "border", "weather"];
    const found = orSearch(fast as MiniSearch<unknown>, tokens, () => 1);
    expect(found).toEqual(searched(slow as MiniSearch<unknown>, tokens, () => 1));
    expect(found.map((r) => r.id)).not.toContain(2);
  });

  it("GIVEN a search with prefix matching on by default THEN it is left to MiniSearch", () => {
    const index = new MiniSearch<(typeof DOCUMENTS)[number]>({
      ...MINISEARCH_OPTIONS,
      searchOptions: { ...MINISEARCH_OPTIONS.searchOptions, prefix: true },
    });
    index.addAll(DOCUMENTS);
    const tokens = ["kes"];
    const fast = orSearch(index as MiniSearch<unknown>, tokens, () => 1);
    expect(fast).toEqual(searched(index as MiniSearch<unknown>, tokens, () => 1));
    expect(fast.map((r) => r.id).sort()).toEqual([0, 4]);
  });
});
