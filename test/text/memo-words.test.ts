import { describe, expect, it } from "vitest";
import { MEMO_LIMIT, memoWords } from "../../src/text/built-file.js";

/** A look-up that counts its calls, so the test sees when the memo answers instead. */
function counted() {
  const calls = new Map<string, number>();
  const lookUp = (word: string) => {
    calls.set(word, (calls.get(word) ?? 0) + 1);
    return `${word.length}:${word.toUpperCase()}`;
  };
  return { calls, lookUp };
}

describe("memoWords: a look-up remembered per word, bounded", () => {
  it("GIVEN words asked several times THEN each answer equals the look-up's, and the look-up runs once per word", () => {
    const { calls, lookUp } = counted();
    const memo = memoWords(lookUp);
    const words = ["wang", "yi", "wang", "", "hotline", "yi", "wang"];
    for (const word of words) expect(memo(word)).toBe(lookUp(word));
    // Each word: once through the memo, once per direct call above.
    for (const word of new Set(words)) {
      expect(calls.get(word)).toBe(1 + words.filter((w) => w === word).length);
    }
  });

  it("GIVEN more distinct words than the limit THEN the memo starts again: a word asked first is looked up again, and answers stay right", () => {
    const { calls, lookUp } = counted();
    const memo = memoWords(lookUp);
    memo("first");
    for (let i = 0; i < MEMO_LIMIT; i++) memo(`w${i}`);
    expect(memo("first")).toBe("5:FIRST");
    expect(calls.get("first")).toBe(2);
  });
});
