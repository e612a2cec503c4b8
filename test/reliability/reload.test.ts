import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { writeSyntheticCorpus } from "../../bench/synthetic.js";
import { defaultCorpusDir, loadHotline } from "../../src/hotline.js";
import {
  createReloadableHotline,
  loadHotlineYielding,
  type ReloadResult,
} from "../../src/reload.js";

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

/** A holder whose reloads build as `hotline start` does (asynchronously, yielding). */
function startHolder(dir: string, outcomes: ReloadResult[] = [], maxFileBytes?: number) {
  return createReloadableHotline(
    () => loadHotline({ corpusDir: dir }),
    (r) => outcomes.push(r),
    () => loadHotlineYielding(dir, { maxFileBytes }),
  );
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

  test("GIVEN the yielding loader THEN it builds an engine that answers exactly as loadHotline's", async () => {
    const dir = defaultCorpusDir();
    const plain = loadHotline({ corpusDir: dir });
    const gentle = await loadHotlineYielding(dir);
    for (const q of ["what is the hotline for?", "why was Russia first?", "who called whom"])
      expect(gentle.ask(q)).toEqual(plain.ask(q));
    expect(gentle.when("the Beijing-Moscow line opened")).toEqual(
      plain.when("the Beijing-Moscow line opened"),
    );
    expect(gentle.timeline()).toEqual(plain.timeline());
    expect(gentle.today("03-14")).toEqual(plain.today("03-14"));
    expect(gentle.sources()).toEqual(plain.sources());
    expect(gentle.suggest("moscow", 5)).toEqual(plain.suggest("moscow", 5));
  });

  test("GIVEN a corrupt file at reload THEN the error names the file, is reported, and the old corpus keeps answering", async () => {
    const dir = copyCorpus();
    const outcomes: ReloadResult[] = [];
    const held = startHolder(dir, outcomes);
    const before = held.sources();
    writeFileSync(join(dir, "zz-broken.md"), "---\nid: [unclosed\n---\nbody\n");
    const result = await held.reload();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain("zz-broken.md");
    expect(outcomes).toEqual([result]);
    expect(held.sources()).toEqual(before);
    expect(held.ask("what is the hotline for?").status).toBe("answered");
  });

  test("GIVEN a document removed and a good reload THEN later calls see the new corpus", async () => {
    const dir = copyCorpus();
    const held = startHolder(dir);
    const before = held.sources();
    const docs = readdirSync(dir).filter((n) => n.endsWith(".md") && !n.startsWith("README"));
    // The repo corpus has two documents; removing one must leave one to load.
    expect(docs.length).toBeGreaterThanOrEqual(2);
    rmSync(join(dir, docs[0] as string));
    expect(await held.reload()).toEqual({ ok: true });
    expect(held.sources().map((s) => s.id)).toEqual(
      before.map((s) => s.id).filter((id) => `${id}.md` !== docs[0]),
    );
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

describe("GIVEN files the reload must not read", () => {
  test("WHEN a FIFO named x.md appears THEN the reload does not hang: it fails naming the file and the old corpus answers", async () => {
    const dir = copyCorpus();
    const held = startHolder(dir);
    const before = held.sources();
    expect(spawnSync("mkfifo", [join(dir, "x.md")]).status).toBe(0);
    // A reload that opened the FIFO would wait for a writer forever: the test would time out.
    const result = await held.reload();
    expect(result).toEqual({
      ok: false,
      error: {
        code: "corpus_unreadable",
        message: `corpus: ${join(dir, "x.md")}: not a regular file`,
      },
      refused: [{ path: join(dir, "x.md"), reason: "not a regular file" }],
    });
    expect(held.sources()).toEqual(before);
  });

  test("WHEN x.md is a symlink to /dev/zero THEN it is refused without being read", async () => {
    const dir = copyCorpus();
    const held = startHolder(dir);
    symlinkSync("/dev/zero", join(dir, "x.md"));
    expect(await held.reload()).toEqual({
      ok: false,
      error: {
        code: "corpus_unreadable",
        message: `corpus: ${join(dir, "x.md")}: symlink leaves the corpus directory`,
      },
      refused: [{ path: join(dir, "x.md"), reason: "symlink leaves the corpus directory" }],
    });
  });

  test("WHEN several files are refused THEN the result names every one, each with its reason", async () => {
    const dir = copyCorpus();
    const held = startHolder(dir, [], 100_000);
    symlinkSync(join(dir, "nowhere"), join(dir, "a-dangling.md"));
    writeFileSync(join(dir, "b-large.md"), "x".repeat(100_001));
    expect(spawnSync("mkfifo", [join(dir, "c-fifo.md")]).status).toBe(0);
    const result = await held.reload();
    expect(!result.ok && result.refused).toEqual([
      { path: join(dir, "a-dangling.md"), reason: "dangling symlink" },
      { path: join(dir, "c-fifo.md"), reason: "not a regular file" },
      {
        path: join(dir, "b-large.md"),
        reason: "100001 bytes, over the limit of 100000 bytes (CORPUS_MAX_FILE_BYTES)",
      },
    ]);
    // One line naming them all: entries refused by type first, then by what reading found.
    expect(!result.ok && result.error.message).toBe(
      `corpus: ${join(dir, "a-dangling.md")}: dangling symlink; ${join(dir, "c-fifo.md")}: not a regular file; ${join(dir, "b-large.md")}: 100001 bytes, over the limit of 100000 bytes (CORPUS_MAX_FILE_BYTES)`,
    );
  });

  test("WHEN a symlink inside the directory points at a regular file there THEN it is read", async () => {
    const dir = copyCorpus();
    const held = startHolder(dir);
    const name = readdirSync(dir).find((n) => n.endsWith(".md")) as string;
    rmSync(join(dir, "synonyms.json"));
    cpSync(join(defaultCorpusDir(), "synonyms.json"), join(dir, "synonyms.data"));
    symlinkSync(join(dir, "synonyms.data"), join(dir, "synonyms.json"));
    expect(await held.reload()).toEqual({ ok: true });
    expect(held.sources().map((s) => `${s.id}.md`)).toContain(name);
  });

  test("WHEN a file is over the size limit THEN the reload is refused naming the file and the limit", async () => {
    const dir = copyCorpus();
    const held = startHolder(dir, [], 100_000);
    writeFileSync(join(dir, "x.md"), "x".repeat(100_001));
    const result = await held.reload();
    expect(!result.ok && result.error.message).toBe(
      `corpus: ${join(dir, "x.md")}: 100001 bytes, over the limit of 100000 bytes (CORPUS_MAX_FILE_BYTES)`,
    );
  });
});

describe("GIVEN a reload of a large corpus", () => {
  const large = mkdtempSync(join(tmpdir(), "hotline-reload-large-"));
  afterAll(() => rmSync(large, { recursive: true, force: true }));

  test("WHEN a timer is due during the reload THEN it runs, and is answered from the old corpus, before the reload ends", async () => {
    const dir = join(large, "corpus");
    const written = writeSyntheticCorpus({
      sentences: 3_000,
      seedDir: defaultCorpusDir(),
      outDir: dir,
    });
    expect(written.documents).toBeGreaterThan(10);
    const held = createReloadableHotline(
      () => loadHotline({ corpusDir: defaultCorpusDir() }),
      undefined,
      () => loadHotlineYielding(dir),
    );
    const oldCount = held.sources().length;
    let finished = false;
    const reloading = held.reload().then((r) => {
      finished = true;
      return r;
    });
    // What a question arriving mid-reload sees: the timer is due at once, so it runs at the first
    // turn the reload gives back to the event loop.
    const during = await new Promise<{ finished: boolean; sources: number }>((resolve) =>
      setTimeout(() => resolve({ finished, sources: held.sources().length }), 0),
    );
    expect(during).toEqual({ finished: false, sources: oldCount });
    expect(await reloading).toEqual({ ok: true });
    expect(held.sources().length).toBe(written.documents);
  });

  test("WHEN the loader builds THEN it gives the event loop a turn after every file and every document", async () => {
    let turns = 0;
    const hotline = await loadHotlineYielding(defaultCorpusDir(), {
      pause: async () => {
        turns += 1;
      },
    });
    const documents = hotline.sources().length;
    // One after listing, one after each file is read (the documents and synonyms.json), one
    // after each document is parsed and one after each is analysed.
    expect(turns).toBe(1 + (documents + 1) + documents + documents);
  });

  test("WHEN reloads are asked for while one runs THEN they share one more run after it", async () => {
    const dir = copyCorpus();
    let loads = 0;
    const held = createReloadableHotline(
      () => loadHotline({ corpusDir: dir }),
      undefined,
      () => {
        loads += 1;
        return loadHotlineYielding(dir);
      },
    );
    const results = await Promise.all([held.reload(), held.reload(), held.reload()]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(loads).toBe(2);
  });
});
