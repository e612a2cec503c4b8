/**
 * Questions about something the sources never tell of: "who installed the line", "when did they
 * restore it". A rare verb (not among the 5,000 commonest English words) that the sources never
 * use, in any form or through a synonym, names an event they do not report; a common one ("help",
 * "run", "thought") may just be a loose way of asking, so it does not decide.
 */
import { isCommonWord, isEnglishWord } from "../text/english.js";
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import { relatedTo } from "../text/wordnet.js";
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

/** A question whether something is so: it opens with an auxiliary ("do they need …", "is it …"). */
const ASKS_WHETHER =
  /^(?:do|does|did|is|are|was|were|can|could|will|would|has|have|had|should|must)\b/i;

/** The dictionary forms a noun `word` (lower case) may be of: "interpreters" → "interpreter". */
function nounForms(word: string): string[] {
  return [word, word.replace(/s$/, ""), word.replace(/es$/, ""), word.replace(/ies$/, "y")];
}

/**
 * Whether `word` (lower case) reads as a thing: a noun WordNet knows (its table of related words
 * holds nouns and verbs only, so "valid" is not one), not a participle or an adverb
 * ("neighbouring", "strengthened", "usually").
 */
function isThing(word: string): boolean {
  if (/(?:ing|ed|ly)$/.test(word)) return false;
  return nounForms(word).some((form) => relatedTo(form).length > 0);
}

/**
 * Why the sources cannot answer `query`, when it asks about a thing no source names: a rare
 * English noun ({@link isThing}; not among the commonest words nor a form of one, nor mainly a
 * verb, which {@link untoldEvent} reads) that no document uses in any form, nor in any word
 * WordNet relates to it, in the documents about the question's sides ("do the officers need an
 * interpreter on the channel": no source tells of interpreters or translators), in a question
 * whether something is so ({@link ASKS_WHETHER}). Words of the places asked about are left out
 * ("Asian"). Null otherwise.
 */
export function untoldThing(
  question: string,
  query: Query,
  toldOf: (term: string) => boolean = () => true,
): string | null {
  // "When did they make the pledge": the event is found by the question's other words, and a
  // source may tell it in its own ("committed"). A question whether something is so asserts
  // every thing it names, and is answered only by a passage that tells of each.
  if (!ASKS_WHETHER.test(question.trim())) return null;
  const placeWords = new Set(
    query.places.flatMap((m) => m.surface.toLowerCase().match(/\p{L}+/gu) ?? []),
  );
  const thing = query.terms.find((t) => {
    if (t.known || t.expansions.length > 0 || t.implied) return false;
    const word = t.surface.toLowerCase();
    return (
      /^\p{Ll}{4,}$/u.test(word) &&
      !placeWords.has(word) &&
      isEnglishWord(word) &&
      !isMainlyVerb(word) &&
      !commonVerb(word) &&
      isThing(word) &&
      !toldOtherwise(t, toldOf)
    );
  });
  return thing ? `The sources never mention any “${thing.surface}”.` : null;
}
