import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/search/analyzer.js";
import { baseVerb, verbForms } from "../../src/text/verb-forms.js";

describe("baseVerb", () => {
  it("GIVEN irregular past forms THEN their base verbs", () => {
    expect(baseVerb("blew")).toBe("blow");
    expect(baseVerb("began")).toBe("begin");
    expect(baseVerb("broke")).toBe("break");
    expect(baseVerb("spoke")).toBe("speak");
  });

  it("GIVEN a regular form or a base THEN none: the stemmer handles those", () => {
    expect(baseVerb("opened")).toBeUndefined();
    expect(baseVerb("blow")).toBeUndefined();
  });

  it("GIVEN the list THEN every entry is one lower-case word whose base differs", () => {
    const forms = Object.entries(verbForms());
    expect(forms.length).toBeGreaterThan(2000);
    for (const [form, base] of forms) {
      expect(form).toMatch(/^\p{Ll}+$/u);
      expect(base).toMatch(/^\p{Ll}+$/u);
      expect(form).not.toBe(base);
    }
  });
});

describe("analyzer with irregular verbs", () => {
  const analyzer = createAnalyzer([{ canonical: "establish", terms: ["begin operating"] }]);

  it("GIVEN 'blew up' in a passage and 'blow up' in a question THEN they share the term", () => {
    expect(analyzer.terms("it blew up the liaison office")).toContain(analyzer.term("blow"));
    expect(analyzer.term("blew")).toBe(analyzer.term("blow"));
  });

  it("GIVEN a single-word synonym reached through the base ('broke' for a group with 'break') THEN the group's word", () => {
    const grouped = createAnalyzer([{ canonical: "sever", terms: ["break", "cut"] }]);
    expect(grouped.term("broke")).toBe("sever");
  });

  it("GIVEN a light verb ('made', 'took') THEN it carries no topic and is dropped", () => {
    expect(analyzer.terms("who made the first call")).not.toContain(analyzer.term("make"));
    expect(analyzer.terms("who made the first call")).toEqual(analyzer.terms("who the first call"));
  });
});
