/**
 * Yes/no questions of whether something is so again ("is the office open again?"): the sentence
 * saying whether it was redone ("has not reopened") answers, not the one telling its first
 * opening. General English, no document words.
 */

import { leadFitting } from "./lead.js";
import type { QueryTerm } from "./query.js";
import type { Ranked } from "./rank.js";
import { isYesNo } from "./status.js";

/** Whether `question` asks whether something is so again ("is the office open again?"). */
export function asksAgain(question: string): boolean {
  return isYesNo(question) && /\bagain\b/i.test(question);
}

/** A sentence saying the prefixed word answers "is it … again" down to this share of the best. */
const REDONE_SCORE_MIN = 0.6;

/**
 * The sentence that answers "is X open again": `top` when it says one of the question's words
 * with "re-" ({@link QueryTerm.redone}: "reopened"), else the best of `ranked` within
 * {@link REDONE_SCORE_MIN} of it that is `supported` and says one ("The mission has not
 * reopened"), or `top` when none does. The first opening, which the best match often tells,
 * says nothing of whether it opened again.
 */
export function sayingRedone(
  ranked: Ranked[],
  top: Ranked,
  terms: readonly QueryTerm[],
  supported: (r: Ranked) => boolean,
): Ranked {
  const redone = terms.flatMap((t) => t.redone ?? []);
  if (redone.length === 0) return top;
  return leadFitting(ranked, top, REDONE_SCORE_MIN, supported, (r) =>
    redone.some((t) => r.sentence.termSet.has(t)),
  );
}
