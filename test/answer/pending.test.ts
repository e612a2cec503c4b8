import { describe, expect, it } from "vitest";
import { notHappenedIn } from "../../src/answer/not-happened.js";

describe("notHappenedIn", () => {
  it.each([
    [
      "a negated perfect of any participle",
      "A direct line between the two leaders has not been revived.",
    ],
    ["a negated perfect of an irregular participle", "Talks on a new line haven't begun."],
    ["'have yet to'", "The two ministers have yet to speak on the line."],
    ["'no … has been' with a determiner", "No such agreement has been signed, officials say."],
    [
      "'no … has been' with a longer noun phrase",
      "No call on the ministers' hotline has been reported since then.",
    ],
    ["'remains on paper'", "The plan for a naval hotline remains on paper."],
    ["'is stalled'", "The project is stalled."],
  ])("GIVEN %s THEN it says something has not happened", (_, text) => {
    expect(notHappenedIn(text)).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ["a done event in the perfect", "The agreement has been signed."],
    [
      "'not' before a word that is no participle",
      "The line has not only survived but grown busier.",
    ],
    ["a 'no' with no perfect after it", "There was no doubt the line was opened in 1963."],
  ])("GIVEN %s THEN it does not", (_, text) => {
    expect(notHappenedIn(text)).toBe(-1);
  });

  it("GIVEN a sentence with two markers THEN the earliest place is given", () => {
    const text = "Talks have not begun, and no such line has been built.";
    expect(notHappenedIn(text)).toBe(text.indexOf("have not"));
  });
});
