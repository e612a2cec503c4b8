/**
 * Composes answers from ranked sentences. A quote is whole consecutive sentences of one
 * paragraph, copied as they stand; nothing is reworded. When the corpus does not support the
 * question, the answer is `no_answer` rather than a loosely related quote.
 */
import type { DateMention } from "../dates/extract.js";
import { sentenceQuote } from "../dates/timeline.js";
import type { Answer, AnswerDate, DateBasis, Quote, TimelineEvent } from "../model.js";
import { formatDate } from "../present/format.js";
import type { PlaceMention } from "../search/gazetteer.js";
import { antecedentOf, type Sentence } from "../text/passages.js";
import { absentThing } from "./absent.js";
import { clauseAround } from "./clauses.js";
import { eventDates } from "./deadline.js";
import { dutyAsked, layingDuty } from "./duty.js";
import { asksEnds, namingEnds } from "./ends.js";
import { namingKind } from "./focus.js";
import { sayingBeyondPlaces } from "./lead.js";
import { negatingAsked } from "./negated.js";
import { asksNext, beforeWriting } from "./next.js";
import { notHappenedAt } from "./not-happened.js";
import { asksOrderOf, statingOrder } from "./order.js";
import { stoppedSince, tellsEventDone, thingsWithEvent } from "./pending.js";
import { asksPurpose, statingPurpose } from "./purpose.js";
import {
  aspectOf,
  aspectsSaid,
  type Query,
  type QueryTerm,
  STATUS_WORDS,
  saysTerm,
} from "./query.js";
import { type Ranked, SUPPORT_MIN, WHEN_STATED } from "./rank.js";
import { asksWhy, givingReason } from "./reason.js";
import { asksAgain, sayingRedone } from "./redone.js";
import { quotingSpeaker, speakerAsked } from "./saying.js";
import { completingNext, type NextSentence, settlingSequel } from "./sequel.js";
import { onAskedSides } from "./sides.js";
import { asksStill, GOES_ON } from "./status.js";
import { fitsFrame } from "./timeframe.js";
import { objectVerb, sayingVerb } from "./verb.js";
import { asksWhere, whereTold } from "./where.js";
import { asksWhoDid, describedNames, describingPerson, namingSomeoneElse } from "./who.js";
import { sayingSubject, subjectHead } from "./yes-no.js";

/** Most quotes in one answer. */
export const MAX_QUOTES = 3;

/** A quote more than this share below the best is not worth showing. */
const RELATIVE_SCORE_MIN = 0.7;

/** A "has not happened" sentence answers a when-question down to this share of the best score. */
const NOT_HAPPENED_SCORE_MIN = 0.9;

/** Another source's account of the same event is shown down to this share of the best score. */
const SAME_EVENT_SCORE_MIN = 0.6;

/** The no-answer reply; `reason` (default none) says what the sources lack. */
export function noAnswer(question: string, reason: string | null = null): Answer {
  return { status: "no_answer", question, date: null, quotes: [], note: reason };
}

/**
 * A yes/no or status question ("Is there a line yet?", "Does Beijing have one?", "has it been
 * used already"): the sentence that says whether it has happened settles it.
 */
const STATUS_QUESTION = new RegExp(
  `^(?:is|are|was|were|does|do|did|has|have|had)\\b|\\b(?:yet|still|already|so far|by now|any ?more|${[...STATUS_WORDS].join("|")})\\b`,
  "i",
);

/**
 * The terms naming a speaker (`words`, from {@link speakerAsked}) that the question searches for:
 * "the azerbaijani defence ministry guy" gives "azerbaijani", "defense", "ministry" (a word the
 * question dropped, or one that names no one in the sources, is left out).
 */
function speakerTerms(
  words: string,
  termsOf: (text: string) => string[],
  query: Query | undefined,
): string[] {
  const asked = new Set(query?.terms.map((t) => t.term));
  return termsOf(words).filter((t) => asked.has(t));
}

/**
 * {@link namingKind}, or undefined when it keeps `top`: "what are the parts of …" leads with the
 * sentence that names the parts.
 */
function namingKindOf(
  question: string,
  ranked: Ranked[],
  top: Ranked,
  termsOf: (text: string) => string[],
): Ranked | undefined {
  const lead = namingKind(
    question,
    ranked,
    top,
    (word) => termsOf(word)[0] ?? "",
    (r) => r.support >= SUPPORT_MIN,
  );
  return lead === top ? undefined : lead;
}

/** A sentence that says whether a state goes on answers "is it still …" down to this share of the best. */
const STILL_SCORE_MIN = 0.6;

/**
 * The sentence that answers "is X still …" ({@link asksStill}): `top` when it says whether the
 * state goes on ({@link GOES_ON}), else the best of `ranked` within {@link STILL_SCORE_MIN} of
 * it that says so in the clause holding the question's words ("… it is still in force between
 * the United States and Russia" for "is the 1972 navy agreement still valid with russia"), or
 * undefined.
 */
