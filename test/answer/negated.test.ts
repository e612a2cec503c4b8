import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formsOf,
  negatesWord,
  negationKept,
  predicateHead,
  sameWord,
  widensWord,
} from "../../src/answer/negated.js";
import type { Sentence } from "../../src/text/passages.js";
import { answered, hotlineOf } from "./one-document.js";

describe("predicateHead", () => {
  it.each([
    ["was the cable link really a blue phone??", "blue"],
    ["does the navy tell the coast guard where it sails?", "tell"],
    ["was there any direct radio link between the two ports before 1990", "direct"],
    ["did they use the radio during the storm", "use"],
    ["was the fishing at sea agreement a hotline", "hotline"],
  ])("GIVEN %j THEN its predicate starts with %j", (question, head) => {
    expect(predicateHead(question)).toBe(head);
  });

  it.each(["when was the link set up", "who answers the phone"])(
    "GIVEN %j (not yes/no) THEN null",
    (question) => {
      expect(predicateHead(question)).toBeNull();
    },
  );
});

describe("negatesWord", () => {
  it("GIVEN a negation standing right before a form of the word THEN true", () => {
    expect(negatesWord("The link was never a blue telephone.", "blue")).toBe(true);
    expect(negatesWord("It calls the port, but it does not tell them its route.", "tell")).toBe(
      true,
    );
    expect(negatesWord("By then nobody was using it for anything.", "use")).toBe(true);
  });

  it("GIVEN the word far from the negation, or across a comma THEN false", () => {
    expect(negatesWord("It set up no link, and the phone was blue.", "blue")).toBe(false);
    expect(negatesWord("Nobody expected that the old and famous phone was blue.", "blue")).toBe(
      false,
    );
  });
});

describe("hotline.ask: a yes/no question is settled by a sentence negating its predicate", () => {
  it("GIVEN accounts of the line that name both sides ranked first and 'the hotline was never a red telephone' THEN 'was the chile peru hotline really a red phone' leads with the negation", () => {
    const hotline = hotlineOf(
      [
        "Thirty years ago today, diplomats of Chile and Peru signed a short document that created the hotline between the two capitals.",
        "When the old government of Peru fell in 1991, the hotline went on: it has connected Chile with Peru ever since.",
        "In 1995 Chile and Peru improved the hotline by adding a second circuit.",
        "Despite its image in films and novels, the hotline was never a red telephone.",
        "Pilots of both air forces use the hotline every morning.",
      ],
      "2020-05-01",
    );
    const answer = answered(hotline.ask("was the chile peru hotline really a red phone??"));
    expect(answer.quotes[0]?.text).toContain("never a red telephone");
  });
});

describe("negationKept", () => {
  const sentence = (text: string) => ({ text }) as Sentence;
  it("GIVEN a yes/no question THEN it keeps the sentences negating its predicate", () => {
    const kept = negationKept("was the chile peru hotline really a red phone");
    expect(kept?.(sentence("The hotline was never a red telephone."))).toBe(true);
    expect(kept?.(sentence("The hotline was tested in 1995."))).toBe(false);
  });
  it("GIVEN a question that is not yes/no THEN undefined", () => {
    expect(negationKept("when was the chile peru hotline set up")).toBeUndefined();
  });
});

describe("hotline.ask: a negation of the predicate is read below the candidate cut", () => {
  it("GIVEN fifty accounts of the line that name both sides and 'the hotline was never a red telephone' THEN 'was the chile peru hotline really a red phone' leads with the negation", () => {
    const tests = Array.from(
      { length: 50 },
      (_, i) => `In ${1950 + i} Chile and Peru tested the hotline between their capitals.`,
    );
    const hotline = hotlineOf(
      [...tests, "Despite its image in films and novels, the hotline was never a red telephone."],
      "2020-05-01",
    );
    const answer = answered(hotline.ask("was the chile peru hotline really a red phone??"));
    expect(answer.quotes[0]?.text).toContain("never a red telephone");
  });
});

describe("widensWord", () => {
  it("GIVEN the word said with another ('both … and', 'not only', 'as well as') THEN true", () => {
    expect(widensWord("Ties are both “bilateral” and “multilateral”.", "bilateral")).toBe(true);
    expect(widensWord("Ties are not only bilateral but regional.", "bilateral")).toBe(true);
    expect(widensWord("Bilateral ties as well as regional ones grew.", "bilateral")).toBe(true);
  });
  it("GIVEN the word alone THEN false", () => {
    expect(widensWord("The bilateral relationship continued to advance.", "bilateral")).toBe(false);
  });
});

describe("hotline.ask: 'is it only …' is answered by a sentence saying it with something else", () => {
  it("GIVEN accounts of the bilateral relationship ranked first and 'both bilateral and multilateral' THEN 'is the chile peru military relationship only bilateral' leads with it", () => {
    const hotline = hotlineOf(
      [
        "The following two years, the bilateral military relationship between Chile and Peru continued to advance.",
        "The purpose of the Chile-Peru hotline is prompt communication on bilateral military contacts.",
        "An analyst said that the military relationships between Chile and Peru are both “bilateral” and “multilateral”.",
      ],
      "2008-04-09",
    );
    const answer = answered(hotline.ask("is the chile peru military relationship only bilateral?"));
    expect(answer.quotes[0]?.text).toContain("both “bilateral” and “multilateral”");
  });
});

describe("sameWord: forms compared without building their lists", () => {
  it.each([
    ["use", "using", true],
    ["using", "use", true],
    ["plan", "planned", true],
    ["link", "links", true],
    ["tell", "telled", true],
    ["line", "link", false],
    ["red", "redden", false],
  ])("GIVEN %j and %j THEN %j", (a, b, same) => {
    expect(sameWord(a, b)).toBe(same);
  });

  it("GIVEN any two words, or a word and any of its forms THEN the same as finding one among the other's forms", () => {
    const word = fc.stringMatching(/^[a-z]{0,6}$/);
    const ending = fc.constantFrom("", "s", "es", "ed", "ing", "e", "eed", "ning", "d");
    const pair = fc.oneof(
      fc.tuple(word, word),
      fc.tuple(word, ending).map(([w, e]) => [w, `${w}${e}`] as [string, string]),
      fc.tuple(word, ending).map(([w, e]) => [w, `${w.replace(/e$/, "")}${e}`] as [string, string]),
      fc.tuple(word).map(([w]) => [w, `${w}${w.slice(-1)}ed`] as [string, string]),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(sameWord(a, b)).toBe(formsOf(a).includes(b) || formsOf(b).includes(a));
      }),
    );
  });
});

describe("negationKept: each sentence's negations read once", () => {
  const sentence = (text: string) => ({ text }) as Sentence;
  it("GIVEN one sentence tested by several yes/no questions, twice each THEN each answer is negatesWord's for that question", () => {
    const texts = [
      "The hotline was never a red telephone, nor a teleprinter.",
      "Officers did not use the line for years; it was never tested.",
      "The link was tested in 1995.",
    ].map(sentence);
    const questions = [
      "was the hotline really a red phone",
      "was it a teleprinter",
      "did they use the line",
      "was the line tested",
    ];
    for (let round = 0; round < 2; round++) {
      for (const question of questions) {
        const head = predicateHead(question) ?? "";
        const kept = negationKept(question);
        for (const s of texts) expect(kept?.(s)).toBe(negatesWord(s.text, head));
      }
    }
  });
});
