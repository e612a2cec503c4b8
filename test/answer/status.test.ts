import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asksStill, statusSearched } from "../../src/answer/status.js";
import { loadHotline } from "../../src/hotline.js";

describe("statusSearched", () => {
  it.each([
    ["is the hotline working now or still just planned", "is the hotline working"],
    ["is the line currently in use?", "is the line in use?"],
    ["has the minister called on the hotline yet?", "has the minister called on the hotline yet?"],
    ["is there still a direct line?", "is there still a direct line?"],
    ["when is the line used now", "when is the line used now"],
    ["what does the line carry, calls or faxes", "what does the line carry, calls or faxes"],
    ["is it now?", "is it?"],
    [
      "does the pla have a hotline to the pentagon or not",
      "does the pla have a hotline to the pentagon",
    ],
    [
      "did they set up the line in march or april 2008?",
      "did they set up the line in march or april 2008?",
    ],
    ["was the visit before or after the agreement", "was the visit before or after the agreement"],
  ])("GIVEN %j THEN it searches %j", (question, searched) => {
    expect(statusSearched(question)).toBe(searched);
  });
});

describe("hotline.ask: a yes/no status question", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("GIVEN a sentence saying the line began operating WHEN asked whether it is working now or still planned THEN that sentence answers", () => {
    const dir = mkdtempSync(join(tmpdir(), "hotline-status-"));
    dirs.push(dir);
    copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
    writeFileSync(
      join(dir, "line.md"),
      "---\nid: line\ntitle: A defence hotline\npublisher: A publisher\npublished: 2023-04-03\nurl: http://example.org/line\n---\n\nJapan and China agreed to set up a defence hotline in 2018.\n\nFighter jets now scramble hundreds of times a year over the sea between Japan and China.\n\nThe Japan China hotline began operating on March 31, 2023, officials in both capitals said.\n",
    );
    const reply = loadHotline({ corpusDir: dir }).ask(
      "is the japan china hotline working now or still just planned",
    );
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/began operating/);
  });
});

describe("asksStill", () => {
  it.each([
    ["is the 1972 navy agreement still valid with russia?", true],
    ["is the israel russia line still up after the plane got shot down", true],
    ["does the line work any more", true],
    ["is the japan china hotline working now or still just planned", false],
    ["when was the line still in use", false],
    ["is the line working", false],
  ])("GIVEN %j THEN %s", (question, expected) => {
    expect(asksStill(question)).toBe(expected);
  });
});
