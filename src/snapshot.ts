/**
 * Start-up snapshots. Building a large corpus is dominated by analysing every sentence (terms,
 * positions) and reading its dates with chrono-node (about 40 µs a sentence); a snapshot keeps
 * those results, and the party pairs the corpus names, in one file so a restart only parses
 * JSON. The MiniSearch index is kept too (its `toJSON()`), so it is loaded, not rebuilt.
 *
 * A snapshot is keyed by a SHA-256 of every corpus file (`*.md`, `synonyms.json`), the package version, {@link SNAPSHOT_SCHEMA}, the code of the modules whose
 * output it stores and the versions of chrono-node and stemmer, and carries a SHA-256 of its
 * own payload. A snapshot whose key differs (stale) or whose payload does not check out
 * (corrupt, truncated, wrong shape) is never used: the corpus is built from scratch and the
 * snapshot rewritten.
 *
 * File format: one header line of JSON (`format`, `schema`, `key`, `sha256`), a newline, then
 * the payload as JSON.
 */

import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AsPlainObject } from "minisearch";
import type { SubjectProfile } from "./answer/subject.js";
import {
  type Corpus,
  type CorpusReadOptions,
  listCorpusFiles,
  readCorpusFilesSync,
} from "./corpus/load.js";
import type { BuiltIndex } from "./search/index.js";
import type { DocumentAnalysis, SentenceAnalysis } from "./text/passages.js";
import type { StoredReadings } from "./text/stored-readings.js";

/** Bump when the payload's shape or meaning changes without a code change this module can see. */
export const SNAPSHOT_SCHEMA = 12;

const FORMAT = "hotline-snapshot";

/** The modules whose output a snapshot stores: a change to any of them invalidates it. */
export const CODE_MODULES = [
  "hotline",
  "snapshot",
  "answer/subject",
  // Readings of corpus sentences kept for the answer path (see text/stored-readings).
  "answer/sentence-readings",
  "answer/not-happened",
  "answer/told-before",
  "text/stored-readings",
  "corpus/document",
  "corpus/schema",
  "corpus/load",
  "dates/extract",
  "dates/relative",
  "search/analyzer",
  "search/gazetteer",
  "search/index",
  "search/stopwords",
  "text/normalize",
  "text/passages",
  "text/sentences",
  // Word lists the cached analysis reads: irregular verbs ("made" is "make"), common words
  // (a lower-case acronym names a country only when it is no common word), month names.
  "text/verb-forms",
  "text/english",
  "dates/months",
  // Letter tests the analyzer and gazetteer read words with (ASCII words checked directly).
  "text/letters",
  "text/language",
];

/** What a snapshot holds: what start-up would otherwise compute. */
export interface Prebuilt {
  /**
   * The parsed corpus (documents and synonyms), so a start from a snapshot parses no YAML
   * and loads no validator. `dir` is set again at load.
   */
  corpus: Omit<Corpus, "dir">;
  /** Per sentence, in corpus order: terms, positions and dates. */
  analysis: SentenceAnalysis[];
  /**
   * Per document, in corpus order: its citation and headings analysed. Always in a snapshot
   * file (a reload, which analyses anew, passes none).
   */
  documents?: DocumentAnalysis[] | undefined;
  /** What each document is about: the places and pairs it names. */
  subjects: SubjectProfile[];
  /**
   * The MiniSearch index (its `toJSON()`), loaded with `loadJS` instead of indexing again.
   * Always in a snapshot file; a reload passes the index it built without blocking instead.
   */
  index?: AsPlainObject | BuiltIndex | undefined;
  /**
   * Readings of the sentences that depend on the corpus alone (see `text/stored-readings.ts`).
   * Always in a snapshot file; a reload, which builds anew, passes none (they are then read
   * from each sentence when first asked).
   */
  readings?: StoredReadings | undefined;
}

/** What start-up built, handed back so it can be saved. */
export interface Built {
  corpus: Corpus;
  analysis: SentenceAnalysis[];
  documents: DocumentAnalysis[];
  subjects: SubjectProfile[];
  index: AsPlainObject;
  readings: StoredReadings;
}

/** What happened to the snapshot at load, for logs and the benchmark. */
export type SnapshotEvent =
  | { kind: "loaded"; path: string }
  | { kind: "written"; path: string }
  | { kind: "rebuilt"; path: string; reason: "missing" | "stale" | "corrupt"; detail: string }
  | { kind: "unwritable"; path: string; detail: string };

