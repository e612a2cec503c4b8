import { describe, expect, it } from "vitest";
import { NO_ANSWER_MESSAGE, noAnswerText } from "../../src/present/texts.js";

describe("no-answer texts", () => {
  it("GIVEN no reason THEN the reply says the sources do not answer and points to the sources list, naming no fixed scope", () => {
    expect(NO_ANSWER_MESSAGE).toMatch(/^The sources don't answer that\./);
    expect(NO_ANSWER_MESSAGE).toContain("/hotline sources");
    // Documents about other hotlines are added with no code change: the text must not claim
    // the bot covers only the seed documents' countries or year.
    expect(NO_ANSWER_MESSAGE).not.toMatch(/China|Russia|United States|2008/);
  });

  it("GIVEN the core's reason THEN the reply leads with it", () => {
    expect(noAnswerText("The sources say nothing about Brazil.")).toMatch(
      /^The sources say nothing about Brazil\. hotline answers only from its sources/,
    );
  });
});
