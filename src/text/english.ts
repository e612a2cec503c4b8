/**
 * Whether a word is an English word, from general knowledge: the SUBTLEX-US list of the 74,286
 * words of spoken English (a maintained package, read on first use, about 40 ms). The question
 * reader matches only other words fuzzily: "Serdukov" is a misspelling of a name in the sources,
 * while "expected" is a word of its own, not a misspelling of their "expert".
 */
import { subtlex } from "../lazy.js";

let words: Set<string> | undefined;

/** True when `word` (any case) is in the list of English words. */
export function isEnglishWord(word: string): boolean {
  if (!words) {
    words = new Set();
    for (const entry of subtlex()) words.add(entry.word.toLowerCase());
  }
  return words.has(word.toLowerCase());
}
