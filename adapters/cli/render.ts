/**
 * Renders command results as plain text for a terminal, and answers as the `--json` object.
 * Quotes are printed exactly as the core returns them, inside “…” with the citation below.
 */

import type { CommandResult } from "../../src/commands/run.js";
import type { Answer, DayDigest, Reply, SourceSummary, TimelineEvent } from "../../src/model.js";
import { citationDate, citationLine } from "../../src/present/citation.js";
import { eventDate, formatDate } from "../../src/present/format.js";
import {
  NO_EVENTS_MESSAGE,
  NOTE_LABEL,
  noAnswerText,
  rejectionText,
} from "../../src/present/texts.js";
import { digestText } from "./digest.js";

/** The `--json` form of an answer: exactly the documented keys, in order. */
export function answerJson(answer: Answer): Answer {
  return {
    status: answer.status,
    question: answer.question,
    date: answer.date,
    quotes: answer.quotes,
    note: answer.note,
  };
}

/** Plain-text answer: lead date, quotes with citations, the note, or the no-answer message. */
function renderReply(reply: Reply): string {
  if (reply.status === "rejected") return rejectionText(reply);
  if (reply.status === "no_answer") return noAnswerText(reply.note);
  const lines: string[] = [];
  if (reply.date) lines.push(formatDate(reply.date), "");
  for (const quote of reply.quotes) {
    // A block quote, not “…”: many quotes open with quotation marks of their own.
    lines.push(`> ${quote.text}`, `    — ${citationLine(quote)}`, `      ${quote.source.url}`, "");
  }
  if (reply.note) lines.push(`${NOTE_LABEL}: ${reply.note}`, "");
  if (!reply.date && reply.quotes.length > 0 && reply.note === null) lines.pop();
  return lines.join("\n").trimEnd();
}

/** One timeline line: date, then the verbatim sentence and its citation. */
function renderEvent(event: TimelineEvent): string {
  return `${eventDate(event)}\n> ${event.quote.text}\n    — ${citationLine(event.quote)}`;
}

/** The timeline, oldest first. */
function renderTimeline(events: TimelineEvent[]): string {
  return events.length === 0 ? NO_EVENTS_MESSAGE : events.map(renderEvent).join("\n\n");
}

/** What happened on a day in history, or the next anniversary: the on-this-day post's text. */
function renderDigest(digest: DayDigest): string {
  return digestText(digest);
}

/** The corpus documents. */
function renderSources(sources: SourceSummary[]): string {
  return sources
    .map((s) => {
      const by = [s.publisher, s.author, citationDate(s)].filter(Boolean).join(", ");
      const original = s.original
        ? `\n  translation of “${s.original.title}”, ${s.original.publisher}, ${s.original.url}`
        : "";
      return `${s.title} — ${by}\n  ${s.url}${original}\n  ${s.paragraphs} paragraphs, ${s.events} dated events`;
    })
    .join("\n\n");
}

/** Any command result as terminal text. */
export function renderResult(result: CommandResult): string {
  switch (result.kind) {
    case "answer":
      return renderReply(result.reply);
    case "timeline":
      return renderTimeline(result.events);
    case "today":
      return renderDigest(result.digest);
    case "sources":
      return renderSources(result.sources);
    case "help":
      return result.lines.join("\n");
    case "notice":
      return result.message;
  }
}
