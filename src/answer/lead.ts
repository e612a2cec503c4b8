/**
 * Choosing the sentence an ask-answer leads with when the question wants a kind of sentence (one
 * naming two ends, stating a purpose, quoting the speaker, naming a person, saying a word).
 */
import type { Ranked } from "./rank.js";

/**
 * `top` when `fits(top)`; else the best of `ranked` (best first) that fits, is `supported` and
 * scores at least `share` of `top`'s score; `top` when none does. A sentence of the wanted kind
 * leads only when it answers nearly as well, so a weak match never displaces a strong one.
 */
export function leadFitting(
  ranked: Ranked[],
  top: Ranked,
  share: number,
  supported: (r: Ranked) => boolean,
  fits: (r: Ranked) => boolean,
): Ranked {
  if (fits(top)) return top;
  return ranked.find((r) => supported(r) && r.score >= share * top.score && fits(r)) ?? top;
}
