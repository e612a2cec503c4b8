/**
 * Finds the dates a sentence states, with their true precision, using chrono-node for dates in
 * prose and a few rules of our own for what chrono does not read the way a historian would:
 * bare years ("In 1993"), relative years ("Two years later" after "April 1990" is 1992), and
 * "ago" against the article's date ("nearly three years ago" in December 2008 is about 2006).
 */

import { chronoNode } from "../lazy.js";
import type { AnswerDate, DateBasis } from "../model.js";

/** A date found in a sentence. */
export interface DateMention {
  date: AnswerDate;
  basis: DateBasis;
  /** Character offset of the phrase in the sentence, to find the date nearest to a match. */
  index: number;
  /** The phrase as written, e.g. "March 14" or "Two years later". */
  text: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  couple: 2,
};

const RELATIVE =
  /\b(nearly |almost |about |around |some |roughly |more than |over |just over |less than )?(a couple of|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|an) (years?|months?) (later|after|afterwards|ago|earlier|before)\b/gi;
const DAYS_LATER =
  /\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (weeks?|days?) (?:later|afterwards)\b/gi;
const DAY_MS = 86_400_000;
const BARE_YEAR =
  /\b(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Uu]ntil|[Tt]ill|[Oo]f|[Yy]ear|[Ee]arly|[Ll]ate|[Mm]id-?)\s+((?:1[6-9]|20)\d\d)\b(?!s|\s*(?:China|Military|[A-Z]))/g;
// chrono reads these as dates relative to the reference; our own rules handle the useful ones.
const CHRONO_SKIP =
  /\b(ago|later|after|before|earlier|since|next|last|this|today|tonight|yesterday|tomorrow|now|within|days?|weeks?|hours?|minutes?)\b/i;
// A date worth keeping names a month or has a number ("a month" alone is a duration).
const CHRONO_KEEP = /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const FUTURE = /\b(will|shall|next|plans? to|is to|are to|due to|expected to)\b/i;

/** The number a relative date's amount says ("14", "two", "a couple of"), or NaN. */
function amountOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase().replace(/^a couple of$/, "couple")] ?? NaN;
}

/** Formats a UTC date at a precision. */
export function isoAt(year: number, month: number | null, day: number | null): string {
  const y = String(year).padStart(4, "0");
  if (month === null) return y;
  const m = String(month).padStart(2, "0");
  if (day === null) return `${y}-${m}`;
  return `${y}-${m}-${String(day).padStart(2, "0")}`;
}

/** Parses `YYYY[-MM[-DD]]` into parts. */
export function isoParts(iso: string): { year: number; month: number | null; day: number | null } {
  const [y, m, d] = iso.split("-");
  return { year: Number(y), month: m ? Number(m) : null, day: d ? Number(d) : null };
}

/**
 * Finds dates in `sentence`. `reference` (`YYYY-MM-DD`) anchors year-less dates and "ago";
 * `previous` is the last date stated earlier in the same document, the anchor for "later".
 * Returns mentions in text order; never invents a date where the text gives none.
 */
export function extractDates(
  sentence: string,
  reference: string,
  previous: AnswerDate | null,
  inParagraph: AnswerDate | null = null,
): DateMention[] {
  const mentions: DateMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const ref = new Date(`${reference}T12:00:00Z`);
  const future = FUTURE.test(sentence);

  for (const match of sentence.matchAll(RELATIVE)) {
    const [phrase, qualifier, amountWord = "", unit = "", direction = ""] = match;
    const amount = amountOf(amountWord);
    if (!Number.isFinite(amount)) continue;
    const years = unit.toLowerCase().startsWith("year");
    const forward = /later|after/i.test(direction);
    const anchorDate: AnswerDate | null = forward
      ? previous
      : { iso: reference, precision: "day", approximate: false };
    if (!anchorDate) continue;
    const anchor = isoParts(anchorDate.iso);
    const sign = forward ? 1 : -1;
    let year = anchor.year;
    let month = anchor.month ?? 6;
    if (years) year += sign * amount;
    else {
      const total = year * 12 + (month - 1) + sign * amount;
      year = Math.floor(total / 12);
      month = (total % 12) + 1;
    }
    const loose = Boolean(qualifier);
    if (/nearly|almost|less than/i.test(qualifier ?? "") && !forward && years) {
      // "Nearly three years ago" is a little less than three years back: just after the mark.
      const total = year * 12 + (month - 1) + 2;
      year = Math.floor(total / 12);
      month = (total % 12) + 1;
    }
    const precision: AnswerDate["precision"] =
      years || anchorDate.precision === "year" ? "year" : "month";
    const index = match.index ?? 0;
    mentions.push({
      date: {
        iso: precision === "year" ? isoAt(year, null, null) : isoAt(year, month, null),
        precision,
        approximate: loose || anchorDate.approximate || !forward,
      },
      basis: "relative",
      index,
      text: phrase,
    });
    taken.push([index, index + phrase.length]);
  }

  // "Two weeks later", "A week later": a few days or weeks after the last date, read to the month
  // (the day would claim more than the text says).
  for (const match of sentence.matchAll(DAYS_LATER)) {
    const [phrase, amountWord = "", unit = ""] = match;
    const index = match.index ?? 0;
    const amount = amountOf(amountWord);
    if (!previous || previous.precision === "year" || !Number.isFinite(amount)) continue;
    if (overlaps(index, index + phrase.length)) continue;
    const anchor = isoParts(previous.iso);
    const days = amount * (unit.toLowerCase().startsWith("week") ? 7 : 1);
    const at = new Date(
      Date.UTC(anchor.year, (anchor.month ?? 1) - 1, anchor.day ?? 1) + days * DAY_MS,
    );
    mentions.push({
      date: {
        iso: isoAt(at.getUTCFullYear(), at.getUTCMonth() + 1, null),
        precision: "month",
        approximate: true,
      },
      basis: "relative",
      index,
      text: phrase,
    });
    taken.push([index, index + phrase.length]);
  }

  for (const result of chronoNode().en.parse(sentence, { instant: ref }, { forwardDate: false })) {
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
  return mentions.sort((a, b) => a.index - b.index);
}
