/**
 * Reading the small files the build writes beside compiled modules (word lists, tables), so a
 * command does not load the large package each comes from. A sorted word list is searched in
 * place ({@link hasLine}) rather than split into a set: a command asks it about a few words. Run from source (tests), where the
 * file is absent, the same content is computed from the package instead.
 */
import { readFileSync } from "node:fs";

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

/** Whether `wanted` is a whole line of `text`, whose lines are sorted by code unit. */
export function hasLine(text: string, wanted: string): boolean {
  // An empty line sorts first (the search never looks at one); "a\n" ends with one too.
  if (wanted === "") return text === "" || text.startsWith("\n") || text.endsWith("\n");
  return findLine(text, (line) => byCodeUnit(line, wanted)) !== undefined;
}

/**
 * The line of `text` whose first field (up to a space) is `key`, without the key; undefined when
 * there is none. `text`'s lines are sorted by code unit and keys are letters, so a space sorts
 * before any longer key sharing the prefix.
 */
export function lineFor(text: string, key: string): string | undefined {
  const keyOf = (line: string) => line.split(" ", 1)[0] ?? "";
  const line = findLine(text, (l) => byCodeUnit(keyOf(l), key));
  return line === undefined ? undefined : line.slice(key.length + 1);
}

/** How many answers {@link memoWords} keeps before it starts again. */
const MEMO_LIMIT = 10_000;

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
