/**
 * "Why is the line taking so long", "why did the talks stall": a why-question wants the sentence
 * that gives a reason ("a disagreement over who would answer the phone is one reason for the
 * delay", "… because …"), not one that only tells of the thing asked about. General English
 * words of cause, no document words.
 */
import { leadFitting } from "./lead.js";
import type { Ranked } from "./rank.js";

/** "why …", "how come …" opening the question (after a filler word or two). */
const ASKS_WHY = /^\W*(?:[\p{L}']+\W+){0,2}?(?:why|how\s+come)\b/iu;

/** Whether `question` asks why. */
export function asksWhy(question: string): boolean {
  return ASKS_WHY.test(question);
}

/** Words that give a cause: "because", "one reason for", "due to", "as a result of", "led to". */
const STATES_REASON =
  /\b(?:because|reasons?|due\s+to|owing\s+to|as\s+a\s+result|caused?|causes|blamed?|led\s+to)\b/i;

/** Whether `text` gives a cause ({@link STATES_REASON}). */
export function statesReason(text: string): boolean {
  return STATES_REASON.test(text);
}

/**
 * A sentence giving a reason answers a why-question down to this share of the best score: a
 * reason is often told in words of its own ("a disagreement over who would answer the phone"),
 * which share few of the question's.
 */
const REASON_SCORE_MIN = 0.45;

/**
 * The sentence to lead an answer to a why-question: `top` when it gives a reason ({@link
 * statesReason}), else the best of `ranked` within {@link REASON_SCORE_MIN} of it that does and
 * is `supported`; `top` when none does.
 */
export function givingReason(
  ranked: Ranked[],
  top: Ranked,
  supported: (r: Ranked) => boolean,
): Ranked {
  return leadFitting(ranked, top, REASON_SCORE_MIN, supported, (r) =>
    statesReason(r.sentence.text),
  );
}
