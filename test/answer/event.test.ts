import { describe, expect, it } from "vitest";
import { untoldEvent, untoldQuality, untoldThing } from "../../src/answer/event.js";
import type { Query, QueryTerm } from "../../src/answer/query.js";
import { loadHotline } from "../../src/hotline.js";
import { isCommonWord } from "../../src/text/english.js";
import { isMainlyVerb } from "../../src/text/verb-forms.js";
import { hotlineOf } from "./one-document.js";

const hotline = loadHotline();

/**
 * A query whose terms are all unknown to the index, each of weight 3: a word (its term the same)
 * or a surface with its own term and WordNet relatives.
 */
function unknownQuery(
  ...words: (string | { surface: string; term?: string; related?: string[] })[]
): Query {
  const terms = words.map((w): QueryTerm => {
    const { surface, term = surface, related = [] } = typeof w === "string" ? { surface: w } : w;
    const base = { known: false, expansions: [], implied: false, hypothetical: false };
    return { term, surface, weight: 3, ...base, related };
  });
  return {
    terms,
    totalWeight: 3 * terms.length,
    intent: "what",
    years: [],
    outOfScope: null,
    places: [],
    frame: {},
  };
}

describe("untoldEvent through the engine", () => {
  it("GIVEN a rare verb the sources never use ('who installed the line') THEN declined, naming the word", () => {
    const reply = hotline.ask("who installed the hotline between beijing and moscow");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toMatch(/“installed”/);
  });

  it("GIVEN a false premise in a when-question ('restore') THEN declined, with no date", () => {
    const reply = hotline.when("when did moscow and beijing restore their military hotline");
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.date).toBeNull();
  });

  it("GIVEN a common verb the sources never use ('help') THEN it does not decide: answered", () => {
    expect(hotline.ask("How does the hotline help in a crisis?").status).toBe("answered");
  });

  it("GIVEN the same question with a verb the sources use ('set up') THEN answered", () => {
    expect(hotline.when("when did moscow and beijing set up their military hotline").status).toBe(
      "answered",
    );
  });
});

describe("untoldEvent: which verbs decide", () => {
  /** A question of one verb the sources never use (`toldOf` says no to every term). */
  const asking = (surface: string): Query => unknownQuery(surface);

  it.each(["spreads", "spreading"])(
    "GIVEN %j, a form of a common verb ('spread') though not common itself THEN it does not decide",
    (verb) => {
      expect(untoldEvent(asking(verb), () => false)).toBeNull();
    },
  );

  it.each(["installed", "restores", "restoring"])(
    "GIVEN %j, a form of a rare verb THEN the question is declined, naming it",
    (verb) => {
      expect(untoldEvent(asking(verb), () => false)).toContain(`“${verb}”`);
    },
  );
});

describe("untoldEvent: the event told in other words", () => {
  const query = unknownQuery({ surface: "wandered", term: "wander", related: ["strai"] });

  it("GIVEN a rare verb the sources never use but a WordNet synonym they do ('strayed') THEN it does not decide", () => {
    expect(untoldEvent(query, (term) => term === "strai")).toBeNull();
  });

  it("GIVEN the synonym used only by documents about other sides THEN still declined", () => {
    expect(untoldEvent(query, () => false)).toContain("“wandered”");
  });

  it("GIVEN a document saying the synonym ('a jet strayed over the border') THEN the question is answered", () => {
    const reply = hotlineOf(
      [
        "Israel and Russia set up a line in 2015.",
        "Israel did not shoot at the Russian jet that strayed over the border in 2015.",
      ],
      "2016-01-01",
    ).ask("did israel shoot at the russian jet that wandered over the border");
    expect(reply.status).toBe("answered");
  });
});

