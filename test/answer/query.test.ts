import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { EVENT_SHARE, fullYears, phrasalParticles, readQuery } from "../../src/answer/query.js";
import { profileDocuments, readSubjects } from "../../src/answer/subject.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { readAcronyms, readPhraseInitials } from "../../src/search/acronyms.js";
import { createAnalyzer } from "../../src/search/analyzer.js";
import { SentenceIndex, termStats } from "../../src/search/index.js";
import { buildPassages } from "../../src/text/passages.js";
import { answered, hotlineOf } from "./one-document.js";

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
  it("GIVEN a when-question ending 'when did it finally happen' THEN 'happen' is not searched for: it stands for the event the rest names", () => {
    const when = readQuery("when did the first call on the line happen", "when", context);
    expect(when.terms.map((t) => t.surface)).not.toContain("happen");
    expect(when.terms.map((t) => t.surface)).toContain("call");
    const ask = readQuery("has anything happened with the hotline", "ask", context);
    expect(ask.terms.map((t) => t.surface)).toContain("happened");
  });

  it("GIVEN a plural of a word that carries no topic ('each others ships') THEN it is not searched for, though other plurals are", () => {
    const surfaces = readQuery(
      "can they point guns at each others ships",
      "ask",
      context,
    ).terms.map((t) => t.surface);
    expect(surfaces).not.toContain("others");
    expect(surfaces).toContain("ships");
  });

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

  it("GIVEN initials typed as such ('mou's', 'MOU') of a lower-case phrase of the sources THEN the phrase's words are searched for", () => {
    const withInitials = {
      ...context,
      initials: readPhraseInitials(["They signed two memorandums of understanding in 2014."]),
    };
    for (const question of ["when did they sign the mou's", "when did they sign the MOU"]) {
      const terms = readQuery(question, "when", withInitials).terms.map((t) => t.term);
      expect(terms).toEqual(
        expect.arrayContaining([analyzer.term("memorandums"), analyzer.term("understanding")]),
      );
    }
  });

  it("GIVEN the same letters as a plain lower-case word ('mou') THEN they are not read as initials", () => {
    const withInitials = {
      ...context,
      initials: readPhraseInitials(["They signed two memorandums of understanding in 2014."]),
    };
    const terms = readQuery("when did they sign the mou", "when", withInitials).terms;
    expect(terms.map((t) => t.term)).not.toContain(analyzer.term("understanding"));
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

describe("readQuery: adverbs of degree", () => {
  it.each(["altogether", "completely", "entirely"])(
    "GIVEN '%s' THEN it is not searched for: 'did they stop talking altogether' asks whether they stopped talking",
    (adverb) => {
      const terms = readQuery(`did nato stop talking to russia ${adverb}`, "ask", context).terms;
      expect(terms.map((t) => t.surface)).not.toContain(adverb);
      expect(terms.map((t) => t.surface)).toContain("talking");
    },
  );
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

  it("GIVEN 'the moscow meeting where they said they would open a hotline, when' THEN 'said' and 'open', which only describe the meeting, are not its event", () => {
    const query = readQuery(
      "the moscow meeting where they said they would open a hotline, when",
      "when",
      context,
    );
    const described = query.terms.filter((t) => t.described).map((t) => t.surface);
    expect(described).toEqual(expect.arrayContaining(["said", "open"]));
    expect(query.terms.filter((t) => t.event)).toEqual([]);
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

describe("fullYears", () => {
  const df = new Map([
    ["1972", 1],
    ["1994", 1],
  ]);

  it("GIVEN a two-digit year after 'in' or an apostrophe THEN the corpus's year", () => {
    expect(fullYears("who signed it in 72", { df })).toBe("who signed it in 1972");
    expect(fullYears("signed back in '72?", { df })).toBe("signed back in 1972?");
    expect(fullYears("signed in 72 with moscow", { df })).toBe("signed in 1972 with moscow");
  });

  it("GIVEN a two-digit decade THEN the decade of the century the corpus names", () => {
    expect(fullYears("the 90s ceasefire", { df })).toBe("the 1990s ceasefire");
    expect(fullYears("the '90s ceasefire", { df })).toBe("the 1990s ceasefire");
  });

  it("GIVEN a decade in words ('the nineties') THEN the decade in full", () => {
    expect(fullYears("in the early nineties", { df })).toBe("in the early 1990s");
    expect(fullYears("the allies", { df })).toBe("the allies");
  });

  it("GIVEN a number that is not a year ('in 72 hours', 'F-10s') THEN it is left alone", () => {
    expect(fullYears("in 72 hours", { df })).toBe("in 72 hours");
    expect(fullYears("the F-10s", { df })).toBe("the F-10s");
    expect(fullYears("15 killed in 2018", { df })).toBe("15 killed in 2018");
    expect(fullYears("3 of 72", { df })).toBe("3 of 72");
    expect(fullYears("cut by 72?", { df })).toBe("cut by 72?");
  });

  it("GIVEN a question with 'in 08' THEN it names the corpus's year 2008", () => {
    expect(context.stats.df.has("2008")).toBe(true);
    expect(readQuery("when was the line set up in 08", "when", context).years).toEqual(["2008"]);
  });
});

/** A question-reading context over one small document of `paragraphs` (and the repo's synonyms). */
function contextOf(paragraphs: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "hotline-query-"));
  try {
    copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
    writeFileSync(
      join(dir, "news.md"),
      `---\nid: news\ntitle: A navy's news\npublisher: A publisher\npublished: 2019-01-01\nurl: http://example.org/news\n---\n\n${paragraphs.join("\n\n")}\n`,
    );
    const corpus = loadCorpus(dir);
    const analyzer = createAnalyzer(corpus.synonyms);
    const passages = buildPassages(corpus.documents, analyzer);
    const stats = termStats(passages);
    return {
      analyzer,
      stats,
      index: new SentenceIndex(passages, stats),
      subjects: readSubjects(profileDocuments(corpus.documents)),
      acronyms: readAcronyms(passages.sentences.map((s) => s.text)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("readQuery: words the question writes otherwise", () => {
  const ctx = contextOf([
    "Submarines operating under water were left out of the agreement.",
    "Early in October the minister said that the delivery was complete.",
    "All fifteen servicemen on board were killed, and professional crews found the wreck.",
    "The interoperability talks went on, and a bomber flew over the torpedo boats.",
    "The armies left Patrolling Point 17A in August.",
    "The Nuclear Risk Reduction Centers exchanged notices, under an agreement signed in 1987.",
    "A missile hit the reconnaissance plane.",
  ]);
  const termOf = (question: string, word: string) =>
    readQuery(question, "ask", ctx).terms.find((t) => t.surface === word);

  it("GIVEN a long word misspelled near its end beyond the edits allowed ('reconnaissacne') THEN the term its start spells", () => {
    expect(termOf("was the reconnaissacne plane hit", "reconnaissacne")?.expansions).toEqual([
      ctx.analyzer.term("reconnaissance"),
    ]);
  });

  it("GIVEN a clipped word WordNet gives for a corpus word ('subs') THEN it stands for that word", () => {
    expect(termOf("does the agreement cover subs", "subs")?.expansions).toEqual([
      ctx.analyzer.term("submarines"),
    ]);
  });

  it("GIVEN an unknown non-word that starts one corpus term ('intero') THEN it stands for that term", () => {
    expect(termOf("when were the intero talks", "intero")?.expansions).toEqual([
      ctx.analyzer.term("interoperability"),
    ]);
  });

  it("GIVEN a short unknown word or a name that starts a corpus word ('inte', 'Intero') THEN it stands for nothing", () => {
    expect(termOf("when were the inte talks", "inte")?.expansions).toEqual([]);
    expect(termOf("when did Intero talk", "Intero")?.expansions).toEqual([]);
  });

  it("GIVEN a common word that merely starts a corpus word ('pro') THEN it stands for nothing", () => {
    expect(termOf("were the crews pro", "pro")?.expansions).toEqual([]);
  });

  it("GIVEN another form of a corpus word that the stemmer keeps apart ('delivered') THEN it stands for it", () => {
    expect(termOf("when was it delivered", "delivered")?.expansions).toEqual([
      ctx.analyzer.term("delivery"),
    ]);
  });

  it("GIVEN a clipped word THEN the other senses of the short form are not related terms", () => {
    // WordNet's "sub" is also a sandwich, a "bomber" or a "torpedo".
    expect(termOf("does the agreement cover subs", "subs")?.related).toEqual([]);
  });

  it("GIVEN a designation whose letters are an acronym of the sources ('pp17a') THEN the name and the number are searched", () => {
    const terms = readQuery("when did they leave pp17a", "when", ctx).terms.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(ctx.analyzer.terms("Patrolling Point 17A")));
  });

  it("GIVEN an acronym spelled out into several words THEN together they weigh less than the words typed", () => {
    const weightOf = (question: string) => {
      const name = new Set(ctx.analyzer.terms("Nuclear Risk Reduction Centers"));
      return readQuery(question, "ask", ctx)
        .terms.filter((t) => name.has(t.term))
        .reduce((sum, t) => sum + t.weight, 0);
    };
    const typed = weightOf("nuclear risk reduction centers agreement signed");
    expect(weightOf("nrrc agreement signed")).toBeLessThan(typed);
    expect(weightOf("nrrc agreement signed")).toBeGreaterThan(0);
  });

  it("GIVEN an irregular verb form that is also a noun ('shot') THEN the verb's related words ('hit')", () => {
    expect(termOf("when was the plane shot down", "shot")?.related).toContain(
      ctx.analyzer.term("hit"),
    );
  });

  it("GIVEN a designation written with a space ('pp 17a') THEN the sources' designation; 'in 17' THEN not", () => {
    const spaced = contextOf(["The troops left PP-17A."]);
    const [designated] = spaced.analyzer.terms("PP-17A");
    const terms = (q: string) => readQuery(q, "ask", spaced).terms.map((t) => t.term);
    expect(terms("when did they leave pp 17a")).toContain(designated);
    expect(terms("did they leave in 17")).not.toContain("in17");
  });

  it("GIVEN 'died' and sources that say 'killed' THEN the killing is a related term", () => {
    expect(termOf("how many died on board", "died")?.related).toContain(
      ctx.analyzer.term("killed"),
    );
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

describe("readQuery: the future's 'going to'", () => {
  it("GIVEN 'going to' before a verb THEN 'going' is not searched for, the verb is", () => {
    const query = readQuery("does israel warn russia what it is going to bomb", "ask", context);
    const surfaces = query.terms.map((t) => t.surface);
    expect(surfaces).not.toContain("going");
    expect(surfaces).toContain("bomb");
  });

  it("GIVEN 'gonna' before a verb THEN it is not searched for", () => {
    const query = readQuery("are they gonna restore the hotline", "ask", context);
    expect(query.terms.map((t) => t.surface)).not.toContain("gonna");
  });

  it("GIVEN 'going to' before a destination THEN 'going' is still searched for", () => {
    const query = readQuery("who is going to the summit in moscow", "ask", context);
    expect(query.terms.map((t) => t.surface)).toContain("going");
  });
});

describe("readQuery: phrasal verbs", () => {
  it("GIVEN a verb and a particle THEN the particle is found by the verb", () => {
    expect(phrasalParticles("when did they sit down to go over the plan")).toEqual(
      new Map([
        ["sit", "down"],
        ["go", "over"],
      ]),
    );
  });

  it("GIVEN 'go over' THEN the sentence that says 'reviewed' answers", async () => {
    const hotline = await hotlineOf(
      [
        "On 4 June 2011, the commanders drafted a plan for the exercise.",
        "On 3 May 2010, the commanders reviewed the plan in Geneva.",
      ],
      "2012-01-01",
    );
    const answer = answered(await hotline.when("when did the commanders go over the plan"));
    expect(answer.date?.iso).toBe("2010-05-03");
  });
});

describe("phrasalParticles: ASCII questions read by the ASCII twin of the Unicode expression", () => {
  // A trailing no-break space makes a question non-ASCII (so the Unicode expression reads it)
  // without changing its words: both readings must agree on every question.
  const word = fc.constantFrom("sit", "Go", "called", "DOWN", "over", "off", "the", "4", "x_y");
  const gap = fc.constantFrom(" ", "  ", "\t", ", ", "'", "-", "?");
  const question = fc
    .array(fc.tuple(word, gap), { maxLength: 8 })
    .map((parts) => parts.map(([w, g]) => w + g).join(""));

  it("GIVEN any ASCII question THEN the particles are those the Unicode expression finds", () => {
    fc.assert(
      fc.property(question, (q) => {
        expect([...phrasalParticles(q)]).toEqual([...phrasalParticles(`${q}\u00a0`)]);
      }),
    );
  });
});
