import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/corpus/document.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { createAnalyzer } from "../../src/search/analyzer.js";
import { antecedentOf, buildPassages } from "../../src/text/passages.js";

const corpus = loadCorpus("corpus");
const { sentences } = buildPassages(corpus.documents, createAnalyzer(corpus.synonyms));
const sentence = (start: string) => {
  const found = sentences.find((s) => s.text.startsWith(start));
  if (!found) throw new Error(`no sentence starts with ${start}`);
  return found;
};

describe("antecedentOf", () => {
  it("GIVEN a sentence that points back after its attribution ('Teng said, these are…') THEN the sentence before it in its paragraph", () => {
    const pointing = sentence("Teng said, these are all technical barriers");
    expect(pointing.index).toBeGreaterThan(0);
    expect(antecedentOf(pointing)).toBe(pointing.paragraph.sentences[pointing.index - 1]);
  });

  it("GIVEN an 'it' that points to nothing ('It is obvious from … that') THEN none", () => {
    const expletive = sentence("It is obvious from the bilateral military exchanges that");
    expect(expletive.index).toBeGreaterThan(0);
    expect(antecedentOf(expletive)).toBeUndefined();
  });
});

describe("buildPassages: sentence spans kept by snapshots", () => {
  const doc = parseDocument(
    "line-news.md",
    "---\nid: line-news\ntitle: A line's news\npublisher: A publisher\npublished: 2020-05-01\nurl: http://example.org/line-news\n---\n\nThe line opened in 2008. Gen. Smith called first.\n\nA second paragraph.\n",
  );
  const analyzer = createAnalyzer([]);

  it("GIVEN a corpus THEN each document records where its paragraphs' sentences start and end, as the splitter finds them", () => {
    const built = buildPassages([doc], analyzer);
    expect(built.documents[0]?.sentences).toEqual([
      [0, 24, 25, 49],
      [0, 19],
    ]);
    expect(built.sentences.map((s) => s.text)).toEqual([
      "The line opened in 2008.",
      "Gen. Smith called first.",
      "A second paragraph.",
    ]);
  });

  it("GIVEN stored spans THEN the sentences are cut where they say, the paragraphs not split again", () => {
    const built = buildPassages([doc], analyzer);
    const stored = built.documents.map((d) => ({
      ...d,
      sentences: [
        [0, 8, 9, 49],
        [0, 19],
      ],
    }));
    const again = buildPassages([doc], analyzer, undefined, stored);
    expect(again.sentences.map((s) => s.text)).toEqual([
      "The line",
      "opened in 2008. Gen. Smith called first.",
      "A second paragraph.",
    ]);
  });
});
