import { describe, expect, it } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import { isCommonWord } from "../../src/text/english.js";
import { isMainlyVerb } from "../../src/text/verb-forms.js";

const hotline = loadHotline();

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
