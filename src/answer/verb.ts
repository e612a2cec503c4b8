/**
 * "Who does the India-Pakistan hotline actually connect", "what did the agreement change": a
 * question that asks for the object of its last word, a verb, wants the sentence in which that
 * verb is said ("The hotline connects the Directors General of Military Operations …"), not one
 * that only names the subject. General English question forms, no document words.
 */
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import { leadFitting } from "./lead.js";
import { sameWord } from "./negated.js";
import type { Ranked } from "./rank.js";

/** "who does X connect", "what did X change": who/what, an auxiliary, then the subject and verb. */
const ASKS_OBJECT =
  /^\W*(?:[\p{L}']+\W+){0,2}?(?:who|whom|what)\s+(?:does|do|did|can|could|will|would)\s+(.+)$/iu;

/**
 * A plain test that holds whenever {@link ASKS_OBJECT} can match: it spares compiling that
 * case-insensitive Unicode expression for the questions it cannot. `[sSſ]`: with the `iu` flags
 * an "s" also matches "ſ" (U+017F), which a plain `/s/i` does not.
 */
const MAY_ASK_OBJECT = /(?:who|what)m?\s+(?:doe[sSſ]|do|did|can|could|will|would)\s/i;

/** Adverbs that may close such a question without being its verb: "… connect exactly". */
const TRAILING_ADVERB = /^(?:exactly|actually|really|now|today|still|usually|normally)$/;

const WORDS = /[\p{L}'’-]+/gu;

/**
 * The verb whose object `question` asks for (lower case), or null: its last word, when it is a
 * verb and a plain noun phrase, its subject, stands before it ("who does the hotline actually
 * connect" → "connect"; not "what did they talk about on the first call").
 */
export function objectVerb(question: string): string | null {
  const asked = question.replace(/[?!.\s]+$/, "");
  const rest = MAY_ASK_OBJECT.test(asked) ? ASKS_OBJECT.exec(asked)?.[1] : undefined;
  if (!rest) return null;
  const words = (rest.toLowerCase().match(WORDS) ?? []).map(String);
  while (words.length > 0 && TRAILING_ADVERB.test(words[words.length - 1] ?? "")) words.pop();
  const verb = words.pop();
  if (!verb || words.length === 0) return null;
  // "what did they talk about on the first hotline call": a verb or a preposition before the
  // last word makes it part of another phrase (the object of "about"), not the asked verb.
  const subject = words.filter((w) => !TRAILING_ADVERB.test(w));
  if (subject.some((w) => isVerb(w) || PREPOSITION.test(w))) return null;
  return isVerb(verb) ? verb : null;
}

/** A word mostly used as a verb, or an irregular verb form. */
function isVerb(word: string): boolean {
  return isMainlyVerb(word) || baseVerb(word) !== undefined;
}

/** Prepositions: a subject is a plain noun phrase ("the India-Pakistan hotline"), without one. */
const PREPOSITION = /^(?:about|on|in|at|to|with|for|from|of|by|over|during|after|before|between)$/;

/** A sentence saying the asked verb answers down to this share of the best score. */
const VERB_SCORE_MIN = 0.7;

/**
 * The sentence to lead an answer to a question asking for a verb's object ({@link objectVerb}):
 * `top` when it says a form of the verb, else the best of `ranked` within {@link VERB_SCORE_MIN}
 * of it that does and is `supported`; `top` when none does.
 */
export function sayingVerb(
  verb: string,
  ranked: Ranked[],
  top: Ranked,
  supported: (r: Ranked) => boolean,
): Ranked {
  return leadFitting(ranked, top, VERB_SCORE_MIN, supported, (r) =>
    (r.sentence.text.toLowerCase().match(WORDS) ?? []).some((w) => sameWord(w, verb)),
  );
}
