import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { type Analyzer, createAnalyzer } from "../../src/search/analyzer.js";
import { buildIndexYielding, SentenceIndex, termStats } from "../../src/search/index.js";
import { buildPassages, type Passages } from "../../src/text/passages.js";

/** Three small documents: two share common words, each has words of its own. */
const DOCUMENTS: Record<string, string[]> = {
  alpha: [
    "The Kestrel line linked the two navies in 1971.",
    "Officers on the line spoke every morning about the weather.",
  ],
  beta: [
    "The Harrier line linked the two air forces in 1985.",
    "Minister Serdyukov spoke on the line about the border.",
  ],
  gamma: [
    "The line linked two armies.",
    "The armies spoke on the line about the border and the weather.",
  ],
};

let dir: string;
let analyzer: Analyzer;
let passages: Passages;
let index: SentenceIndex;

const terms = (text: string) => analyzer.terms(text).map((term) => ({ term, weight: 1 }));
const documentsOf = (hits: { sentence: { paragraph: { doc: { meta: { id: string } } } } }[]) => [
  ...new Set(hits.map((h) => h.sentence.paragraph.doc.meta.id)),
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hotline-index-"));
  for (const [id, paragraphs] of Object.entries(DOCUMENTS)) {
    const front = `---\nid: ${id}\ntitle: The ${id} article\npublisher: Test Desk\nauthor: null\npublished: 2020-01-01\nurl: https://example.org/${id}\noriginal: null\n---\n\n`;
    writeFileSync(join(dir, `${id}.md`), `${front}${paragraphs.join("\n\n")}\n`);
  }
  const corpus = loadCorpus(dir);
  analyzer = createAnalyzer(corpus.synonyms);
  passages = buildPassages(corpus.documents, analyzer);
  index = new SentenceIndex(passages, termStats(passages));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SentenceIndex.search", () => {
  it("GIVEN a word only one document has WHEN searched THEN that document's sentences are the candidates, the sentence with the word scoring highest", () => {
    const hits = index.search(terms("Kestrel"), 3);
    expect(documentsOf(hits)).toEqual(["alpha"]);
    expect(hits.map((h) => h.sentence.text)).toEqual(DOCUMENTS.alpha);
    const [said, around] = hits.map((h) => h.score);
    // The second sentence only has the word in its context (its neighbour): it counts, for less.
    expect(around).toBeGreaterThan(0);
    expect(said).toBeGreaterThan(around ?? 0);
  });

  it("GIVEN a limit of one document WHEN several match THEN only the best document's sentences are returned", () => {
    const hits = index.search(terms("Harrier border"), 1);
    expect(documentsOf(hits)).toEqual(["beta"]);
  });

  it("GIVEN a word in most documents and a rare one WHEN fewer documents are asked for than exist THEN only the rare word finds documents", () => {
    // "weather" is in two of three documents (over half): left out of the document search, so
    // the documents that have only "weather" are not candidates at all.
    expect(documentsOf(index.search(terms("weather Serdyukov"), 2))).toEqual(["beta"]);
    // With room for every document, nothing is left out.
    expect(documentsOf(index.search(terms("weather Serdyukov"), 3)).sort()).toEqual([
      "alpha",
      "beta",
      "gamma",
    ]);
  });

  it("GIVEN a term weight WHEN two documents match different terms THEN the heavier term's document leads", () => {
    const light = index.search(
      [
        { term: analyzer.term("Kestrel"), weight: 1 },
        { term: analyzer.term("Harrier"), weight: 3 },
      ],
      3,
    );
    expect(documentsOf(light)[0]).toBe("beta");
    const heavy = index.search(
      [
        { term: analyzer.term("Kestrel"), weight: 3 },
        { term: analyzer.term("Harrier"), weight: 1 },
      ],
      3,
    );
    expect(documentsOf(heavy)[0]).toBe("alpha");
  });

  it("GIVEN words the corpus never uses WHEN searched THEN there are no hits", () => {
    expect(index.search(terms("sourdough"), 3)).toEqual([]);
    expect(index.search([], 3)).toEqual([]);
  });
});

describe("SentenceIndex.near", () => {
  it("GIVEN a misspelled name WHEN looked up THEN the corpus spelling within the edits is found", () => {
    expect(index.near("serdukov", 2)).toEqual([analyzer.term("Serdyukov")]);
  });

  it("GIVEN too few edits, another first letter or the word itself THEN nothing is found", () => {
    expect(index.near("sxrdxkov", 1)).toEqual([]);
    expect(index.near("kerdyukov", 2)).toEqual([]);
    expect(index.near(analyzer.term("Serdyukov"), 2)).toEqual([]);
    expect(index.near("serdukov", 0)).toEqual([]);
  });
});

describe("SentenceIndex.prefixed", () => {
  it("GIVEN a prefix of one or a few corpus terms THEN those terms, never the prefix itself", () => {
    expect(index.prefixed("kest")).toEqual([analyzer.term("Kestrel")]);
    expect(index.prefixed(analyzer.term("Kestrel"))).toEqual([]);
  });

  it("GIVEN a prefix of more terms than the limit THEN none: it says nothing of which it stands for", () => {
    const many = ["Serdyukov", "spoke"].map((w) => analyzer.term(w));
    expect(index.prefixed("s", 5)).toEqual(expect.arrayContaining(many));
    expect(index.prefixed("s", 1)).toEqual([]);
  });
});

describe("SentenceIndex snapshots", () => {
  it("GIVEN an index saved as JSON WHEN loaded THEN it answers exactly as the one built", () => {
    const saved = JSON.parse(JSON.stringify(index.toJSON()));
    const loaded = new SentenceIndex(passages, termStats(passages), saved);
    for (const question of ["Kestrel", "Harrier border", "line linked armies weather"]) {
      const sentences = (i: SentenceIndex) =>
        i.search(terms(question), 3).map((h) => [h.sentence.id, h.score]);
      expect(sentences(loaded)).toEqual(sentences(index));
    }
  });

  it("GIVEN a saved index of another corpus WHEN loaded THEN it is refused", () => {
    const other = buildPassages(loadCorpus(dir).documents.slice(0, 2), analyzer);
    const saved = new SentenceIndex(other, termStats(other)).toJSON();
    expect(() => new SentenceIndex(passages, termStats(passages), saved)).toThrow(
      /2 documents, corpus has 3/,
    );
  });
});

describe("buildIndexYielding", () => {
  it("GIVEN a corpus WHEN indexed for a reload THEN it returns to the event loop between documents and answers as the index built at once", async () => {
    let pauses = 0;
    const built = await buildIndexYielding(
      passages,
      async () => {
        pauses++;
      },
      1,
    );
    expect(pauses).toBe(Object.keys(DOCUMENTS).length);
    const yielded = new SentenceIndex(passages, termStats(passages), built);
    for (const question of ["Kestrel", "Harrier border", "line linked armies weather"]) {
      const sentences = (i: SentenceIndex) =>
        i.search(terms(question), 3).map((h) => [h.sentence.id, h.score]);
      expect(sentences(yielded)).toEqual(sentences(index));
    }
  });
});
