/**
 * Events on a thing the sources say is not there yet. "When was the first call made on the
 * Beijing-Washington hotline" has no date when a source says "There is still no hotline between
 * China's armed forces and the Pentagon": a call on a line cannot come before the line exists. A
 * sentence dated before that report which never tells the call (the signing of an agreement to
 * set the line up) dates something else. General reading of events and their things, no words of
 * a topic.
 */
import type { AnswerDate } from "../model.js";
import type { Sentence } from "../text/passages.js";
import { eventTerms } from "./pending.js";
import { type Query, type QueryTerm, saysTerm } from "./query.js";
import type { Ranked } from "./rank.js";

/** The dated account a when-answer would lead with: its date and the sentences quoted for it. */
export interface DatedLead {
  date: AnswerDate;
  sentences: Sentence[];
}

/** What {@link absentThing} reads of the question and its candidates. */
export interface AbsentContext {
  query: Query;
  /** The terms of a text (the analyzer's). */
  termsOf: (text: string) => string[];
  /** The terms of the places the question names ("china", "usa"): sides, not things. */
  sides: ReadonlySet<string>;
  /** Whether a ranked sentence says the question's sides' event or thing has not happened. */
  saysUndone: (r: Ranked) => boolean;
  /** The clause of a sentence that says something has not happened. */
  undoneClause: (sentence: Sentence) => string;
}

/** The question's words for its event: a when-question's event word, or a word mostly a verb. */
function askedEvents(query: Query): QueryTerm[] {
  const verbs = eventTerms(query);
  return query.terms.filter((t) => !t.implied && (t.event === true || verbs.includes(t)));
}

/** Whether `sentence` tells `event` as done (said, and not only as intended: "would be opened"). */
function tellsDone(sentence: Sentence, event: QueryTerm): boolean {
  return saysTerm(event, sentence.termSet) && !sentence.hypothetical.has(event.term);
}

/**
 * Of `reports` (ranked sentences, best first), the one saying that a thing the question's event
 * happens to is not there yet, when that answers a when-question in place of `lead` (the dated
 * account it would lead with, if any); else undefined. A report answers when its not-happened
 * clause names one of the question's things (a word that is neither its event nor a side:
 * "hotline") but not the event itself (that is read elsewhere), the lead never tells the event
 * as done, and the lead's date is no later than the report's source (a date after it may be when
 * the thing came). A question that names no event is left alone.
 */
export function absentThing(
  reports: Ranked[],
  lead: DatedLead | undefined,
  ctx: AbsentContext,
): Ranked | undefined {
  const { query, termsOf, sides } = ctx;
  const events = askedEvents(query);
  if (events.length === 0) return undefined;
  // The lead tells the event itself ("the first call was made on 5 May"): its date answers.
  if (lead?.sentences.some((s) => events.some((e) => tellsDone(s, e)))) return undefined;
  const things = query.terms.filter((t) => !t.implied && !events.includes(t) && !sides.has(t.term));
  for (const r of reports) {
    if (!ctx.saysUndone(r)) continue;
    if (lead && lead.date.iso > r.sentence.paragraph.doc.referenceDate) continue;
    const clause = new Set(termsOf(ctx.undoneClause(r.sentence)));
    if (events.some((e) => saysTerm(e, clause))) continue;
    if (things.some((t) => saysTerm(t, clause))) return r;
  }
  return undefined;
}
