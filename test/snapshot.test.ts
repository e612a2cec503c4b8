import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { caseFiles, readCases } from "../bench/eval.js";
import { readSentences } from "../src/answer/sentence-readings.js";
import { loadCorpus } from "../src/corpus/load.js";
import type { Hotline } from "../src/hotline.js";
import { defaultCorpusDir, loadHotline } from "../src/hotline.js";
import { createAnalyzer } from "../src/search/analyzer.js";
import {
  CODE_MODULES,
  defaultSnapshotPath,
  readSnapshot,
  type SnapshotEvent,
  snapshotKey,
} from "../src/snapshot.js";
import { buildPassages } from "../src/text/passages.js";

const questions = caseFiles().flatMap((f) => readCases(f.file));

/** Everything a user can see from an engine, for comparing two of them. */
function observe(hotline: Hotline) {
  return {
    answers: questions.map((c) => (c.cmd === "when" ? hotline.when(c.q) : hotline.ask(c.q))),
    timeline: hotline.timeline(),
    sources: hotline.sources(),
    today: hotline.today("03-14"),
    suggest: hotline.suggest("beijing mos"),
  };
}

let work: string;
let corpusDir: string;
let snapshotPath: string;

function load(): { hotline: Hotline; events: SnapshotEvent[] } {
  const events: SnapshotEvent[] = [];
  const hotline = loadHotline({ corpusDir, snapshotPath, onSnapshot: (e) => events.push(e) });
  return { hotline, events };
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "hotline-snapshot-"));
  corpusDir = join(work, "corpus");
  cpSync(defaultCorpusDir(), corpusDir, { recursive: true });
  snapshotPath = join(work, ".hotline-cache", "snapshot.json");
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("start-up snapshot", () => {
  it("GIVEN the question sets THEN there are questions to compare answers on", () => {
    expect(questions.length).toBeGreaterThan(10);
  });

  it("GIVEN no snapshot WHEN loaded twice THEN the first writes it, the second loads it, and every answer is identical to a fresh build", () => {
    const first = load();
    expect(first.events.map((e) => e.kind)).toEqual(["rebuilt", "written"]);
    expect(first.events[0]).toMatchObject({ reason: "missing" });
    const second = load();
    expect(second.events.map((e) => e.kind)).toEqual(["loaded"]);
    const fresh = loadHotline({ corpusDir });
    expect(observe(second.hotline)).toEqual(observe(fresh));
    expect(observe(first.hotline)).toEqual(observe(fresh));
  });

  it("GIVEN a snapshot WHEN a corpus file changes THEN it is stale, rebuilt from the new corpus and rewritten", () => {
    load();
    const file = join(corpusDir, "bbc-army-phone-links-china-and-russia.md");
    appendFileSync(file, "\nOn June 1, 2011, the hotline was tested again by both ministries.\n");
    const after = load();
    expect(after.events[0]).toMatchObject({ kind: "rebuilt", reason: "stale" });
    expect(after.events.map((e) => e.kind)).toContain("written");
    expect(observe(after.hotline)).toEqual(observe(loadHotline({ corpusDir })));
    expect(after.hotline.timeline().some((e) => e.date.iso === "2011-06-01")).toBe(true);
    expect(load().events.map((e) => e.kind)).toEqual(["loaded"]);
  });

  it("GIVEN a synonyms change THEN the snapshot key changes too", () => {
    const before = snapshotKey(corpusDir);
    const synonyms = join(corpusDir, "synonyms.json");
    appendFileSync(synonyms, "\n");
    expect(snapshotKey(corpusDir)).not.toBe(before);
  });

  it.each([
    [
      "a flipped payload byte",
      (b: Buffer) => {
        const copy = Buffer.from(b);
        const at = copy.length - 10;
        copy[at] = (copy[at] ?? 0) ^ 0x20;
        return copy;
      },
    ],
    ["a truncated file", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ["garbage", () => Buffer.from("not a snapshot at all")],
    ["an empty file", () => Buffer.alloc(0)],
  ])(
    "GIVEN %s THEN the snapshot is rejected as corrupt, rebuilt and answers are unchanged",
    (_name, damage) => {
      load();
      writeFileSync(snapshotPath, damage(readFileSync(snapshotPath)));
      expect(readSnapshot(snapshotPath, snapshotKey(corpusDir))).toMatchObject({
        ok: false,
        reason: "corrupt",
      });
      const after = load();
      expect(after.events[0]).toMatchObject({ kind: "rebuilt", reason: "corrupt" });
      expect(after.events.map((e) => e.kind)).toContain("written");
      expect(observe(after.hotline)).toEqual(observe(loadHotline({ corpusDir })));
      expect(readSnapshot(snapshotPath, snapshotKey(corpusDir)).ok).toBe(true);
    },
  );

  it("GIVEN a well-formed snapshot that does not fit the corpus THEN applying it fails and it is rebuilt", () => {
    load();
    const bytes = readFileSync(snapshotPath, "utf8");
    const newline = bytes.indexOf("\n");
    const header = JSON.parse(bytes.slice(0, newline)) as Record<string, unknown>;
    const payload = JSON.parse(bytes.slice(newline + 1)) as { analysis: unknown[] };
    payload.analysis.pop();
    const body = JSON.stringify(payload);
    header.sha256 = createHash("sha256").update(body).digest("hex");
    writeFileSync(snapshotPath, `${JSON.stringify(header)}\n${body}`);
    const after = load();
    expect(after.events[0]).toMatchObject({ kind: "rebuilt", reason: "corrupt" });
    expect((after.events[0] as { detail: string }).detail).toMatch(/sentences/);
    expect(observe(after.hotline)).toEqual(observe(loadHotline({ corpusDir })));
  });

  it("GIVEN a snapshot THEN it keeps the readings and the sentence spans of the corpus, equal to a cold build's", () => {
    load();
    const read = readSnapshot(snapshotPath, snapshotKey(corpusDir));
    if (!read.ok) throw new Error(`snapshot not readable: ${read.detail}`);
    const corpus = loadCorpus(corpusDir);
    const cold = buildPassages(corpus.documents, createAnalyzer(corpus.synonyms));
    expect(read.prebuilt.readings).toEqual(readSentences(cold.sentences));
    // Where each paragraph's sentences stand, so a start from it splits no paragraph.
    expect(read.prebuilt.documents?.map((d) => d.sentences)).toEqual(
      cold.documents.map((d) => d.sentences),
    );
    // The seed corpus has sentences of each kind, so each list is compared on real entries.
    expect(read.prebuilt.readings?.notHappened.length).toBeGreaterThan(0);
    expect(read.prebuilt.readings?.toldBefore.length).toBeGreaterThan(0);
    expect(read.prebuilt.readings?.pointsBack.length).toBeGreaterThan(0);
  });

  it.each([
    ["without its readings", (p: Record<string, unknown>) => delete p.readings],
    [
      "with a reading of a sentence the corpus lacks",
      (p: Record<string, unknown>) => {
        (p.readings as { pointsBack: number[] }).pointsBack.push(100_000);
      },
    ],
  ])(
    "GIVEN a checksummed snapshot %s THEN it is rejected as corrupt, rebuilt and answers are unchanged",
    (_name, edit) => {
      load();
      const bytes = readFileSync(snapshotPath, "utf8");
      const newline = bytes.indexOf("\n");
      const header = JSON.parse(bytes.slice(0, newline)) as Record<string, unknown>;
      const payload = JSON.parse(bytes.slice(newline + 1)) as Record<string, unknown>;
      edit(payload);
      const body = JSON.stringify(payload);
      header.sha256 = createHash("sha256").update(body).digest("hex");
      writeFileSync(snapshotPath, `${JSON.stringify(header)}\n${body}`);
      const after = load();
      expect(after.events[0]).toMatchObject({ kind: "rebuilt", reason: "corrupt" });
      expect(observe(after.hotline)).toEqual(observe(loadHotline({ corpusDir })));
      expect(load().events.map((e) => e.kind)).toEqual(["loaded"]);
    },
  );

  it("GIVEN a snapshot location that cannot be written THEN the engine still loads and says so", () => {
    writeFileSync(join(work, "a-file"), "");
    snapshotPath = join(work, "a-file", "snapshot.json");
    const { hotline, events } = load();
    expect(events.map((e) => e.kind)).toEqual(["rebuilt", "unwritable"]);
    expect(observe(hotline)).toEqual(observe(loadHotline({ corpusDir })));
  });

  it("GIVEN HOTLINE_CACHE_DIR THEN each corpus gets its own snapshot file inside it; without it, .hotline-cache/ beside the corpus", () => {
    const cache = join(work, "cache");
    const a = defaultSnapshotPath(corpusDir, cache);
    const b = defaultSnapshotPath(join(work, "other"), cache);
    expect(a).toMatch(new RegExp(`^${cache}/snapshot-[0-9a-f]{16}\\.json$`));
    expect(b).not.toBe(a);
    expect(defaultSnapshotPath(`${corpusDir}/`, cache)).toBe(a);
    expect(defaultSnapshotPath(corpusDir)).toBe(join(work, ".hotline-cache", "snapshot.json"));
    snapshotPath = a;
    const { events } = load();
    expect(events.map((e) => e.kind)).toEqual(["rebuilt", "written"]);
    expect(readSnapshot(a, snapshotKey(corpusDir)).ok).toBe(true);
  });
});

describe("snapshot key: the code it covers", () => {
  /** Modules imported (not only for types) by `module`, as paths under src/ without extension. */
  const importsOf = (module: string): string[] => {
    const file = join("src", `${module}.ts`);
    if (!existsSync(file)) return [];
    const source = readFileSync(file, "utf8");
    return [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)\.js";/gms)]
      .filter((m) => !m[1])
      .map((m) => relative("src", resolve(dirname(file), m[2] ?? "")));
  };
  // Modules that compute nothing a snapshot stores: errors, lazy loading, reading built files.
  const COMPUTE_NOTHING_CACHED = new Set(["errors", "lazy", "text/built-file"]);

  it("GIVEN the stored readings of sentences THEN the module that reads them is hashed into the key (and, by the walk below, what it imports)", () => {
    expect(CODE_MODULES).toContain("answer/sentence-readings");
  });

  it("GIVEN the modules whose output a snapshot stores THEN every module they import is hashed into the key too", () => {
    const seen = new Set<string>();
    // hotline and snapshot are hashed for their own code: what the rest of the answer path does
    // with a loaded corpus is computed per question, never stored.
    const stack = CODE_MODULES.filter((m) => m !== "hotline" && m !== "snapshot");
    while (stack.length > 0) {
      const module = stack.pop() as string;
      if (seen.has(module)) continue;
      seen.add(module);
      stack.push(...importsOf(module));
    }
    const unhashed = [...seen].filter(
      (m) => !CODE_MODULES.includes(m) && !COMPUTE_NOTHING_CACHED.has(m),
    );
    expect(unhashed).toEqual([]);
  });
});
