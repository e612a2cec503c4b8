/**
 * The core's public surface, separate from its implementation so adapters and tests can read
 * it in one place. {@link loadHotline} in `hotline.ts` returns one of these.
 */
import type { DayDigest, Reply, SourceSummary, TimelineEvent } from "./model.js";

/** Longest question or event text the core searches; longer input is rejected as `too_long`. */
export const MAX_QUESTION_LENGTH = 500;

/** An autocomplete suggestion: `label` is shown (≤ 100 chars), `value` is sent back as the event text. */
export interface Suggestion {
  label: string;
  value: string;
}

/** A loaded corpus, ready to answer. All methods are synchronous and never throw for user input. */
export interface Hotline {
  /** Answers a who/what/why/how question with up to three verbatim quotes, or no_answer. */
  ask(question: string): Reply;
  /** Dates an event: `date` leads, the dating sentence is quoted; sources that disagree get a note. */
  when(event: string): Reply;
  /** Every dated event, oldest first (ties in document order). */
  timeline(): TimelineEvent[];
  /**
   * Events of any year on a day, or the next anniversary when there are none. `date` is a local
   * date `YYYY-MM-DD` (28 February of a non-leap year also shows 29 February's events, see
   * `dates/anniversary.ts`) or a bare month-day `MM-DD` (that month-day only).
   */
  today(date: string): DayDigest;
  /** The corpus documents, in id order. */
  sources(): SourceSummary[];
  /**
   * Timeline events matching `text`, best first, for autocomplete (at most `limit`, default 25).
   * Empty `text` gives the key events in date order.
   */
  suggest(text: string, limit?: number): Suggestion[];
}
