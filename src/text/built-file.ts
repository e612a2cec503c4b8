/**
 * Reading the files the build writes beside compiled modules (word lists, tables), so a command
 * does not load the large package each comes from. A sorted word list is searched where it lies
 * ({@link builtLines}, {@link hasLine}) rather than read whole or split into a set: a command asks
 * it about a few words. Run from source (tests), where the file is absent, the same content is
 * computed from the package instead.
 */
import { fstatSync, openSync, readFileSync, readSync } from "node:fs";

/**
 * `parse` of the file at `file`, or `compute()` when it cannot be read or parsed. The build
 * writes what `compute` returns, so both give the same content.
 */
export function builtOr<T>(file: URL, parse: (text: string) => T, compute: () => T): T {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch {
    return compute();
  }
}

/** Orders strings by code unit, as `<` compares them: the order a binary search of a list needs. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The line of `text` (lines sorted by code unit) for which `compare` gives 0: a binary search of
 * the lines, read in place; `compare(line)` is negative when the line sorts before the one
 * wanted. `lo` is always the start of a line and `hi` the end of one. Undefined when none.
 */
function findLine(text: string, compare: (line: string) => number): string | undefined {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = mid === 0 ? 0 : text.lastIndexOf("\n", mid - 1) + 1;
    const newline = text.indexOf("\n", mid);
    const end = newline === -1 || newline > hi ? hi : newline;
    const line = text.slice(start, end);
    const order = compare(line);
    if (order === 0) return line;
    if (order < 0) lo = end + 1;
    else hi = start - 1;
  }
  return undefined;
}

/** Lines sorted by code unit, searched one line at a time ({@link hasLine}, {@link lineFor}). */
export interface SortedLines {
  /**
   * The line for which `compare` gives 0 (negative when the line sorts before the one wanted);
   * undefined when there is none.
   */
  find(compare: (line: string) => number): string | undefined;
}

/** The lines of `text` (sorted by code unit), searched in memory. */
export function linesOf(text: string): SortedLines {
  return { find: (compare) => findLine(text, compare) };
}

/** Bytes read at a time from a built file: several of its longest lines (128 bytes). */
const BLOCK = 1024;

/**
 * A sorted text file searched in place: a binary search over byte offsets, each step reading one
 * block at the offset and looking at the first line that starts in it. A lookup reads about 20
 * blocks, where reading the 1.1 MB WordNet table whole cost every command about 15 ms of CPU.
 * The file stays open for the life of the process (a rebuild replaces it with a new file, so the
 * open one never changes under a search).
 */
class FileLines implements SortedLines {
  private readonly block = Buffer.alloc(BLOCK);

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  find(compare: (line: string) => number): string | undefined {
    // Invariant: every line starting before `lo` sorts before the one wanted, and the first line
    // starting at or after `hi` does not.
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const line = this.lineFrom(mid);
      if (line === undefined || compare(line.text) >= 0) hi = mid;
      else lo = line.end + 1;
    }
    const line = this.lineFrom(lo);
    return line !== undefined && compare(line.text) === 0 ? line.text : undefined;
  }

  /** The first line starting at or after byte `offset`, and where it ends; undefined past the end. */
  private lineFrom(offset: number): { text: string; end: number } | undefined {
    // Reading from the byte before tells whether a line starts exactly at `offset`.
    const from = Math.max(0, offset - 1);
    for (let length = BLOCK; ; length *= 2) {
      const buffer = length === BLOCK ? this.block : Buffer.alloc(length);
      const view = buffer.subarray(0, readSync(this.fd, buffer, 0, length, from));
      const last = from + view.length >= this.size;
      const start = offset === 0 ? 0 : view.indexOf(10) + 1;
      if (start === 0 && offset !== 0) {
        if (last) return undefined;
        continue; // no line starts in this block: read a larger one
      }
      if (from + start >= this.size) return undefined;
      const newline = view.indexOf(10, start);
      if (newline === -1 && !last) continue; // the line goes on past the block
      const end = newline === -1 ? view.length : newline;
      return { text: view.toString("utf8", start, end), end: from + end };
    }
  }
}

/**
 * The sorted lines of the built file `file`, searched in place ({@link FileLines}), opened on
 * the first search; when it cannot be opened (run from source), `compute()`'s lines in memory.
 */
export function builtLines(file: URL, compute: () => string[]): SortedLines {
  let lines: SortedLines | undefined;
  const open = (): SortedLines => {
    try {
      const fd = openSync(file, "r");
      return new FileLines(fd, fstatSync(fd).size);
    } catch {
      return linesOf(compute().join("\n"));
    }
  };
  return {
    find: (compare) => {
      lines ??= open();
      return lines.find(compare);
    },
  };
}

/** Whether `wanted` (not empty) is a whole line of `lines`. */
export function hasLine(lines: SortedLines, wanted: string): boolean {
  // The lists hold words, never an empty line.
  if (wanted === "") return false;
  return lines.find((line) => byCodeUnit(line, wanted)) !== undefined;
}

/**
 * The line of `lines` whose first field (up to a space) is `key`, without the key; undefined
 * when there is none. Keys are letters, so a space sorts before any longer key sharing the
 * prefix.
 */
export function lineFor(lines: SortedLines, key: string): string | undefined {
  const keyOf = (line: string) => line.split(" ", 1)[0] ?? "";
  const line = lines.find((l) => byCodeUnit(keyOf(l), key));
  return line === undefined ? undefined : line.slice(key.length + 1);
}

/** How many answers {@link memoWords} keeps before it starts again. */
export const MEMO_LIMIT = 10_000;

/**
 * `lookUp` with its answers remembered per word: a question reads the same few words several
 * times (and a bot sees the same words all day), while a search of a sorted list slices a dozen
 * lines. The memo starts again after 10,000 words, as questions are typed by anyone.
 */
export function memoWords<T>(lookUp: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    if (known.has(word)) return known.get(word) as T;
    const answer = lookUp(word);
    if (known.size >= MEMO_LIMIT) known.clear();
    known.set(word, answer);
    return answer;
  };
}
