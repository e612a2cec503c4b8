import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { builtLines, byCodeUnit, hasLine, lineFor, linesOf } from "../../src/text/built-file.js";

const work = mkdtempSync(join(tmpdir(), "hotline-built-file-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let files = 0;
/** A built file holding `text`, searched in place. */
function fileOf(text: string) {
  const path = join(work, `list-${files++}.txt`);
  writeFileSync(path, text);
  return builtLines(pathToFileURL(path), () => {
    throw new Error("the file exists: nothing should be computed");
  });
}

describe("builtLines: a sorted file searched in place", () => {
  it("GIVEN any sorted list of words written as a file THEN it finds exactly the words in the list", () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 300 }),
        fc.array(word),
        (words, others) => {
          const sorted = [...words].sort(byCodeUnit);
          const lines = fileOf(sorted.join("\n"));
          for (const w of sorted) expect(hasLine(lines, w)).toBe(true);
          for (const w of others) expect(hasLine(lines, w)).toBe(sorted.includes(w));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("GIVEN lines longer than a block read at a time THEN each is found whole", () => {
    const long = (key: string) => `${key} ${"related ".repeat(400).trim()}`;
    const lines = fileOf(["aa x", long("ab"), "ac y", long("ad")].join("\n"));
    expect(lineFor(lines, "ab")).toBe(long("ab").slice(3));
    expect(lineFor(lines, "ac")).toBe("y");
    expect(lineFor(lines, "ad")).toBe(long("ad").slice(3));
    expect(lineFor(lines, "ae")).toBeUndefined();
  });

  it("GIVEN a key that prefixes a longer key, a file of one line, a trailing newline THEN the same answers as in memory", () => {
    for (const text of ["ab x y\nabc z\nb q", "only one", "a b\nc d\n"]) {
      const file = fileOf(text);
      const memory = linesOf(text);
      for (const key of ["ab", "abc", "b", "a", "c", "only", "z", ""]) {
        expect(lineFor(file, key)).toBe(lineFor(memory, key));
        expect(hasLine(file, key)).toBe(hasLine(memory, key));
      }
    }
  });

  it("GIVEN no built file (run from source) THEN the computed lines are searched", () => {
    const lines = builtLines(pathToFileURL(join(work, "absent.txt")), () => ["apple", "pear"]);
    expect(hasLine(lines, "pear")).toBe(true);
    expect(hasLine(lines, "plum")).toBe(false);
  });
});
