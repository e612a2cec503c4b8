import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

describe("names: a person named in full once and by one part of the name after", () => {
  const paragraphs = [
    "Foreign Minister Ingrid Solberg met Karl Lundqvist in Oslo on 3 March 2019, and the two agreed on five points to ease tension.",
    "On 9 May 2019, Ms Solberg and Mr Lundqvist spoke on the phone and agreed to set up a hotline between them.",
    "The border has been calm since.",
  ];

  it("GIVEN 'Ingrid Solberg met Karl Lundqvist' then 'Ms Solberg and Mr Lundqvist spoke on the phone' THEN 'when did ingrid solberg and karl lundqvist speak on the phone' is the later sentence's day", () => {
    const answer = answered(
      hotlineOf(paragraphs, "2019-09-01").when(
        "when did ingrid solberg and karl lundqvist speak on the phone",
      ),
    );
    expect(answer.date?.iso).toBe("2019-05-09");
    expect(answer.quotes[0]?.text).toContain("Ms Solberg and Mr Lundqvist");
  });
});
