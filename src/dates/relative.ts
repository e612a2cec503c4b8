/**
 * Relative dates: phrases that date an event from another date rather than naming one ("Two
 * years later", "The next day", "In Istanbul that September", "nearly three years ago").
 *
 * Finding a phrase and resolving it are separate steps because the anchor depends on the rest of
 * the sentence: a news report dates its narrative from the most recent date stated before the
 * phrase ("After an attack on 4 April, the US fired missiles three days later" is 7 April), and
 * only "ago" counts from the article's own date.
 *
 * A result keeps the precision the arithmetic allows: a day offset from a full day is a full
 * day, from a month only a month, from a year only a year; a year offset is a year.
 */

import type { AnswerDate } from "../model.js";
import { baseVerb } from "../text/verb-forms.js";
import { MONTHS } from "./months.js";

/** A relative phrase in a sentence, before its anchor is known. */
export interface RelativePhrase {
  /** Character offset of the phrase in the sentence. */
  index: number;
  /** The phrase as written, e.g. "The next day". */
  text: string;
  /** True when the phrase counts from the article's date ("ago"), not from an earlier date. */
  fromReference: boolean;
  /**
   * True when the phrase names the event it counts from ("Three days after the crash"): it counts
   * from the last date stated, not from one computed since ("A week after the crash" that follows
   * "Three days after the crash" counts from the crash too). Default false.
   */
  fromStated?: boolean;
  /** The date the phrase gives from `anchor`, or null when the anchor cannot carry it. */
  resolve(anchor: AnswerDate): AnswerDate | null;
}

type Unit = "day" | "week" | "month" | "year";

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
  "a couple of": 2,
};

const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const UNITS = "one|two|three|four|five|six|seven|eight|nine";
/** "Forty-five", "twenty one": tried before the words alone, so "five" is not read out of it. */
const AMOUNT = `(?:${TENS})[- ](?:${UNITS})|a couple of|\\d{1,2}|${Object.keys(NUMBER_WORDS)
  .filter((w) => w !== "a couple of")
  .join("|")}`;
/**
 * "Two years later", "nearly three years ago", "A week later", "Eight months afterwards".
 * "after"/"before" count only when nothing follows them: in "14 days after an agreement" the
 * words after name the event counted from, which need not be the last date stated.
 */
const OFFSET = new RegExp(
  `\\b(nearly |almost |about |around |some |roughly |more than |over |just over |less than )?(${AMOUNT}) (day|week|month|year)s? (later|afterwards|earlier|ago|after(?![ \\t]+\\w)|before(?![ \\t]+\\w))`,
  "gi",
);
/**
 * "Three days after the crash, …", "A year after the first Moscow meeting, …": an offset from an
 * event named by a definite noun phrase (up to three words), opening the sentence and closed by a
 * comma. Such a phrase points back to an event the narrative has just told, so it counts from the
 * last date stated before it, as "later" does; "14 days after an agreement" in mid-sentence, or
 * "after" followed by a clause, names an event that need not be the last one dated.
 */
const AFTER_THE = new RegExp(
  `^["“]?(nearly |almost |about |around |some |roughly |more than |over |just over |less than )?(${AMOUNT}) (day|week|month|year)s? after the (?:[\\p{L}\\d-]+ ){0,2}[\\p{L}\\d-]+(?=,)`,
  "iu",
);
/**
 * Whether the words after "after the" in an {@link AFTER_THE} match say a clause, not name an
 * event: a past tense ("the Union broke up", "the talks collapsed") tells what happened then, and
 * that need not be the last event dated.
 */
function tellsClause(phrase: string): boolean {
  const named = phrase.slice(phrase.toLowerCase().indexOf(" after the ") + 11);
  return named
    .toLowerCase()
    .split(" ")
    .some((word) => /[^e]ed$/.test(word) || baseVerb(word) !== undefined);
}

