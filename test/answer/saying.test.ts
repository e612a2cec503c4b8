import { describe, expect, it } from "vitest";
import { speakerAsked } from "../../src/answer/saying.js";
import { answered, hotlineOf } from "./one-document.js";

describe("speakerAsked", () => {
  it("GIVEN 'what did X say about Y' THEN X", () => {
    expect(speakerAsked("what did putin say about the il-20 accident")).toBe("putin");
    expect(speakerAsked("ok so what did the defence ministry guy say the channel got done")).toBe(
      "the defence ministry guy",
    );
    expect(speakerAsked("what does Teng think the hotline grew out of")).toBe("Teng");
  });

  it("GIVEN a pronoun, a clause before 'call', or no verb of saying THEN null", () => {
    expect(speakerAsked("what did they say about it")).toBeNull();
    expect(
      speakerAsked("what did they talk about on the first china russia hotline call"),
    ).toBeNull();
    expect(speakerAsked("what did china and russia confirm in 1992")).toBeNull();
  });
});

describe("hotline.ask: what someone said", () => {
  it("GIVEN a sentence telling of the event and one quoting the person asked THEN 'what did X say about Y' leads with the quote", () => {
    const hotline = hotlineOf(
      [
        'Syrian air defences fired back, and one of their missiles hit a Russian Il-20 reconnaissance plane coming in to land. Putin said the loss was "a chain of tragic accidental circumstances", while his defence ministry kept blaming Israel.',
        "Russian officials said the Il-20 was lost with all its crew.",
        "Early in October he told Putin that the delivery was complete.",
      ],
      "2019-03-01",
    );
    const answer = answered(hotline.ask("what did putin say about the il-20 accident"));
    expect(answer.quotes[0]?.text).toContain("a chain of tragic accidental circumstances");
  });

  it("GIVEN the speaker's words reported after 'X said,' and another's quote naming them THEN the reported words lead", () => {
    const hotline = hotlineOf(
      [
        '"The launching of this hotline shows the closeness of the two sides," said Lee Morgan, a researcher.',
        "Morgan said, the placing and the timing of the line are the barriers that hold up the hotline.",
        "Officials told Morgan that the hotline was delayed.",
      ],
      "2019-03-01",
    );
    const answer = answered(hotline.ask("what did morgan say was holding up the hotline"));
    expect(answer.quotes[0]?.text).toContain("are the barriers that hold up the hotline");
  });
});