function stillSaid(
  ranked: Ranked[],
  top: Ranked,
  query: Query,
  termsOf: (text: string) => string[],
): Ranked | undefined {
  return ranked.find(
    (r) =>
      r.support >= SUPPORT_MIN &&
      r.score >= STILL_SCORE_MIN * top.score &&
      saysWhetherSo(r.sentence, query, termsOf, GOES_ON),
  );
}

/** A yes/no question: it opens with an auxiliary verb ("is there a line", "did they use it"). */
const YES_NO_QUESTION = /^\W*(?:is|are|was|were|does|do|did|has|have|had)\b/i;

/**
 * Words that say whether something is so: a negation ("did not create", "no hotline", "never"),
 * or that a state goes on or has come ("still in force", "already open"). Not "not only … but
 * also", which negates nothing. General English, no document words.
 */
const POLARITY =
  /\b(?:not(?!\s+only\b)|no|never|nobody|nothing|none|neither|nor|still|already)\b|n['’]t\b/iu;

/** A sentence that settles a yes/no question answers it down to this share of the best score. */
const SETTLING_SCORE_MIN = 0.7;

/**
 * When nothing after the best match settles a yes/no question, the sentences after one ranked
 * down to this share of the best score are read.
 */
const SEQUEL_SCORE_MIN = 0.6;

/**
 * What composing an `ask` answer reads around the ranked sentences: the sentence after each in
 * its document, and the places a text names and whether a sentence's source is about a place
 * (see {@link aboutAnother}).
 */
export interface Surroundings {
  next: NextSentence;
  placesOf: (text: string) => PlaceMention[];
  docAbout: (sentence: Sentence, place: PlaceMention) => boolean;
}

/**
 * The sentence that settles a yes/no question: of the sentences ranked within
 * {@link SETTLING_SCORE_MIN} of `top` that say as much of the question as `top` does (coverage),
 * the one that says most among those saying whether it is so ({@link saysWhetherSo}): "The
 * agreement did not create a telephone hotline between the two navies" answers "is there a
 * hotline between the US and Soviet navies", where the best-ranked sentence only tells of the
 * agreement. `top` when none does.
 */
function settledBy(
  ranked: Ranked[],
  top: Ranked,
  query: Query,
  termsOf: (text: string) => string[],
): Ranked {
  let best = top;
  for (const r of ranked) {
    if (r.support < SUPPORT_MIN || r.score < SETTLING_SCORE_MIN * top.score) continue;
    // Below the best's coverage it says less of what is asked: "no date has been set for the
    // talks" does not settle "does Greece have a military hotline with Turkey".
    if (r.coverage < top.coverage || r.coverage <= (best === top ? -1 : best.coverage)) continue;
    if (saysWhetherSo(r.sentence, query, termsOf)) best = r;
  }
  return best;
}

/**
 * Whether `sentence` says whether something is so (`marker`, default {@link POLARITY}) in the clause that holds
 * the question's words: "…, but no date has been set for it" settles nothing about a hotline
 * named before the "but". A sentence of one clause says it of everything in it.
 */
function saysWhetherSo(
  sentence: Sentence,
  query: Query,
  termsOf: (text: string) => string[],
  marker: RegExp = POLARITY,
): boolean {
  const text = sentence.text;
  const at = marker.exec(text)?.index ?? -1;
  if (at < 0) return false;
  const [start, end] = clauseAround(text, at, CLAUSE_BREAK);
  if (start === 0 && end === text.length) return true;
  const asked = new Set(query.terms.filter((t) => !t.implied).map((t) => t.term));
  const shared = (part: string) => new Set(termsOf(part).filter((t) => asked.has(t))).size;
  return shared(text.slice(start, end)) >= shared(text.slice(0, start) + text.slice(end));
}

/**
 * The sentence an `ask` answer leads with: for a question of what someone said, a sentence
 * quoting them; for who did something, one naming someone new, else one saying the asked verb
 * ("who does it connect"); for who someone is, one saying their role; for what something is for,
 * one stating a purpose; for where a line's two ends are, one naming both; for things asked by a
 * plural, one saying that word; for "is it still …", one saying whether the state goes on; for
 * whether one thing came before another, one stating that order; for why, one giving a reason;
 * for a status question, an account saying it has not happened, ranked close; for another
 * yes/no question, the sentence that settles it, or one negating its predicate ("was it really a
 * red phone" → "it was never a red telephone"). Otherwise (and without the question's reading)
 * `top`.
 */
function leadFor(
  question: string,
  ranked: Ranked[],
  top: Ranked,
  query: Query | undefined,
  termsOf: ((text: string) => string[]) | undefined,
  around?: Surroundings,
): Ranked {
  const supported = (r: Ranked) => r.support >= SUPPORT_MIN;
  if (query && termsOf) {
    const speaker = speakerAsked(question);
    if (speaker) {
      return quotingSpeaker(ranked, top, speakerTerms(speaker, termsOf, query), supported, termsOf);
    }
    if (asksWhoDid(question)) {
      const someone = namingSomeoneElse(question, ranked, top, supported);
      if (someone !== top) return someone;
    }
    // "who does the hotline connect": when no one is named, the sentence saying the verb tells whom.
    const verb = objectVerb(question);
    const said = verb ? sayingVerb(verb, ranked, top, supported) : top;
    if (said !== top || asksWhoDid(question)) return said;
    const described = describedNames(question);
    if (described.length > 0) return describingPerson(described, ranked, top, supported);
    if (asksPurpose(question)) return statingPurpose(ranked, top, supported);
    // "What are pilots meant to do": a sentence laying a duty on them, not one telling of a pilot.
    const bound = dutyAsked(question);
    const duty = bound ? layingDuty(ranked, top, termsOf(bound), supported) : top;
    if (duty !== top) return duty;
    if (asksWhere(question) && asksEnds(question)) return namingEnds(ranked, top, supported);
    // "Where do the reviews happen": a sentence naming a place only by the account's subject does not say.
    const told = asksWhere(question) ? whereTold(ranked, top, query, termsOf, supported) : top;
    if (told !== top) return told;
    const kind = namingKindOf(question, ranked, top, termsOf);
    if (kind) return kind;
    const still = asksStill(question) ? stillSaid(ranked, top, query, termsOf) : undefined;
    if (still) return still;
    // "Is the office open again?": whether it reopened, not that it opened.
    const redone = asksAgain(question) ? sayingRedone(ranked, top, query.terms, supported) : top;
    if (redone !== top) return redone;
    const ordered = asksOrderOf(question)
      ? statingOrder(question, ranked, top, query, termsOf, supported)
      : top;
    if (ordered !== top) return ordered;
    const reason = asksWhy(question) ? givingReason(ranked, top, supported) : top;
    if (reason !== top) return reason;
  }
  // For a status question, an account that says it has not happened leads when it ranks close.
  const settling = STATUS_QUESTION.test(question)
    ? ranked.find(
        (r) =>
          supported(r) &&
          r.score >= NOT_HAPPENED_SCORE_MIN * top.score &&
          // Saying less of what is asked, it tells of something else not happening: "no date
          // has been set for the talks" does not settle "does Greece have a hotline with Turkey".
          r.coverage >= top.coverage &&
          notHappenedAt(r.sentence) >= 0,
      )
    : undefined;
  if (settling) return settling;
  if (!(query && termsOf && YES_NO_QUESTION.test(question))) return top;
  const settled = settledBy(ranked, top, query, termsOf);
  // Nothing close says whether it is so: a sentence that negates the question's own words ("the
  // hotline was never a red telephone") settles it, ranked a little further down.
  if (settled !== top || saysWhetherSo(top.sentence, query, termsOf)) return settled;
  // "Did the talks on the collision get anywhere": a sentence telling of the talks, not only the collision.
  const head = subjectHead(question);
  const subject = head ? sayingSubject(ranked, top, termsOf(head), supported) : top;
  if (subject !== top) return subject;
  const negating = negatingAsked(question, ranked, top, supported);
  if (negating !== top || !around) return negating;
  // The best match only sets the scene ("On 7 December 2023, the two leaders signed …"): a
  // sentence just after it says whether what is asked is so.
  const sequel = settlingSequel(top, query, {
    termsOf,
    next: around.next,
    polarity: POLARITY,
    clauseOf: (text, at) => clauseAround(text, at, CLAUSE_BREAK),
    aboutAnother: (s) => aboutAnother(s, query.places, around.placesOf, around.docAbout),
    namesPlace: (t) => around.placesOf(t.surface).length > 0,
    ranked: ranked.filter(supported),
    share: SEQUEL_SCORE_MIN,
  });
  return sequel ?? top;
}

/** "How often …", "how many times …", "how frequently …": a question of frequency. */
const ASKS_FREQUENCY = /\bhow\s+(?:often|frequently|many\s+times)\b/i;

/**
 * Answers an `ask` question from ranked sentences. With the question's reading (`query`, and
 * `termsOf` to analyse text), a question of what someone said leads with a sentence quoting
 * them ({@link quotingSpeaker}), and a yes/no question with the sentence that settles it
 * ({@link settledBy}); without, the best-ranked sentence leads.
 */
export function composeAsk(
  question: string,
  ranked: Ranked[],
  query?: Query,
  termsOf?: (text: string) => string[],
  sidesFit?: (sentence: Sentence) => number,
  around?: Surroundings,
): Answer {
  const first = ranked[0];
  if (!first || first.support < SUPPORT_MIN) return noAnswer(question);
  // Of sentences ranked close, one from an account of the asked sides answers first.
  const top =
    query && sidesFit
      ? onAskedSides(ranked, first, query.places, sidesFit, (r) => r.support >= SUPPORT_MIN)
      : first;
  // "How often do X and Y use the line": a frequency said of something else the sides do does not answer.
  const lead =
    query && around && ASKS_FREQUENCY.test(question)
      ? sayingBeyondPlaces(
          ranked,
          top,
          query,
          (t) => around.placesOf(t.surface).length > 0,
          (r) => r.support >= SUPPORT_MIN,
        )
      : top;
  const best = leadFor(question, ranked, lead, query, termsOf, around);
  // The lead's next sentence, when it says what the lead leaves unsaid, is quoted with it.
  const sequel = query && around ? completingNext(best.sentence, query, around.next) : undefined;
  const picks = sequel ? [best, { ...best, sentence: sequel }] : [best];
  const most = MAX_QUOTES + picks.length - 1;
  for (const candidate of ranked) {
    if (candidate === best) continue;
    if (picks.length >= most) break;
    if (candidate.score < RELATIVE_SCORE_MIN * best.score || candidate.support < SUPPORT_MIN)
      continue;
    if (picks.some((p) => sameText(p.sentence, candidate.sentence))) continue;
    picks.push(candidate);
  }
  return {
    status: "answered",
    question,
    date: null,
    quotes: quotesFor(picks.map((p) => p.sentence)),
    note: null,
  };
}

/** A sentence that dates the lead's event more precisely is read down to this share of its score. */
const REFINING_SCORE_MIN = 0.6;

/**
 * Of `dated`, the candidate from the lead's own document that dates the question's event more
 * precisely than `lead` and within its date ("signed a memorandum … on 20 October 2015 … to set
 * up a communication line" for "a telephone line set up in the autumn of 2015"): a document
 * that dates one event twice means the same event, and the day says more than the season. It
 * must state its date, say one of the question's event words and rank within
 * {@link REFINING_SCORE_MIN} of the lead. Undefined when none does, or the question names no event.
 */
function refiningDate(
  lead: DatedCandidate,
  dated: DatedCandidate[],
  query: Query,
): DatedCandidate | undefined {
  const events = query.terms.filter((t) => !t.implied && t.event);
  if (events.length === 0) return undefined;
  const doc = lead.ranked.sentence.paragraph.doc;
  return dated.find(
    (c) =>
      c !== lead &&
      c.ranked.sentence.paragraph.doc === doc &&
      // A day counted from another event ("two weeks after the signing") is the sum of two
      // readings, not a date the document gives.
      c.basis === "stated" &&
      c.score >= REFINING_SCORE_MIN * lead.score &&
      rankPrecision(c.date) > rankPrecision(lead.date) &&
      c.date.iso.startsWith(lead.date.iso) &&
      events.some((e) => saysTerm(e, c.ranked.sentence.termSet)),
  );
}

/** A dated candidate for a `when` answer. */
interface DatedCandidate {
  ranked: Ranked;
  date: AnswerDate;
  basis: DateBasis;
  /** Sentences to quote: the dating sentence through the matched one. */
  sentences: Sentence[];
  score: number;
}

/**
 * Answers a `when` question: the best-supported dated sentence leads with its date; a sentence
 * dated by an earlier sentence of its paragraph is quoted with it; a source that dates the same
 * event differently is quoted too, with a note saying who says what.
 */
export function composeWhen(
  question: string,
  query: Query,
  ranked: Ranked[],
  reportedBySentence: Map<Sentence, TimelineEvent>,
  termsOf: (text: string) => string[],
  placesOf: (text: string) => PlaceMention[] = () => [],
  docAbout: (sentence: Sentence, place: PlaceMention) => boolean = () => true,
): Answer {
  const all = ranked.filter((r) => r.support >= SUPPORT_MIN);
  if (all.length === 0) return noAnswer(question);
  // An account of another pair's line ("China and Russia") neither dates nor settles a question
  // about this pair's ("China and the US"), however many words they share.
  // "A full-scale war began" does not date when the war stopped.
  const asked = askedAspect(query);
  const sides = all.filter(
    (r) =>
      !otherSides(r.sentence.text, query.places, placesOf) && !saysOtherAspect(r.sentence, asked),
  );
  const supported = sides.length > 0 ? sides : all;
  const top = supported[0];
  if (!top) return noAnswer(question);
  // "in 2023", "after the July 2021 restoration": a date outside the question's frame is wrong.
  const frame = query.frame;
  const next = asksNext(question);
  const dated = supported
    .map((r) => datedCandidate(r, query, reportedBySentence, termsOf))
    .filter((c): c is DatedCandidate => c !== null)
    .filter((c) => fitsFrame(frame, c.date, c.ranked.sentence.termSet))
    // "When is the next meeting": a meeting dated before its source was written is a past one.
    .filter((c) => !next || !beforeWriting(c.date, writtenOn(c.ranked.sentence)))
    .sort((a, b) => b.score - a.score);
  const candidates = dated.filter((c) => c.score >= SAME_EVENT_SCORE_MIN * top.score);
  const best = candidates[0];
  // "Set up in the autumn of 2015", and further on the day the document sets it up: the day.
  const lead = best && (refiningDate(best, dated, query) ?? best);
  // The best account says it has not happened: that is the answer, with no date to give.
  // A sentence that updates a better-ranked account ("… was close. It has still not been set
  // up.") is weighed as that account.
  const accountScore = (r: Ranked) => Math.max(r.score, continued(r, supported, query));
  const otherPair = (text: string) => otherSides(text, query.places, placesOf);
  // "Has not picked up since 7 April" tells when the picking up stopped.
  const stopped = (r: Ranked) => asked === "end" && stoppedSince(r.sentence);
  const pending = supported.find(
    (r) =>
      saysNotHappened(r.sentence, query, termsOf, otherPair) &&
      !stopped(r) &&
      !aboutAnother(r.sentence, query.places, placesOf, docAbout) &&
      // Of the next event, a source saying none is set is the answer, ranked a little lower:
      // the past ones it follows share its words.
      accountScore(r) >= (next ? SAME_EVENT_SCORE_MIN : NOT_HAPPENED_SCORE_MIN) * top.score,
  );
  // "Not yet" answers a when-question as a stated date does: it is compared with the same gain.
  const undone =
    pending && (!lead || accountScore(pending) + WHEN_STATED >= lead.score)
      ? pending
      : (undoneAsAsked(
          supported.filter((r) => !stopped(r)),
          candidates,
          query,
          top,
          termsOf,
        ) ??
        // "There is still no hotline between them": no call on it, whatever the lead dates.
        absentThing(
          supported.filter((r) => r.score >= SAME_EVENT_SCORE_MIN * top.score),
          lead,
          {
            query,
            termsOf,
            sides: new Set(query.places.flatMap((m) => termsOf(m.surface))),
            saysUndone: (r) =>
              saysNotHappened(r.sentence, query, termsOf, otherPair) &&
              !stopped(r) &&
              !aboutAnother(r.sentence, query.places, placesOf, docAbout),
            undoneClause: notHappenedClause,
          },
        ));
  if (undone) {
    const { published, publisher } = undone.sentence.paragraph.doc.meta;
    const asOf = published ? `as of ${formatDate({ iso: published })} ` : "";
    return {
      status: "answered",
      question,
      date: null,
      quotes: quotesFor([undone.sentence]),
      note: `The sources give no date for this: ${asOf}${publisher} reported it had not happened.`,
    };
  }
  if (!lead || !best || best.score < RELATIVE_SCORE_MIN * top.score) {
    return {
      status: "answered",
      question,
      date: null,
      quotes: quotesFor([top.sentence]),
      note: "The sources describe this but do not say when it happened.",
    };
  }
  const leadDoc = lead.ranked.sentence.paragraph.doc;
  const others = candidates
    .filter(
      (other) =>
        other !== lead &&
        other.ranked.sentence.paragraph.doc !== leadDoc &&
        other.score >= SAME_EVENT_SCORE_MIN * best.score &&
        closeInTime(lead.date, other.date) &&
        sameEvent(lead.ranked.sentence, other.ranked.sentence),
    )
    .slice(0, MAX_QUOTES - 1);
  // A report's date only says "by then"; a source that states the day is better evidence.
  const stated = others.find((o) => o.basis !== "reported" && !compatible(o.date, lead.date));
  const [first, rest] =
    lead.basis === "reported" && stated
      ? [stated, [lead, ...others.filter((o) => o !== stated)]]
      : [lead, others];
  const quotes = [quoteOf(first.sentences), ...rest.map((o) => quoteOf(o.sentences))];
  const differing = rest.find((o) => !compatible(o.date, first.date));
  const note = differing ? `Sources differ: ${describe(first)}; ${describe(differing)}.` : null;
  return { status: "answered", question, date: first.date, quotes, note };
}

/**
 * A sentence whose not-happened clause names the question's event with what it happens to ("The
 * commission has not met yet" for "when did the border commission first meet"), ranked within
 * {@link SAME_EVENT_SCORE_MIN} of the best, when no dated account tells that event done of the
 * same things ({@link tellsEventDone}); else undefined. Sentences dating a related event rank above
 * it on shared words ("they agreed … to set up the border commission", "a full meeting finally
 * took place"), but date neither the commission's meeting nor anything the question asks.
 */
function undoneAsAsked(
  supported: Ranked[],
  candidates: DatedCandidate[],
  query: Query,
  top: Ranked,
  termsOf: (text: string) => string[],
): Ranked | undefined {
  const sides = new Set(query.places.flatMap((m) => termsOf(m.surface)));
  for (const r of supported) {
    if (r.score < SAME_EVENT_SCORE_MIN * top.score) continue;
    if (!saysNotHappened(r.sentence, query, termsOf)) continue;
    const clause = new Set(termsOf(notHappenedClause(r.sentence)));
    const things = thingsWithEvent(clause, query, sides);
    if (things.length === 0) continue;
    return candidates.some((c) => tellsEventDone(c.ranked.sentence, query, sides, things))
      ? undefined
      : r;
  }
  return undefined;
}

/** The clause of `sentence` that says something has not happened (the whole, for one clause). */
function notHappenedClause(sentence: Sentence): string {
  const [start, end] = clauseAround(sentence.text, notHappenedAt(sentence), CLAUSE_BREAK);
  return sentence.text.slice(start, end);
}

/** Where a sentence turns to another clause: "signed in February but … has stalled". */
// A comma starts a clause when a determiner follows (", the phone line … is open"), not in a
// list or an aside (", Yasukazu Hamada and Li Shangfu,").
const CLAUSE_BREAK =
  /\b(?:but|while|although|though|whereas)\b|[;:]|,(?=\s+(?:the|a|an|this|that|these|those|its|their)\b)/giu;

/**
 * Whether `sentence` says the question's event has not happened. A sentence of several clauses
 * ("A deal was signed in February but progress on establishing it has stalled"; "While the
 * Sino-U.S. hotline still waits to be finalized, the Beijing-Moscow line is already open") says
 * so only when the not-happened clause shares more of the question's terms than the rest does.
 */
function saysNotHappened(
  sentence: Sentence,
  query: Query,
  termsOf: (text: string) => string[],
  otherPair: (text: string) => boolean = () => false,
): boolean {
  const text = sentence.text;
  const at = notHappenedAt(sentence);
  if (at < 0) return false;
  const [start, end] = clauseAround(text, at, CLAUSE_BREAK);
  // One clause: the whole sentence says it.
  if (start === 0 && end === text.length) return true;
  const clause = text.slice(start, end);
  const rest = text.slice(0, start) + text.slice(end);
  // "The ministries are to hold talks, but no date has been set for it": the clause points back
  // to an event the rest of the sentence tells only as intended, so both tell of one plan.
  if (POINTS_BACK_IN_CLAUSE.test(clause) && termsOf(rest).some((t) => sentence.hypothetical.has(t)))
    return true;
  const asked = new Set(query.terms.filter((t) => !t.implied).map((t) => t.term));
  // Distinct terms: "connecting … open" is one event said twice, not two of the question's words.
  const shared = (part: string) => new Set(termsOf(part).filter((t) => asked.has(t))).size;
  const [inClause, inRest] = [shared(clause), shared(rest)];
  // "While the A-B line still waits to be finalized, the A-C line is already open", for a
  // question about A and B: as many of its words on each side, but the rest is another pair's.
  return inClause > inRest || (inClause === inRest && otherPair(rest) && !otherPair(clause));
}

/** A pronoun or determiner in a clause that points to what the sentence said before it. */
const POINTS_BACK_IN_CLAUSE = /\b(?:it|them|such)\b/i;

/**
 * The score of the account a "not happened" sentence updates, or 0. News tells of a plan and
 * then of its fate in the next sentence ("Officials said a hotline was close. It has still not
 * been set up."; "The two have discussed a wider arrangement … . No such agreement has been
 * signed"; "An annex … was proposed. China has not agreed to it"): the second sentence points
 * back (by its opening, "such", or a pronoun in its not-happened clause), and names the
 * question's event that the first does not say was done, so it answers for the first.
 */
function continued(r: Ranked, ranked: Ranked[], query: Query): number {
  const sentence = r.sentence;
  const previous = sentence.paragraph.sentences[sentence.index - 1];
  // "China has not agreed to it": a pronoun in the not-happened clause points back too.
  const pointsBack =
    antecedentOf(sentence) === previous ||
    POINTS_BACK.test(sentence.text) ||
    (notHappenedAt(sentence) >= 0 && POINTS_BACK_IN_CLAUSE.test(notHappenedClause(sentence)));
  if (!previous || !pointsBack) return 0;
  const account = ranked.find((c) => c.sentence === previous);
  if (!account || notHappenedAt(previous) >= 0) return 0;
  const undone = query.terms.some(
    (t) =>
      !t.implied &&
      saysTerm(t, sentence.termSet) &&
      (!saysTerm(t, previous.termSet) || previous.hypothetical.has(t.term)),
  );
  return undone ? account.score : 0;
}

/** The day `sentence`'s source was written: its publication, else its original's; or null. */
function writtenOn(sentence: Sentence): string | null {
  const meta = sentence.paragraph.doc.meta;
  return meta.published ?? meta.original?.published ?? null;
}

/** A determiner or pronoun that points back to what was just said: "no such agreement". */
const POINTS_BACK = /\bsuch\b/i;

/**
 * Whether `text` names another pair of sides than the question's: it names a place the
 * question does not and leaves out one the question names ("China and Russia" for a question
 * about China and the US). Only for a question that names a pair (a line joins two sides; of
 * a list of states, a source may spell one differently); a sentence naming no place is not.
 */
function otherSides(
  text: string,
  places: PlaceMention[],
  placesOf: (text: string) => PlaceMention[],
): boolean {
  const same = (a: PlaceMention, b: PlaceMention) => a.codes.some((c) => b.codes.includes(c));
  // "Washington", "the US" and "American" in one question are one side.
  const asked = places.filter((p, i) => !places.slice(0, i).some((q) => same(p, q)));
  if (asked.length !== 2) return false;
  const named = placesOf(text);
  if (named.length === 0) return false;
  return (
    asked.some((a) => !named.some((n) => same(a, n))) &&
    named.some((n) => !asked.some((a) => same(a, n)))
  );
}

/** Whether a when-question's event is a beginning or an end ("when did the war stop"), or null. */
function askedAspect(query: Query): "begin" | "end" | null {
  for (const t of query.terms) {
    const kind = t.event ? aspectOf(t.surface) : null;
    if (kind) return kind;
  }
  return null;
}

/**
 * Whether `sentence` says only the other kind of event than the question's: a beginning for a
 * question about an end ("On 27 September 2020, a full-scale war began" for "when did the war
 * stop"), or an end for one about a beginning. A sentence saying both may tell either.
 */
function saysOtherAspect(sentence: Sentence, asked: "begin" | "end" | null): boolean {
  if (!asked) return false;
  const said = aspectsSaid(sentence.text);
  return !said.has(asked) && said.has(asked === "begin" ? "end" : "begin");
}

/**
 * Whether `sentence` names a side that neither the question nor the sentence's document is about:
 * "China has never signed an incidents at sea agreement with the United States", in an account of
 * the American-Soviet agreement, says what China has not done, not what the agreement's sides did.
 */
function aboutAnother(
  sentence: Sentence,
  places: PlaceMention[],
  placesOf: (text: string) => PlaceMention[],
  docAbout: (sentence: Sentence, place: PlaceMention) => boolean,
): boolean {
  return placesOf(sentence.text).some(
    (n) => !places.some((p) => p.codes.some((c) => n.codes.includes(c))) && !docAbout(sentence, n),
  );
}

function datedCandidate(
  r: Ranked,
  query: Query,
  reportedBySentence: Map<Sentence, TimelineEvent>,
  termsOf: (text: string) => string[],
): DatedCandidate | null {
  const sentence = r.sentence;
  // "… on 6 April 2022, they agreed to set it up by the end of April": a deadline dates nothing done.
  const mentions = eventDates(sentence.text, sentence.dates);
  if (mentions.length > 0) {
    const wanted = mentions.filter((m) => query.years.includes(m.date.iso.slice(0, 4)));
    const choices = wanted.length > 0 ? wanted : mentions;
    const precise = [...choices].sort((a, b) => rankPrecision(b.date) - rankPrecision(a.date))[0];
    const mention = precise && eventMention(sentence, choices, precise, query, termsOf);
    if (!mention) return null;
    return {
      ranked: r,
      date: mention.date,
      basis: mention.basis,
      sentences: [sentence],
      score: r.score - DETACHED * (1 - attachment(sentence, mention.index, query, termsOf)),
    };
  }
  const reported = reportedBySentence.get(sentence);
  if (reported) {
    // News "as of" its publication is weaker evidence of when something happened than a stated date.
    return {
      ranked: r,
      date: reported.date,
      basis: "reported",
      sentences: [sentence],
      score: r.score - 0.05,
    };
  }
  // Dated by an earlier sentence of the same paragraph ("In 1994, … . China, Russia … also signed").
  const siblings = sentence.paragraph.sentences;
  for (let i = sentence.index - 1; i >= 0 && i >= sentence.index - 2; i--) {
    const earlier = siblings[i];
    const stated = earlier?.dates.filter(
      (d) => d.basis !== "relative" || d.date.precision !== "day",
    );
    const last = stated?.[stated.length - 1];
    if (earlier && last) {
      return {
        ranked: r,
        date: last.date,
        basis: last.basis,
        sentences: siblings.slice(i, sentence.index + 1),
        score: r.score - 0.05,
      };
    }
  }
  return null;
}

/** Where a sentence turns to another part, for {@link eventMention}: commas and clause words. */
const PART_BREAK = /[,;:]|\s[\u2013\u2014]\s|\b(?:but|while|whereas|although|though)\b/giu;

/**
 * Of the dates of a sentence that states several, the one standing with the question's event:
 * "After an attack on 7 April 2018, the US, Britain and France struck the sites a week later"
 * dates the strikes to the second; "On 9 May 2018 … signed a memorandum on the mechanism, which
 * began operating in June 2018" dates the operating to the second. Each date is read with the
 * part of the sentence between commas (or clause words) around it, an opening part that says
 * nothing but the date ("On 9 May 2018,") with the part after it; the date whose part holds most
 * of the question's weight wins. `fallback` (the most precise date) stays unless another part
 * holds more.
 */
function eventMention(
  sentence: Sentence,
  mentions: DateMention[],
  fallback: DateMention,
  query: Query,
  termsOf: (text: string) => string[],
): DateMention {
  if (mentions.length < 2 || mentions.every((m) => m.date.iso === fallback.date.iso)) {
    return fallback;
  }
  const weight = (m: DateMention) => {
    const text = sentence.text;
    let [start, end] = clauseAround(text, m.index, PART_BREAK);
    let terms = partTerms(sentence, start, end, termsOf);
    // "On 9 May 2018, the two sides signed …": an opening date belongs to what follows it.
    if (
      start === 0 &&
      !query.terms.some((t) => !t.implied && says(t, terms)) &&
      end < text.length
    ) {
      [start, end] = clauseAround(text, end + 1, PART_BREAK);
      terms = partTerms(sentence, start, end, termsOf);
    }
    return query.terms.reduce((sum, t) => sum + (!t.implied && says(t, terms) ? t.weight : 0), 0);
  };
  let best = fallback;
  let most = weight(fallback);
  for (const m of mentions) {
    const w = weight(m);
    if (w > most) {
      best = m;
      most = w;
    }
  }
  return best;
}

/** Per sentence, the terms of its parts read so far, by `start:end`: read once, not per question. */
const partsRead = new WeakMap<Sentence, Map<string, Set<string>>>();

/** The terms of `sentence.text` from `start` to `end`, memoized in {@link partsRead}. */
function partTerms(
  sentence: Sentence,
  start: number,
  end: number,
  termsOf: (text: string) => string[],
): Set<string> {
  let parts = partsRead.get(sentence);
  if (!parts) {
    parts = new Map();
    partsRead.set(sentence, parts);
  }
  const key = `${start}:${end}`;
  let terms = parts.get(key);
  if (!terms) {
    terms = new Set(termsOf(sentence.text.slice(start, end)));
    parts.set(key, terms);
  }
  return terms;
}

/** Whether `terms` say `term` as typed, as a word it may stand for, or in related words. */
function says(term: QueryTerm, terms: Set<string>): boolean {
  return saysTerm(term, terms) || (term.related?.some((r) => terms.has(r)) ?? false);
}

/** What a date loses when none of the question's words stand in its clause. */
const DETACHED = 0.15;

/**
 * Where a sentence turns to another statement, so that a date on one side does not date what the
 * other side says: "When the Union broke up in 1991, the link did not go silent: the hotline has
 * connected the capitals ever since" does not date the connecting to 1991.
 */
const STATEMENT_BREAK = /[;:]|\s[\u2013\u2014]\s|\b(?:but|while|whereas|although|though)\b/giu;

/**
 * Share (0 to 1) of the question's words found in `sentence` that stand in the same statement as
 * the date at `at`; 1 when the sentence is one statement or has none of the words.
 */
function attachment(
  sentence: Sentence,
  at: number,
  query: Query,
  termsOf: (text: string) => string[],
): number {
  const text = sentence.text;
  const [start, end] = clauseAround(text, at, STATEMENT_BREAK);
  if (start === 0 && end === text.length) return 1;
  const clause = new Set(termsOf(text.slice(start, end)));
  let all = 0;
  let near = 0;
  for (const term of query.terms) {
    if (term.implied) continue;
    if (!saysTerm(term, sentence.termSet)) continue;
    all += term.weight;
    if (saysTerm(term, clause)) near += term.weight;
  }
  return all === 0 ? 1 : near / all;
}

function rankPrecision(date: AnswerDate): number {
  return date.precision === "day" ? 3 : date.precision === "month" ? 2 : 1;
}

/** One date is a refinement of the other (2008-02 and 2008-02-29 agree). */
function compatible(a: AnswerDate, b: AnswerDate): boolean {
  return a.iso.startsWith(b.iso) || b.iso.startsWith(a.iso);
}

/**
 * Two accounts of one event are dated within a year of each other: sources that disagree about
 * an event differ by days or months (a report's date against the event's), while an agreement of
 * 1993 and a deal of 2008 are two events, however alike their words.
 */
function closeInTime(a: AnswerDate, b: AnswerDate): boolean {
  return Math.abs(Number(a.iso.slice(0, 4)) - Number(b.iso.slice(0, 4))) <= 1;
}

/** Two sentences tell of the same event when they share most of their specific terms. */
function sameEvent(a: Sentence, b: Sentence): boolean {
  let shared = 0;
  for (const term of a.termSet) if (b.termSet.has(term)) shared++;
  return shared >= 4 && shared / Math.min(a.termSet.size, b.termSet.size) >= 0.3;
}

function describe(c: DatedCandidate): string {
  const doc = c.ranked.sentence.paragraph.doc.meta;
  const who = `“${doc.title}” (${doc.publisher})`;
  return c.basis === "reported"
    ? `${who} reported it on ${formatDate(c.date)}`
    : `${who} dates it to ${formatDate(c.date)}`;
}

function sameText(a: Sentence, b: Sentence): boolean {
  return a.text === b.text;
}

/** Quotes for picked sentences: each read with its antecedent, neighbours merged, best first. */
function quotesFor(sentences: Sentence[]): Quote[] {
  const groups: Sentence[][] = [];
  for (const sentence of sentences) {
    const antecedent = antecedentOf(sentence);
    const span = antecedent ? [antecedent, sentence] : [sentence];
    const joined = groups.find(
      (g) =>
        g[0]?.paragraph === sentence.paragraph &&
        span.some((s) => g.some((t) => Math.abs(t.index - s.index) <= 1)),
    );
    if (joined) {
      for (const s of span) if (!joined.includes(s)) joined.push(s);
      joined.sort((a, b) => a.index - b.index);
    } else groups.push(span);
  }
  return groups.map(quoteOf);
}

/** One quote from consecutive sentences of one paragraph: the exact paragraph substring. */
function quoteOf(sentences: Sentence[]): Quote {
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  if (!first || !last) throw new Error("compose: a quote needs at least one sentence");
  const paragraph = first.paragraph.text;
  const start = paragraph.indexOf(first.text);
  const end = paragraph.indexOf(last.text, start) + last.text.length;
  return sentenceQuote(first, paragraph.slice(start, end));
}
