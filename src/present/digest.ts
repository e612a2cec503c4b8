/**
 * The headings of an on-this-day digest, the same words on every platform. Renderers add only
 * their markup (bold, block quotes, embeds) around them.
 */

import { onTheDay } from "../dates/anniversary.js";
import type { DayDigest, TimelineEvent } from "../model.js";
import { formatIso, formatMonthDay, reportedMark } from "./format.js";

/**
 * The heading of one event in a digest for `monthDay`: "On this day in 2008:" when the event
 * falls on that month-day ("On this day in 2008 (reported):" when that is only the date of a
 * report), otherwise its full date, "On 29 February 2008:" (a 29 February event
 * shown on 28 February of a non-leap year, or an event of the next anniversary when the day
 * itself has none; pass `""` for those).
 */
export function eventHeading(event: TimelineEvent, monthDay: string): string {
  // A report's date is when it was reported, not when it happened: say so here too.
  const reported = reportedMark(event);
  return onTheDay(event, monthDay)
    ? `On this day in ${event.date.iso.slice(0, 4)}${reported}:`
    : `On ${formatIso(event.date.iso)}${reported}:`;
}

/** What every platform shows for a digest: one title and the events under their headings. */
export interface DigestView {
  /**
   * "On this day: 28 February"; with no events, "Nothing on 1 December. Next: 29 December.",
   * or "Nothing on 22 November, and the sources date no other events." when nothing is dated.
   */
  title: string;
  /** The day's events, or else the next anniversary's, each with its {@link eventHeading}. */
  items: { heading: string; event: TimelineEvent }[];
}

/** The platform-neutral view of `digest`, in the core's event order. */
export function digestView(digest: DayDigest): DigestView {
  const day = formatMonthDay(digest.monthDay);
  if (digest.events.length > 0) {
    return {
      title: `On this day: ${day}`,
      items: digest.events.map((event) => ({
        heading: eventHeading(event, digest.monthDay),
        event,
      })),
    };
  }
  if (!digest.next || digest.next.events.length === 0) {
    return { title: `Nothing on ${day}, and the sources date no other events.`, items: [] };
  }
  return {
    title: `Nothing on ${day}. Next: ${formatMonthDay(digest.next.monthDay)}.`,
    // Not "on this day": the next anniversary's events name their full date.
    items: digest.next.events.map((event) => ({ heading: eventHeading(event, ""), event })),
  };
}
