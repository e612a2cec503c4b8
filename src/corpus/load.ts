/**
 * Loads every `*.md` document of a corpus directory, plus its `synonyms.json`. Files are read in
 * name order so passage ids and tie-breaks are stable across machines.
 *
 * Only regular files inside the directory are read, each up to a size limit: a FIFO named `x.md`
 * would block a read forever and a link to `/dev/zero` would fill memory, so a file that is not
 * a regular file, a symlink that leaves the directory, dangles or loops, or a file over the limit
 * is refused with one error naming every such path and its reason. The same checks serve the start-up
 * load (synchronous) and the SIGHUP reload (asynchronous, see `src/reload.ts`).
 */
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  promises,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { join, sep } from "node:path";
import { HotlineError } from "../errors.js";
import { zod } from "../lazy.js";
import { type CorpusDocument, parseDocument } from "./document.js";

/** One synonym group: every term (word or phrase) is indexed and searched as `canonical`. */
export interface SynonymGroup {
  canonical: string;
  terms: string[];
}

/** A loaded corpus directory. */
export interface Corpus {
  dir: string;
  documents: CorpusDocument[];
  synonyms: SynonymGroup[];
}

/** Default largest corpus file, in bytes (8 MiB; `CORPUS_MAX_FILE_BYTES` in the configuration). */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Options of the corpus readers. */
export interface CorpusReadOptions {
  /** Largest file read, in bytes; default {@link DEFAULT_MAX_FILE_BYTES}. A larger one is refused. */
  maxFileBytes?: number | undefined;
}

/** The files of a corpus directory that the loader reads, in name order. */
export interface CorpusFiles {
  /** The directory as given (messages name paths under it). */
  dir: string;
  /** `*.md` documents (not `README*`). */
  documents: string[];
  /** `synonyms.json`, when present. */
  synonyms: string | undefined;
  /** Entries refused by their type (not in the lists above); the readers throw naming them. */
  refused: Refusal[];
}

/**
 * Why a path cannot be read or written, in words, from a file system error's code: "not found",
 * "permission denied", "symlink loop", "not a directory", "not a regular file"; otherwise the
 * error's own message.
 */
export function reasonOf(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "not found";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "symlink loop";
    case "ENOTDIR":
      return "not a directory";
    case "EISDIR":
      return "not a regular file";
    default:
      return (error as Error).message;
  }
}

/** A path the loader will not read, and why ("not a regular file", "permission denied", …). */
export interface Refusal {
  path: string;
  reason: string;
}

/**
 * One `corpus_unreadable` error for every refused path, on one line: `corpus: a/x.md: not a
 * regular file; a/y.md: dangling symlink`. The refusals themselves are its `cause.refused`
 * (see {@link refusalsOf}), so a reload can log one line per file.
 */
export function corpusRefused(refusals: Refusal[], cause?: unknown): HotlineError {
  const list = refusals.map((r) => `${r.path}: ${r.reason}`).join("; ");
  return new HotlineError("corpus_unreadable", `corpus: ${list}`, {
    cause: { refused: refusals, error: cause },
  });
}

function unreadable(path: string, reason: string, cause?: unknown): HotlineError {
  return corpusRefused([{ path, reason }], cause);
}

/** The refused paths a corpus error carries; empty for any other error. */
export function refusalsOf(error: unknown): Refusal[] {
  if (!(error instanceof HotlineError) || error.code !== "corpus_unreadable") return [];
  const cause = error.cause as { refused?: Refusal[] } | undefined;
  return cause?.refused ?? [];
}

/**
 * Runs `read` on every path, collecting every refusal (after those already in `refusals`)
 * instead of stopping at the first; throws one error naming them all.
 */
function collect<T>(paths: string[], read: (path: string) => T, earlier: Refusal[]): T[] {
  const results: T[] = [];
  const refusals = [...earlier];
  for (const path of paths) {
    try {
      results.push(read(path));
    } catch (error) {
      const found = refusalsOf(error);
      if (found.length === 0) throw error;
      refusals.push(...found);
    }
  }
  if (refusals.length > 0) throw corpusRefused(refusals);
  return results;
}

