import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { defaultCorpusDir, loadHotline } from "../../src/hotline.js";
import { createReloadableHotline, type ReloadResult } from "../../src/reload.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "hotline-reload-"));
  dirs.push(dir);
  cpSync(defaultCorpusDir(), dir, { recursive: true });
  return dir;
}

describe("the reloadable hotline", () => {
  test("GIVEN a loaded corpus THEN every method answers as the plain core does", () => {
    const dir = copyCorpus();
    const plain = loadHotline({ corpusDir: dir });
    const held = createReloadableHotline(() => loadHotline({ corpusDir: dir }));
    expect(held.ask("what is the hotline for?")).toEqual(plain.ask("what is the hotline for?"));
    expect(held.when("first use")).toEqual(plain.when("first use"));
    expect(held.timeline()).toEqual(plain.timeline());
    expect(held.today("03-14")).toEqual(plain.today("03-14"));
    expect(held.sources()).toEqual(plain.sources());
    expect(held.suggest("moscow", 5)).toEqual(plain.suggest("moscow", 5));
  });

  test("GIVEN a corrupt file at reload THEN the error names the file, is reported, and the old corpus keeps answering", () => {
    const dir = copyCorpus();
    const outcomes: ReloadResult[] = [];
    const held = createReloadableHotline(
      () => loadHotline({ corpusDir: dir }),
      (r) => outcomes.push(r),
    );
    const before = held.sources();
    writeFileSync(join(dir, "zz-broken.md"), "---\nid: [unclosed\n---\nbody\n");
    const result = held.reload();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain("zz-broken.md");
    expect(outcomes).toEqual([result]);
    expect(held.sources()).toEqual(before);
    expect(held.ask("what is the hotline for?").status).toBe("answered");
  });

  test("GIVEN a document removed and a good reload THEN later calls see the new corpus", () => {
    const dir = copyCorpus();
    const held = createReloadableHotline(() => loadHotline({ corpusDir: dir }));
    const before = held.sources();
    const docs = readdirSync(dir).filter((n) => n.endsWith(".md") && !n.startsWith("README"));
    if (docs.length < 2) return; // needs a corpus of two documents or more
    rmSync(join(dir, docs[0] as string));
    expect(held.reload()).toEqual({ ok: true });
    expect(held.sources().length).toBe(before.length - 1);
  });

  test("GIVEN a corpus that fails at first load THEN creating the holder throws that error", () => {
    const dir = mkdtempSync(join(tmpdir(), "hotline-empty-"));
    dirs.push(dir);
    expect(() => createReloadableHotline(() => loadHotline({ corpusDir: dir }))).toThrow(
      /no \.md documents/,
    );
  });
});
