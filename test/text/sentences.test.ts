import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/text/sentences.js";

const texts = (p: string) => splitSentences(p).map((s) => s.text);

describe("splitSentences", () => {
  it("GIVEN plain sentences THEN each is an exact substring", () => {
    const p = "The hotline will now make that easier. This first call was not urgent, apparently.";
    const spans = splitSentences(p);
    expect(spans.map((s) => s.text)).toEqual([
      "The hotline will now make that easier.",
      "This first call was not urgent, apparently.",
    ]);
    for (const s of spans) expect(p.slice(s.start, s.end)).toBe(s.text);
  });

  it("GIVEN U.S. before a capital THEN no split", () => {
    expect(
      texts("On March 3, the U.S. Department of Defense released it. Then more."),
    ).toHaveLength(2);
  });

  it("GIVEN questions inside a quotation THEN the quoted speech stays one unit", () => {
    const p = "“How should the hotline be placed? Where to put it?” Teng said, these are barriers.";
    expect(texts(p)).toEqual([
      "“How should the hotline be placed? Where to put it?”",
      "Teng said, these are barriers.",
    ]);
  });

  it("GIVEN a quotation that ends a sentence THEN the next sentence starts after it", () => {
    expect(texts("He said “it is built on trust.” The launch was sudden.")).toEqual([
      "He said “it is built on trust.”",
      "The launch was sudden.",
    ]);
  });
});
