/**
 * Questions that compare two events in time: "which came first, the treaty or the line", "did the
 * American line come before the Russian one", "X had a hotline before Y … which one came first?".
 * Each event is asked about as a when-question of its own; the answer quotes the passage that
 * dates each, and a note says which came first, computed from the two dates (never when either
 * is missing or they cannot be told apart). General English question forms, no document words.
 */
import type { Answer, AnswerDate } from "../model.js";
import { formatDate } from "../present/format.js";
import { acronymsRead } from "../search/gazetteer.js";
import { MAX_QUOTES, noAnswer } from "./compose.js";
import { NOT_HAPPENED } from "./not-happened.js";

/** "which came first", "which one was earlier", "what happened first". */
const ASKS_ORDER =
  /\b(?:which|what)(?:\s+one|\s+of\s+(?:them|the\s+two|these|those|both))?\s+(?:came|comes|come|was|were|is|happened|started|began|opened|existed)\s+(?:first|earlier|sooner|older)\b/i;

/** "did A come before B", "was A set up before B": a yes/no question about an order. */
const ASKS_BEFORE = /^\W*(?:did|does|do|was|were|is|are|has|have|had)\b/i;

/** The verb that joins the first event to "before" ("come before", "came before"), not an event word. */
const ORDER_VERB = /\s+(?:come|came|comes|happen|happened|exist|existed)\s*$/i;

/** What introduces a reported claim ("my prof said", "I heard that"): the event follows it. */
const REPORTED =
  /^.*\b(?:said|says|say|told\s+(?:me|us)|thinks?|thought|claims?|claimed|heard|reckons?)\s+(?:that\s+)?/i;

/** Where a clause ends: the event words stop there. */
const CLAUSE_END = /[,;:.!?]|\s+\b(?:but|and\s+then|so)\b/i;

/** Two events a question asks to order, and the phrase that frames them both. */
export interface Compared {
  /** The events as written, first as asked first. */
  events: [string, string];
  /** What frames the comparison ("for the PLA", "for China"), asked of both; "" for none. */
  frame: string;
}

/** A phrase that frames the whole comparison ("for China", "in Asia"), not one event. */
const FRAME_WORDS = "(?:for|in|at|among|according to)\\s+[^,;:.!?]*";
/** It closing the second event: "… the Russian one for China". */
const CLOSING_FRAME = new RegExp(`\\s+\\b${FRAME_WORDS}$`, "i");
/** It opening the events: "which came first for the PLA, …". */
const OPENING_FRAME = new RegExp(`^\\s*(${FRAME_WORDS})`, "i");
const PREPOSITION = /^(?:with|to|between|from|of|on)\b/i;

/**
 * The two events `question` asks to order, as written (e.g. `["the nuclear risk reduction
 * centers", "the syria line"]`), or null when it asks no such thing. "A or B" beside "which came
 * first" gives A and B; "A before B" (beside "which came first", or in a "did A come before B")
 * gives A and B, A's clause read from after a verb of saying ("my prof said …"). A second event
 * said by ellipsis ("a hotline with Washington or with Moscow") takes the first's words before
 * its preposition ("a hotline with Moscow").
 */
export function comparedEvents(question: string): Compared | null {
  const order = ASKS_ORDER.exec(question);
  const after = order ? question.slice(order.index + order[0].length) : "";
  const rest = order ? `${question.slice(0, order.index)} , ${after}` : question;
  let events: [string, string] | null = null;
  if (order) {
    const either = /([^,;:.!?]*?)\s+\bor\b\s+([^,;:.!?]*)/i.exec(rest);
    const pair = either && [clean(either[1] ?? ""), clean(either[2] ?? "")];
    if (pair?.[0] && pair[1]) events = [pair[0], pair[1]];
  }
  if (!events) {
    if (!order && !ASKS_BEFORE.test(question)) return null;
    const before = /\bbefore\b/i.exec(rest);
    // "did the US warn Russia before the strike" asks whether it warned, not which came first.
    if (!before || (!order && !ORDER_VERB.test(rest.slice(0, before.index)))) return null;
    const head = rest.slice(0, before.index).replace(ORDER_VERB, "");
    const clauses = head.split(CLAUSE_END);
    const first = clean((clauses[clauses.length - 1] ?? "").replace(REPORTED, ""));
    const second = clean(rest.slice(before.index + before[0].length).split(CLAUSE_END)[0] ?? "");
    if (!first || !second) return null;
    events = [first, second];
  }
  const [first, second] = events;
  const closing = CLOSING_FRAME.exec(second);
  const frame = closing?.[0].trim() ?? OPENING_FRAME.exec(after)?.[1]?.trim() ?? "";
  let own = closing ? second.slice(0, closing.index) : second;
  const preposition = PREPOSITION.exec(own)?.[0];
  const at = preposition ? first.toLowerCase().lastIndexOf(` ${preposition.toLowerCase()} `) : -1;
  if (at > 0) own = `${first.slice(0, at)} ${own}`;
  return { events: [first, own], frame };
}

/** An event's words without the question's leading auxiliary and the edges' punctuation. */
function clean(text: string): string {
  return text
    .replace(ASKS_BEFORE, "")
    .replace(/^[\s\W]+|[\s\W]+$/gu, "")
    .trim();
}

/** A word that stands for something named in the other event: "the Russian one", "it had one". */
const PRO_FORM = /\b(?:one|ones|it|its|they|them|their)\b/i;

