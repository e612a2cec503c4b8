/**
 * Choosing the sentence an ask-answer leads with when the question wants a kind of sentence (one
 * naming two ends, stating a purpose, quoting the speaker, naming a person, saying a word).
 */
import { type Query, type QueryTerm, saysTerm } from "./query.js";
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

/** A best match that says only the question's places gives way down to this share of its score. */
const BEYOND_PLACES_SCORE_MIN = 0.7;

/**
 * `top`, unless the only question words it says name places (`namesPlace`: the sides, "India and
 * Pakistan also exchange lists … every year" for "how often do india and pak use the dgmo line"):
 * then the best of `ranked` within {@link BEYOND_PLACES_SCORE_MIN} of it that is `supported` and
 * says another typed word of the question, so tells of the thing asked about. `top` when the
 * question names nothing but places, or none does.
 */
export function sayingBeyondPlaces(
  ranked: Ranked[],
  top: Ranked,
  query: Query,
  namesPlace: (term: QueryTerm) => boolean,
  supported: (r: Ranked) => boolean,
): Ranked {
  const typed = query.terms.filter((t) => !t.implied);
  const asked = typed.filter((t) => !namesPlace(t));
  if (asked.length === 0 || asked.length === typed.length) return top;
  return leadFitting(ranked, top, BEYOND_PLACES_SCORE_MIN, supported, (r) =>
    asked.some((t) => saysTerm(t, r.sentence.termSet)),
  );
}
