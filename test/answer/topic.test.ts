import { describe, expect, it } from "vitest";
import { topicsIn } from "../../src/answer/topic.js";
import { answered, hotlineOf } from "./one-document.js";

/** Words read as themselves, except "deal", read as "agreement" (as the corpus synonyms do). */
const term = (word: string) => (word.toLowerCase() === "deal" ? "agreement" : word.toLowerCase());

describe("topic: what a thing the question names is about", () => {
  it("GIVEN 'sign the deal on fishing trust in river areas' THEN its topic is 'fishing trust in river areas', of an agreement", () => {
    expect(
      topicsIn("when did they sign the deal on fishing trust in river areas", term, true),
    ).toEqual([{ thing: "agreement", words: "fishing trust in river areas" }]);
  });

  it("GIVEN 'signed the agreement on 14 March' THEN a date is no topic", () => {
    expect(topicsIn("They signed the agreement on 14 March.", term, false)).toEqual([]);
  });

  it("GIVEN 'an agreement on mutual reduction of fishing boats, which …' THEN the topic ends at the relative word", () => {
    expect(
      topicsIn(
        "They signed an agreement on mutual reduction of fishing boats, which helped.",
        term,
        false,
      ),
    ).toEqual([{ thing: "agreement", words: "mutual reduction of fishing boats" }]);
  });

  const paragraphs = [
    "Norway and Sweden share a river and its salmon. Ferries cross between Norway and Sweden every day.",
    "Fishing trust was built starting in April 1990, when Norway and Sweden signed an agreement on mutual reduction of fishing boats in river areas. Two years later the ministers met in Oslo.",
    "In 1994, the two ministries signed a ferry agreement. Norway and Sweden also signed an agreement on strengthening fishing trust in river areas.",
  ];

  it("GIVEN an agreement on reducing fishing boats in 1990 (in a sentence that also says 'fishing trust') and one on strengthening fishing trust in 1994 THEN the deal on fishing trust in river areas is dated 1994", () => {
    const answer = answered(
      hotlineOf(paragraphs, "2021-09-01").when(
        "when did norway and sweden sign the deal on fishing trust in river areas",
      ),
    );
    expect(answer.date?.iso).toBe("1994");
    expect(answer.quotes[0]?.text).toContain("strengthening fishing trust");
  });

  it("GIVEN the same agreements THEN the deal on mutual reduction of fishing boats is still dated April 1990", () => {
    const answer = answered(
      hotlineOf(paragraphs, "2021-09-01").when(
        "when did norway and sweden sign the deal on mutual reduction of fishing boats",
      ),
    );
    expect(answer.date?.iso).toBe("1990-04");
  });
});
