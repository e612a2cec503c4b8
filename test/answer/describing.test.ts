import { describe, expect, it } from "vitest";
import { describingClause } from "../../src/answer/describing.js";
import { answered, hotlineOf } from "./one-document.js";

describe("relative: a clause that tells which meeting is meant", () => {
  it("GIVEN 'oslo meeting with anna berg where they said they'd draw up a salmon treaty, when' THEN the clause is read from 'where' to the comma", () => {
    expect(
      describingClause(
        "oslo meeting with anna berg where they said they'd draw up a salmon treaty, when",
      ),
    ).toBe("where they said they'd draw up a salmon treaty");
  });

  it("GIVEN 'when did they meet' or 'tell me when they met' THEN no describing clause is read", () => {
    expect(describingClause("when did they meet in oslo")).toBeNull();
    expect(describingClause("tell me when they met in oslo")).toBeNull();
  });

  const paragraphs = [
    "The two countries share the Torne river and its salmon.",
    "The two ministers met in Oslo on 3 June 2019 with Anna Berg, the head of the river council, and agreed to reopen the ferry. Meeting her there again on 9 June 2020, they agreed to draw up a salmon treaty and to open a ferry office by the end of June.",
  ];

  it("GIVEN two Oslo meetings with Anna Berg, the second where they agreed to draw up a salmon treaty THEN the meeting 'where they said they'd draw up a salmon treaty' is dated 9 June 2020, not by the first meeting nor by the deadline", () => {
    const hotline = hotlineOf(paragraphs, "2021-09-01");
    const answer = answered(
      hotline.when(
        "oslo meeting with anna berg where they said they'd draw up a salmon treaty, when",
      ),
    );
    expect(answer.date?.iso).toBe("2020-06-09");
    expect(answer.quotes[0]?.text).toContain("Meeting her there again");
  });

  it("GIVEN the same meetings THEN the first meeting, asked with no describing clause, is still dated 3 June 2019", () => {
    const hotline = hotlineOf(paragraphs, "2021-09-01");
    const answer = answered(hotline.when("when did the two ministers meet anna berg in oslo"));
    expect(answer.date?.iso).toBe("2019-06-03");
  });
});
