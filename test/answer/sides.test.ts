import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import { answered } from "./one-document.js";

const dir = mkdtempSync(join(tmpdir(), "hotline-sides-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a corpus document `id` with `title`, published on `published`, of `paragraphs`. */
function writeDoc(id: string, title: string, published: string, paragraphs: string[]): void {
  writeFileSync(
    join(dir, `${id}.md`),
    `---\nid: ${id}\ntitle: ${title}\npublisher: A publisher\npublished: ${published}\nurl: http://example.org/${id}\n---\n\n${paragraphs.join("\n\n")}\n`,
  );
}

describe("hotline.ask: a question about a pair's line is answered from an account of that pair", () => {
  copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
  writeDoc("chile-peru", "Army phone links Chile and Peru", "2009-03-01", [
    "A new military hotline between Chile and Peru has been used for the first time.",
    "In a world where emails and mobile devices mean you can always be in touch with the office, it seems strange that the two armies have only now started using a direct telephone link.",
    "Efforts to set up a similar hotline between Chile and Bolivia have stalled, officials in Peru and Chile say.",
  ]);
  writeDoc("chile-bolivia", "The Chile-Bolivia hotline at fifty", "2013-06-20", [
    "Fifty years ago today, diplomats of Chile and Bolivia signed the memorandum that created the hotline between Santiago and La Paz.",
    "The most recent change came in 2008, when the hotline became a secure computer network over which the two capitals exchange messages by a secure form of email.",
    "The hotline between Chile and Bolivia is tested every hour.",
  ]);
  const hotline = loadHotline({ corpusDir: dir });

  it("GIVEN a sentence about emails from the Chile-Peru article ranked first and the Chile-Bolivia article's account of its email ranked close THEN 'does the chile-bolivia hotline use email now' leads with the Chile-Bolivia account", () => {
    const answer = answered(hotline.ask("does the chile-bolivia hotline use email now?"));
    expect(answer.quotes[0]?.source.id).toBe("chile-bolivia");
    expect(answer.quotes[0]?.text).toContain("secure form of email");
  });
});
