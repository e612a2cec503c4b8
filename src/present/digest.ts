/**
 * The headings of an on-this-day digest, the same words on every platform. Renderers add only
 * their markup (bold, block quotes, embeds) around them.
 */
import type { TimelineEvent } from "../answer/types.js";
import { onTheDay } from "../dates/anniversary.js";
import { formatIso } from "./format.js";

/**
 * The heading of one event in a digest for `monthDay`: "On this day in 2008:" when the event
 * falls on that month-day, otherwise its full date, "On 29 February 2008:" (a 29 February event
 * shown on 28 February of a non-leap year, or an event of the next anniversary when the day
 * itself has none; pass `""` for those).
 */
export function eventHeading(event: TimelineEvent, monthDay: string): string {
  return onTheDay(event, monthDay)
    ? `On this day in ${event.date.iso.slice(0, 4)}:`
    : `On ${formatIso(event.date.iso)}:`;
}