/**
 * "The next day", "the following year", "the previous month", "the day before". After "over",
 * "within", "for", "throughout" or "across" the phrase is a span of time ("over the next year"),
 * not a date.
 */
/** A day or a part of one: "that evening", "the same day" are the day counted from. */
const DAY_PARTS = ["day", "morning", "afternoon", "evening", "night"];
const NEXT =
  /(?<!\b(?:over|within|for|throughout|across) )\bthe (next|following|previous|preceding) (day|week|month|year)\b/gi;
const DAY_AROUND = /\bthe (day|week|month|year) (before|after)(?![ \t]+\w)/gi;
/**
 * "that September", "later that year", "earlier that month", "the same year", "that summer",
 * "that evening", "the same day". Month names must be capitalised, so that "that may" (the verb)
 * is not May.
 */
const THAT = new RegExp(
  `\\b(?:([Ll]ater|[Ee]arlier) )?(?:[Tt]hat|[Tt]he same) (year|month|spring|summer|autumn|fall|winter|${DAY_PARTS.join("|")}|${MONTHS.join("|")})\\b`,
  "g",
);

const DAY_MS = 86_400_000;
const PRECISION_RANK = { year: 1, month: 2, day: 3 } as const;

/** The number a relative date's amount says ("14", "two", "a couple of"), or NaN. */
function amountOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  const lower = word.toLowerCase();
  const whole = NUMBER_WORDS[lower];
  if (whole !== undefined) return whole;
  // "forty-five": tens and units.
  const [tens = "", units = ""] = lower.split(/[- ]/);
  return (NUMBER_WORDS[tens] ?? Number.NaN) + (NUMBER_WORDS[units] ?? Number.NaN);
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
 * `anchor` moved by `amount` units (negative for earlier), at the precision both allow: a year
 * offset gives a year; a month offset a month (a year from a year-only anchor); a day or week
 * offset a day from a day, a month from a month (approximate: mid-month plus the days may cross
 * into the next) and a year from a year.
 */
export function shiftDate(anchor: AnswerDate, unit: Unit, amount: number): AnswerDate {
  const { year, month, day } = isoParts(anchor.iso);
  const at = (iso: string, precision: AnswerDate["precision"], loose = false): AnswerDate => ({
    iso,
    precision,
    approximate: anchor.approximate || loose,
  });
  if (unit === "year") return at(isoAt(year + amount, null, null), "year");
  if (unit === "month") {
    // A year-only anchor is taken at mid-year: "Eight months after 1993" is most likely 1994.
    const total = year * 12 + (month ?? 7) - 1 + amount;
    const shifted = Math.floor(total / 12);
    return month === null
      ? at(isoAt(shifted, null, null), "year", true)
      : at(isoAt(shifted, (total % 12) + 1, null), "month");
  }
  const days = amount * (unit === "week" ? 7 : 1);
  const moved = new Date(Date.UTC(year, (month ?? 7) - 1, day ?? 15) + days * DAY_MS);
  const y = moved.getUTCFullYear();
  if (day !== null) return at(isoAt(y, moved.getUTCMonth() + 1, moved.getUTCDate()), "day");
  if (month !== null) return at(isoAt(y, moved.getUTCMonth() + 1, null), "month", true);
  return at(isoAt(y, null, null), "year", true);
}

/** `anchor` cut to at most `precision` ("later that year" after 5 July 2020 is 2020). */
function within(anchor: AnswerDate, precision: "year" | "month"): AnswerDate | null {
  if (PRECISION_RANK[anchor.precision] < PRECISION_RANK[precision]) return null;
  const { year, month } = isoParts(anchor.iso);
  return {
    iso: precision === "year" ? isoAt(year, null, null) : isoAt(year, month, null),
    precision,
    approximate: anchor.approximate,
  };
}

/**
 * The day, week, month or year next to `anchor` (`sign` 1 for after, -1 for before). "The
 * following week" is some day of that week, not exactly seven days on: a month, approximate.
 */
