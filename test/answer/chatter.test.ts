import { describe, expect, it } from "vitest";
import { hintOf, withoutIndefinites } from "../../src/answer/chatter.js";

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
