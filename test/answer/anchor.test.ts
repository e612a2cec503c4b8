import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

describe("anchor: a sentence dated by counting from the event asked about", () => {
  const paragraphs = [
    "On the night of 3 May 2019, fishermen of the two villages fought with sticks on the river bank.",
    "The next day, the fishermen began to pull back from the river bank, the site of the clash.",
    "The villages share the river.",
  ];

  it("GIVEN 'The next day, the fishermen began to pull back from … the site of the clash' THEN 'river bank clash date' is not dated by the day after", () => {
    const answer = answered(hotlineOf(paragraphs, "2019-09-01").when("river bank clash date"));
    expect(answer.date?.iso).toBe("2019-05-03");
    expect(answer.quotes[0]?.text).toContain("fought with sticks");
  });

  it("GIVEN the same sentences THEN the pulling back itself is still dated by the day after", () => {
    const answer = answered(
      hotlineOf(paragraphs, "2019-09-01").when(
        "when did the fishermen pull back from the river bank",
      ),
    );
    expect(answer.date?.iso).toBe("2019-05-04");
  });
});
