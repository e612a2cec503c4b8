/**
 * The fixed texts every door shows, written once. Renderers add their markup (code spans for
 * command names, bold labels) but never change the words.
 */

/** Shown to an asker when something unexpected failed; details go to the log only. */
export const FAILURE_MESSAGE =
  "Sorry, something went wrong while answering. The error has been logged; please try again later.";

/** What a no-answer reply says: what the bot covers and where to look instead. */
export const NO_ANSWER_MESSAGE =
  "The sources don't answer that. hotline covers the military hotlines between China, Russia and the United States (2008 reporting). Try /hotline timeline for every dated event or /hotline sources for the documents.";

/** The label of an answer's note when its sources give different dates or facts. */
export const SOURCES_DIFFER_LABEL = "Sources disagree";

/** The timeline (or a digest) when the sources date no events at all. */
export const NO_EVENTS_MESSAGE = "The sources date no events.";

/** `/hotline <subcommand>` mentions in a text, for renderers that mark commands up as code. */
export const COMMAND_MENTION = /\/hotline(?: [a-z]+)?/g;
