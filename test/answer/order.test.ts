import { describe, expect, it } from "vitest";
import { asksOrderOf, orderedSides, statesOrderOf } from "../../src/answer/order.js";
import type { Query, QueryTerm } from "../../src/answer/query.js";
import { answered, hotlineOf } from "./one-document.js";

describe("asksOrderOf", () => {
  it.each([
    "did the chilean line come before the peruvian one?",
    "why did peru get a hotline with chile before bolivia did",
    "was the radio link set up after the treaty",
  ])("GIVEN %j THEN it orders two events", (question) => {
    expect(asksOrderOf(question)).toBe(true);
  });

  it.each([
    "was there any direct link between chile and peru before 2018",
    "did they talk after March",
    "how long after the 2018 agreement did the line open",
    "what happened before the next meeting",
  ])("GIVEN %j (a date, a time word or a measure) THEN it does not", (question) => {
    expect(asksOrderOf(question)).toBe(false);
  });
});

describe("hotline.ask: a question of order leads with the sentence that states it", () => {
  it("GIVEN accounts of each line ranked first and 'the launching of a hotline with Peru before the Bolivia line shows …' THEN 'why did chile get a hotline with peru before bolivia did' leads with the order", () => {
    const hotline = hotlineOf(
      [
        "The purpose of the Chile-Peru hotline, as stated by the minister, is prompt communication on border issues between Chile and Peru.",
        "The goal of the Chile-Bolivia hotline, however, is to solve a crisis by dialogue between Chile and Bolivia.",
        "While the Chile-Bolivia hotline still waits to be finalized, the line connecting Chile and Peru is already open.",
        "“The launching of a Chile hotline with Peru before the Bolivia line shows the closeness of the two armies,” an analyst said.",
      ],
      "2008-04-09",
    );
    const answer = answered(
      hotline.ask("why did chile get a hotline with peru before bolivia did"),
    );
    expect(answer.quotes[0]?.text).toContain("before the Bolivia line");
  });
});

describe("statesOrderOf", () => {
  const termsOf = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
  const question = "did the chile line open before the peru line";
  const term = (t: string): QueryTerm => ({
    term: t,
    surface: t,
    weight: 1,
    known: true,
    expansions: [],
    implied: false,
    hypothetical: false,
  });
  const query = { terms: ["chile", "line", "open", "peru"].map(term) } as Query;
  const sides = orderedSides(question, termsOf);

  it("GIVEN a sentence naming both lines with 'before' one of them THEN it states the order", () => {
    expect(
      statesOrderOf("Chile opened its line before the Peru line.", query, sides, termsOf),
    ).toBe(true);
  });

  it("GIVEN 'only weeks before the line opened', naming neither Peru nor its line THEN it does not", () => {
    expect(
      statesOrderOf(
        "Li became the Chile navy chief in March, only weeks before the line opened.",
        query,
        sides,
        termsOf,
      ),
    ).toBe(false);
  });
});
