import { describe, expect, it } from "vitest";
import { asksWhy, statesReason } from "../../src/answer/reason.js";
import { answered, hotlineOf } from "./one-document.js";

describe("asksWhy", () => {
  it.each([
    "why is the line taking so long??",
    "ok so why did the talks stall",
    "how come it broke",
  ])("GIVEN %j THEN it asks why", (question) => {
    expect(asksWhy(question)).toBe(true);
  });
  it("GIVEN a question that does not open with why THEN false", () => {
    expect(asksWhy("what is the reason for the line")).toBe(false);
  });
});

describe("statesReason", () => {
  it("GIVEN words of cause THEN true; an account without them THEN false", () => {
    expect(statesReason("A quarrel over who would answer is one reason for the delay.")).toBe(true);
    expect(statesReason("The talks stalled because of the islands.")).toBe(true);
    expect(statesReason("Talks on the hotline went on for years.")).toBe(false);
    expect(statesReason("“It has special meaning,” the general explains.")).toBe(false);
  });
});

describe("hotline.ask: a why-question leads with the sentence that gives a reason", () => {
  it("GIVEN accounts of the delayed line ranked first and 'a quarrel … is one reason for the delay' THEN 'why is the army hotline with peru taking so long' leads with the reason", () => {
    const hotline = hotlineOf(
      [
        "After the two presidents met in 2018, officials said a hotline between the armies of Chile and Peru was close.",
        "Since 1990, the army of Peru has had a hotline to its Ecuadorian counterpart, over which officers speak once a week.",
        "Talks on the army hotline between Chile and Peru went on for years. Officials in Lima say that a quarrel over which general would answer the phone is one reason for the delay to the Peru line.",
      ],
      "2021-03-01",
    );
    const answer = answered(hotline.ask("why is the army hotline with peru taking so long??"));
    expect(answer.quotes[0]?.text).toContain("one reason for the delay");
  });
});
