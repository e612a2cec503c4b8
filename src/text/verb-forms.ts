/**
 * The base form of irregular English verb forms ("made" → "make", "blew" → "blow", "began" →
 * "begin"), from WordNet's list of verb exceptions (2,200 forms, as packaged by `wink-lexicon`).
 * Porter stemming reads "opened" as "open" but cannot see that "blew up" is "blow up"; with this
 * list a passage saying one and a question saying the other share a term.
 *
 * The build writes the list as `verb-forms.json` beside the compiled module (about 30 KB, read
 * in a millisecond on first use); run from source (tests), the package's module is read instead.
 */
import { readFileSync } from "node:fs";
import { lazy } from "../lazy.js";

const exceptions = lazy<Record<string, string>>("wink-lexicon/src/wn-verb-exceptions.js");

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