/**
 * The snapshot key of a corpus: SHA-256 over the package version, the schema, the code of
 * {@link CODE_MODULES}, the chrono-node and stemmer versions, and every corpus file's name and
 * bytes (in name order). Throws the loader's `corpus_unreadable` error for a path it refuses.
 */
export function snapshotKey(corpusDir: string, options: CorpusReadOptions = {}): string {
  const hash = createHash("sha256");
  hash.update(`${FORMAT}\0${SNAPSHOT_SCHEMA}\0${packageVersion()}\0`);
  // Libraries whose output is cached: an upgrade may read dates or stem words differently.
  for (const name of ["chrono-node", "stemmer"]) {
    hash.update(`${name}@${packageVersion(join("node_modules", name))}\0`);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  for (const module of CODE_MODULES) {
    // Compiled (`dist/src/*.js`) or run from source by vitest (`src/*.ts`).
    const file = [`${module}.js`, `${module}.ts`]
      .map((f) => join(here, f))
      .find((f) => existsSync(f));
    hash.update(`${module}\0${file ? readFileSync(file) : "missing"}\0`);
  }
  // The loader's own checks (regular files inside the directory, size limit): hashing must
  // never open a FIFO or follow a link to a device, and a bad path fails here with its reason.
  const files = listCorpusFiles(corpusDir);
  const read = readCorpusFilesSync(files, options);
  const entries: [string, Buffer][] = files.documents.map((path, i) => [
    basename(path),
    read.documents[i] as Buffer,
  ]);
  if (files.synonyms && read.synonyms) entries.push([basename(files.synonyms), read.synonyms]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, bytes] of entries) {
    hash.update(`${name}\0`);
    hash.update(bytes);
    hash.update("\0");
  }
  return hash.digest("hex");
}

const versions = new Map<string, string>();

/**
 * The `version` in the nearest `<sub>/package.json` above this module: the project's own
 * (`sub` empty) or an installed library's (`node_modules/<name>`). "0" when none is found.
 */
function packageVersion(sub = ""): string {
  const cached = versions.get(sub);
  if (cached !== undefined) return cached;
  let version = "0";
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, sub, "package.json");
    if (existsSync(file)) {
      try {
        const parsed = JSON.parse(readFileSync(file, "utf8")) as { version?: unknown };
        version = String(parsed.version ?? "0");
      } catch {
        // An unreadable package.json identifies nothing: keep "0".
      }
      break;
    }
    if (dirname(dir) === dir) break;
  }
  versions.set(sub, version);
  return version;
}

/** The result of reading a snapshot: its contents, or why it cannot be used. */
export type ReadResult =
  | { ok: true; prebuilt: Prebuilt }
  | { ok: false; reason: "missing" | "stale" | "corrupt"; detail: string };

/**
 * Reads the snapshot at `path` and checks it against `key`. Never throws: a missing, stale or
 * damaged file is a reason, not an error.
 */
export function readSnapshot(path: string, key: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { ok: false, reason: "missing", detail: `no file at ${path}` };
  }
  const newline = bytes.indexOf(10);
  if (newline === -1) return { ok: false, reason: "corrupt", detail: "no header line" };
  let header: { format?: unknown; schema?: unknown; key?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString("utf8"));
  } catch {
    return { ok: false, reason: "corrupt", detail: "header is not JSON" };
  }
  if (header?.format !== FORMAT)
    return { ok: false, reason: "corrupt", detail: "not a hotline snapshot" };
  if (header.schema !== SNAPSHOT_SCHEMA || header.key !== key) {
    return {
      ok: false,
      reason: "stale",
      detail: "corpus, code or schema changed since it was written",
    };
  }
  const payload = bytes.subarray(newline + 1);
  if (createHash("sha256").update(payload).digest("hex") !== header.sha256) {
    return { ok: false, reason: "corrupt", detail: "payload checksum mismatch" };
  }
  let data: unknown;
  try {
    data = JSON.parse(payload.toString("utf8"));
  } catch {
    return { ok: false, reason: "corrupt", detail: "payload is not JSON" };
  }
  const prebuilt = data as Partial<Prebuilt> | null;
  if (
    !prebuilt ||
    !Array.isArray(prebuilt.analysis) ||
    !Array.isArray(prebuilt.documents) ||
    !Array.isArray(prebuilt.subjects) ||
    typeof prebuilt.index !== "object" ||
    prebuilt.index === null ||
    !Array.isArray(prebuilt.readings?.notHappened) ||
    !Array.isArray(prebuilt.readings?.toldBefore) ||
    !Array.isArray(prebuilt.readings?.pointsBack) ||
    !Array.isArray(prebuilt.corpus?.documents)
  ) {
    return { ok: false, reason: "corrupt", detail: "payload has the wrong shape" };
  }
  return { ok: true, prebuilt: prebuilt as Prebuilt };
}

