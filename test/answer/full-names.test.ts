import { describe, expect, it } from "vitest";
import { namePartSaid } from "../../src/answer/full-names.js";
import type { CorpusDocument } from "../../src/corpus/document.js";
import type { Sentence } from "../../src/text/passages.js";
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

describe("namePartSaid: the name part's expression compiled once per word", () => {
  const doc = {
    blocks: [
      { kind: "paragraph", number: 1, text: "Foreign Minister Ingrid Solberg met Karl Lundqvist." },
    ],
  } as unknown as CorpusDocument;
  const sentence = (text: string) => ({ text, paragraph: { doc } }) as unknown as Sentence;
  const texts = [
    "Ms Solberg spoke on the phone.",
    "Ms Solberg and Mr Lundqvist spoke again.",
    "Nobody else spoke.",
    "Then Solberg left; Solberg came back.",
    "The solberg line (lower case) is not her name.",
  ];

  it("GIVEN one name part tested against several sentences in turn, twice THEN each answer is that of an expression compiled afresh", () => {
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        const fresh = /\bSolberg\b/u.test(text);
        expect(namePartSaid(sentence(text), "ingrid", "solberg", "solberg")).toBe(fresh);
      }
    }
  });
});
