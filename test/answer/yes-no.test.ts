import { describe, expect, it } from "vitest";
import { subjectHead } from "../../src/answer/yes-no.js";
import { answered, hotlineOf } from "./one-document.js";

describe("subjectHead", () => {
  it("GIVEN 'did the … X on/between …' THEN X, the head before the preposition", () => {
    expect(subjectHead("did the 2001 beijing talks on the collision get anywhere")).toBe("talks");
    expect(subjectHead("is the line between china and russia still working")).toBe("line");
  });

  it("GIVEN no 'the' after the auxiliary, or no preposition THEN null", () => {
    expect(subjectHead("did they talk about the collision")).toBeNull();
    expect(subjectHead("did the talks get anywhere")).toBeNull();
  });
});

describe("hotline.ask: a yes/no question about a thing and its topic", () => {
  it("GIVEN a sentence telling of the collision and one of the talks about it THEN 'did the talks on the collision get anywhere' leads with the talks", () => {
    const hotline = hotlineOf(
      [
        "On 1 April 2001, a US Navy plane and a Chinese fighter collided off Hainan island, and the collision killed the Chinese pilot.",
        "Weeks later, the two sides met in Beijing to talk about it, but the talks broke up without a joint statement.",
      ],
      "2015-09-28",
    );
    const answer = answered(
      hotline.ask("did the 2001 beijing talks on the collision get anywhere"),
    );
    expect(answer.quotes[0]?.text).toContain("the talks broke up without a joint statement");
  });
});
