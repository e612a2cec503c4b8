import { describe, expect, it } from "vitest";
import { caseFiles, evaluate, formatFigures, readCases } from "../../bench/eval.js";
import { defaultCorpusDir } from "../../src/hotline.js";

describe("accuracy benchmark", () => {
  const files = caseFiles();

  it("GIVEN the case files THEN the project's own set has at least 40 cases", () => {
    const own = files.find((f) => f.set.startsWith("own"));
    expect(own).toBeDefined();
    expect(readCases(own?.file ?? "").length).toBeGreaterThanOrEqual(40);
  });

  for (const { set, file } of files) {
    it(`GIVEN ${set} THEN the figures stay above the floors and every quote is verbatim`, () => {
      const figures = evaluate(set, readCases(file), defaultCorpusDir());
      // Floors a little under today's figures: a regression fails CI, a rewording does not.
      expect(figures.unfaithfulQuotes, formatFigures([figures])).toBe(0);
      expect(figures.recallAt1 ?? 1, formatFigures([figures])).toBeGreaterThanOrEqual(0.9);
      expect(figures.recallAt3 ?? 1, formatFigures([figures])).toBeGreaterThanOrEqual(0.97);
      expect(figures.dateAccuracy ?? 1, formatFigures([figures])).toBe(1);
      expect(figures.declineAccuracy ?? 1, formatFigures([figures])).toBeGreaterThanOrEqual(0.9);
    });
  }
});
