import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import type { Answer, Reply } from "../../src/model.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * The engine over a corpus of one document with `paragraphs`, published on `published`, and the
 * repo's synonyms; the directory is removed after the test file.
 */
export function hotlineOf(paragraphs: string[], published: string) {
  const dir = mkdtempSync(join(tmpdir(), "hotline-corpus-"));
  dirs.push(dir);
  copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
  writeFileSync(
    join(dir, "line-news.md"),
    `---\nid: line-news\ntitle: A line's news\npublisher: A publisher\npublished: ${published}\nurl: http://example.org/line-news\n---\n\n${paragraphs.join("\n\n")}\n`,
  );
  return loadHotline({ corpusDir: dir });
}

/** `reply` as an answer; throws (failing the test) when it is not one. */
export function answered(reply: Reply): Answer {
  if (reply.status !== "answered") throw new Error(`expected an answer, got ${reply.status}`);
  return reply;
}
