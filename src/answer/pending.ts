import type { Sentence } from "../text/passages.js";

/**
 * Sentences that say an event has not happened (yet) as of their source's date. Shared by the
 * ranker (such a sentence speaks of the event as intended, and is not marked down for it) and
 * the composer (it answers a when-question with no date).
 */

/**
 * A sentence that says something has not happened (yet) as of its source's date: "There is still
 * no hotline", "have not yet spoken", "never spoke", "still waits to be finalized", "appears to
 * have stalled". General English markers of an unfinished or absent event, not words of a topic.
 */
export const NOT_HAPPENED =
  /\b(?:still|yet)\s+(?:no|not|nothing|none|waits?|waiting|to be)\b|\bnot\s+yet\b|\bnever\b|\b(?:has|have|had)(?:n['’]t|\s+not)\s+(?:yet\s+)?(?:been|happened|started|begun|spoken|used|opened|met)\b|\b(?:has|have|had|to\s+have)\s+stalled\b/i;

const read = new WeakMap<Sentence, number>();

/**
 * Where in `sentence` it says something has not happened ({@link NOT_HAPPENED}), or -1. Read once
 * per sentence: the same candidates come back question after question.
 */
export function notHappenedAt(sentence: Sentence): number {
  let at = read.get(sentence);
  if (at === undefined) {
    at = NOT_HAPPENED.exec(sentence.text)?.index ?? -1;
    read.set(sentence, at);
  }
  return at;
}
