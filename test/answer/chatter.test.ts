import { describe, expect, it } from "vitest";
import { hintOf, inFocus, lastQuestion, withoutIndefinites } from "../../src/answer/chatter.js";
import type { Query, QueryTerm } from "../../src/answer/query.js";
import { answered, hotlineOf } from "./one-document.js";

describe("withoutIndefinites", () => {
  it("GIVEN a hedge with 'something' THEN the pronoun is not searched for", () => {
    expect(withoutIndefinites("why did they build it, something about cuba?")).toBe(
      "why did they build it, about cuba?",
    );
  });

  it("GIVEN 'anything' THEN dropped too", () => {
    expect(withoutIndefinites("did anything happen to the line")).toBe("did happen to the line");
  });

  it("GIVEN pronouns of people or places ('everyone expected', 'go anywhere') THEN kept: sources say them otherwise", () => {
    const question = "did the deal go anywhere like everyone expected";
    expect(withoutIndefinites(question)).toBe(question);
  });
});

describe("hintOf", () => {
  it("GIVEN a closing guess ('…, something about cuba?') THEN its words", () => {
    expect(hintOf("why did they build the line, something about cuba?")).toBe(" cuba?");
  });

  it("GIVEN no guess THEN empty", () => {
    expect(hintOf("why did they build the line with cuba")).toBe("");
  });
});

describe("lastQuestion", () => {
  it("GIVEN a remark then a question after '??' THEN the question", () => {
    expect(
      lastQuestion(
        "so the paper says it was just used but i thought it opened in march?? when was it first used",
      ),
    ).toBe("when was it first used");
  });

  it("GIVEN two questions THEN the second", () => {
    expect(lastQuestion("who picks up on their side? do they speak russian")).toBe(
      "do they speak russian",
    );
  });

  it("GIVEN a question then a remark ('need the exact day') THEN none", () => {
    expect(lastQuestion("did they set it up in march or april? need the exact day")).toBeNull();
  });

  it("GIVEN one question with a dotted abbreviation THEN none", () => {
    expect(lastQuestion("when did the U.S. line open?")).toBeNull();
  });
});

describe("inFocus", () => {
  const term = (t: string, weight: number): QueryTerm => ({
    term: t,
    surface: t,
    weight,
    known: true,
    expansions: [],
    implied: false,
    hypothetical: false,
  });
  const query = {
    terms: [term("report", 2), term("use", 1), term("first", 1)],
    totalWeight: 4,
  } as Query;

  it("GIVEN the last question as focus THEN the other terms are implied and weigh nothing", () => {
    const read = inFocus(query, "when was it first used", (text) =>
      text.split(" ").map((w) => (w === "used" ? "use" : w)),
    );
    expect(read.terms.filter((t) => t.implied).map((t) => t.term)).toEqual(["report"]);
    expect(read.totalWeight).toBe(2);
  });

  it("GIVEN no focus THEN the query as read", () => {
    expect(inFocus(query, undefined, () => [])).toBe(query);
  });
});

describe("a message of several questions through the engine", () => {
  const news = hotlineOf(
    [
      "The two navies opened a direct telephone line in March 2008.",
      "The line was used for the first time on 29 December 2008, officials said.",
      "Naval officers met in Oslo in 2005 to discuss safety at sea.",
      "A second round of talks in 2006 covered search and rescue.",
      "Both fleets exchanged liaison officers the following spring.",
      "Observers praised the calm tone of the talks.",
      "Weather delayed one of the planned exercises.",
      "The admirals agreed to meet again within a year.",
    ],
    "2009-01-05",
  );

  it("GIVEN a long remark before the question THEN answered by the question, with its date", () => {
    const reply = answered(
      news.when(
        "so the bbc piece my history professor sent round on the class forum says the line was just used for the first time but i thought it opened back in march?? when was it actually first used",
      ),
    );
    expect(reply.date?.iso).toBe("2008-12-29");
  });
});
