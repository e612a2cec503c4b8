/**
 * Questions about something the sources never tell of: "who installed the line", "when did they
 * restore it". A rare verb (not among the 5,000 commonest English words) that the sources never
 * use, in any form or through a synonym, names an event they do not report; a common one ("help",
 * "run", "thought") may just be a loose way of asking, so it does not decide.
 */
import { isCommonWord, isEnglishWord } from "../text/english.js";
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import type { Query, QueryTerm } from "./query.js";

/** Regular inflections and what they may stand for: "spreads" → "spread", "used" → "use". */
const INFLECTIONS: [RegExp, string][] = [
  [/s$/, ""],
  [/es$/, ""],
  [/ed$/, ""],
  [/d$/, ""],
  [/ing$/, ""],
  [/ing$/, "e"],
];

/**
 * Whether `word` (lower case) is a form of a common verb: "spreads" is as loose a way of asking
 * as "spread", which is among the commonest words though its third person is not.
 */
function commonVerb(word: string): boolean {
  if (isCommonWord(word)) return true;
  const base = baseVerb(word);
  if (base) return isCommonWord(base);
  return INFLECTIONS.some(
    ([ending, replacement]) => ending.test(word) && isCommonWord(word.replace(ending, replacement)),
  );
}

/**
 * Whether the sources tell of the event in other words: a word WordNet relates to the verb in
 * its commonest senses ("strayed" for "wandered"), of those `counts` accepts (default: all), is
 * used by the documents the question is about. Searched only for a rare verb, so at most a few
 * look-ups per question.
 */
function toldOtherwise(
  term: QueryTerm,
  toldOf: (term: string) => boolean,
  counts: (related: string) => boolean = () => true,
): boolean {
  return (term.related ?? []).some((related) => counts(related) && toldOf(related));
}

/**
 * Why the sources cannot answer `query`, when it asks about an event they never name; else null.
 * `toldOf(term)` (default: the term is in the index at all) says whether the documents the
 * question is about use the term: "installed" in an article about the Korean lines does not tell
 * who installed the India-Pakistan line.
 */
export function untoldEvent(
  query: Query,
  toldOf: (term: string) => boolean = () => true,
): string | null {
  const verb = query.terms.find((t) => {
    if (t.expansions.length > 0 || t.implied) return false;
    const word = t.surface.toLowerCase();
    // Searching is the costly part: only for a rare verb.
    return (
      isMainlyVerb(word) &&
      !commonVerb(word) &&
      !(t.known && toldOf(t.term)) &&
      !toldOtherwise(t, toldOf)
    );
  });
  if (!verb) return null;
  return verb.known
    ? `The sources about those sides never use the word “${verb.surface}”.`
    : `The sources never say that anyone did this: they do not use the word “${verb.surface}”.`;
}

/**
 * A question about a state something was put in: "is the hotline encrypted", "how is the line
 * encrypted", "were the calls recorded". The state is its last word, a participle in "-ed":
 * WordNet relates the verb to the words a source may use instead ("encrypt" → "code"), which it
 * does not do for adjectives ("is it operational" may be told as "it is working").
 */
const QUALITY_ASKED = /^(?:how\s+)?(?:is|are|was|were)\b[^?]*?\b(\p{Ll}+ed)\W*$/u;

/**
 * Why the sources cannot answer `question`, when it asks about a quality ({@link QUALITY_ASKED})
 * they never mention: a rare English word (not a form of one of the commonest words) that no
 * source uses, through a misspelling, a word of the same stem or a word WordNet relates to it, in
 * the documents about the question's sides ("is the armenia azerbaijan hotline encrypted"). A
 * common word ("is the line still up") may be a loose way of asking, so it does not decide.
 * Null otherwise.
 */
export function untoldQuality(
  question: string,
  query: Query,
  toldOf: (term: string) => boolean = () => true,
): string | null {
  const word = QUALITY_ASKED.exec(question.trim())?.[1];
  // A short word at the end is more often chat ("rn", "tbh") than a quality.
  if (!word || word.length < 4 || !isEnglishWord(word) || commonVerb(word)) return null;
  const term = query.terms.find((t) => t.surface === word);
  if (!term || term.known || term.expansions.length > 0 || term.implied) return null;
  return toldOtherwise(term, toldOf, rareRelatives)
    ? null
    : `The sources never say anything about it being “${word}”.`;
}

/**
 * Whether a relative of a rare quality may tell it: only a rare one. A relative among the
 * commonest words has many senses, and a source that uses it most likely means another: "code"
 * (WordNet's relative of "encrypt") is far more often a set of rules ("the International Code of
 * Signals") than a cipher, whereas "encipher" can only mean the quality asked about.
 */
function rareRelatives(related: string): boolean {
  return !isCommonWord(related);
}
