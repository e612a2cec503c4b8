import { describe, expect, it } from "vitest";
import { byCodeUnit } from "../../src/text/built-file.js";
import { dictionaryLines } from "../../src/text/wordnet.js";
import { isWordNetVerb, wordNetVerbs } from "../../src/text/wordnet-verbs.js";

describe("wordNetVerbs: the lemmas the build writes", () => {
  it("GIVEN WordNet's verb index THEN every lemma of it, once each, sorted by code unit", () => {
    const lemmas = wordNetVerbs();
    const indexed = dictionaryLines("index.verb").map((line) => line.split(" ")[0]);
    expect(new Set(lemmas)).toEqual(new Set(indexed));
    expect(lemmas.length).toBe(indexed.length);
    expect([...lemmas].sort(byCodeUnit)).toEqual(lemmas);
  });
});

describe("isWordNetVerb", () => {
  it.each(["visit", "sign", "fall", "open", "ram", "install"])(
    "GIVEN %j, a verb lemma of WordNet THEN true",
    (word) => {
      expect(isWordNetVerb(word)).toBe(true);
    },
  );

  it.each(["hotline", "russia", "opened", "", "zzz"])(
    "GIVEN %j, no verb lemma (or an inflected form) THEN false",
    (word) => {
      expect(isWordNetVerb(word)).toBe(false);
    },
  );
});
