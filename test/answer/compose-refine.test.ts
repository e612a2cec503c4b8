import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

describe("when: a document that dates one event twice is answered with its more precise date", () => {
  it("GIVEN 'a telephone line set up in the spring of 2011' and further on a memorandum signed on 14 April 2011 'to set up a communication line' THEN the line's setting up is dated 14 April 2011", () => {
    const hotline = hotlineOf(
      [
        "When Greek and Maltese patrol boats began working the same waters, the two coast guards had no way to warn each other. A telephone line set up in the spring of 2011 has filled that gap.",
        "After months of talks, the two coast guards signed a memorandum on 14 April 2011. It required the two sides to set up a communication line between their headquarters.",
        "Two weeks after the signing, the two sides held a first test call to make sure the connection worked.",
      ],
      "2014-06-01",
    );
    const answer = answered(hotline.when("coast guard line set up when"));
    expect(answer.date?.iso).toBe("2011-04-14");
    expect(answer.quotes[0]?.text).toContain("signed a memorandum on 14 April 2011");
  });
});
