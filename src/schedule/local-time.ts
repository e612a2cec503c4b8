/**
 * Wall-clock arithmetic for the on-this-day scheduler: what date and time it is in a timezone,
 * which month-days a local date covers (29 February in non-leap years), and input validation for
 * `HH:MM` times and IANA timezone names. Pure functions over `Date`; no timers, no platform code.
 */

/** A wall-clock reading in one timezone. */
export interface LocalDateTime {
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Local month-day, `MM-DD`. */
  monthDay: string;
  /** Local time of day, `HH:MM`, 24-hour. */
  time: string;
}

// Formatters are costly to build and are reused every minute for every subscription.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local date and time of `instant` in `timeZone` (an IANA name, already validated).
 * DST-safe by construction: the answer is what a wall clock in that zone shows, so a
 * spring-forward gap simply skips from 01:59 to 03:00 and a fall-back hour reads twice.
 */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  if (timeZone === "UTC") {
    // The default zone needs no time-zone data (loading it costs a command about 15 ms).
    const iso = instant.toISOString();
    return { date: iso.slice(0, 10), monthDay: iso.slice(5, 10), time: iso.slice(11, 16) };
  }
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  // Some ICU versions print midnight as "24" even with h23; normalise defensively.
  const hour = parts.hour === "24" ? "00" : parts.hour;
  const monthDay = `${parts.month}-${parts.day}`;
  return { date: `${parts.year}-${monthDay}`, monthDay, time: `${hour}:${parts.minute}` };
}

// The calendar rule lives in dates/; these names stay importable from here for the scheduler.
export { anniversaryMonthDays, isLeapYear } from "../dates/anniversary.js";

/**
 * Parses a time of day typed by an admin: `HH:MM` or `H:MM`, 24-hour. Returns it normalised to
 * `HH:MM` (`9:00` → `09:00`), or null when it is not a valid time (`25:00`, `9`, `9:5`, `9am`).
 */
export function normaliseTime(input: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(input.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * Checks an IANA timezone name with the runtime's own tz database (Intl) and returns its
 * canonical spelling (`europe/london` → `Europe/London`), or null when the runtime does not know it.
 */
export function normaliseTimezone(input: string): string | null {
  const name = input.trim();
  if (name === "") return null;
  // The default, checked on every command: skip loading the time-zone data (about 50 ms).
  if (name === "UTC") return "UTC";
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
