/**
 * Dates in words, the same on every platform.
 * Platform renderers add their own markup around these strings; they never change quote text.
 */
import { MONTHS } from "../dates/months.js";
import type { AnswerDate, TimelineEvent } from "../model.js";

/**
 * `2008-03-14` → "14 March 2008", `1990-04` → "April 1990", `1993` → "1993", at the date's own
 * precision; "about" when approximate ("About" with `capital`, for titles).
 */
export function formatDate(
  date: Pick<AnswerDate, "iso"> & Partial<AnswerDate>,
  capital = false,
): string {
  const text = formatIso(date.iso);
  if (!date.approximate) return text;
  return `${capital ? "About" : "about"} ${text}`;
}

/**
 * The date of a timeline event as every platform shows it: {@link formatDate}, followed by
 * " (reported)" when the date is only the publication date of a report ("… has been used for
 * the first time, according to reports"), so it never reads as the day the event happened.
 */
export function eventDate(event: Pick<TimelineEvent, "date" | "basis">, capital = false): string {
  return `${formatDate(event.date, capital)}${reportedMark(event)}`;
}

/** " (reported)" for an event dated only by its report's publication, else "". */
export function reportedMark(event: Pick<TimelineEvent, "basis">): string {
  return event.basis === "reported" ? " (reported)" : "";
}

/**
 * Formats an ISO date or partial date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) in words, at the
 * precision it has. Anything else is returned unchanged rather than guessed at.
 */
export function formatIso(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return `${year}`;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** `12-29` → "29 December". Returns the input unchanged when it is not a valid `MM-DD`. */
export function formatMonthDay(monthDay: string): string {
  const match = /^(\d{2})-(\d{2})$/.exec(monthDay);
  const month = match ? MONTHS[Number(match[1]) - 1] : undefined;
  if (!match || !month) return monthDay;
  return `${Number(match[2])} ${month}`;
}
