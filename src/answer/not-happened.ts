/**
 * Whether a sentence says something has not happened (yet) as of its source's date: the reading
 * of one sentence's text, shared by the ranker, the composer and the comparison of two events
 * (see `pending.ts`), and stored in start-up snapshots (it depends on the corpus alone).
 */
import type { Sentence } from "../text/passages.js";
import { storedReadings } from "../text/stored-readings.js";
import { baseVerb } from "../text/verb-forms.js";

/**
 * A sentence that says something has not happened (yet) as of its source's date: "There is still
 * no hotline", "have not yet spoken", "have yet to meet", "never spoke", "still waits to be
 * finalized", "appears to have stalled", "remains on paper", "no date for another meeting", "No such agreement has been signed".
 * General English markers of an unfinished or absent event, not words of a topic. A perfect
 * negated with "not" ("has not been revived", "have not begun") is read by {@link NEGATED_PERFECT}.
 */
export const NOT_HAPPENED =
  /\b(?:still|yet)\s+(?:no|not|nothing|none|waits?|waiting|to)\b|\bnot\s+yet\b|\bnever\b|\b(?:has|have|had|to\s+have|is|are|was|were|remains?|remained)\s+stalled\b|\bremain(?:s|ed)?\s+(?:only\s+)?on\s+paper\b|\bno\s+date\s+(?:yet\s+)?(?:set\s+)?for\b|\b(?:no|none\s+of\s+the)\s+(?:[\p{L}\p{N}'’-]+\s+){0,5}?(?:has|have|had)\s+(?:yet\s+|ever\s+)?been\b/iu;

/**
 * A perfect negated with "not" and a past participle: "has not been revived", "have not begun",
 * "hadn't met". The participle is checked apart ({@link isParticiple}): "has not the means" says
 * nothing of an event.
 */
export const NEGATED_PERFECT =
  /\b(?:has|have|had)(?:n['’]t|\s+not)\s+(?:yet\s+|still\s+|even\s+|ever\s+)?(\p{L}+)/giu;

/**
 * A past participle: a regular one in -ed, or an irregular form the lexicon lists ("begun",
 * "met", "spoken"), or "been".
 */
export function isParticiple(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === "been" || /\p{L}{2}ed$/u.test(lower) || baseVerb(lower) !== undefined;
}

/**
 * Where in `text` it says something has not happened ({@link NOT_HAPPENED}, or a negated perfect),
 * or -1: the earliest such place.
 */
export function notHappenedIn(text: string): number {
  let at = NOT_HAPPENED.exec(text)?.index ?? -1;
  for (const m of text.matchAll(NEGATED_PERFECT)) {
    if (at >= 0 && m.index >= at) break;
    if (isParticiple(m[1] ?? "")) {
      at = m.index;
      break;
    }
  }
  return at;
}

const read = new WeakMap<Sentence, number>();

/**
 * Where in `sentence` it says something has not happened ({@link notHappenedIn}), or -1. Read
 * once per sentence: the same candidates come back question after question. A corpus started
 * from a snapshot has it stored ({@link storedReadings}), so its expressions never run.
 */
export function notHappenedAt(sentence: Sentence): number {
  let at = read.get(sentence);
  if (at === undefined) {
    const stored = storedReadings(sentence);
    at = stored ? (stored.notHappened.get(sentence.id) ?? -1) : notHappenedIn(sentence.text);
    read.set(sentence, at);
  }
  return at;
}