/**
 * Lists the files the loader reads, checking each: the directory exists and is one; each entry
 * is a regular file or a symlink to one inside the directory. Reads no file contents (a FIFO is
 * never opened here). Throws a `corpus_unreadable` HotlineError naming the directory and the
 * reason (not found, not a directory, permission denied); an entry that fails (symlink loop,
 * dangling symlink, symlink leaves the corpus directory, not a regular file) is listed in
 * `refused`, for the readers to report with any file they refuse.
 */
export function listCorpusFiles(dir: string): CorpusFiles {
  let real: string;
  let entries: Dirent[];
  try {
    real = realpathSync(dir);
    if (!statSync(real).isDirectory()) throw unreadable(dir, "not a directory");
    entries = readdirSync(real, { withFileTypes: true });
  } catch (error) {
    if (error instanceof HotlineError) throw error;
    throw unreadable(dir, reasonOf(error), error);
  }
  const names = entries.map((e) => e.name).sort();
  const wanted = names.filter(
    (n) => (n.endsWith(".md") && !n.startsWith("README")) || n === "synonyms.json",
  );
  const refused: Refusal[] = [];
  const usable = wanted.filter((name) => {
    try {
      checkEntry(join(dir, name), real);
      return true;
    } catch (error) {
      const found = refusalsOf(error);
      if (found.length === 0) throw error;
      refused.push(...found);
      return false;
    }
  });
  return {
    dir,
    documents: usable.filter((n) => n.endsWith(".md")).map((n) => join(dir, n)),
    synonyms: usable.includes("synonyms.json") ? join(dir, "synonyms.json") : undefined,
    refused,
  };
}

/** Throws unless `path` is a regular file, or a symlink to one inside `realDir`. */
function checkEntry(path: string, realDir: string): void {
  try {
    const link = lstatSync(path);
    if (link.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw unreadable(path, code === "ENOENT" ? "dangling symlink" : reasonOf(error), error);
      }
      if (!target.startsWith(realDir + sep)) {
        throw unreadable(path, "symlink leaves the corpus directory");
      }
      if (!statSync(target).isFile()) throw unreadable(path, "not a regular file");
    } else if (!link.isFile()) {
      throw unreadable(path, "not a regular file");
    }
  } catch (error) {
    if (error instanceof HotlineError) throw error;
    throw unreadable(path, reasonOf(error), error);
  }
}

function limitOf(options: CorpusReadOptions): number {
  return options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
}

function tooLarge(path: string, size: number, max: number): HotlineError {
  return unreadable(path, `${size} bytes, over the limit of ${max} bytes (CORPUS_MAX_FILE_BYTES)`);
}

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer; the
// descriptor is then checked with fstat before anything is read.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads one corpus file (a path from {@link listCorpusFiles}) as bytes: opened without blocking,
 * checked to be a regular file within the size limit, then read. Throws a `corpus_unreadable`
 * HotlineError naming the path and the reason.
 */
