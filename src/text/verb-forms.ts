/**
 * The base form of irregular English verb forms ("made" → "make", "blew" → "blow", "began" →
 * "begin"), from WordNet's list of verb exceptions (2,200 forms, as packaged by `wink-lexicon`).
 * Porter stemming reads "opened" as "open" but cannot see that "blew up" is "blow up"; with this
 * list a passage saying one and a question saying the other share a term.
 *
 * Also which words are mostly used as verbs, from the same package's tagged lexicon.
 *
 * The build writes the lists as `verb-forms.json` and `verbs.txt` beside the compiled module
 * (about 80 KB, read in a millisecond on first use); run from source (tests), the package's
 * modules are read instead.
 */
import { lazy } from "../lazy.js";
import { builtLines, builtOr, byCodeUnit, hasLine, memoWords } from "./built-file.js";
import { isLowerLetters } from "./letters.js";

const exceptions = lazy<Record<string, string>>("wink-lexicon/src/wn-verb-exceptions.js");
/** Words with their part-of-speech tags (Penn), most frequent use first. */
const lexicon = lazy<Record<string, string[] | null>>("wink-lexicon/src/lexicon.js");

/**
 * Every irregular form with its base, lower case: only single words of letters whose base
 * differs, so phrases and spelling variants of the base itself are left to the stemmer.
 */
export function verbForms(): Record<string, string> {
  const forms: Record<string, string> = {};
  for (const [form, base] of Object.entries(exceptions())) {
    if (isLowerLetters(form) && isLowerLetters(base) && form !== base) forms[form] = base;
  }
  return forms;
}

/** Irregular form → base, as the build writes it (keys are lower-case letters only). */
let forms: Record<string, string> | undefined;

/** The base of `word` (lower case) when it is an irregular verb form, else undefined. */
export function baseVerb(word: string): string | undefined {
  // Looked up in the parsed object rather than copied into a Map first (4,000 entries, for the
  // few words a command asks about).
  forms ??= builtOr(
    new URL("./verb-forms.json", import.meta.url),
    (text) => JSON.parse(text) as Record<string, string>,
    verbForms,
  );
  return Object.hasOwn(forms, word) ? forms[word] : undefined;
}

/** Lower-case words whose most frequent use is as a verb ("restore", "install"), sorted. */
export function mainlyVerbs(): string[] {
  return Object.entries(lexicon())
    .filter(([word, tags]) => isLowerLetters(word) && tags?.[0]?.startsWith("VB"))
    .map(([word]) => word)
    .sort(byCodeUnit);
}

/** The list as the build writes it: one word a line, sorted by code unit. */
const verbs = builtLines(new URL("./verbs.txt", import.meta.url), mainlyVerbs);

/** True when `word` (lower case) is mostly used as a verb ("restore"; not "visit", mostly a noun). */
export const isMainlyVerb: (word: string) => boolean = memoWords((word) => {
  return hasLine(verbs, word);
});
