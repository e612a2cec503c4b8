import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EVENT_SHARE, readQuery } from "../../src/answer/query.js";
import { profileDocuments, readSubjects } from "../../src/answer/subject.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { readAcronyms } from "../../src/search/acronyms.js";
import { createAnalyzer } from "../../src/search/analyzer.js";
import { SentenceIndex, termStats } from "../../src/search/index.js";
import { buildPassages } from "../../src/text/passages.js";

const corpus = loadCorpus("corpus");
const analyzer = createAnalyzer(corpus.synonyms);
const passages = buildPassages(corpus.documents, analyzer);
const stats = termStats(passages);
const context = {
  analyzer,
  stats,
  index: new SentenceIndex(passages, stats),
  subjects: readSubjects(profileDocuments(corpus.documents)),
};
const termFor = (question: string, word: string) =>
  readQuery(question, "ask", context).terms.find((t) => t.surface === word);

describe("readQuery: misspellings", () => {
  it("GIVEN a misspelled name THEN it stands for the corpus spelling", () => {
    expect(termFor("what did serdukov say", "serdukov")?.expansions).toEqual([
      analyzer.term("Serdyukov"),
    ]);
  });

  it("GIVEN an English word the sources never use, one edit from one they do THEN it is not read as a misspelling", () => {
    // The corpus has "expert"; "expected" (stem "expect") is one edit from it, and a word.
    expect(stats.df.has(analyzer.term("expert"))).toBe(true);
    const expected = termFor("when was the line expected", "expected");
    expect(expected?.known).toBe(false);
    expect(expected?.expansions).toEqual([]);
  });
});

describe("readQuery: what the question sets aside", () => {
  const terms = (question: string) => readQuery(question, "when", context).terms.map((t) => t.term);

  it("GIVEN ', not the X one' naming a side THEN that side is neither a place nor a term", () => {
    const query = readQuery("when did the russia line open, not the us one", "when", context);
    expect(query.places.map((m) => m.codes[0])).toEqual(["RUS"]);
    expect(query.terms.map((t) => t.term)).not.toContain(analyzer.term("USA"));
    expect(query.terms.map((t) => t.term)).toContain(analyzer.term("Russia"));
  });

  it("GIVEN ', not the hotline' THEN the set-aside words are not searched for", () => {
    const asked = terms("when did the mechanism itself start operating, not the hotline");
    expect(asked).not.toContain(analyzer.term("hotline"));
    expect(terms("when did the mechanism start operating")).toEqual(asked);
  });

  it("GIVEN 'after the 2020 cut' THEN the reference's words and year are not searched for, only its frame kept", () => {
    const query = readQuery("when were the lines restored after the 2020 cut", "when", context);
    expect(query.terms.map((t) => t.term)).not.toContain(analyzer.term("cut"));
    expect(query.terms.map((t) => t.term)).not.toContain("2020");
    expect(query.years).toEqual([]);
    expect(query.frame.after?.iso).toBe("2020");
  });

  it("GIVEN 'the us' in lower case THEN the country is a term", () => {
    expect(terms("did china and the us agree")).toContain(analyzer.tokens("US")[0]?.term);
  });
});

describe("readQuery: 'the us' is the country", () => {
  it("GIVEN 'china and the us' in lower case THEN the United States is a term", () => {
    const terms = readQuery(
      "do china and russia trust each other more than china and the us do",
      "ask",
      context,
    ).terms.map((t) => t.term);
    expect(terms).toContain("usa");
  });
});

describe("readQuery: words that ask where something stands", () => {
  it("GIVEN 'status' or 'any update on' THEN the word is not searched for (the sources' 'friendly status' is not the answer)", () => {
    const terms = readQuery("us china hotline status", "ask", context).terms.map((t) => t.term);
    expect(stats.df.has(analyzer.term("status"))).toBe(true);
    expect(terms).not.toContain(analyzer.term("status"));
    expect(terms).toContain(analyzer.term("hotline"));
    const update = readQuery("any update on the us china hotline", "ask", context);
    expect(update.terms.map((t) => t.term)).not.toContain(analyzer.term("update"));
  });
});

describe("readQuery: acronyms the sources spell out", () => {
  const withAcronyms = {
    ...context,
    acronyms: readAcronyms(passages.sentences.map((s) => s.text)),
  };

  it("GIVEN 'MoD' THEN the words of 'Ministry of Defense' are searched for, not an unknown word", () => {
    const terms = readQuery("when did the russian MoD set up the line", "when", withAcronyms).terms;
    expect(terms.map((t) => t.term)).toEqual(
      expect.arrayContaining([analyzer.term("Ministry"), analyzer.term("Defense")]),
    );
    expect(terms.some((t) => t.surface === "MoD")).toBe(false);
  });

  it("GIVEN a lone letter of chat ('china n russia') THEN it is not a term", () => {
    expect(readQuery("china n russia hotline", "ask", context).terms.map((t) => t.surface)).toEqual(
      ["china", "russia", "hotline"],
    );
  });
});

describe("readQuery: a place named as the sources never name it", () => {
  it("GIVEN 'Astana' or 'Qazaqstan' (Kazakhstan's capital and own name) THEN it is searched as the sources' Kazakhstan", () => {
    for (const name of ["Astana", "Qazaqstan"]) {
      const term = readQuery(`what did ${name} sign in 1994`, "ask", context).terms.find(
        (t) => t.surface === name,
      );
      expect(term?.known).toBe(false);
      expect(term?.expansions).toContain(analyzer.term("Kazakhstan"));
    }
  });
});

