import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/load.js";
import { documentsOf, loadHotline } from "../src/hotline.js";
import { createAnalyzer } from "../src/search/analyzer.js";
import { SentenceIndex, termStats } from "../src/search/index.js";
import { buildPassages } from "../src/text/passages.js";

const dir = mkdtempSync(join(tmpdir(), "hotline-memo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two small accounts of two lines, with dates, so when-questions and a comparison answer. */
const DOCUMENTS: Record<string, string[]> = {
  "north-line": [
    "The northern navies set up a direct telephone line on 3 May 1994.",
    "Officers used the line every week to avoid incidents at sea.",
  ],
  "south-line": [
    "The southern air forces opened their hotline on 9 June 2001.",
    "The hotline was installed by a state telecom company.",
  ],
};
copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
for (const [id, paragraphs] of Object.entries(DOCUMENTS)) {
  writeFileSync(
    join(dir, `${id}.md`),
    `---\nid: ${id}\ntitle: The ${id}\npublisher: A desk\npublished: 2005-01-01\nurl: http://example.org/${id}\n---\n\n${paragraphs.join("\n\n")}\n`,
  );
}

const QUESTIONS: { cmd: "ask" | "when"; q: string }[] = [
  { cmd: "when", q: "when did the northern navies set up their line" },
  { cmd: "when", q: "when was the southern hotline opened" },
  { cmd: "ask", q: "which came first, the northern line or the southern hotline?" },
  { cmd: "ask", q: "who installed the southern hotline" },
  { cmd: "when", q: "when was the northern line encrypted" },
];

describe("documentsOf", { timeout: 60_000 }, () => {
  it("GIVEN a term THEN it gives each document of the term's search once, in the search's order", () => {
    const corpus = loadCorpus(dir);
    const analyzer = createAnalyzer(corpus.synonyms);
    const passages = buildPassages(corpus.documents, analyzer);
    const index = new SentenceIndex(passages, termStats(passages));
    for (const word of ["hotline", "navies", "line", "telecom", "nowhere"]) {
      const term = analyzer.term(word);
      const searched = index
        .search([{ term, weight: 1 }], 8)
        .map((hit) => hit.sentence.paragraph.doc.meta.id);
      expect(documentsOf(index, term)).toEqual([...new Set(searched)]);
    }
  });
});

describe("hotline: what is read once and kept", { timeout: 120_000 }, () => {
  it("GIVEN questions asked after others on one engine THEN each is answered as by a fresh engine", () => {
    const warm = loadHotline({ corpusDir: dir });
    const ask = (h: ReturnType<typeof loadHotline>, c: (typeof QUESTIONS)[number]) =>
      c.cmd === "when" ? h.when(c.q) : h.ask(c.q);
    for (const c of QUESTIONS) ask(warm, c);
    for (const c of QUESTIONS) {
      expect(ask(warm, c)).toEqual(ask(loadHotline({ corpusDir: dir }), c));
    }
  });
});
