import { describe, expect, it } from "vitest";
import { wordsAgain } from "../../src/answer/again.js";
import { asksAgain } from "../../src/answer/redone.js";
import { answered, hotlineOf } from "./one-document.js";

describe("wordsAgain / asksAgain", () => {
  it("GIVEN a verb followed by 'again' THEN that verb, and a yes/no question asks it", () => {
    expect([...wordsAgain("is the office in moscow open again?")]).toEqual(["open"]);
    expect(asksAgain("is the office in moscow open again?")).toBe(true);
  });

  it("GIVEN no 'again', or 'again' outside a yes/no question THEN nothing", () => {
    expect(wordsAgain("is the office open").size).toBe(0);
    expect(asksAgain("when did they meet again")).toBe(false);
  });
});

describe("hotline.ask: is it … again", () => {
  it("GIVEN the first opening and a sentence saying it has not reopened THEN 'is it open again' leads with the reopening", () => {
    const hotline = hotlineOf(
      [
        "The alliance opened a liaison office in Moscow, and its officers worked at the office every week.",
        "Last year Moscow closed the liaison office and sent its staff home.",
        "The liaison office has not reopened.",
      ],
      "2022-01-20",
    );
    const answer = answered(hotline.ask("is the liaison office in moscow open again?"));
    expect(answer.quotes[0]?.text).toContain("has not reopened");
  });
});