function adjacent(anchor: AnswerDate, unit: Unit, sign: number): AnswerDate | null {
  const date = shiftDate(anchor, unit, sign);
  if (unit !== "week" || date.precision !== "day") return date;
  const month = within(date, "month");
  return month && { ...month, approximate: true };
}

/**
 * The relative phrases of `sentence` in text order. None of them is resolved yet: see
 * {@link RelativePhrase.resolve}. A phrase without an amount ("later", "a few days later",
 * "within days") is not a date and is not returned.
 */
export function findRelativePhrases(sentence: string): RelativePhrase[] {
  const phrases: RelativePhrase[] = [];
  const add = (
    match: RegExpMatchArray,
    fromReference: boolean,
    resolve: RelativePhrase["resolve"],
  ) => phrases.push({ index: match.index ?? 0, text: match[0], fromReference, resolve });

  for (const match of sentence.matchAll(OFFSET)) {
    const [, qualifier = "", amountWord = "", unitWord = "", direction = ""] = match;
    const amount = amountOf(amountWord);
    if (!Number.isFinite(amount)) continue;
    const unit = unitWord.toLowerCase() as Unit;
    const ago = /^ago$/i.test(direction);
    const sign = /^(later|afterwards|after)$/i.test(direction) ? 1 : -1;
    const loose = qualifier !== "";
    add(match, ago, (anchor) => {
      // Days and weeks before the article's date claim more than a report's date can carry.
      if (ago && (unit === "day" || unit === "week")) return null;
      // "Nearly three years ago" is a little less than three years back: just after the mark.
      const nearly = sign < 0 && unit === "year" && /nearly|almost|less than/i.test(qualifier);
      const from = nearly ? shiftDate(anchor, "month", 2) : anchor;
      const date = shiftDate(from, unit, sign * amount);
      // "ago" counts from the day of publication, not the day of the events: always loose.
      return { ...date, approximate: date.approximate || loose || ago };
    });
  }
  const after = sentence.match(AFTER_THE);
  if (after && !tellsClause(after[0])) {
    const [, qualifier = "", amountWord = "", unitWord = ""] = after;
    const amount = amountOf(amountWord);
    const unit = unitWord.toLowerCase() as Unit;
    if (Number.isFinite(amount)) {
      add(after, false, (anchor) => {
        const date = shiftDate(anchor, unit, amount);
        return { ...date, approximate: date.approximate || qualifier !== "" };
      });
      const phrase = phrases[phrases.length - 1];
      if (phrase) phrase.fromStated = true;
    }
  }
  for (const match of sentence.matchAll(NEXT)) {
    const sign = /^(next|following)$/i.test(match[1] ?? "") ? 1 : -1;
    add(match, false, (anchor) => adjacent(anchor, (match[2] ?? "").toLowerCase() as Unit, sign));
  }
  for (const match of sentence.matchAll(DAY_AROUND)) {
    const sign = /^after$/i.test(match[2] ?? "") ? 1 : -1;
    add(match, false, (anchor) => adjacent(anchor, (match[1] ?? "").toLowerCase() as Unit, sign));
  }
  for (const match of sentence.matchAll(THAT)) {
    const what = match[2] ?? "";
    const month = MONTHS.indexOf(what) + 1;
    add(match, false, (anchor) => {
      if (month > 0) {
        const { year } = isoParts(anchor.iso);
        return {
          iso: isoAt(year, month, null),
          precision: "month",
          approximate: anchor.approximate,
        };
      }
      // "That evening" is the anchor's day, and says nothing when the anchor has no day.
      if (DAY_PARTS.includes(what)) return anchor.precision === "day" ? anchor : null;
      // A season or "that year" is the anchor's year; "that month" needs an anchor with a month.
      return within(anchor, what === "month" ? "month" : "year");
    });
  }
  return phrases.sort((a, b) => a.index - b.index);
}
