import { describe, expect, it } from "vitest";
import { leadFitting } from "../../src/answer/lead.js";
import type { Ranked } from "../../src/answer/rank.js";
import type { Sentence } from "../../src/text/passages.js";

/** A ranked sentence with only what leadFitting reads: its text, score and support. */
const ranked = (text: string, score: number, support = 1): Ranked => ({
  sentence: { text } as Sentence,
  score,
  support,
  coverage: support,
});

const fits = (r: Ranked) => r.sentence.text.includes("between");
const supported = (r: Ranked) => r.support >= 0.5;

describe("leadFitting", () => {
  const top = ranked("The line was set up in 2015.", 1);

  it("GIVEN the best sentence fits THEN it leads", () => {
    const best = ranked("It runs between the two capitals.", 1);
    expect(leadFitting([best, top], best, 0.6, supported, fits)).toBe(best);
  });

  it("GIVEN a fitting sentence within the share of the best THEN it leads", () => {
    const near = ranked("It runs between the two capitals.", 0.7);
    expect(leadFitting([top, near], top, 0.6, supported, fits)).toBe(near);
  });

  it("GIVEN the only fitting sentence scores below the share THEN the best still leads", () => {
    const far = ranked("It runs between the two capitals.", 0.5);
    expect(leadFitting([top, far], top, 0.6, supported, fits)).toBe(top);
  });

  it("GIVEN the only fitting sentence is unsupported THEN the best still leads", () => {
    const weak = ranked("It runs between the two capitals.", 0.9, 0.2);
    expect(leadFitting([top, weak], top, 0.6, supported, fits)).toBe(top);
  });
});
