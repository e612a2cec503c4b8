/**
 * Clauses of a sentence: the span between the breaks of a pattern ("but", a semicolon, a dash)
 * around a place in it. A when-question asks it of its candidate sentences several times, so
 * where a pattern breaks a text is read once per text.
 */
import { memoWords } from "../text/built-file.js";

/**
 * The span `[start, end)` of `text` between the `breaks` (a global pattern) around character
 * `at`: the whole text when no break surrounds it.
 */
export function clauseAround(text: string, at: number, breaks: RegExp): [number, number] {
  let start = 0;
  for (const index of breaksIn(text, breaks)) {
    if (index > at) return [start, index];
    start = index;
  }
  return [start, text.length];
}

/** Per break pattern, where it matches in a text ({@link breaksIn}). */
const breakMemos = new Map<RegExp, (text: string) => readonly number[]>();

/**
 * Where the global pattern `breaks` matches in `text` (the start of each match), in order. Read
 * once per text and pattern: a when-question asks it of its candidate sentences several times.
 * Memos are kept per pattern, so pass only constant patterns (compose.ts's three), never one
 * built per call; each keeps at most 10,000 texts ({@link memoWords}).
 */
export function breaksIn(text: string, breaks: RegExp): readonly number[] {
  let memo = breakMemos.get(breaks);
  if (!memo) {
    memo = memoWords((t: string) => Array.from(t.matchAll(breaks), (m) => m.index));
    breakMemos.set(breaks, memo);
  }
  return memo(text);
}