describe("untoldQuality", () => {
  /** A query whose terms are `words`, all unknown to the index. */
  const unknown = (...words: string[]): Query =>
    unknownQuery(
      ...words.map((w) => (w === "encrypted" ? { surface: w, related: ["code", "encipher"] } : w)),
    );

  it.each([
    "is the kestrel osprey hotline encrypted",
    "how is the kestrel osprey hotline encrypted?",
  ])("GIVEN %j, a rare quality no source mentions THEN declined, naming it", (question) => {
    expect(untoldQuality(question, unknown("encrypted"), () => false)).toBe(
      "The sources never say anything about it being “encrypted”.",
    );
  });

  it("GIVEN the sources about those sides use a rare WordNet relative ('encipher') THEN it does not decide", () => {
    expect(
      untoldQuality("is the hotline encrypted", unknown("encrypted"), (t) => t === "encipher"),
    ).toBeNull();
  });

  it("GIVEN the sources use only a common WordNet relative ('code', as in a code of signals) THEN declined", () => {
    expect(
      untoldQuality("is the hotline encrypted", unknown("encrypted"), (t) => t === "code"),
    ).toBe("The sources never say anything about it being “encrypted”.");
  });

  it.each([
    ["is north korea answering the hotline rn?", "rn"],
    ["is the 1972 navy agreement still valid with russia?", "valid"],
    ["is the hotline still up", "up"],
    ["is the hotline still operational", "operational"],
    ["when was the hotline encrypted", "encrypted"],
  ])(
    "GIVEN %j (chat, a word not last, a common word, no quality asked) THEN it does not decide",
    (question, word) => {
      expect(untoldQuality(question, unknown(word), () => false)).toBeNull();
    },
  );

  it("GIVEN a document that never mentions encryption THEN 'is the line encrypted' is declined", () => {
    const reply = hotlineOf(
      [
        "Kestrel and Osprey set up a hotline in 2015.",
        "The Kestrel and Osprey hotline links the two air force commands.",
      ],
      "2016-01-01",
    ).ask("is the kestrel osprey hotline encrypted");
    expect(reply.status).toBe("no_answer");
  });
});

describe("untoldThing", () => {
  /** A query of the one term `surface`, unknown to the index, with no related words. */
  const unknownThing = (surface: string): Query => unknownQuery(surface);

  it("GIVEN a question whether something is so, about a rare noun no source uses THEN declined, naming it", () => {
    expect(
      untoldThing(
        "do the officers need an interpreter on the channel",
        unknownThing("interpreter"),
      ),
    ).toBe("The sources never mention any “interpreter”.");
  });

  it.each([
    [
      "when did they make the pledge",
      "pledge",
      "not a question whether: the event is found otherwise",
    ],
    ["is the agreement still valid", "valid", "an adjective, not a thing"],
    ["do they still need neighbouring posts", "neighbouring", "a participle"],
    ["do they need a satelite", "satelite", "a misspelling, not an English word"],
  ])("GIVEN %j (%s, %s) THEN it does not decide", (question, word) => {
    expect(untoldThing(question, unknownThing(word))).toBeNull();
  });

  it("GIVEN a source that tells of translators (a WordNet relative) THEN it does not decide", () => {
    const query = { ...unknownThing("interpreter") };
    query.terms = [{ ...(query.terms[0] as QueryTerm), related: ["translat"] }];
    expect(untoldThing("do they need an interpreter", query, (t) => t === "translat")).toBeNull();
  });

  it("GIVEN a document that never mentions interpreters THEN 'do the officers need an interpreter' is declined; one that does, answered", () => {
    const paragraphs = [
      "Kestrel and Osprey set up a hotline in 2015.",
      "Kestrel and Osprey officers speak on the hotline every week.",
    ];
    const question = "do the kestrel and osprey officers need an interpreter on the hotline";
    expect(hotlineOf(paragraphs, "2016-01-01").ask(question).status).toBe("no_answer");
    const told = hotlineOf(
      [...paragraphs, "Kestrel and Osprey officers use an interpreter on the hotline."],
      "2016-01-01",
    ).ask(question);
    expect(told.status).toBe("answered");
  });
});

describe("word facts", () => {
  it("GIVEN words mostly used as verbs and words mostly not THEN told apart", () => {
    expect(isMainlyVerb("restore")).toBe(true);
    expect(isMainlyVerb("install")).toBe(true);
    expect(isMainlyVerb("visit")).toBe(false);
    expect(isMainlyVerb("hotline")).toBe(false);
  });

  it("GIVEN frequent and rare English words THEN only the frequent are common", () => {
    expect(isCommonWord("help")).toBe(true);
    expect(isCommonWord("Thought")).toBe(true);
    expect(isCommonWord("restore")).toBe(false);
    expect(isCommonWord("encrypted")).toBe(false);
  });
});
