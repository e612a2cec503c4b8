import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writtenAsName } from "../../src/answer/names.js";
import { loadHotline } from "../../src/hotline.js";
import { createAnalyzer } from "../../src/search/analyzer.js";
import type { Sentence } from "../../src/text/passages.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The engine over two one-paragraph documents. */
function hotlineOf(first: string, second: string) {
  const dir = mkdtempSync(join(tmpdir(), "hotline-names-"));
  dirs.push(dir);
  copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
  for (const [id, text] of [
    ["first-news", first],
    ["second-news", second],
  ]) {
    writeFileSync(
      join(dir, `${id}.md`),
      `---\nid: ${id}\ntitle: News of the line\npublisher: A publisher\npublished: 2010-05-01\nurl: http://example.org/${id}\n---\n\n${text}\n`,
    );
  }
  return loadHotline({ corpusDir: dir });
}

describe("writtenAsName", () => {
  const analyzer = createAnalyzer([]);
  const sentences = (...texts: string[]) => texts.map((text) => ({ text }) as Sentence);
  const term = (word: string) => analyzer.term(word);

  it("GIVEN a word the corpus always capitalises, inside a sentence, that is no English word THEN a name", () => {
    const read = sentences("Minister Varlow called the army.", "Varlow said so.");
    expect(writtenAsName(term("Varlow"), read, analyzer)).toBe(true);
  });

  it("GIVEN a word capitalised only where a sentence starts THEN not a name", () => {
    expect(writtenAsName(term("Varlow"), sentences("Varlow said so."), analyzer)).toBe(false);
  });

  it("GIVEN a word also written in lower case, or an English word capitalised in a title THEN not a name", () => {
    const mixed = sentences("The Varlow line opened.", "A varlow is a kind of boat.");
    expect(writtenAsName(term("Varlow"), mixed, analyzer)).toBe(false);
    const title = sentences("The Ministry of Defense opened the line.");
    expect(writtenAsName(term("Defense"), title, analyzer)).toBe(false);
  });
});

describe("names a question asks about, through the engine", () => {
  const hotline = hotlineOf(
    "On 3 March 2009, Minister Varlow of Kestrel called his counterpart Tessaly of Osprey over the new telephone line.",
    "On 9 June 2009, President Dunmore of Osprey opened a weather station near the coast.",
  );

  it("GIVEN a question naming two people only one document names together THEN answered from it", () => {
    const reply = hotline.when("when did varlow call tessaly");
    expect(reply.status).toBe("answered");
    expect(reply.status === "answered" && reply.date?.iso).toBe("2009-03-03");
  });

  it("GIVEN a question naming someone the answering document never names THEN declined", () => {
    expect(hotline.when("when did varlow call dunmore").status).toBe("no_answer");
    expect(hotline.ask("what did varlow tell dunmore on the phone").status).toBe("no_answer");
  });
});