describe("readQuery: 'how often', 'how long'", () => {
  it("GIVEN 'how often' THEN 'often' is not searched for: it names the kind of answer", () => {
    const terms = readQuery("how often is the line used", "ask", context).terms.map(
      (t) => t.surface,
    );
    expect(terms).not.toContain("often");
    expect(terms).toContain("line");
  });
});

describe("readQuery: words that ask for a date", () => {
  it.each([
    ["since when have china and russia had a military hotline", "since"],
    ["what year did china and russia open the line", "year"],
    ["on which date was the china line opened", "date"],
  ])("GIVEN %j THEN %j is not searched for: the intent asks for the date", (question, word) => {
    const query = readQuery(question, "ask", context);
    expect(query.intent).toBe("when");
    expect(query.terms.map((t) => t.surface)).not.toContain(word);
    expect(query.terms.map((t) => t.surface)).toContain("china");
  });

  it("GIVEN a keyword when-question ending in 'date' THEN 'date' is not searched for", () => {
    const terms = readQuery("china russia hotline date", "when", context).terms;
    expect(terms.map((t) => t.surface)).toEqual(["china", "russia", "hotline"]);
  });

  it("GIVEN 'date' in a question that is not a when-question THEN it is searched for", () => {
    expect(
      readQuery("china russia hotline date", "ask", context).terms.map((t) => t.surface),
    ).toContain("date");
  });

  it("GIVEN 'the following year' in a question THEN 'year' is still searched for", () => {
    const terms = readQuery("what happened the following year", "ask", context).terms;
    expect(terms.map((t) => t.surface)).toContain("year");
  });
});

describe("readQuery: the event of a when-question", () => {
  const share = (question: string) => {
    const query = readQuery(question, "when", context);
    const event = query.terms.filter((t) => t.surface === "established");
    return event.reduce((sum, t) => sum + t.weight, 0) / query.totalWeight;
  };

  it("GIVEN heavy side names and a light event word THEN the event carries at least EVENT_SHARE", () => {
    expect(share("when was the china russia kazakhstan military hotline established")).toBeCloseTo(
      EVENT_SHARE,
      5,
    );
  });

  it("GIVEN 'kick in' (the sources' 'come into force') THEN it is the event, weighted as one", () => {
    const query = readQuery("when did the china russia kazakhstan accord kick in", "when", context);
    const event = query.terms.filter((t) => t.event);
    expect(event.map((t) => t.term)).toEqual(analyzer.terms("It came into force"));
  });

  it("GIVEN an ask-question THEN the weights are the index's own", () => {
    const query = readQuery(
      "why was the china russia kazakhstan hotline established",
      "ask",
      context,
    );
    const event = query.terms.find((t) => t.surface === "established");
    expect(event?.weight).toBeCloseTo(stats.idf(event?.term ?? ""), 5);
  });

  it("GIVEN a when-question without an event word THEN no weight changes", () => {
    const query = readQuery("china russia kazakhstan hotline", "when", context);
    for (const t of query.terms) if (t.known) expect(t.weight).toBeCloseTo(stats.idf(t.term), 5);
  });
});

describe("readQuery: when the having began", () => {
  const established = analyzer.term("established");
  const searched = (question: string) =>
    readQuery(question, "when", context)
      .terms.filter((t) => !t.implied)
      .map((t) => t.term);

  it("GIVEN 'since when have they had a hotline' THEN the setting up is asked and must be said", () => {
    expect(searched("since when have china and russia had a military hotline")).toContain(
      established,
    );
  });

  it("GIVEN a question naming its own event THEN no setting up is added", () => {
    expect(searched("when have china and russia had their first call")).not.toContain(established);
  });

  it("GIVEN a question that says nothing of having THEN no setting up is added", () => {
    expect(searched("china russia military hotline when")).not.toContain(established);
  });
});

describe("readQuery: an event word that says a beginning or an end", () => {
  // A corpus whose only word for an end is "ended".
  const dir = mkdtempSync(join(tmpdir(), "hotline-aspect-"));
  writeFileSync(
    join(dir, "war.md"),
    "---\nid: war\ntitle: A war\npublisher: A publisher\npublished: 2021-01-01\nurl: http://example.org/war\n---\n\nThe war between the two armies ended on 10 November 2020.\n",
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("GIVEN 'stop' as a when-question's event THEN the corpus's 'ended' is related to it", () => {
    const own = loadCorpus(dir);
    const ownAnalyzer = createAnalyzer(own.synonyms);
    const ownPassages = buildPassages(own.documents, ownAnalyzer);
    const ownStats = termStats(ownPassages);
    const ownContext = {
      analyzer: ownAnalyzer,
      stats: ownStats,
      index: new SentenceIndex(ownPassages, ownStats),
      subjects: readSubjects(profileDocuments(own.documents)),
    };
    const query = readQuery("when did the war between the two armies stop", "when", ownContext);
    const stop = query.terms.find((t) => t.surface === "stop");
    expect(stop?.related).toContain(ownAnalyzer.term("ended"));
  });
});
