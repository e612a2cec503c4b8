import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/corpus/document.js";
import { ingest } from "../../src/corpus/ingest.js";
import { foldWhitespace } from "../../src/text/normalize.js";

interface ManifestEntry {
  seed: string;
  out: string;
  meta: Record<string, unknown>;
  drop: string[];
}
const manifest = JSON.parse(readFileSync("seeds/ingest.json", "utf8")) as {
  sources: ManifestEntry[];
};

const CHROME = [
  "Skip to content",
  "{mospagebreak}",
  "Print Sponsor",
  "Page last updated",
  "Sign in",
  "BBC navigation",
  "Copyright ©",
  "This page is best viewed",
  "The BBC is not responsible",
  "29 Feb 08 | Asia-Pacific",
  "US and China agree hotline plan",
  "Army hotline to join US and China",
  "Has China's housing bubble burst?",
  "Americas Africa Europe",
  "Chinese military officers",
  "Communication is expected to improve",
  "By Chris Hogg",
];

describe("corpus ingest", () => {
  for (const source of manifest.sources) {
    const seed = readFileSync(join("seeds", source.seed), "utf8");
    const committed = readFileSync(join("corpus", source.out), "utf8");

    it(`GIVEN seed ${source.seed} THEN ingest reproduces corpus/${source.out} exactly`, () => {
      expect(ingest(seed, { meta: source.meta, drop: source.drop })).toBe(committed);
    });

    it(`GIVEN corpus/${source.out} THEN every paragraph occurs verbatim in its seed`, () => {
      const doc = parseDocument(source.out, committed);
      const foldedSeed = foldWhitespace(seed);
      const paragraphs = doc.blocks.filter((b) => b.kind === "paragraph");
      expect(paragraphs.length).toBeGreaterThan(5);
      for (const block of doc.blocks) expect(foldedSeed).toContain(block.text);
    });

    it(`GIVEN corpus/${source.out} THEN no chrome line survives and no paragraph repeats`, () => {
      const doc = parseDocument(source.out, committed);
      const body = doc.blocks.map((b) => b.text).join("\n");
      for (const chrome of CHROME) expect(body).not.toContain(chrome);
      const texts = doc.blocks.map((b) => b.text);
      expect(new Set(texts).size).toBe(texts.length);
    });
  }

  it("GIVEN the Herald Leader seed THEN the typos are kept as written", () => {
    const body = readFileSync("corpus/chinascope-sino-russia-military-hotline.md", "utf8");
    expect(body).toContain("trust wass built");
    expect(body).toContain("Kazak, Kyrgyzstan");
  });

  it("GIVEN a hard-wrapped repeat of a paragraph THEN only the unwrapped copy is kept", () => {
    const seed =
      "Title\n\nOne two three four\nfive six.\n\nOne two three four five six.\n\nAnother paragraph here.\n";
    const out = ingest(seed, {
      meta: {
        id: "x-doc",
        title: "Title",
        publisher: "P",
        published: "2008-01-01",
        url: "http://example.org/x",
      },
    });
    expect(out.match(/One two three four/g)).toHaveLength(1);
    expect(out).toContain("One two three four five six.\n");
  });

  it("GIVEN invalid front matter THEN ingest names the field", () => {
    expect(() =>
      ingest("text.", {
        meta: { id: "Bad Id", title: "t", publisher: "p", published: null, url: "x" },
      }),
    ).toThrow(/ingest: front matter "id"/);
  });
});
