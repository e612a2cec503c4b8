import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLetters, isLowerLetters } from "../../src/text/letters.js";

// Words mixing ASCII, Latin and other scripts' letters, marks, digits and symbols, in and out of
// the ASCII fast path.
const unit = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 4 }),
  fc.constantFrom(
    "a",
    "Z",
    "é",
    "É",
    "ß",
    "ſ",
    "ж",
    "Ж",
    "中",
    "ا",
    "\u0301",
    "ǅ",
    "٣",
    "7",
    "-",
    "𝒜",
    "😀",
  ),
  fc.string({ unit: "binary", maxLength: 3 }),
);
const word = fc.array(unit, { maxLength: 5 }).map((parts) => parts.join(""));

describe("isLetters", () => {
  it("GIVEN any string and bounds THEN it agrees with /^\\p{L}{min,max}$/u", () => {
    fc.assert(
      fc.property(
        word,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 8 }),
        (w, min, extra) => {
          const max = min + extra;
          expect(isLetters(w, min, max)).toBe(new RegExp(`^\\p{L}{${min},${max}}$`, "u").test(w));
          expect(isLetters(w, min)).toBe(new RegExp(`^\\p{L}{${min},}$`, "u").test(w));
          expect(isLetters(w)).toBe(/^\p{L}+$/u.test(w));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("GIVEN letters of other scripts or an astral letter THEN lengths count code points", () => {
    expect(isLetters("жж", 2, 2)).toBe(true);
    expect(isLetters("𝒜", 1, 1)).toBe(true);
    expect(isLetters("é", 1, 1)).toBe(true);
    expect(isLetters("e\u0301", 1, 2)).toBe(false);
  });
});

describe("isLowerLetters", () => {
  it("GIVEN any string THEN it agrees with /^\\p{Ll}+$/u", () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(isLowerLetters(w)).toBe(/^\p{Ll}+$/u.test(w));
      }),
      { numRuns: 500 },
    );
  });
});
