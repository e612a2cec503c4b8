/**
 * A sentence dated only by counting from another date ("The next day", "Two weeks later"), or
 * stating no date at all, that names the event asked about as something already told, after a
 * preposition and "the" ("pull back from the site of the clash", "Since the deadly clash …, both
 * governments have been adding lines"): the event is the point it counts from, and it tells what
 * followed. It does not date the event asked about, nor say that the event has no date.
 */
import type { Sentence } from "../text/passages.js";
import type { QueryTerm } from "./query.js";
import { toldBefore } from "./told-before.js";

/**
 * A relative date counted from another event ("The next day", "Two weeks later", "A week after the
 * crash"), not from the time of writing ("last year", "three years ago"): only the former makes
 * the event it counts from a point in the past of what the sentence tells.
 */
const COUNTED = /\b(?:next|later|after|following|earlier|before|previous)\b/i;

/**
 * Whether `sentence` is dated only relatively ("The next day"), or not at all, and says `term`
 * only as an event told before (`told-before.ts`), in its own word or a related one: "The next
 * day, troops began to pull back from the site of the clash" or "Since the deadly clash …, both
 * governments have been adding lines" for "when was the clash". False for a sentence that states
 * a date, or says the term elsewhere too ("the clash began after the clash of patrols").
 */
export function countsFromAsked(sentence: Sentence, term: QueryTerm): boolean {
  // A sentence that states a date of its own may tell the event on it.
  if (sentence.dates.some(datesOnItsOwn)) return false;
  const stems = toldBefore(sentence);
  if (stems.size === 0) return false;
  // Most sentences say none of the term's forms: no list is built for them (this runs for every
  // term of every candidate sentence of a when-question).
  if (!saysAnyForm(sentence, term)) return false;
  const forms = [term.term, ...term.expansions, ...(term.related ?? [])];
  const told = forms.filter((f) => sentence.termSet.has(f));
  return told.length > 0 && told.every((f) => stems.has(f)) && !saysAgain(sentence, told);
}

/** Whether a sentence's date is one it may tell its event on: not counted from another event. */
function datesOnItsOwn(d: Sentence["dates"][number]): boolean {
  return d.basis !== "relative" || !COUNTED.test(d.text);
}

/** Whether `sentence` says `term` as typed, as a word it may stand for or as a related word. */
function saysAnyForm(sentence: Sentence, term: QueryTerm): boolean {
  const { termSet } = sentence;
  if (termSet.has(term.term)) return true;
  const { expansions, related } = term;
  for (let i = 0; i < expansions.length; i++) if (termSet.has(expansions[i] as string)) return true;
  if (related)
    for (let i = 0; i < related.length; i++) if (termSet.has(related[i] as string)) return true;
  return false;
}

/** Whether one of `terms` stands more than once in `sentence` (then once may be the event itself). */
function saysAgain(sentence: Sentence, terms: string[]): boolean {
  return terms.some((t) => sentence.terms.indexOf(t) !== sentence.terms.lastIndexOf(t));
}
