/**
 * What a when-question says about the time of its answer: "in 2023" (the answer falls in 2023),
 * "after the July 2021 restoration" (later than July 2021, and not the restoration itself),
 * "before the Feb 2021 joint statement" (earlier, or in February 2021 but not the statement). A
 * year used as a name ("the 2018 agreement") sets no frame. General English, no document words.
 */

import { MONTHS as MONTH_NAMES } from "../dates/months.js";
import type { AnswerDate } from "../model.js";

/** A reference point: its period (`YYYY` or `YYYY-MM`) and the terms naming its event. */
export interface Reference {
  iso: string;
  terms: string[];
  /**
   * Where the reference stands in the question (character offsets, end exclusive): "the July
   * 2021 restoration" is when the answer is not, so its words are not searched for.
   */
  span: [number, number];
}

/** The time a question puts its answer in; every part optional. */
export interface TimeFrame {
  /** The answer's date falls in this period (`YYYY` or `YYYY-MM`). */
  within?: string;
  after?: Reference;
  before?: Reference;
}

/** Months by their first three letters, lower case, as a question may shorten them. */
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase());
const DATE =
  /\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?((?:1[6-9]|20)\d\d)\b/gi;
const RELATION = /\b(after|since|following|before|prior to|until)\b([^?.!,;]*)$/i;
const WITHIN = /\b(?:in|during|throughout)\s*$/i;
/** Up to three words naming the reference after its date, not the question's own verb. */
const REFERENCE_TAIL =
  /^(?:\s+(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|when|what|and|but|or|then)\b)[\p{L}\p{N}'’-]+){0,3}/iu;

/** Reads the frame of `question`; `termsOf` is the analyzer's, for the reference's words. */
export function readTimeFrame(question: string, termsOf: (text: string) => string[]): TimeFrame {
  const frame: TimeFrame = {};
  for (const match of question.matchAll(DATE)) {
    const month = match[1] ? MONTHS.indexOf(match[1].toLowerCase().slice(0, 3)) + 1 : 0;
    const iso = month > 0 ? `${match[2]}-${String(month).padStart(2, "0")}` : (match[2] ?? "");
    const before = question.slice(0, match.index);
    const relation = RELATION.exec(before);
    if (relation) {
      const end = match.index + match[0].length;
      // The reference's words after the date end where the question goes on ("… did the line open").
      const tail = REFERENCE_TAIL.exec(question.slice(end))?.[0] ?? "";
      const from = before.length - (relation[2]?.length ?? 0);
      const reference: Reference = {
        iso,
        terms: termsOf(`${relation[2] ?? ""} ${tail}`),
        span: [from, end + tail.length],
      };
      const word = relation[1]?.toLowerCase() ?? "";
      if (word === "before" || word === "prior to" || word === "until") frame.before = reference;
      else frame.after = reference;
    } else if (WITHIN.test(before)) {
      frame.within = iso;
    }
  }
  return frame;
}

/** `question` without the references its frame names: what the question asks about. */
export function withoutReferences(question: string, frame: TimeFrame): string {
  const spans = [frame.after?.span, frame.before?.span]
    .filter((span): span is [number, number] => span !== undefined)
    .sort((a, b) => b[0] - a[0]);
  let text = question;
  for (const [from, to] of spans) text = `${text.slice(0, from)} ${text.slice(to)}`;
  return text;
}

/** Whether the frame says anything. */
export function hasFrame(frame: TimeFrame): boolean {
  return frame.within !== undefined || frame.after !== undefined || frame.before !== undefined;
}

/**
 * Whether an answer dated `date`, from a sentence with `terms`, fits `frame`. A sentence dated in
 * the reference period that names the reference's event is that event, not an answer about it.
 */
export function fitsFrame(frame: TimeFrame, date: AnswerDate, terms: ReadonlySet<string>): boolean {
  const iso = date.iso;
  if (frame.within && !(iso.startsWith(frame.within) || frame.within.startsWith(iso))) return false;
  const isReference = (ref: Reference) =>
    ref.terms.length > 0 && ref.terms.filter((t) => terms.has(t)).length * 2 >= ref.terms.length;
  if (frame.after) {
    const ref = frame.after;
    if (iso.startsWith(ref.iso) || ref.iso.startsWith(iso)) {
      if (isReference(ref) || iso.length <= ref.iso.length) return false;
    } else if (iso < ref.iso) return false;
  }
  if (frame.before) {
    const ref = frame.before;
    if (iso.startsWith(ref.iso) || ref.iso.startsWith(iso)) {
      if (isReference(ref) || iso.length <= ref.iso.length) return false;
    } else if (iso > ref.iso) return false;
  }
  return true;
}
