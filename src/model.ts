/**
 * The shared data model: the platform-neutral answer vocabulary that every layer imports (text/
 * and dates/ produce these, answer/ composes them, present/ and the adapters render them and
 * nothing else; `hotline ask --json` prints an {@link Answer} as is).
 */

/** Where a quote comes from: one corpus document's citable facts. */
export interface SourceRef {
  /** Stable document id, from the front matter (e.g. `bbc-2008-12-29-army-phone-links`). */
  id: string;
  title: string;
  publisher: string;
  /** The author's byline, or null when the source names none. */
  author: string | null;
  /**
   * Publication date as ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when only that is known);
   * null when the page does not give it (never guessed). See `original` for a translation.
   */
  published: string | null;
  url: string;
  /** For a translation: the original article's citation; otherwise null. */
  original: { title: string; publisher: string; published: string; url: string } | null;
}

/** A date at its true precision. `iso` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to match `precision`. */
export interface AnswerDate {
  iso: string;
  precision: "day" | "month" | "year";
  /** True when the text gives the date loosely ("nearly three years ago"). */
  approximate: boolean;
}

/** Whole sentences copied verbatim from one paragraph of one source. */
export interface Quote {
  /** Verbatim text: one or more whole consecutive sentences of the paragraph. */
  text: string;
  /** Human location inside the document, e.g. `¶5`. */
  location: string;
  source: SourceRef;
}

/** What the core returns for `ask` and `when`. */
export interface Answer {
  status: "answered" | "no_answer";
  /** The question as asked (after control characters are removed). */
  question: string;
  /** For `when`: the date of the event asked about. Null for `ask` and for no answer. */
  date: AnswerDate | null;
  /** Up to three quotes, best first. Empty for no answer. */
  quotes: Quote[];
  /**
   * What the reader should know besides the quotes: that sources differ (who says what), that they
   * give no date (and why), or which of two events came first. Null when there is nothing.
   */
  note: string | null;
}

/** Input the core refuses to search: returned, not thrown, so adapters can show `message`. */
export type Rejection =
  | {
      status: "rejected";
      code: "empty";
      /** The command asked, so the reply can give an example of it. */
      command: "ask" | "when";
    }
  | {
      status: "rejected";
      code: "too_long";
      /** Characters in the question as cleaned, and the limit it exceeds. */
      length: number;
      limit: number;
    };

/** The result of `ask` or `when`: an answer (possibly no_answer) or a rejected input. */
export type Reply = Answer | Rejection;

/** How an event's date was found. */
export type DateBasis =
  /** The sentence states the date ("On March 14", "In 1993"). */
  | "stated"
  /** Computed from a relative phrase ("Two years later", "nearly three years ago"). */
  | "relative"
  /** The sentence reports news as of the article's publication date ("has been used for the first time"). */
  | "reported";

/** One dated event of the timeline: a date and the verbatim sentence that dates it. */
export interface TimelineEvent {
  /** Stable id: `<document id>#<paragraph>.<sentence>`. */
  id: string;
  date: AnswerDate;
  basis: DateBasis;
  /** A short label for menus (autocomplete): the sentence, cut at a word boundary with "…". */
  label: string;
  /** The dating sentence, verbatim, with its source. */
  quote: Quote;
}

/** What `today` returns: events on a month-day, or the next anniversary when there are none. */
export interface DayDigest {
  /** The month-day asked about, `MM-DD`. */
  monthDay: string;
  /** Events of any year on that month-day, in date order. */
  events: TimelineEvent[];
  /** When `events` is empty: the next month-day (wrapping past 31 December) that has events. */
  next: { monthDay: string; events: TimelineEvent[] } | null;
}

/** A corpus document as listed by `sources`. */
export interface SourceSummary extends SourceRef {
  paragraphs: number;
  events: number;
}
