import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { HotlineError } from "../../src/errors.js";
import { loadHotline } from "../../src/hotline.js";

const good = (id: string, extra = "") =>
  `---\nid: ${id}\ntitle: A title\npublisher: A publisher\npublished: 2008-05-10\nurl: http://example.org/${id}\n${extra}---\n\nThe hotline between Oslo and Lima opened on May 2. It worked well.\n`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function corpusDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "hotline-corpus-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function errorOf(fn: () => unknown): HotlineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HotlineError) return error;
    throw error;
  }
  throw new Error("expected a HotlineError");
}

describe("loadCorpus", () => {
  it("GIVEN the repo corpus THEN it loads both sources with synonyms", () => {
    const corpus = loadCorpus("corpus");
    expect(corpus.documents.map((d) => d.meta.id).sort()).toEqual([
      "bbc-army-phone-links-china-and-russia",
      "chinascope-sino-russia-military-hotline",
    ]);
    expect(corpus.synonyms.length).toBeGreaterThan(10);
  });

  it("GIVEN a bad url THEN the error names the file and the field", () => {
    const dir = corpusDir({
      "a.md": good("a-doc").replace("http://example.org/a-doc", "not a url"),
    });
    const error = errorOf(() => loadCorpus(dir));
    expect(error.code).toBe("corpus_invalid");
    expect(error.message).toBe(`corpus: ${join(dir, "a.md")}: front matter "url": must be a URL`);
  });

  it("GIVEN a missing field THEN the error names it", () => {
    const dir = corpusDir({ "a.md": good("a-doc").replace("publisher: A publisher\n", "") });
    expect(errorOf(() => loadCorpus(dir)).message).toMatch(/a\.md: front matter "publisher"/);
  });

  it("GIVEN an impossible date THEN the error names the field", () => {
    const dir = corpusDir({ "a.md": good("a-doc").replace("2008-05-10", "2008-13-45") });
    expect(errorOf(() => loadCorpus(dir)).message).toMatch(/front matter "published"/);
  });

  it("GIVEN two files with one id THEN the error names both files", () => {
    const dir = corpusDir({ "a.md": good("same"), "b.md": good("same") });
    const error = errorOf(() => loadCorpus(dir));
    expect(error.code).toBe("corpus_duplicate_id");
    expect(error.message).toContain("b.md");
    expect(error.message).toContain("a.md");
  });

  it("GIVEN no front matter, broken YAML or an empty body THEN each is named", () => {
    expect(errorOf(() => loadCorpus(corpusDir({ "a.md": "just text" }))).message).toMatch(
      /missing front matter/,
    );
    expect(
      errorOf(() => loadCorpus(corpusDir({ "a.md": "---\nid: [\n---\n\ntext." }))).message,
    ).toMatch(/not valid YAML/);
    expect(
      errorOf(() =>
        loadCorpus(corpusDir({ "a.md": good("a-doc").replace(/\n\nThe hotline[\s\S]*$/, "\n") })),
      ).message,
    ).toMatch(/body has no paragraphs/);
  });

  it("GIVEN a new document dropped into a corpus THEN it is searchable and dated with no code change", () => {
    const hotline = loadHotline({ corpusDir: corpusDir({ "a.md": good("oslo-lima") }) });
    const reply = hotline.when("When did the Oslo Lima hotline open?");
    expect(reply.status).toBe("answered");
    if (reply.status !== "answered") return;
    expect(reply.date?.iso).toBe("2008-05-02");
    expect(reply.quotes[0]?.source.id).toBe("oslo-lima");
    expect(hotline.timeline().map((e) => e.date.iso)).toContain("2008-05-02");
  });
});
