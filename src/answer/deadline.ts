/**
 * A date a sentence sets as a deadline: "… agreed to set up the border commission by the end of
 * April". It says by when something is to be done, not when anything was done, so it dates no
 * event while the sentence states another date ("Meeting him there again on 6 April 2022, they
 * agreed … by the end of April"). General English, no document words.
 */
import type { DateMention } from "../dates/extract.js";

/** "by" (and "the") just before a date: "by the end of April", "by 2025". */
const BY = /\bby\s+(?:the\s+)?$/i;

/** Whether `mention`, a date of `text`, is set as a deadline: "by" stands just before it. */
export function isDeadline(text: string, mention: DateMention): boolean {
  return BY.test(text.slice(Math.max(0, mention.index - 12), mention.index));
}

/**
 * The dates of `text` that may date its event: `mentions` less its deadlines ({@link
 * isDeadline}), or all of them when every one is a deadline ("The line is to open by 2025" still
 * says by when it was planned).
 */
export function eventDates(text: string, mentions: readonly DateMention[]): DateMention[] {
  const kept = mentions.filter((m) => !isDeadline(text, m));
  return kept.length > 0 ? kept : [...mentions];
}
