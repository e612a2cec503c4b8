/**
 * Single-word tests by Unicode category ("is this word all letters?") that give exactly the
 * result of the Unicode-property expression they stand for, on every string. ASCII words (most
 * words of a question) are read character by character; any other word goes to the expression.
 * Why: each `\p{…}` expression builds its character tables the first time it runs, a large part
 * of a command-line start; a question in plain ASCII need not build them at all.
 */

import { isAscii } from "./language.js";

const LETTERS = /^\p{L}+$/u;
const LOWER_LETTERS = /^\p{Ll}+$/u;

/** Whether the char code `c` is an ASCII letter, A–Z or a–z. */
function asciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Whether `word` is `min` to `max` letters and nothing else: `/^\p{L}{min,max}$/u.test(word)`.
 * Lengths count code points, as the expression does. Defaults: at least one letter, no maximum.
 */
export function isLetters(word: string, min = 1, max = Number.POSITIVE_INFINITY): boolean {
  if (isAscii(word)) {
    if (word.length < min || word.length > max) return false;
    for (let i = 0; i < word.length; i++) if (!asciiLetter(word.charCodeAt(i))) return false;
    return true;
  }
  if (!LETTERS.test(word)) return false;
  let points = 0;
  for (const _ of word) points++;
  return points >= min && points <= max;
}

/** Whether `word` is one or more lower-case letters and nothing else: `/^\p{Ll}+$/u.test(word)`. */
export function isLowerLetters(word: string): boolean {
  if (!isAscii(word)) return LOWER_LETTERS.test(word);
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}
