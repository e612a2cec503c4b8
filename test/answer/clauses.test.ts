import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breaksIn, clauseAround } from "../../src/answer/clauses.js";

const BREAK = /[;:]|\b(?:but|while)\b/giu;

/** The clause around `at`, read afresh: the matches of `breaks` found anew each time. */
function clauseRead(text: string, at: number, breaks: RegExp): [number, number] {
  let start = 0;
  for (const m of text.matchAll(breaks)) {
    if (m.index > at) return [start, m.index];
    start = m.index;
  }
  return [start, text.length];
}

describe("clauseAround: where a pattern breaks a text, read once per text", () => {
  it("GIVEN 'They agreed; but nothing followed: the line stayed silent' THEN the clause around 'nothing' runs from 'but' to the colon", () => {
    const text = "They agreed; but nothing followed: the line stayed silent";
    const [start, end] = clauseAround(text, text.indexOf("nothing"), BREAK);
    expect(text.slice(start, end)).toBe("but nothing followed");
  });

  it("GIVEN any text and place, asked twice THEN the same span as reading the matches afresh", () => {
    const word = fc.constantFrom("but", "while", "line", ";", ":", "agreed", " ", "but;");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.nat(60), (words, at) => {
        const text = words.join(" ");
        const fresh = clauseRead(text, at, BREAK);
        expect(clauseAround(text, at, BREAK)).toEqual(fresh);
        expect(clauseAround(text, at, BREAK)).toEqual(fresh);
      }),
    );
  });

  it("GIVEN a text THEN breaksIn gives the start of every match, in order", () => {
    expect(breaksIn("a; b but c: d", BREAK)).toEqual([1, 5, 10]);
    expect(breaksIn("no breaks here", BREAK)).toEqual([]);
  });
});
