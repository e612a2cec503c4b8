/**
 * A sentence that goes on with the story of the sentence before it, so that the things that
 * sentence named are the ones it speaks of: it opens by counting its date from that sentence's
 * event ("On the night of 15 June 2020, soldiers fought in the Galwan valley. … Eight months
 * later, China said that four of its soldiers had died"), or its opening phrase points back to
 * what was named there ("… met in Brussels with Charles Michel. Meeting him there again on 6
 * April 2022, they agreed …"). General English reading: no document words.
 */
import type { Sentence } from "../text/passages.js";

/**
 * A relative date counted from an event told before ("Eight months later", "The next day", "The
 * following spring"), not from the time of writing ("last year", "three years ago").
 */
const COUNTED_FROM_BEFORE = /\b(?:later|after|next|following|afterwards)\b/i;

/** Most characters a date may stand from the start of the sentence and still open it. */
const OPENING = 4;

/**
 * An opening phrase (up to its first comma) that needs the sentence before it to be read: a
 * pronoun of a person or place named before ("him", "her", "them", "there"), or "again", which
 * says a deed told before is done once more. Object pronouns only: "they" or "it" as a subject
 * is read by the sentence's own rule for pronouns that open it (see `antecedentOf`). "There" that
 * opens a sentence ("There were no calls, …") points to no place.
 */
const POINTS_BACK_IN_OPENING =
  /^(?!\s*there\b)[^,.;:]{0,60}?\b(?:him|her|them|there|again)\b[^,.;:]{0,40},/i;

const read = new WeakMap<Sentence, Sentence | null>();

/**
 * The earlier sentence of its paragraph whose story `sentence` goes on with: the last one that
 * states a date, when `sentence` opens with a date counted from an earlier event
 * ({@link COUNTED_FROM_BEFORE}); the one just before, when its opening phrase points back
 * ({@link POINTS_BACK_IN_OPENING}). Undefined for the first sentence of a paragraph, or one that
 * opens otherwise ("In 1994, …", "Eight months later" standing mid-sentence). Read once per
 * sentence.
 */
export function continuedFrom(sentence: Sentence): Sentence | undefined {
  let before = read.get(sentence);
  if (before === undefined) {
    const opensCounted = sentence.dates.some(
      (d) => d.basis === "relative" && d.index <= OPENING && COUNTED_FROM_BEFORE.test(d.text),
    );
    const earlier = sentence.paragraph.sentences.slice(0, sentence.index);
    // "Eight months later" counts from the last date told before it, which may stand some
    // sentences back ("… on 15 June 2020, … fought in the Galwan valley. Twenty were killed.").
    const from = opensCounted
      ? earlier.findLast((s) => s.dates.length > 0)
      : POINTS_BACK_IN_OPENING.test(sentence.text)
        ? earlier[earlier.length - 1]
        : undefined;
    before = from ?? null;
    read.set(sentence, before);
  }
  return before ?? undefined;
}
