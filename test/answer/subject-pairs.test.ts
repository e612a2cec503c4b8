import { describe, expect, it } from "vitest";
import { readSubjects } from "../../src/answer/subject.js";

/** No documents: pairsIn reads only the text it is given. */
const subjects = readSubjects([]);

describe("Subjects.pairsIn: the places already read are not read again", () => {
  it.each([
    "when did china and russia set up their hotline",
    "the us china line, not the russia one",
    "did china, russia and kazakhstan agree on border trust",
    "was the moscow-washington line the first",
    "when did turkey and russia talk over syria",
    "who answers the phone",
  ])("GIVEN %j and the places it names THEN the same pairs as reading them in pairsIn", (text) => {
    expect(subjects.pairsIn(text, subjects.places(text))).toEqual(subjects.pairsIn(text));
  });

  it("GIVEN 'china and russia' THEN one pair is read, through the places passed in", () => {
    const text = "when did china and russia set up their hotline";
    expect(subjects.pairsIn(text, subjects.places(text))).toEqual([["CHN|RUS"]]);
    // The places passed in are what is paired: none passed, no pair.
    expect(subjects.pairsIn(text, [])).toEqual([]);
  });
});
