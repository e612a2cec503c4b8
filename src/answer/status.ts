/**
 * Yes/no questions about where something stands: "is the hotline working now or still just
 * planned", "is it in use now". Their adverbs of the present ("now", "currently") and the
 * alternative offered after "or" (its negation or an earlier state) say what kind of answer would settle them, not what they are
 * about: the sentence that settles one ("the hotline began operating on March 31, 2023") need
 * not repeat them, so they are not searched for. A short closed class of English adverbs, no
 * document words.
 */

/** A yes/no question: it opens with an auxiliary verb. */
const YES_NO = /^\W*(?:is|are|was|were|does|do|did|has|have|had|can|could|will|would)\b/i;

/** Whether `question` is a yes/no question: it opens with an auxiliary or modal verb. */
export function isYesNo(question: string): boolean {
  return YES_NO.test(question);
}

/**
 * Adverbs that point at the present ("now", "currently") or only stress ("just"). Not "still",
 * "yet" or "already": the settling sentence itself says those ("have not yet spoken", "is
 * already open").
 */
const PRESENT_ADVERB = /\b(?:now|currently|nowadays|presently|just)\b/gi;

/**
 * The alternative a yes/no question offers when it is the negation or an earlier state ("… or
 * not", "… or still just planned"). Not one of the same kind as the question's own ("in March
 * or April 2008", "before or after the agreement"): that names what the answer is about.
 */
const ALTERNATIVE = /,?\s+\bor\s+(?:not|no|nah|nope|still|yet|already|just|only)\b[^,;:.!?]*/i;

/**
 * The words of `question` to search for: for a yes/no question, without its adverbs of the
 * present and
 * the alternative it offers after "or"; any other question unchanged. Never empty: a question
 * made only of such words is returned as it is.
 */
export function statusSearched(question: string): string {
  if (!YES_NO.test(question)) return question;
  const searched = question
    .replace(ALTERNATIVE, " ")
    .replace(PRESENT_ADVERB, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([,;:.!?])/g, "$1")
    .trim();
  return /[\p{L}\p{N}]/u.test(searched) ? searched : question;
}

/**
 * Words of a state going on, or having stopped: "still in force", "no longer used", "has
 * connected the capitals ever since", "remains open", "any more". The answer to "is it still …".
 */
export const GOES_ON =
  /\b(?:still|no\s+longer|any\s*more|any\s+longer|ever\s+since|remains?|remained|continues?|continued)\b/i;

/** "is it still …", "does it work any more": a state going on, outside an offered alternative. */
const ASKS_GOES_ON = /\b(?:still|any\s*more|any\s+longer|no\s+longer)\b/i;

/**
 * Whether `question` is a yes/no question asking whether a state goes on ("is the 1972 agreement
 * still valid", "is the line still up"); not when "still" is only the alternative it offers ("…
 * working now or still just planned", which asks whether it has begun).
 */
export function asksStill(question: string): boolean {
  return YES_NO.test(question) && ASKS_GOES_ON.test(question.replace(ALTERNATIVE, " "));
}
