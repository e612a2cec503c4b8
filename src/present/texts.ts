/**
 * The fixed texts every door shows, written once. Renderers add their markup (code spans for
 * command names, bold labels) but never change the words.
 */
import type { Rejection } from "../model.js";

/** Shown to an asker when something unexpected failed; details go to the log only. */
export const FAILURE_MESSAGE =
  "Sorry, something went wrong while answering. The error has been logged; please try again later.";

/**
 * Where to look instead, said with every no-answer reply. It names no countries or years: an
 * admin adds documents about other hotlines with no code change, and the sources list says what
 * the bot covers.
 */
const COVERAGE =
  "hotline answers only from its sources: try /hotline sources for the documents or /hotline timeline for every dated event.";

/** What a no-answer reply says when the core gives no reason. */
export const NO_ANSWER_MESSAGE = `The sources don't answer that. ${COVERAGE}`;

/**
 * What a no-answer reply says: the core's reason when it has one ("The sources say nothing about
 * Brazil.", "hotline answers questions in English…"), then what the bot covers.
 */
export function noAnswerText(note: string | null): string {
  return note ? `${note} ${COVERAGE}` : NO_ANSWER_MESSAGE;
}

/** What a rejected question says: how to ask, or how long a question may be. */
export function rejectionText(rejection: Rejection): string {
  if (rejection.code === "too_long") {
    return `Your question is ${rejection.length} characters; the limit is ${rejection.limit}. Please shorten it.`;
  }
  return rejection.command === "ask"
    ? "Ask a question, e.g. /hotline ask what is the Beijing-Moscow line for?"
    : "Name an event, e.g. /hotline when the Beijing-Moscow line opened";
}

/**
 * The label of an answer's note. A note says itself what it is ("Sources differ: …", "The
 * sources give no date for this: …", which of two events came first), so the label is neutral.
 */
export const NOTE_LABEL = "Note";

/** The timeline (or a digest) when the sources date no events at all. */
export const NO_EVENTS_MESSAGE = "The sources date no events.";

/** `/hotline <subcommand>` mentions in a text, for renderers that mark commands up as code. */
export const COMMAND_MENTION = /\/hotline(?: [a-z]+)?/g;
