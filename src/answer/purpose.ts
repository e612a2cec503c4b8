/**
 * Questions that ask what something is for: "what is the line meant for", "what is it supposed
 * to be for according to Luo", "what is the goal of the hotline". Their answer states a purpose
 * ("The goal of the hotline … 'is in a hope of solving the crisis'", "designed for timely
 * communication"); a passage quoting the same person on something else does not answer them.
 * General English question forms and words of purpose, no document words.
 */
import { leadFitting } from "./lead.js";
import type { Ranked } from "./rank.js";

/** "… meant for", "… supposed to be for", "what is it for (according to X)", "the goal of …". */
const ASKS_PURPOSE =
  /\b(?:meant|supposed|designed|intended)\s+(?:to\s+be\s+)?for\b|\bwhat\b.*\bfor\s*(?:according\s+to\b[^?]*)?\??\s*$|\b(?:purpose|goal|aim)\s+of\b/i;

/** Words that state a purpose: "the goal of", "designed for", "in order to", "in a hope of". */
const STATES_PURPOSE =
  /\b(?:purpose|goal|aim|designed|intended|meant|so as to|in order to|in a hope|in the hope|to the advantage of)\b/i;

/** Whether `question` asks what something is for. */
export function asksPurpose(question: string): boolean {
  return ASKS_PURPOSE.test(question);
}

/** A sentence stating a purpose answers down to this share of the best score. */
const PURPOSE_SCORE_MIN = 0.7;

/**
 * The sentence to lead an answer to a question of what something is for: `top` when it states a
 * purpose ({@link STATES_PURPOSE}), else the best of `ranked` within {@link PURPOSE_SCORE_MIN} of
 * it that does and is `supported`; `top` when none does.
 */
export function statingPurpose(
  ranked: Ranked[],
  top: Ranked,
  supported: (r: Ranked) => boolean,
): Ranked {
  return leadFitting(ranked, top, PURPOSE_SCORE_MIN, supported, (r) =>
    STATES_PURPOSE.test(r.sentence.text),
  );
}
