/**
 * "Where" questions: their answer names a place, so only a passage that says where ("in
 * Shanghai", "at the Pentagon", "in the National Military Command Center") answers one, and a
 * place the question itself names does not count ("where in Moscow is the Russian end" is not
 * answered by "a line to Moscow"). General English, no document words.
 */
import { MONTHS } from "../dates/months.js";
import type { Ranked } from "./rank.js";

const WHERE = /^\W*(?:\w+\W+){0,2}?where\b/i;
/** A preposition of place before a name: "in Geneva", "at the Pentagon", "near Panmunjom". */
const PLACE_PHRASE = new RegExp(
  `\\b(?:in|at|near|inside|outside|from|to|on)\\s+(?:the\\s+)?(?!(?:${MONTHS.join("|")})\\b)(\\p{Lu}[\\p{L}’'-]+)`,
  "gu",
);

/** Whether `question` asks where (within its first few words: "ok so where …", "**where** is …"). */
export function asksWhere(question: string): boolean {
  return WHERE.test(question);
}

/** What each place a sentence names beyond the first adds to its score, up to {@link PLACES_COUNTED}. */
const PLACE_CREDIT = 0.1;
const PLACES_COUNTED = 3;

/**
 * The ranked sentences that say where something is or happened, by a place `question` does not
 * name, best first: of two sentences about the thing asked, the one naming more places says
 * more precisely where ("at Al Udeid Air Base in Qatar" over "near the river").
 */
export function sayingWhere(question: string, ranked: Ranked[]): Ranked[] {
  const asked = new Set(question.toLowerCase().match(/[\p{L}’'-]+/gu) ?? []);
  return ranked
    .map((r) => {
      const places = new Set(
        [...r.sentence.text.matchAll(PLACE_PHRASE)]
          .map((m) => (m[1] ?? "").toLowerCase())
          .filter((place) => !asked.has(place)),
      );
      const extra = Math.min(places.size, PLACES_COUNTED) - 1;
      return { ...r, places: places.size, score: r.score + PLACE_CREDIT * Math.max(extra, 0) };
    })
    .filter((r) => r.places > 0)
    .sort((a, b) => b.score - a.score)
    .map(({ places: _, ...r }) => r);
}
