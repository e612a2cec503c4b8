import { describe, expect, it } from "vitest";
import { leadFitting, sayingBeyondPlaces } from "../../src/answer/lead.js";
import type { Query, QueryTerm } from "../../src/answer/query.js";
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

describe("sayingBeyondPlaces", () => {
  const said = (text: string, score: number): Ranked =>
    ({
      sentence: { text, termSet: new Set(text.toLowerCase().match(/[a-z]+/g) ?? []) },
      score,
      support: 1,
      coverage: 1,
    }) as unknown as Ranked;
  const term = (t: string) => ({ term: t, expansions: [], implied: false }) as unknown as QueryTerm;
  const query = { terms: ["chile", "peru", "radio"].map(term) } as unknown as Query;
  const namesPlace = (t: QueryTerm) => t.term === "chile" || t.term === "peru";
  const supported = () => true;

  it("GIVEN the best match says only the places ('Chile and Peru exchange lists every year') THEN a close sentence saying 'radio' leads", () => {
    const top = said("Chile and Peru exchange lists every year.", 1);
    const weekly = said("The radio carries a routine weekly call.", 0.75);
    expect(sayingBeyondPlaces([top, weekly], top, query, namesPlace, supported)).toBe(weekly);
  });

  it("GIVEN the best match says a word beyond the places, or the other ranks far below THEN the best match keeps the lead", () => {
    const top = said("Chile and Peru test the radio every year.", 1);
    const weekly = said("The radio carries a routine weekly call.", 0.75);
    expect(sayingBeyondPlaces([top, weekly], top, query, namesPlace, supported)).toBe(top);
    const bare = said("Chile and Peru exchange lists every year.", 1);
    const far = said("The radio carries a routine weekly call.", 0.5);
    expect(sayingBeyondPlaces([bare, far], bare, query, namesPlace, supported)).toBe(bare);
  });
});
