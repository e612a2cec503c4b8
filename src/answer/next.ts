/**
 * When-questions about the next of a series ("when is the next council meeting", "when will the
 * next talks be"): an event the sources date before they were written is a past one, not the
 * next; a source saying there is "no date for another meeting" answers them. General English
 * question forms, no document words.
 */

import type { AnswerDate } from "../model.js";

/** "when is/are/will … next …", "when's the next …": present or future tense, and "next". */
const ASKS_NEXT = /\bwhen(?:\s+(?:is|are|will)|['’]s)\b.*\bnext\b/i;

/** Whether `question` asks when the next of something is or will be. */
export function asksNext(question: string): boolean {
  return ASKS_NEXT.test(question);
}

/**
 * Whether `date` is before `published` (an ISO day, or null when the source has none), compared
 * at the date's own precision: "2022-01-12" is before "2022-01-20", "2022-01" is not (it may be
 * later that month). Nothing is before an unknown publication date.
 */
export function beforeWriting(date: AnswerDate, published: string | null): boolean {
  if (!published) return false;
  return date.iso < published.slice(0, date.iso.length);
}
