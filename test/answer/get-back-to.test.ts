import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

describe("hotline.ask: 'get back to' someone is to answer them (corpus synonyms)", () => {
  it("GIVEN an offer and then 'Russia has not given an answer' THEN 'has russia got back to nato about the hotline offer' leads with the answer not given", () => {
    const hotline = hotlineOf(
      [
        "NATO opened a liaison mission in Moscow in 2002, and officers met every week.",
        "Russia closed the mission in November 2021, and its ambassador has not returned to Brussels.",
        "The only line left runs between NATO's senior commanders and the Russian general staff.",
        "At the council meeting last week, NATO offered talks on restoring the two missions and on setting up a new military hotline to reduce risks. The Russian delegation said it would report back to Moscow. Russia has not given an answer.",
      ],
      "2022-01-20",
    );
    const answer = answered(hotline.ask("has russia got back to nato about the new hotline offer"));
    expect(answer.quotes[0]?.text).toContain("Russia has not given an answer");
  });
});
