import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import { answered, hotlineOf } from "./one-document.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("anchor: a sentence dated by counting from the event asked about", () => {
  const paragraphs = [
    "On the night of 3 May 2019, Norwegian and Swedish fishermen fought with sticks on the river bank.",
    "The next day, the fishermen began to pull back from the site of the clash.",
    "Norway and Sweden share the river.",
  ];

  /** The paragraphs in a document whose title names Norway and Sweden, as the places it is about. */
  function riverHotline() {
    const dir = mkdtempSync(join(tmpdir(), "hotline-anchor-"));
    dirs.push(dir);
    copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
    writeFileSync(
      join(dir, "river.md"),
      `---\nid: river\ntitle: Norway and Sweden - the river fishermen\npublisher: A publisher\npublished: 2019-09-01\nurl: http://example.org/river\n---\n\n${paragraphs.join("\n\n")}\n`,
    );
    return loadHotline({ corpusDir: dir });
  }

  it("GIVEN 'The next day, the fishermen began to pull back from the site of the clash' THEN 'norway sweden river clash date' is not dated by the day after", () => {
    const answer = answered(riverHotline().when("norway sweden river clash date"));
    expect(answer.date?.iso).toBe("2019-05-03");
    expect(answer.quotes[0]?.text).toContain("fought with sticks");
  });

  it("GIVEN the same sentences THEN the pulling back itself is still dated by the day after", () => {
    const answer = answered(riverHotline().when("when did the fishermen pull back"));
    expect(answer.date?.iso).toBe("2019-05-04");
  });

  it("GIVEN 'The next day, the two sides signed the text of the agreement' THEN the signing of the agreement is the day after: 'the text of' names no past event", () => {
    const hotline = hotlineOf(
      [
        "Talks on the river opened in the town hall on 3 May 2019.",
        "The next day, the two sides signed the text of the agreement.",
        "The villages share the river.",
      ],
      "2019-09-01",
    );
    expect(answered(hotline.when("when was the agreement signed")).date?.iso).toBe("2019-05-04");
  });
});

describe("anchor: an undated sentence that names the asked event only as told before", () => {
  it("GIVEN 'Since the deadly clash on the river bank last year, both governments have been adding patrols' first THEN 'river clash date' is the day the fishermen fought", () => {
    const hotline = hotlineOf(
      [
        "Since the deadly clash on the river bank last year, both governments have been adding patrols, but the most important of them still does not exist.",
        "On the night of 3 May 2019, Norwegian and Swedish fishermen fought with sticks on the river bank.",
        "Norway and Sweden share the river.",
      ],
      "2020-09-01",
    );
    const answer = answered(hotline.when("river bank clash date"));
    expect(answer.date?.iso).toBe("2019-05-03");
    expect(answer.quotes[0]?.text).toContain("fought with sticks");
  });
});
