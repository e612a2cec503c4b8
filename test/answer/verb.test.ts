import { describe, expect, it } from "vitest";
import { objectVerb } from "../../src/answer/verb.js";
import { answered, hotlineOf } from "./one-document.js";

describe("objectVerb", () => {
  it.each([
    ["who does the chile-peru hotline actually connect", "connect"],
    ["who did the minister call?", "call"],
  ])("GIVEN %j THEN it asks for the object of %j", (question, verb) => {
    expect(objectVerb(question)).toBe(verb);
  });

  it.each([
    "what did they talk about on the first hotline call",
    "who is the minister",
    "when does the hotline connect",
  ])("GIVEN %j THEN null", (question) => {
    expect(objectVerb(question)).toBeNull();
  });
});

describe("hotline.ask: who does X <verb>", () => {
  it("GIVEN a sentence with all the question's words ranked first ('established a line of contact') and 'the hotline connects the chiefs of staff' THEN 'who does the chile-peru hotline actually connect' leads with the verb", () => {
    const hotline = hotlineOf(
      [
        "Last month, the armies of Chile and Peru, which established a line of contact in 1990, surprised many observers by announcing a new ceasefire.",
        "Under an agreement signed in 1988, Chile and Peru also exchange lists of their bases every year.",
        "The hotline connects the chiefs of staff at army headquarters.",
      ],
      "2021-03-01",
    );
    const answer = answered(hotline.ask("who does the chile-peru hotline actually connect"));
    expect(answer.quotes[0]?.text).toContain("The hotline connects the chiefs");
  });
});

describe("objectVerb: the cheap pre-test keeps the case-insensitive Unicode match", () => {
  it("GIVEN an upper-case question and a long s THEN the verb is still found", () => {
    expect(objectVerb("WHO DOES THE LINE CONNECT?")).toBe(objectVerb("who does the line connect?"));
    expect(objectVerb("who doeſ the line connect")).toBe(objectVerb("who does the line connect"));
  });
});
