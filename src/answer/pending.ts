import type { Sentence } from "../text/passages.js";
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import { type Query, type QueryTerm, saysTerm } from "./query.js";

/**
 * Sentences that say an event has not happened (yet) as of their source's date. Shared by the
 * ranker (such a sentence speaks of the event as intended, and is not marked down for it) and
 * the composer (it answers a when-question with no date).
 */

/**
 * A sentence that says something has not happened (yet) as of its source's date: "There is still
 * no hotline", "have not yet spoken", "have yet to meet", "never spoke", "still waits to be
 * finalized", "appears to have stalled", "remains on paper", "no date for another meeting", "No such agreement has been signed".
 * General English markers of an unfinished or absent event, not words of a topic. A perfect
 * negated with "not" ("has not been revived", "have not begun") is read by {@link NEGATED_PERFECT}.
 */
export const NOT_HAPPENED =
  /\b(?:still|yet)\s+(?:no|not|nothing|none|waits?|waiting|to)\b|\bnot\s+yet\b|\bnever\b|\b(?:has|have|had|to\s+have|is|are|was|were|remains?|remained)\s+stalled\b|\bremain(?:s|ed)?\s+(?:only\s+)?on\s+paper\b|\bno\s+date\s+(?:yet\s+)?(?:set\s+)?for\b|\b(?:no|none\s+of\s+the)\s+(?:[\p{L}\p{N}'’-]+\s+){0,5}?(?:has|have|had)\s+(?:yet\s+|ever\s+)?been\b/iu;

/**
 * A perfect negated with "not" and a past participle: "has not been revived", "have not begun",
 * "hadn't met". The participle is checked apart ({@link isParticiple}): "has not the means" says
 * nothing of an event.
 */
const NEGATED_PERFECT =
  /\b(?:has|have|had)(?:n['’]t|\s+not)\s+(?:yet\s+|still\s+|even\s+|ever\s+)?(\p{L}+)/giu;

/**
 * A past participle: a regular one in -ed, or an irregular form the lexicon lists ("begun",
 * "met", "spoken"), or "been".
 */
function isParticiple(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === "been" || /\p{L}{2}ed$/u.test(lower) || baseVerb(lower) !== undefined;
}

/**
 * Where in `text` it says something has not happened ({@link NOT_HAPPENED}, or a negated perfect),
 * or -1: the earliest such place.
 */
export function notHappenedIn(text: string): number {
  let at = NOT_HAPPENED.exec(text)?.index ?? -1;
  for (const m of text.matchAll(NEGATED_PERFECT)) {
    if (at >= 0 && m.index >= at) break;
    if (isParticiple(m[1] ?? "")) {
      at = m.index;
      break;
    }
  }
  return at;
}

const read = new WeakMap<Sentence, number>();

/**
 * Where in `sentence` it says something has not happened ({@link notHappenedIn}), or -1. Read
 * once per sentence: the same candidates come back question after question.
 */
export function notHappenedAt(sentence: Sentence): number {
  let at = read.get(sentence);
  if (at === undefined) {
    at = notHappenedIn(sentence.text);
    read.set(sentence, at);
  }
  return at;
}

/** Word positions within which an event word and another of the question's words tell one event. */
const TOLD_TOGETHER = 3;

/**
 * The question's typed terms that name its event: a word mostly used as a verb ("meet", "call",
 * "start"), or a phrase starting with one. Empty for a question that names no event.
 */
export function eventTerms(query: Query): QueryTerm[] {
  return query.terms.filter(
    (t) => !t.implied && isMainlyVerb(t.surface.toLowerCase().split(/\s+/)[0] ?? ""),
  );
}

/**
 * The question's typed terms that are neither its event ({@link eventTerms}) nor a place in
 * `sides` (the terms of the places it names): what the event happens to ("commission", "team",
 * "ministers' hotline"). A place alone names no such thing: every sentence of a document about
 * the two sides holds them.
 */
function thingTerms(query: Query, sides: ReadonlySet<string>): QueryTerm[] {
  const events = eventTerms(query);
  return query.terms.filter((t) => !t.implied && !events.includes(t) && !sides.has(t.term));
}

/**
 * The things ({@link thingTerms}) that `terms` (a clause's) name with one of the question's event
 * terms, or none when they name no event: "The commission has not met yet" names "commission"
 * with "met" for "when did the border commission first meet".
 */
export function thingsWithEvent(
  terms: ReadonlySet<string>,
  query: Query,
  sides: ReadonlySet<string>,
): QueryTerm[] {
  if (!eventTerms(query).some((t) => saysTerm(t, terms))) return [];
  return thingTerms(query, sides).filter((t) => saysTerm(t, terms));
}

/**
 * Whether `sentence` tells the question's event as done of all of `things` (what a
 * not-happened sentence said it had not happened to), with one of the question's things
 * ({@link thingTerms}, not a place in `sides`) near it: "the commission met
 * for the first time" does; "Meeting him there again on 6 April 2022, they agreed … to set up
 * the border commission" does not (the meeting and the commission stand far apart), nor "would
 * meet" (only intended), nor "Doval spoke by phone to Foreign Minister Wang Yi" when the call
 * asked about is on the ministers' hotline, which it does not name.
 */
export function tellsEventDone(
  sentence: Sentence,
  query: Query,
  sides: ReadonlySet<string>,
  things: QueryTerm[],
): boolean {
  if (!things.every((t) => saysTerm(t, sentence.termSet))) return false;
  const others = thingTerms(query, sides);
  const at = (t: QueryTerm) =>
    sentence.terms.flatMap((term, i) =>
      term === t.term || t.expansions.includes(term) ? [sentence.positions[i] ?? 0] : [],
    );
  return eventTerms(query).some((event) => {
    if (sentence.hypothetical.has(event.term)) return false;
    const done = at(event);
    return others.some((o) =>
      at(o).some((p) => done.some((q) => Math.abs(p - q) <= TOLD_TOGETHER)),
    );
  });
}

/**
 * Whether `sentence` says an event has not happened since a date it states ("North Korea has not
 * picked up since 7 April"): a negated perfect, then "since" and the date, in the same clause.
 * It tells when something stopped, not that it never happened: it answers "when did they stop
 * answering" with that date. "… have not been restored since then" names no date, and is not.
 */
export function stoppedSince(sentence: Sentence): boolean {
  const text = sentence.text;
  for (const m of text.matchAll(NEGATED_PERFECT)) {
    if (!isParticiple(m[1] ?? "")) continue;
    const after = m.index + m[0].length;
    // The participle and a few words ("picked up", "answered the line"), then "since".
    const since = /^(?:\s+[\p{L}'’-]+){0,4}?\s+since\s+/iu.exec(text.slice(after));
    if (!since) continue;
    const at = after + since[0].length;
    if (sentence.dates.some((d) => d.index === at)) return true;
  }
  return false;
}
