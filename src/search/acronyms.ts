/**
 * Acronyms the sources spell out: "Line of Control" makes "LoC", "Ministry of Defense" makes
 * "MoD", "Directors General of Military Operations" makes "DGMO". Chat writes the short form
 * ("when did the loc ceasefire start", "the russian MoD"); read through this table a question
 * searches for the words the sources use. Read from the text itself, so a new document's names
 * work with no list to keep.
 */

import { isCommonWord, isEnglishWord } from "../text/english.js";
import { STOPWORDS } from "./stopwords.js";

// A run of capitalised words, joined by spaces or by the small words names keep inside them.
const NAME = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|and|for|the|on|de|du)\s+)?\p{Lu}[\p{L}’'-]*)+/gu;
const SMALL = new Set(["of", "and", "for", "the", "on", "de", "du"]);

/** The acronyms of `name` (lower case): with its small words' initials and without. */
function initialsOf(name: string): string[] {
  const words = name.split(/\s+/);
  const all = words.map((w) => w[0] ?? "").join("");
  const main = words
    .filter((w) => !SMALL.has(w))
    .map((w) => w[0] ?? "")
    .join("");
  return [...new Set([all, main])].map((a) => a.toLowerCase()).filter((a) => a.length >= 2);
}

/**
 * A name for syllable acronyms: capitalised words joined by spaces or by small words, "at" and
 * "in" among them ("Incidents at Sea", "Commander in Chief").
 */
const LONG_NAME =
  /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|and|for|the|on|de|du|at|in|to)\s+)?\p{Lu}[\p{L}’'-]*)+/gu;
const JOINERS = new Set([...SMALL, "at", "in", "to"]);

/** Least letters each main word gives a syllable acronym ("inc" + "sea"): one is an initial. */
const SYLLABLE = 2;

/**
 * Whether `word` (lower case) is made of the starts of `words` (lower case) in order: at least
 * {@link SYLLABLE} letters of every main word, and any start (or nothing) of each small word.
 * "incsea" is "Incidents at Sea", "unprofor" is "UN Protection Force".
 */
export function syllablesOf(word: string, words: string[], at = 0, i = 0): boolean {
  if (i === words.length) return at === word.length;
  const next = words[i] ?? "";
  const small = JOINERS.has(next);
  if (small && syllablesOf(word, words, at, i + 1)) return true;
  const least = small ? 1 : SYLLABLE;
  for (let n = Math.min(next.length, word.length - at); n >= least; n--) {
    if (word.startsWith(next.slice(0, n), at) && syllablesOf(word, words, at + n, i + 1)) {
      return true;
    }
  }
  return false;
}

/**
 * Reads the spelled-out names in `texts` and returns a lookup from an acronym (any case) to the
 * name it stands for, the first met; a plural acronym ("DGMOs") finds its singular's name. An
 * acronym of the names' syllables ("incsea" for "Incidents at Sea") is found too, looked up
 * once per word among the names that start with its letter.
 */
export function readAcronyms(texts: Iterable<string>): (word: string) => string | undefined {
  const table = new Map<string, string>();
  /** Names of two or more main words, by first letter (lower case), each once. */
  const names = new Map<string, Map<string, string[]>>();
  for (const text of texts) {
    for (const match of text.matchAll(NAME)) {
      // "The Nuclear Risk Reduction Centers": a sentence's capital "The" is no part of the name.
      const name = match[0].replace(/^The\s+/, "");
      for (const acronym of initialsOf(name)) if (!table.has(acronym)) table.set(acronym, name);
    }
    for (const match of text.matchAll(LONG_NAME)) {
      const name = match[0].replace(/^The\s+/, "");
      const words = name.toLowerCase().split(/\s+/);
      if (words.filter((w) => !JOINERS.has(w)).length < 2) continue;
      const first = words[0]?.[0] ?? "";
      const byFirst = names.get(first) ?? new Map<string, string[]>();
      if (!byFirst.has(name)) byFirst.set(name, words);
      names.set(first, byFirst);
    }
  }
  const syllables = new Map<string, string | undefined>();
  // An English word ("cake") is what it says, not the syllables of a name ("Camp Kent").
  const bySyllables = (lower: string): string | undefined => {
    if (lower.length < 2 * SYLLABLE || isEnglishWord(lower)) return undefined;
    if (syllables.has(lower)) return syllables.get(lower);
    let found: string | undefined;
    for (const [name, words] of names.get(lower[0] ?? "") ?? []) {
      if (syllablesOf(lower, words)) {
        found = name;
        break;
      }
    }
    // Bounded: a chat of made-up words would otherwise grow it without end.
    if (syllables.size < 10_000) syllables.set(lower, found);
    return found;
  };
  return (word) => {
    const lower = word.toLowerCase();
    const singular = lower.endsWith("s") ? lower.slice(0, -1) : undefined;
    return (
      table.get(lower) ??
      (singular ? table.get(singular) : undefined) ??
      bySyllables(lower) ??
      (singular ? bySyllables(singular) : undefined)
    );
  };
}

/**
 * A thing named in lower case by two words joined by "of" ("memorandums of understanding"):
 * chat writes its initials ("mou"), as it does a capitalised name's. Each word has three letters
 * or more.
 */
const OF_PHRASE = /(?<![\p{L}-])(\p{L}{3,})\s+of\s+(\p{Ll}{3,})(?![\p{L}-])/gu;

/**
 * Reads the lower-case "X of Y" phrases of `texts` ({@link OF_PHRASE}) and returns a lookup from
 * their initials ("mou", any case; a plural "mous" finds its singular's) to the phrase, the first
 * met. A phrase with a word that carries no topic ("most of them") names nothing and is skipped;
 * a common English word ("mod", "sob") is what it says and finds none. Read after
 * {@link readAcronyms}, and only for a word that is no misspelling or clipping of a corpus word:
 * three letters stand for many phrases, so the sources' own names and words come first.
 */
export function readPhraseInitials(texts: Iterable<string>): (word: string) => string | undefined {
  const phrases = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(OF_PHRASE)) {
      const [head, tail] = [(match[1] ?? "").toLowerCase(), (match[2] ?? "").toLowerCase()];
      if (STOPWORDS.has(head) || STOPWORDS.has(tail)) continue;
      const initials = `${head[0]}o${tail[0]}`;
      if (!phrases.has(initials)) phrases.set(initials, `${head} of ${tail}`);
    }
  }
  return (word) => {
    const lower = word.toLowerCase();
    if (isCommonWord(lower)) return undefined;
    return (
      phrases.get(lower) ?? (lower.endsWith("s") ? phrases.get(lower.slice(0, -1)) : undefined)
    );
  };
}
