/**
 * Finds the dates a sentence states, with their true precision, using chrono-node for dates in
 * prose and a few rules of our own for what chrono does not read the way a historian would:
 * bare years ("In 1993") and relative dates (`relative.ts`), which count from the most recent
 * date before them ("Two years later" after "April 1990" is 1992) or, for "ago", from the
 * article's date ("nearly three years ago" in December 2008 is about 2006).
 */

import type { ParsedResult } from "chrono-node";
import { chronoNode } from "../lazy.js";
import type { AnswerDate, DateBasis } from "../model.js";
import { findRelativePhrases, isoAt, isoParts, type RelativePhrase } from "./relative.js";

export { isoAt, isoParts } from "./relative.js";

/** A date found in a sentence. */
export interface DateMention {
  date: AnswerDate;
  basis: DateBasis;
  /** Character offset of the phrase in the sentence, to find the date nearest to a match. */
  index: number;
  /** The phrase as written, e.g. "March 14" or "Two years later". */
  text: string;
}

const BARE_YEAR =
  /\b(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Uu]ntil|[Tt]ill|[Oo]f|[Yy]ear|[Ee]arly|[Ll]ate|[Mm]id-?)\s+((?:1[6-9]|20)\d\d)\b(?!s|\s*(?:China|Military|[A-Z]))/g;
// chrono reads these as dates relative to the reference; our own rules handle the useful ones.
const CHRONO_SKIP =
  /\b(ago|later|after|before|earlier|since|next|last|this|today|tonight|yesterday|tomorrow|now|within|days?|weeks?|hours?|minutes?)\b/i;
// A date worth keeping names a month or has a number ("a month" alone is a duration).
const CHRONO_KEEP = /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const FUTURE = /\b(will|shall|next|plans? to|is to|are to|due to|expected to)\b/i;

/**
 * Between a relative phrase and a stated date that restates it ("One week later, on 27 April",
 * "Less than a year later, on 30 and 31 January 1988", "in 1996, three years later"): only
 * punctuation, prepositions and day numbers.
 */
const APPOSITION =
  /^[\s,;:(\u2013\u2014-]*(?:(?:on|in|at|by|and|of|the|\d{1,2}(?:st|nd|rd|th)?)[\s,;:(\u2013\u2014-]+)*$/i;

/**
 * Finds dates in `sentence`. `reference` (`YYYY-MM-DD`) anchors year-less dates and "ago";
 * `previous` is the last date stated earlier in the same document, the anchor for "later" and
 * the like when the sentence states no date before the phrase; `inParagraph` is the last date
 * stated earlier in the same paragraph, the year of a year-less date; `lastStated` (default
 * `previous`) is the last date stated, not computed, earlier in the document: what a phrase that
 * names its event ("Three days after the crash") counts from.
 * Returns mentions in text order; never invents a date where the text gives none.
 */
export function extractDates(
  sentence: string,
  reference: string,
  previous: AnswerDate | null,
  inParagraph: AnswerDate | null = null,
  lastStated: AnswerDate | null = previous,
): DateMention[] {
  const mentions: DateMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const ref = new Date(`${reference}T12:00:00Z`);
  const future = FUTURE.test(sentence);

  const relatives = findRelativePhrases(sentence);
  for (const phrase of relatives) taken.push([phrase.index, phrase.index + phrase.text.length]);

  for (const result of chronoResults(sentence, ref)) {
    if (
      CHRONO_SKIP.test(result.text) ||
      !CHRONO_KEEP.test(result.text) ||
      overlaps(result.index, result.index + result.text.length)
    )
      continue;
    const c = result.start;
    if (!c.isCertain("month") && !c.isCertain("year")) continue;
    let year = c.get("year") ?? ref.getUTCFullYear();
    const month = c.isCertain("month") ? (c.get("month") ?? null) : null;
    const day = month !== null && c.isCertain("day") ? (c.get("day") ?? null) : null;
    if (!c.isCertain("year") && inParagraph) {
      // "The line went into operation in August 1963. On 30 August, …": the paragraph's year, or
      // the next one for a month before the paragraph's ("… in December 1963. On 2 January, …").
      const anchor = isoParts(inParagraph.iso);
      year = anchor.year;
      if (month !== null && anchor.month !== null && month < anchor.month) year += 1;
    } else if (!c.isCertain("year")) {
      // A year-less date in a report is in the past unless the sentence speaks of the future.
      year = ref.getUTCFullYear();
      const candidate = isoAt(year, month, day ?? 1);
      if (!future && candidate > reference) year -= 1;
    }
    mentions.push({
      date: {
        iso: isoAt(year, month, day),
        precision: day !== null ? "day" : month !== null ? "month" : "year",
        approximate: false,
      },
      basis: "stated",
      index: result.index,
      text: result.text,
    });
    taken.push([result.index, result.index + result.text.length]);
  }

  for (const match of sentence.matchAll(BARE_YEAR)) {
    const yearText = match[1] ?? "";
    const index = (match.index ?? 0) + match[0].length - yearText.length;
    if (overlaps(index, index + yearText.length)) continue;
    mentions.push({
      date: { iso: yearText, precision: "year", approximate: false },
      basis: "stated",
      index,
      text: match[0],
    });
  }
  const stated = mentions.sort((a, b) => a.index - b.index);
  const resolved = resolveRelatives(sentence, relatives, stated, reference, previous, lastStated);
  return [...stated, ...resolved].sort((a, b) => a.index - b.index);
}

/**
 * The dates of `phrases`, each counted from the most recent date before it: one this sentence
 * states or has just computed ("on 4 April, … three days later"), else `previous`; "ago" counts
 * from the article's date. A phrase that a stated date restates beside it gives nothing more.
 */
function resolveRelatives(
  sentence: string,
  phrases: RelativePhrase[],
  stated: DateMention[],
  reference: string,
  previous: AnswerDate | null,
  lastStated: AnswerDate | null,
): DateMention[] {
  const gap = (a: { index: number; text: string }, b: { index: number }) =>
    sentence.slice(a.index + a.text.length, b.index);
  const restated = (phrase: RelativePhrase) =>
    stated.some((m) => APPOSITION.test(m.index < phrase.index ? gap(m, phrase) : gap(phrase, m)));
  const resolved: DateMention[] = [];
  for (const phrase of phrases) {
    if (restated(phrase)) continue;
    const before = [...stated, ...resolved].filter((m) => m.index < phrase.index);
    const latest = before.reduce<DateMention | null>(
      (last, m) => (last && last.index > m.index ? last : m),
      null,
    );
    const anchor: AnswerDate | null = phrase.fromReference
      ? { iso: reference, precision: "day", approximate: false }
      : (latest?.date ?? (phrase.fromStated ? lastStated : previous));
    const date = anchor && phrase.resolve(anchor);
    if (date) resolved.push({ date, basis: "relative", index: phrase.index, text: phrase.text });
  }
  return resolved;
}

/**
 * chrono's readings of `sentence`. A casual reading that swallowed a stated date ("night of
 * 15 June 2020" read as tonight) is read again with the strict parser, which finds the date in it.
 */
function chronoResults(sentence: string, ref: Date): ParsedResult[] {
  const chrono = chronoNode();
  return chrono.en.parse(sentence, { instant: ref }, { forwardDate: false }).flatMap((result) => {
    const c = result.start;
    if (c.isCertain("month") || c.isCertain("year")) return [result];
    return chrono.en.strict
      .parse(result.text, { instant: ref }, { forwardDate: false })
      .map((inner) => Object.assign(inner, { index: inner.index + result.index }));
  });
}
