/**
 * Questions that set one event against another in time: "did the American line come before the
 * Russian one", "why did Russia get a hotline with China before the US did". The passage that
 * answers says the order itself ("The launching of a hotline before the Sino-U.S. direct phone
 * line shows …"), naming one of the things the question orders; an account of either event
 * alone does not. A question ordering against a date ("before 2018", "after March") asks about a
 * time frame instead. General English, no document words.
 */
import { MONTHS } from "../dates/months.js";
import { leadFitting } from "./lead.js";
import { type Query, saysTerm } from "./query.js";
import type { Ranked } from "./rank.js";

/** "before the Russian one", "after the US did": an order word followed by no date or time. */
const ASKS_ORDER_OF = new RegExp(
  `\\b(?:before|after)\\s+(?!(?:the\\s+)?(?:\\d|(?:${MONTHS.join("|")})\\b|(?:then|that|now|this|last|next|year|years|month|months|week|weeks|day|days)\\b))`,
  "i",
);

/** "how long after …", "how soon after …": a measure between two events, not their order. */
const ASKS_MEASURE = /^\W*how\b/i;

/** Whether `question` asks whether one event came before or after another (not a date). */
export function asksOrderOf(question: string): boolean {
  return ASKS_ORDER_OF.test(question) && !ASKS_MEASURE.test(question);
}

/** Words that state an order between two things: "before the US line", "ahead of Washington". */
const ORDER_WORD = /\b(?:before|after|prior\s+to|ahead\s+of)\b/giu;

/** How many words after an order word name what it orders against. */
const ORDERED_REACH = 8;

/**
 * The words that tell apart the two things `question` orders ({@link asksOrderOf}): the terms of
 * the part before its order word that the part after does not say, and the other way round
 * ("did the American line come before the Russian one for China" → {usa, hotline, come} and
 * {russia, china}). A side may be empty ("… before the US did", whose "us" reads as a pronoun).
 */
export function orderedSides(
  question: string,
  termsOf: (text: string) => string[],
): [Set<string>, Set<string>] {
  const order = ASKS_ORDER_OF.exec(question);
  const at = order?.index ?? question.length;
  const first = new Set(termsOf(question.slice(0, at)));
  const second = new Set(termsOf(question.slice(at + (order?.[0].length ?? 0))));
  return [
    new Set([...first].filter((t) => !second.has(t))),
    new Set([...second].filter((t) => !first.has(t))),
  ];
}

/**
 * Whether `text` states the order the question asks: an order word ({@link ORDER_WORD}) followed,
 * within {@link ORDERED_REACH} words of its phrase, by a word that says one of `query`'s typed
 * terms ("before the Sino-U.S. direct phone line"), in a sentence that names both things ordered
 * (a word of each of `sides`, an empty side asking nothing). "Only weeks before the line opened",
 * in a sentence naming neither the Korean line nor anything else asked, orders something else.
 */
export function statesOrderOf(
  text: string,
  query: Query,
  sides: [Set<string>, Set<string>],
  termsOf: (text: string) => string[],
): boolean {
  const said = new Set(termsOf(text));
  if (sides.some((side) => side.size > 0 && ![...side].some((t) => said.has(t)))) return false;
  const typed = query.terms.filter((t) => !t.implied);
  for (const m of text.matchAll(ORDER_WORD)) {
    const phrase = text.slice(m.index + m[0].length).split(/[,;:.!?”"]/u)[0] ?? "";
    const named = new Set(termsOf(phrase.trim().split(/\s+/).slice(0, ORDERED_REACH).join(" ")));
    if (typed.some((t) => saysTerm(t, named))) return true;
  }
  return false;
}

/** A sentence stating the order answers down to this share of the best score. */
const ORDER_SCORE_MIN = 0.75;

/**
 * The sentence to lead an answer to a question of order ({@link asksOrderOf}): `top` when it
 * states the order ({@link statesOrderOf}), else the best of `ranked` within
 * {@link ORDER_SCORE_MIN} of it that does and is `supported`; `top` when none does.
 */
export function statingOrder(
  question: string,
  ranked: Ranked[],
  top: Ranked,
  query: Query,
  termsOf: (text: string) => string[],
  supported: (r: Ranked) => boolean,
): Ranked {
  const sides = orderedSides(question, termsOf);
  return leadFitting(ranked, top, ORDER_SCORE_MIN, supported, (r) =>
    statesOrderOf(r.sentence.text, query, sides, termsOf),
  );
}
