import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

describe("continues: a sentence that goes on with the story of an earlier one", () => {
  it("GIVEN 'Eight months later, Norway said that four of its fishermen had died', two sentences after the clash on the Torne THEN 'when did norway admit its own torne deaths' is dated eight months after the clash, not by the clash", () => {
    const hotline = hotlineOf(
      [
        "The two countries share a river and its salmon. Norway and Sweden both fish for salmon. Norwegian fishermen sell their salmon in Sweden. Ferries cross between Norway and Sweden every day.",
        "On the night of 3 May 2019, Norwegian and Swedish fishermen fought with sticks on the bank of the Torne river. Ten Swedish fishermen were killed. Eight months later, Norway said that four of its fishermen had died.",
      ],
      "2021-09-01",
    );
    const answer = answered(hotline.when("when did norway admit its own torne deaths"));
    expect(answer.date?.iso).toBe("2020-01");
    expect(answer.quotes[0]?.text).toContain("Eight months later");
  });
});
