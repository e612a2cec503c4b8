/**
 * "Where" questions: their answer names a place, so only a passage that says where ("in
 * Shanghai", "at the Pentagon", "in the National Military Command Center") answers one, and a
 * place the question itself names does not count ("where in Moscow is the Russian end" is not
 * answered by "a line to Moscow"). General English, no document words.
 */
import { MONTHS } from "../dates/months.js";
import { leadFitting } from "./lead.js";
import { type Query, saysTerm } from "./query.js";
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

/** A sentence telling where the asked event happens answers down to this share of the best score. */
const TELLING_SCORE_MIN = 0.7;

/**
 * How many of the question's typed terms `sentence` says beyond the words of its source's title:
 * "where do the incsea annual reviews happen" asks of an account titled "… the Incidents at Sea
 * agreement explained" where the reviews happen, so "incidents" and "sea" tell of the whole
 * account and only "annual", "review", "happen" tell of the event asked about.
 */
function saidBeyondTitle(r: Ranked, query: Query, termsOf: (text: string) => string[]): number {
  const title = new Set(termsOf(r.sentence.paragraph.doc.meta.title));
  return query.terms.filter(
    (t) => !t.implied && !saysTerm(t, title) && saysTerm(t, r.sentence.termSet),
  ).length;
}

/**
 * The sentence to lead the answer to a where-question: `top` when it says one of the question's
 * words beyond its source's title ({@link saidBeyondTitle}), else the best of `ranked` within
 * {@link TELLING_SCORE_MIN} of it that does and is `supported`. A sentence matched only by the
 * name of the account's subject ("In April 2016, bombers buzzed a destroyer in the Baltic Sea",
 * for where the Incidents at Sea reviews happen) names a place, but not where the asked event is.
 */
export function whereTold(
  ranked: Ranked[],
  top: Ranked,
  query: Query,
  termsOf: (text: string) => string[],
  supported: (r: Ranked) => boolean,
): Ranked {
  return leadFitting(
    ranked,
    top,
    TELLING_SCORE_MIN,
    supported,
    (r) => saidBeyondTitle(r, query, termsOf) > 0,
  );
}