/**
 * The when-question to ask for each event. An event said with a pro-form ("it had one with
 * Russia", "the Russian one") borrows the other's words, less the other's last places, as many
 * as it names itself, which its own places replace ("china had a hotline with the US" lends "china had a hotline
 * with the"); the phrase that frames the comparison ("for China") is asked of both. `placesOf` gives character offsets of place names in
 * {@link acronymsRead}`(text)`.
 */
export function eventQuestions(
  compared: Compared,
  placesOf: (text: string) => { from: number; to: number }[],
): [string, string] {
  const { events: own, frame } = compared;
  const lent = (from: string, to: string) => {
    if (!PRO_FORM.test(to)) return "";
    let text = acronymsRead(from);
    // As many of the other's places as this event names itself, from the end, are replaced.
    const replaced = [...placesOf(from)]
      .sort((x, y) => y.from - x.from)
      .slice(0, placesOf(to).length);
    for (const m of replaced) text = `${text.slice(0, m.from)} ${text.slice(m.to)}`;
    return text;
  };
  const ask = (i: 0 | 1) =>
    ["when", own[i], lent(own[1 - i] ?? "", own[i]), frame].join(" ").replace(/\s+/g, " ").trim();
  return [ask(0), ask(1)];
}

/** The date as far as both are precise: "2008-03-14" and "1988" compare as years. */
function comparable(a: AnswerDate, b: AnswerDate): [string, string] {
  const length = Math.min(a.iso.length, b.iso.length);
  return [a.iso.slice(0, length), b.iso.slice(0, length)];
}

/** What the sources say of one event's time: its date, or that it had not happened as of one. */
export interface EventTime {
  /** The event's date, as its when-answer gives it. */
  date: AnswerDate | null;
  /** The publication date of a source that reported it had not happened yet (ISO), else null. */
  pendingAsOf: string | null;
}

/** What `answer` (a when-answer) says of its event's time. */
export function eventTime(answer: Answer): EventTime {
  if (answer.status !== "answered") return { date: null, pendingAsOf: null };
  const quote = answer.quotes[0];
  const pending = !answer.date && quote && NOT_HAPPENED.test(quote.text);
  return { date: answer.date, pendingAsOf: pending ? quote.source.published : null };
}

/**
 * The note saying which of two events came first, or null when that cannot be told: both dated
 * and different as far as the less precise date says, or one dated before a source reported the
 * other had not happened yet.
 */
export function orderNote(events: [string, string], times: [EventTime, EventTime]): string | null {
  const name = (i: number) => `“${events[i]}”`;
  const [a, b] = times;
  if (a.date && b.date) {
    const [x, y] = comparable(a.date, b.date);
    if (x === y) return null;
    const [first, then] = x < y ? [0, 1] : [1, 0];
    const dated = (i: number) => `${name(i)} (${formatDate(times[i]?.date as AnswerDate)})`;
    return `${dated(first)} came before ${dated(then)}, by the dates the sources give.`;
  }
  for (const [dated, pending] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const date = times[dated].date;
    const asOf = times[pending].pendingAsOf;
    if (!date || !asOf) continue;
    const [x, y] = comparable(date, { iso: asOf, precision: "day", approximate: false });
    if (x < y) {
      return `${name(dated)} came first: it is dated ${formatDate(date)}, and as of ${formatDate({ iso: asOf })} a source reported ${name(pending)} had not happened.`;
    }
  }
  return null;
}

/** A sentence that itself states an order: "before", "first", "already open", "later". */
const STATES_ORDER = /\b(?:before|after|first|earlier|later|already|preceded|followed)\b/i;

/**
 * The answer to a question comparing `events`, from the when-answers for each (`answers`, in
 * the same order) and `stated`, the plain answer to the pair asked together, whose first quote
 * that states an order ("… is already open", "the first country") leads when there is one. Then
 * the passage dating each, the earlier first, with the note of {@link orderNote}; otherwise the
 * note says what is known of each (its date, or its when-answer's own note) and that the order
 * is not given. No answer when neither event is answered.
 */
export function compareAnswer(
  question: string,
  events: [string, string],
  answers: [Answer, Answer],
  stated?: Answer,
): Answer {
  const [a, b] = answers;
  if (a.status !== "answered" && b.status !== "answered") return noAnswer(question, a.note);
  const times: [EventTime, EventTime] = [eventTime(a), eventTime(b)];
  const note = orderNote(events, times);
  const laterFirst = note?.startsWith(`“${events[1]}”`) ?? false;
  const said = (i: 0 | 1) => {
    const date = times[i].date;
    const answer = answers[i];
    if (date) return `“${events[i]}” is dated ${formatDate(date)}.`;
    if (answer.status === "answered" && answer.note) return `“${events[i]}”: ${answer.note}`;
    return `The sources do not date “${events[i]}”.`;
  };
  const lead = stated?.quotes.find((q) => STATES_ORDER.test(q.text));
  const quotes = [
    ...(lead ? [lead] : []),
    ...(laterFirst ? [b, a] : [a, b]).flatMap((x) => x.quotes.slice(0, 1)),
  ];
  return {
    status: "answered",
    question,
    date: null,
    quotes: quotes
      .filter((q, i) => quotes.findIndex((o) => o.text === q.text) === i)
      .slice(0, MAX_QUOTES),
    note: note ?? `${said(0)} ${said(1)} The sources do not say which came first.`,
  };
}
