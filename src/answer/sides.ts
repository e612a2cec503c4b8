/**
 * A question about a pair's line ("does the US-Russia hotline use email now") is answered from an
 * account of that pair, not from a document about another pair that shares a side and the
 * question's words ("In a world where emails … two of the world's most important military
 * powers", in an article about the China-Russia line). The ranker already weighs how far a
 * document is about the asked places; this rule decides between sentences ranked close.
 */
import type { PlaceMention } from "../search/gazetteer.js";
import type { Sentence } from "../text/passages.js";
import { leadFitting } from "./lead.js";
import type { Ranked } from "./rank.js";

/** A sentence from a document about every asked side answers down to this share of the best. */
const SIDES_SCORE_MIN = 0.8;

/** `places` with one mention per place: "Washington", "the US" and "American" are one side. */
function distinctPlaces(places: PlaceMention[]): PlaceMention[] {
  const same = (a: PlaceMention, b: PlaceMention) => a.codes.some((c) => b.codes.includes(c));
  return places.filter((p, i) => !places.slice(0, i).some((q) => same(p, q)));
}

/**
 * The sentence to lead with for a question naming two or more places (`places`): `top` when its
 * document is about all of them as a pair (`sidesFit` of 1), else the best of `ranked` within
 * {@link SIDES_SCORE_MIN} of it whose document is and that is `supported`; `top` when none is,
 * or when the question names fewer than two places.
 */
export function onAskedSides(
  ranked: Ranked[],
  top: Ranked,
  places: PlaceMention[],
  sidesFit: (sentence: Sentence) => number,
  supported: (r: Ranked) => boolean,
): Ranked {
  if (distinctPlaces(places).length < 2) return top;
  // Read once per document: the ranked sentences come from a few documents.
  const fits = new Map<unknown, boolean>();
  const fitting = (r: Ranked) => {
    const doc = r.sentence.paragraph.doc;
    let fit = fits.get(doc);
    if (fit === undefined) {
      fit = sidesFit(r.sentence) === 1;
      fits.set(doc, fit);
    }
    return fit;
  };
  return leadFitting(ranked, top, SIDES_SCORE_MIN, supported, fitting);
}
