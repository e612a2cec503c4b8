import { describe, expect, it } from "vitest";
import { type QueryContext, readQuery } from "../../src/answer/query.js";
import { profileDocuments, readSubjects } from "../../src/answer/subject.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { createAnalyzer } from "../../src/search/analyzer.js";
import { SentenceIndex, termStats } from "../../src/search/index.js";
import { buildPassages } from "../../src/text/passages.js";

const corpus = loadCorpus("corpus");
const analyzer = createAnalyzer(corpus.synonyms);
const passages = buildPassages(corpus.documents, analyzer);
const stats = termStats(passages);
const shared: QueryContext = {
  analyzer,
  stats,
  index: new SentenceIndex(passages, stats),
  subjects: readSubjects(profileDocuments(corpus.documents)),
};
/** A context of its own: nothing read in it yet (the words read are kept per context). */
const fresh = (): QueryContext => ({ ...shared });

/** Questions whose words have related words, misspellings, clippings and phrasal verbs. */
const QUESTIONS = [
  "when did serdukov sign the deal",
  "what did serdukov say about the subs",
  "was the line shut down after the deaths",
  "when did they go over the deconfliciton mechanism",
  "when was the hotline finished",
  "did the navies finish the hotline before the deal",
];

describe("readQuery: words read once per context", { timeout: 120_000 }, () => {
  it("GIVEN questions whose words were read before in the same context THEN each is read as in a fresh context", () => {
    for (const q of QUESTIONS) readQuery(q, "ask", shared);
    for (const q of QUESTIONS) {
      for (const command of ["ask", "when"] as const) {
        expect(readQuery(q, command, shared)).toEqual(readQuery(q, command, fresh()));
      }
    }
  });

  it("GIVEN a reading whose term lists the caller changes THEN the next reading of the words is unchanged", () => {
    const ctx = fresh();
    const question = "what did serdukov say about the subs after the deaths";
    const before = readQuery(question, "ask", ctx);
    const expected = structuredClone(before);
    for (const t of before.terms) {
      t.expansions.push("changed");
      t.related?.push("changed");
    }
    expect(readQuery(question, "ask", ctx)).toEqual(expected);
  });
});
