import { describe, expect, it } from "vitest";
import { lineFor, linesOf } from "../../src/text/built-file.js";
import { relatedTo, relatedWords } from "../../src/text/wordnet.js";

describe("relatedTo", () => {
  it("GIVEN a verb THEN its synonyms in its commonest senses", () => {
    expect(relatedTo("finish")).toContain("complete");
  });

  it("GIVEN a noun THEN the verb derived from it", () => {
    expect(relatedTo("death")).toContain("die");
    expect(relatedTo("withdrawal")).toContain("withdraw");
  });

  it("GIVEN a verb with many synonyms THEN its derived noun and its cause are still kept", () => {
    // "die" has eight synonyms before "death"; "kill" is what causes it to happen.
    expect(relatedTo("die")).toEqual(expect.arrayContaining(["death", "kill"]));
    expect(relatedTo("kill")).toContain("die");
  });

  it("GIVEN a word WordNet does not know THEN nothing", () => {
    expect(relatedTo("hotlinez")).toEqual([]);
  });
});

describe("relatedWords", () => {
  const lines = relatedWords();

  it("GIVEN the dictionary THEN one line per word, sorted, so lineFor finds every word", () => {
    const text = linesOf(lines.join("\n"));
    expect([...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(lines);
    for (const line of lines.filter((_, i) => i % 997 === 0)) {
      const [word = "", ...related] = line.split(" ");
      expect(lineFor(text, word)).toBe(related.join(" "));
    }
  });
});

describe("lineFor", () => {
  const text = linesOf(["ab x y", "abc z", "b q"].join("\n"));

  it("GIVEN a key that prefixes a longer key THEN its own line", () => {
    expect(lineFor(text, "ab")).toBe("x y");
    expect(lineFor(text, "abc")).toBe("z");
    expect(lineFor(text, "b")).toBe("q");
  });

  it("GIVEN a key not in the text THEN undefined", () => {
    expect(lineFor(text, "a")).toBeUndefined();
    expect(lineFor(text, "c")).toBeUndefined();
  });
});

describe("relatedTo: phrasal verbs", () => {
  it("GIVEN a phrasal verb joined by an underscore THEN it is related to what it means", () => {
    expect(relatedTo("go_over")).toContain("review");
    expect(relatedTo("call_off")).toContain("cancel");
  });
});
