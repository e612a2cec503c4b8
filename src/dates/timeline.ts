/**
 * The timeline: every dated event of the corpus, derived at load, so a new document adds its
 * events with no code change. An event is a date and the verbatim sentence that gives it.
 */

import type { CorpusDocument } from "../corpus/document.js";
import type { DayDigest, Quote, SourceRef, TimelineEvent } from "../model.js";
import { formatDate } from "../present/format.js";
import type { Passages, Sentence } from "../text/passages.js";

/** The citable facts of a document. */
export function sourceRef(doc: CorpusDocument): SourceRef {
  const m = doc.meta;
  return {
    id: m.id,
    title: m.title,
    publisher: m.publisher,
    author: m.author,
    published: m.published,
    url: m.url,
    original: m.original,
  };
}

/** A quote of one whole sentence. */
export function sentenceQuote(sentence: Sentence, text = sentence.text): Quote {
  return {
    text,
    location: `¶${sentence.paragraph.number}`,
    source: sourceRef(sentence.paragraph.doc),
  };
}

/** Cuts `text` at a word boundary to at most `max` characters, with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

/**
 * Builds the timeline: one event per distinct date a sentence states (or computes from a
 * relative phrase), plus, for a dated news report, its opening sentence as news of that day
 * when it states no date itself ("has been used for the first time").
 */
export function buildTimeline(passages: Passages): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const sentence of passages.sentences) {
    const seen = new Set<string>();
    for (const mention of sentence.dates) {
      if (seen.has(mention.date.iso)) continue;
      seen.add(mention.date.iso);
      events.push(makeEvent(sentence, mention.date, mention.basis, seen.size));
    }
    const doc = sentence.paragraph.doc;
    const opening = sentence.paragraph.number === 1 && sentence.index === 0;
    if (opening && sentence.dates.length === 0 && doc.meta.published) {
      const precision =
        doc.meta.published.length === 10
          ? "day"
          : doc.meta.published.length === 7
            ? "month"
            : "year";
      events.push(
        makeEvent(
          sentence,
          { iso: doc.meta.published, precision, approximate: false },
          "reported",
          1,
        ),
      );
    }
  }
  return events.sort((a, b) => compareIso(a.date.iso, b.date.iso));
}

function makeEvent(
  sentence: Sentence,
  date: TimelineEvent["date"],
  basis: TimelineEvent["basis"],
  n: number,
): TimelineEvent {
  return {
    id: `${sentence.id}${n > 1 ? `~${n}` : ""}`,
    date,
    basis,
    label: clip(`${formatDate(date)} · ${sentence.text}`, 100),
    quote: sentenceQuote(sentence),
  };
}

/** Orders partial ISO dates: a year sorts before its months, a month before its days. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Events on `monthDay` (`MM-DD`), or the next month-day with events (wrapping the year). */
export function digestFor(events: TimelineEvent[], monthDay: string): DayDigest {
  const byDay = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    if (event.date.precision !== "day") continue;
    const key = event.date.iso.slice(5);
    const list = byDay.get(key);
    if (list) list.push(event);
    else byDay.set(key, [event]);
  }
  const today = byDay.get(monthDay) ?? [];
  if (today.length > 0 || byDay.size === 0) return { monthDay, events: today, next: null };
  const days = [...byDay.keys()].sort();
  const nextDay = days.find((d) => d > monthDay) ?? days[0] ?? monthDay;
  return { monthDay, events: [], next: { monthDay: nextDay, events: byDay.get(nextDay) ?? [] } };
}