/**
 * Writes a snapshot atomically (a temporary file renamed over `path`), creating its directory.
 * Throws the file system's error when the location is not writable.
 */
export function writeSnapshot(path: string, key: string, built: Built): void {
  const { dir: _dir, ...corpus } = built.corpus;
  const payload: Prebuilt = {
    corpus,
    // Only what analysis produced: a Sentence also links its paragraph and document.
    analysis: built.analysis.map(({ terms, positions, dates, hypothetical }) => ({
      terms,
      positions,
      dates,
      hypothetical: [...hypothetical],
    })),
    documents: built.documents,
    subjects: built.subjects,
    index: built.index,
    readings: built.readings,
  };
  const body = Buffer.from(JSON.stringify(payload), "utf8");
  const header = JSON.stringify({
    format: FORMAT,
    schema: SNAPSHOT_SCHEMA,
    key,
    sha256: createHash("sha256").update(body).digest("hex"),
  });
  mkdirSync(dirname(path), { recursive: true });
  // Unique per process, so concurrent starts never interleave their writes.
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${header}\n`, "utf8"), body]));
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or it is already gone: the original error is the one to report.
    }
    throw error;
  }
}

/**
 * The default snapshot file for a corpus: `.hotline-cache/snapshot.json` beside the corpus
 * directory, or, with `cacheDir` (`HOTLINE_CACHE_DIR`), a file in that folder named by a hash of
 * the corpus directory's absolute path, so several corpora can share one cache folder.
 */
export function defaultSnapshotPath(corpusDir: string, cacheDir?: string): string {
  if (cacheDir) {
    const id = createHash("sha256").update(resolve(corpusDir)).digest("hex").slice(0, 16);
    return join(cacheDir, `snapshot-${id}.json`);
  }
  return join(dirname(corpusDir.replace(/[\\/]+$/, "")), ".hotline-cache", "snapshot.json");
}

/**
 * Builds an engine for the corpus in `dir` from the snapshot at `path` when it is current:
 * then the corpus files are only hashed, not parsed. Otherwise `parse` reads the corpus, the
 * engine is built from scratch and the snapshot (re)written. `create` is `createHotline`: it
 * takes the prebuilt parts (or undefined) and reports what it built through `onBuilt`. A
 * snapshot that fails while being applied counts as corrupt and is rebuilt. `onEvent` hears
 * what happened. Errors of `parse` (a broken corpus) propagate, as do the corpus reader's for a
 * path it refuses (`options.maxFileBytes` is its size limit).
 */
export function loadWithSnapshot<T>(
  dir: string,
  path: string,
  parse: (dir: string) => Corpus,
  create: (
    corpus: Corpus,
    prebuilt: Prebuilt | undefined,
    onBuilt: ((built: Built) => void) | undefined,
  ) => T,
  onEvent: (event: SnapshotEvent) => void = () => {},
  options: CorpusReadOptions = {},
): T {
  const key = snapshotKey(dir, options);
  const read = readSnapshot(path, key);
  let rebuild: { reason: "missing" | "stale" | "corrupt"; detail: string };
  if (read.ok) {
    try {
      const engine = create({ ...read.prebuilt.corpus, dir }, read.prebuilt, undefined);
      onEvent({ kind: "loaded", path });
      return engine;
    } catch (error) {
      rebuild = { reason: "corrupt", detail: `cannot apply: ${(error as Error).message}` };
    }
  } else {
    rebuild = { reason: read.reason, detail: read.detail };
  }
  onEvent({ kind: "rebuilt", path, ...rebuild });
  return create(parse(dir), undefined, (built) => {
    try {
      writeSnapshot(path, key, built);
      onEvent({ kind: "written", path });
    } catch (error) {
      onEvent({ kind: "unwritable", path, detail: (error as Error).message });
    }
  });
}
