import { describe, expect, it } from "vitest";
import { dutyAsked } from "../../src/answer/duty.js";
import { answered, hotlineOf } from "./one-document.js";

describe("dutyAsked", () => {
  it("GIVEN 'what are X meant to do', 'what must X do', 'what do X have to do' THEN X", () => {
    expect(dutyAsked("what are fighter pilots meant to do now under the air rules")).toBe(
      "fighter pilots",
    );
    expect(dutyAsked("what must the crews do")).toBe("the crews");
    expect(dutyAsked("what do ships have to do when they meet")).toBe("ships");
  });

  it("GIVEN a pronoun, or a question of what someone did THEN null", () => {
    expect(dutyAsked("what are they supposed to do")).toBeNull();
    expect(dutyAsked("what did the pilots do")).toBeNull();
  });
});

describe("hotline.ask: what someone must do", () => {
  it("GIVEN sentences telling of a pilot's intercept and one laying rules on pilots THEN 'what are pilots meant to do under the rules' leads with the rules", () => {
    const hotline = hotlineOf(
      [
        "Under the old air rules, on 19 August 2014, a Chinese fighter pilot intercepted a US patrol plane in the air and performed a barrel roll over it.",
        "China said its fighter pilot had kept a safe distance from the US plane.",
        "The new air rules ask pilots to keep a safe distance and to avoid aerobatics.",
      ],
      "2015-09-28",
    );
    const answer = answered(
      hotline.ask("what are fighter pilots meant to do now under the air rules"),
    );
    expect(answer.quotes[0]?.text).toContain("ask pilots to keep a safe distance");
  });
});
