import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { caseFiles, readCases } from "../../bench/eval.js";
import { writeSyntheticCorpus } from "../../bench/synthetic.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { defaultCorpusDir } from "../../src/hotline.js";
import { createAnalyzer } from "../../src/search/analyzer.js";
import { buildIndex, Postings, searchIndex } from "../../src/search/index.js";
import { buildPassages } from "../../src/text/passages.js";

// Postings replaced MiniSearch's search() on the answering path for speed (see bench/bench.ts);
// MiniSearch is the reference implementation it must match hit for hit.
const work = mkdtempSync(join(tmpdir(), "hotline-parity-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const questions = caseFiles()
  .flatMap((f) => readCases(f.file))
  .map((c) => c.q);

function engines(dir: string) {
  const corpus = loadCorpus(dir);
  const analyzer = createAnalyzer(corpus.synonyms);
  const passages = buildPassages(corpus.documents, analyzer);
  return { analyzer, passages, mini: buildIndex(passages), postings: new Postings(passages) };
}

function expectSameHits(
  e: ReturnType<typeof engines>,
  terms: { term: string; weight: number }[],
  limit: number,
) {
  const expected = searchIndex(e.mini, e.passages.sentences, terms, limit);
  const actual = e.postings.search(e.passages.sentences, terms, limit);
  expect(actual.map((h) => h.sentence.id)).toEqual(expected.map((h) => h.sentence.id));
  actual.forEach((hit, i) => {
    expect(hit.score).toBeCloseTo(expected[i]?.score ?? Number.NaN, 9);
  });
}

describe("Postings.search", () => {
  for (const [name, dir] of [
    ["the seed corpus", () => defaultCorpusDir()],
    [
      "a 1,500-passage synthetic corpus",
      () =>
        writeSyntheticCorpus({
          sentences: 1500,
          seedDir: defaultCorpusDir(),
          outDir: join(work, "syn"),
        }).dir,
    ],
  ] as const) {
    it(`GIVEN ${name} and every benchmark question THEN it returns MiniSearch's hits, in order, with its scores`, () => {
      const e = engines(dir());
      for (const q of questions) {
        const terms = [...new Set(e.analyzer.terms(q))].map((term) => ({ term, weight: 1 }));
        expectSameHits(e, terms, 40);
      }
    });
  }

  it("GIVEN arbitrary weighted terms (repeats, unknown words, any limit) THEN it still matches MiniSearch", () => {
    const e = engines(defaultCorpusDir());
    const vocabulary = [...new Set(e.passages.sentences.flatMap((s) => s.terms))].slice(0, 300);
    const term = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom("zzunknown", "qqq"));
    fc.assert(
      fc.property(
        fc.array(fc.record({ term, weight: fc.constantFrom(1, 0.8, 0.5) }), {
          minLength: 0,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 60 }),
        (terms, limit) => expectSameHits(e, terms, limit),
      ),
      { numRuns: 200 },
    );
  });
});
