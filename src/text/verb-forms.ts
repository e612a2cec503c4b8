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
import { readFileSync } from "node:fs";
import { lazy } from "../lazy.js";

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
    if (/^\p{Ll}+$/u.test(form) && /^\p{Ll}+$/u.test(base) && form !== base) forms[form] = base;
  }
  return forms;
}

let forms: Map<string, string> | undefined;

function readForms(): Map<string, string> {
  try {
    const text = readFileSync(new URL("./verb-forms.json", import.meta.url), "utf8");
    return new Map(Object.entries(JSON.parse(text) as Record<string, string>));
  } catch {
    return new Map(Object.entries(verbForms()));
  }
}

/** The base of `word` (lower case) when it is an irregular verb form, else undefined. */
export function baseVerb(word: string): string | undefined {
  forms ??= readForms();
  return forms.get(word);
}

/** Lower-case words whose most frequent use is as a verb ("restore", "install"), sorted. */
export function mainlyVerbs(): string[] {
  return Object.entries(lexicon())
    .filter(([word, tags]) => /^\p{Ll}+$/u.test(word) && tags?.[0]?.startsWith("VB"))
    .map(([word]) => word)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

let verbs: Set<string> | undefined;

/** True when `word` (lower case) is mostly used as a verb ("restore"; not "visit", mostly a noun). */
export function isMainlyVerb(word: string): boolean {
  if (!verbs) {
    try {
      verbs = new Set(readFileSync(new URL("./verbs.txt", import.meta.url), "utf8").split("\n"));
    } catch {
      verbs = new Set(mainlyVerbs());
    }
  }
  return verbs.has(word);
}
