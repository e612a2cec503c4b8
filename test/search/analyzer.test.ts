import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/search/analyzer.js";

const analyzer = createAnalyzer([
  { canonical: "usa", terms: ["US", "U.S.", "United States", "Pentagon"] },
  { canonical: "hotline", terms: ["hotline", "phone line", "direct line"] },
  { canonical: "establish", terms: ["set up", "opened"] },
]);

describe("createAnalyzer", () => {
  it("GIVEN synonym phrases and words THEN both index as the canonical word", () => {
    expect(analyzer.terms("The U.S. phone line was set up")).toEqual([
      "usa",
      "hotline",
      "establish",
    ]);
    expect(analyzer.terms("When did the United States open the hotline?")).toEqual([
      "usa",
      "establish",
      "hotline",
    ]);
  });

  it("GIVEN a phrase written with hyphens, extra spaces or capitals, or inside a longer phrase THEN the longest phrase is one canonical word", () => {
    const lines = createAnalyzer([
      { canonical: "hotline", terms: ["phone line", "direct phone line"] },
      { canonical: "establish", terms: ["set up"] },
    ]);
    expect(lines.terms("a Phone-Line was SET  UP")).toEqual(["hotline", "establish"]);
    expect(lines.terms("the direct phone - line")).toEqual(["hotline"]);
    expect(lines.terms("the phone, line")).toEqual(["phone", "line"]);
    expect(lines.terms("the phones line up")).toEqual(["phone", "line"]);
  });

  it("GIVEN lower-case 'us' THEN it is a stopword, while 'US' is the country", () => {
    expect(analyzer.terms("tell us about the US line")).toEqual(["usa", "line"]);
  });

  it("GIVEN 'one' as a pronoun or number word THEN it carries no topic (it was weighted as a rare word)", () => {
    expect(analyzer.terms("which one opened first")).toEqual(["establish", "first"]);
  });

  it("GIVEN 'called' before a title or at the end THEN it names, and is no phone call; before a person THEN it is a call", () => {
    const calls = createAnalyzer([{ canonical: "call", terms: ["call", "called"] }]);
    expect(calls.terms("an article called “The Hotline”")).toEqual(["articl", "hotlin"]);
    expect(calls.terms("what was the article called?")).toEqual(["articl"]);
    expect(calls.terms("who called whom first")).toEqual(["call", "first"]);
  });

  it("GIVEN inflected words THEN they share a stem", () => {
    expect(analyzer.term("negotiations")).toBe(analyzer.term("negotiation"));
    expect(analyzer.term("opening")).toBe(analyzer.term("opened"));
  });

  it("GIVEN hyphenated compounds THEN each part is a term", () => {
    expect(analyzer.terms("Pentagon-Beijing")).toEqual(["usa", "beij"]);
  });

  it("GIVEN a capitalised word mid-sentence THEN it is marked as a likely name", () => {
    const tokens = analyzer.tokens("When was the Seoul hotline cut?");
    expect(tokens.find((t) => t.surface === "Seoul")?.name).toBe(true);
    expect(tokens.find((t) => t.surface === "When")).toBeUndefined();
  });

  it("GIVEN discourse adverbs (actually, even, exactly) THEN they carry no topic", () => {
    expect(analyzer.terms("is it actually open")).toEqual(["establish"]);
    expect(createAnalyzer([]).terms("is it actually open")).not.toContain("actual");
    expect(createAnalyzer([]).terms("is it even open, exactly")).toEqual(["open"]);
  });
});

describe("createAnalyzer: designations and decades", () => {
  it("GIVEN a letter–digit designation with or without its hyphen, or in the plural THEN one term", () => {
    const term = analyzer.terms("S-300")[0];
    expect(term).toBe("s300");
    expect(analyzer.terms("the s300 and the S300s and the S-300s")).toEqual([term, term, term]);
    expect(analyzer.terms("Il-20 il20")).toEqual(["il20", "il20"]);
    expect(analyzer.terms("PP-17A pp17a")).toEqual(["pp17a", "pp17a"]);
  });

  it("GIVEN a word hyphened to a number ('mid-1990s', 'pre-2014', 'Jan-2020') THEN word and number stay apart", () => {
    expect(analyzer.terms("the mid-1990s")).toEqual(["mid", "1990s"]);
    expect(analyzer.terms("pre-2014 Jan-2020")).toEqual(["pre", "2014", "jan", "2020"]);
  });

  it("GIVEN a decade THEN a term of its own, not the year it starts with", () => {
    expect(analyzer.terms("in the 1990s")).toEqual(["1990s"]);
    expect(analyzer.terms("in 1990")).toEqual(["1990"]);
  });
});
