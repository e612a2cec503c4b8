/**
 * The calendar rule for anniversaries: an event's anniversary is its own month-day, except that
 * 29 February events are remembered on 28 February in years without a 29th, so they are never
 * skipped for three years. Every door (scheduled posts, `/hotline today` on each platform, the
 * console and the CLI) gets the rule from here through `Hotline.today`.
 */
import type { DayDigest, TimelineEvent } from "../model.js";

/** True for Gregorian leap years (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The month-days whose anniversaries fall on local date `date` (`YYYY-MM-DD`): just its own
 * month-day, except 28 February of a non-leap year, which also takes 29 February's.
 */
export function anniversaryMonthDays(date: string): string[] {
  const monthDay = date.slice(5);
  if (monthDay === "02-28" && !isLeapYear(Number(date.slice(0, 4)))) return ["02-28", "02-29"];
  return [monthDay];
}

/**
 * Whether `event` falls on `monthDay` itself. False for a 29 February event shown on 28
 * February: its heading must then name its real date, not say "on this day".
 */
export function onTheDay(event: TimelineEvent, monthDay: string): boolean {
  return event.date.iso.slice(5, 10) === monthDay;
}

/**
 * The digest of a day: for a local date `YYYY-MM-DD`, the events of every month-day from
 * {@link anniversaryMonthDays} merged in date order (events of the same date keep the core's
 * order); for a bare `MM-DD`, that month-day only. `next` is kept only when there are no
 * events. `digestFor` is the core's digest of one month-day.
 */
export function anniversaryDigest(
  date: string,
  digestFor: (monthDay: string) => DayDigest,
): DayDigest {
  const monthDays = /^\d{4}-\d{2}-\d{2}$/.test(date) ? anniversaryMonthDays(date) : [date];
  const digests = monthDays.map(digestFor);
  const own = digests[0] as DayDigest;
  if (digests.length === 1) return own;
  const events = digests.flatMap((digest) => digest.events);
  events.sort((a, b) => (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : 0));
  return { monthDay: own.monthDay, events, next: events.length > 0 ? null : own.next };
}
