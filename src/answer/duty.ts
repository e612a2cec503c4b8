/**
 * Questions that ask what someone must do: "what are fighter pilots meant to do under the air
 * rules", "what are ships supposed to do", "what must crews do". Their answer is a sentence that
 * lays a duty on them ("It asks pilots to keep a safe distance", "crews must signal"), not one
 * telling of something they once did. General English question forms and verbs of requiring, no
 * document words.
 */
import { leadFitting } from "./lead.js";
import type { Ranked } from "./rank.js";

/**
 * "what are X meant/supposed/required/expected/obliged to do", "what must/should X do", "what do
 * X have/need to do": X is the one the duty falls on.
 */
const ASKS_DUTY = [
  /\bwhat\s+(?:are|is|were|was)\s+(.+?)\s+(?:meant|supposed|required|expected|obliged|obligated|bound|asked|told)\s+to\s+do\b/i,
  /\bwhat\s+(?:must|should|shall)\s+(.+?)\s+do\b/i,
  /\bwhat\s+(?:do|does|did)\s+(.+?)\s+(?:have|has|need|needs)\s+to\s+do\b/i,
];

/**
 * Words laying a duty on someone: a modal of obligation ("must", "should", "have to"), or a verb
 * of requiring with "to" a few words after it ("asks pilots to keep", "obliges each side to
 * notify", "calls on both navies to use").
 */
const STATES_DUTY =
  /\b(?:must|should|shall|ought\s+to|(?:has|have|had)\s+to)\b|\b(?:asks?|asked|requires?|required|obliges?|obliged|calls?\s+on|called\s+on|tells?|told|orders?|ordered|instructs?|instructed|directs?|directed|commits?|committed)\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}?to\s+\p{L}/iu;

/**
 * The words naming whom `question` asks the duty of ("fighter pilots"), or null when it asks
 * no such thing. A pronoun names nobody the sentence must name.
 */
export function dutyAsked(question: string): string | null {
  for (const form of ASKS_DUTY) {
    const words = form.exec(question)?.[1]?.trim();
    if (words && !/^(?:they|we|you|i|he|she|it|people|one)$/i.test(words)) return words;
  }
  return null;
}

/** A sentence laying a duty answers down to this share of the best score. */
const DUTY_SCORE_MIN = 0.7;

/**
 * The sentence to lead an answer to "what are X meant to do": `top` when it lays a duty
 * ({@link STATES_DUTY}) and names X (one of `dutyTerms`, the terms of X's words), else the best
 * of `ranked` within {@link DUTY_SCORE_MIN} of it that does and is `supported`; `top` when none
 * does or `dutyTerms` is empty.
 */
export function layingDuty(
  ranked: Ranked[],
  top: Ranked,
  dutyTerms: string[],
  supported: (r: Ranked) => boolean,
): Ranked {
  if (dutyTerms.length === 0) return top;
  return leadFitting(
    ranked,
    top,
    DUTY_SCORE_MIN,
    supported,
    (r) => STATES_DUTY.test(r.sentence.text) && dutyTerms.some((t) => r.sentence.termSet.has(t)),
  );
}
