import { describe, expect, it } from "vitest";
import { isEnglishWord } from "../../src/text/english.js";

describe("isEnglishWord", () => {
  it.each(["expected", "Expected", "built", "installed", "encrypted"])(
    "GIVEN %j THEN it is an English word",
    (word) => expect(isEnglishWord(word)).toBe(true),
  );

  it.each(["serdukov", "yelstin", "chinascope"])(
    "GIVEN %j (a misspelled or foreign name) THEN it is not",
    (word) => expect(isEnglishWord(word)).toBe(false),
  );
});
