import { describe, expect, it } from "vitest";
import { asksPurpose } from "../../src/answer/purpose.js";
import { answered, hotlineOf } from "./one-document.js";

describe("asksPurpose", () => {
  it.each([
    "what is the china us hotline supposed to be for according to luo yuan",
    "what is the china-us military hotline meant for",
    "What is the goal of the US-China military hotline according to Luo?",
    "what is the line for?",
  ])("GIVEN %j THEN it asks what something is for", (question) => {
    expect(asksPurpose(question)).toBe(true);
  });

  it.each([
    "what did Luo say about the line",
    "how are ships supposed to talk to each other at sea",
    "who asked for the hotline",
  ])("GIVEN %j THEN it does not", (question) => {
    expect(asksPurpose(question)).toBe(false);
  });
});

describe("hotline.ask: what something is for", () => {
  it("GIVEN a quote of the person on another point ranked first and one stating the line's goal THEN the goal leads", () => {
    const hotline = hotlineOf(
      [
        "“It is clear that the China-US military hotline has special meaning during dangerous periods,” Major General Luo Yuan explains.",
        "The goal of the China-US military hotline, however, “is in a hope of solving the crisis by means of dialogue,” according to Luo.",
        "The line was built in two years.",
      ],
      "2008-04-09",
    );
    const answer = answered(
      hotline.ask("what is the china us hotline supposed to be for according to luo yuan"),
    );
    expect(answer.quotes[0]?.text).toContain("The goal of the China-US military hotline");
  });
});