export function readCorpusFileSync(path: string, options: CorpusReadOptions = {}): Buffer {
  const max = limitOf(options);
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw unreadable(path, "not a regular file");
    if (stat.size > max) throw tooLarge(path, stat.size, max);
    // Read at most one byte past the limit, so a file growing meanwhile cannot fill memory.
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > max) throw tooLarge(path, length, max);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof HotlineError) throw error;
    throw unreadable(path, reasonOf(error), error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads every file of `files` (documents in order, then `synonyms.json`) with
 * {@link readCorpusFileSync}; throws one error naming every refused file, those the listing
 * refused first.
 */
export function readCorpusFilesSync(
  files: CorpusFiles,
  options: CorpusReadOptions = {},
): { documents: Buffer[]; synonyms: Buffer | undefined } {
  const paths = [...files.documents, ...(files.synonyms ? [files.synonyms] : [])];
  const buffers = collect(paths, (path) => readCorpusFileSync(path, options), files.refused);
  return {
    documents: buffers.slice(0, files.documents.length),
    synonyms: files.synonyms ? buffers[files.documents.length] : undefined,
  };
}

/** The asynchronous twin of {@link readCorpusFileSync}, for reloads that must not block. */
export async function readCorpusFile(
  path: string,
  options: CorpusReadOptions = {},
): Promise<Buffer> {
  const max = limitOf(options);
  let handle: FileHandle | undefined;
  try {
    // `promises` rather than node:fs/promises: the bundled command line loads it only here, on a
    // reload, instead of at every start (over a millisecond).
    handle = await promises.open(path, OPEN_FLAGS);
    const stat = await handle.stat();
    if (!stat.isFile()) throw unreadable(path, "not a regular file");
    if (stat.size > max) throw tooLarge(path, stat.size, max);
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) {
      n = (await handle.read(buffer, length, buffer.length - length, null)).bytesRead;
    }
    if (length > max) throw tooLarge(path, length, max);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof HotlineError) throw error;
    throw unreadable(path, reasonOf(error), error);
  } finally {
    await handle?.close();
  }
}

/**
 * Reads `dir`. Throws a HotlineError naming the file and the problem for an unreadable
 * directory or file (see {@link listCorpusFiles}), a file over `maxFileBytes`, a bad document,
 * a duplicate id or a malformed synonyms file. A directory without `synonyms.json` is fine (no
 * synonyms).
 */
export function loadCorpus(dir: string, options: CorpusReadOptions = {}): Corpus {
  const files = listCorpusFiles(dir);
  const read = readCorpusFilesSync(files, options);
  const corpus = startCorpus(files);
  files.documents.forEach((file, i) => {
    corpus.add(file, (read.documents[i] as Buffer).toString("utf8"));
  });
  return corpus.finish(read.synonyms?.toString("utf8"));
}

/** Builds a {@link Corpus} one file at a time, so an asynchronous loader can pause in between. */
export interface CorpusAssembly {
  /** Parses one document; throws naming the file when it is invalid or repeats an id. */
  add(file: string, text: string): void;
  /** The corpus, with the synonyms file's text when there is one; throws when it has no documents. */
  finish(synonymsText: string | undefined): Corpus;
}

/** Starts assembling the corpus of `files` (from {@link listCorpusFiles}). */
export function startCorpus(files: CorpusFiles): CorpusAssembly {
  const documents: CorpusDocument[] = [];
  const seen = new Map<string, string>();
  return {
    add(file, text) {
      const doc = parseDocument(file, text);
      const previous = seen.get(doc.meta.id);
      if (previous) {
        throw new HotlineError(
          "corpus_duplicate_id",
          `corpus: ${file}: duplicate id "${doc.meta.id}" (also in ${previous})`,
        );
      }
      seen.set(doc.meta.id, file);
      documents.push(doc);
    },
    finish(synonymsText) {
      if (documents.length === 0) {
        throw new HotlineError("corpus_invalid", `corpus: ${files.dir}: no .md documents`);
      }
      const synonyms =
        files.synonyms && synonymsText !== undefined
          ? parseSynonyms(files.synonyms, synonymsText)
          : [];
      return { dir: files.dir, documents, synonyms };
    },
  };
}

// Built on first use: zod is loaded only when a corpus is parsed (see `lazy.ts`).
function synonymsSchema() {
  const { z } = zod();
  return z.object({
    about: z.string().optional(),
    groups: z.array(
      z
        .object({
          canonical: z.string().regex(/^[a-z0-9]+$/, "must be one lower-case word"),
          terms: z.array(z.string().trim().min(1)).min(1),
        })
        .strict(),
    ),
  });
}

function parseSynonyms(file: string, text: string): SynonymGroup[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HotlineError("corpus_invalid", `corpus: ${file}: not valid JSON`);
  }
  const parsed = synonymsSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HotlineError(
      "corpus_invalid",
      `corpus: ${file}: "${issue?.path.join(".") ?? ""}" ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data.groups;
}
