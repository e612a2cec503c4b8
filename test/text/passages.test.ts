import { describe, expect, it } from "vitest";
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
