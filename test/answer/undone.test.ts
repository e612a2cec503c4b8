import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import { answered } from "./one-document.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** One document about a French-Spanish agreement; `last` is its closing paragraph. */
function fishingHotline(last: string) {
  const dir = mkdtempSync(join(tmpdir(), "hotline-negated-"));
  dirs.push(dir);
  copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
  writeFileSync(
    join(dir, "fishing.md"),
    [
      "---\nid: fishing\ntitle: The 1990 France-Spain fishing boats agreement explained\npublisher: A publisher\npublished: 2015-03-03\nurl: http://example.org/fishing\n---\n",
      "The agreement was signed in Paris on 3 March 1990, at a summit of the French and Spanish leaders.",
      "France and Spain had argued over fishing boats in the Bay of Biscay for years.",
      "Spanish and French officers now meet every year to review it.",
      last,
    ].join("\n\n"),
  );
  return loadHotline({ corpusDir: dir });
}

describe("negated: a sentence that says another party never did the event asked about", () => {
  it("GIVEN 'Portugal has never signed a fishing boats agreement with Spain' in a France-Spain article THEN the agreement's signing is dated 3 March 1990", () => {
    const hotline = fishingHotline(
      "Portugal has never signed a fishing boats agreement with Spain.",
    );
    const answer = answered(hotline.when("fishing boats agreement signed when"));
    expect(answer.date?.iso).toBe("1990-03-03");
    expect(answer.quotes[0]?.text).toContain("3 March 1990");
  });

  it("GIVEN 'Spain has never signed a whaling agreement with France', naming only the article's own parties, THEN it still answers that the signing has not happened (no date)", () => {
    const hotline = fishingHotline("Spain has never signed a whaling agreement with France.");
    const answer = answered(hotline.when("when was the whaling agreement signed"));
    expect(answer.date).toBeNull();
  });
});
