/**
 * The answer told right after the sentence that matches the question's words. News sets the
 * scene first ("On 7 February 2018, fighters attacked a position near Deir ez-Zor.") and tells
 * what the question asks in the next sentence or paragraph ("Officers said they called the
 * Russians on the line during the assault."): the sentence that says what the best match leaves
 * unsaid answers with it, or instead of it.
 */
import type { Sentence } from "../text/passages.js";
import { type Query, type QueryTerm, saysTerm } from "./query.js";
import type { Ranked } from "./rank.js";

/** The sentence after another in the corpus (document order), or undefined at the end. */
export type NextSentence = (sentence: Sentence) => Sentence | undefined;

/** How many sentences after a matching one are read for what it leaves unsaid. */
const SEQUEL_SPAN = 3;

/**
 * Up to `span` (default {@link SEQUEL_SPAN}) sentences after `sentence`, in order: the rest of
 * its paragraph, then the next paragraph of its document under the same heading; never past a
 * second paragraph break, a new heading or the document's end.
 */
export function sentencesAfter(
  sentence: Sentence,
  next: NextSentence,
  span: number = SEQUEL_SPAN,
): Sentence[] {
  const after: Sentence[] = [];
  let breaks = 0;
  for (let s = next(sentence); s && after.length < span; s = next(s)) {
    const previous = after[after.length - 1] ?? sentence;
    if (s.paragraph.doc !== sentence.paragraph.doc) break;
    if (s.paragraph !== previous.paragraph) {
      breaks += 1;
      if (breaks > 1 || s.paragraph.heading !== sentence.paragraph.heading) break;
    }
    after.push(s);
  }
  return after;
}

/** The question's typed terms (not implied by its form) that `sentence` does not say. */
export function unsaidTerms(query: Query, sentence: Sentence): QueryTerm[] {
  return query.terms.filter((t) => !t.implied && !saysTerm(t, sentence.termSet));
}

/** Whether `terms` (a text's analysed terms) say one of `wanted`. */
function saysAny(terms: string[], wanted: QueryTerm[]): boolean {
  const set = new Set(terms);
  return wanted.some((t) => saysTerm(t, set));
}

/**
 * The next sentence of `lead`'s paragraph when it says one of the question's terms that `lead`
 * leaves unsaid: "who mediated the ceasefire on 16 november 2021" matches "On 16 November 2021,
 * the heaviest clashes broke out" best, and "That evening … a ceasefire had been agreed with
 * Russian mediation" tells who. Undefined when `lead` says every term, or the next sentence none
 * of those it lacks.
 */
export function completingNext(
  lead: Sentence,
  query: Query,
  next: NextSentence,
): Sentence | undefined {
  const unsaid = unsaidTerms(query, lead);
  if (unsaid.length === 0) return undefined;
  const following = next(lead);
  if (!following || following.paragraph !== lead.paragraph) return undefined;
  return saysAny(following.terms, unsaid) ? following : undefined;
}

/** Which clause of a sentence a word stands in: the span between two breaks around `at`. */
export type ClauseOf = (text: string, at: number) => [number, number];

/** What {@link settlingSequel} reads a sentence and its surroundings with. */
export interface SequelReading {
  termsOf: (text: string) => string[];
  next: NextSentence;
  /** Words saying whether something is so ("no", "not", "never", "still"). */
  polarity: RegExp;
  clauseOf: ClauseOf;
  /** Whether a sentence names a side neither the question nor its source is about. */
  aboutAnother: (sentence: Sentence) => boolean;
  namesPlace: (term: QueryTerm) => boolean;
  /** Ranked sentences besides `top` whose followers are read too, best first (default none). */
  ranked?: Ranked[];
  /** Least share of `top`'s score for a ranked sentence whose followers are read (default 1). */
  share?: number;
}

/**
 * The sentence that settles a yes/no question that the best match (`top`) only sets the scene
 * for: of the few sentences after it ({@link sentencesAfter}), the first that says whether it is
 * so (a `polarity` word) in a clause (`clauseOf`) that says a question term `top` leaves unsaid
 * other than a place's name (`namesPlace`: "On the American side, the line still works" says
 * nothing of whether the US-Russia line uses email), and names no side the question and its
 * source are not about (`aboutAnother`). "is there still a direct line between mitsotakis and
 * erdogan", best matched by the two leaders' declaration, is settled a paragraph later by "A
 * direct line between the two leaders … has not been revived". A negation of something else
 * ("but no date has been set for the talks"), or of what another country did ("China has never
 * signed an incidents at sea agreement"), settles nothing. When nothing after `top` does, the
 * sentences after a ranked one (within `share` of `top`) that says some of those terms are read
 * for one settling those: "have jaishankar and wang yi actually used their hotline", best matched
 * by the two ministers' meeting, is settled by "No call on the ministers' hotline has been
 * reported", a paragraph after the sentence telling of the hotline's agreement. Undefined when
 * none does, or `top` says every term.
 */
export function settlingSequel(
  top: Ranked,
  query: Query,
  reading: SequelReading,
): Ranked | undefined {
  const unsaid = unsaidTerms(query, top.sentence).filter((t) => !reading.namesPlace(t));
  if (unsaid.length === 0) return undefined;
  const after = (r: Ranked, terms: QueryTerm[]): Ranked | undefined => {
    const sentence = sentencesAfter(r.sentence, reading.next).find((s) =>
      settlesWith(s, terms, reading),
    );
    return sentence ? { ...r, sentence, coverage: 0 } : undefined;
  };
  const settled = after(top, unsaid);
  if (settled) return settled;
  for (const r of reading.ranked ?? []) {
    if (r === top || r.score < (reading.share ?? 1) * top.score) continue;
    const anchored = unsaid.filter((t) => saysTerm(t, r.sentence.termSet));
    const found = anchored.length > 0 ? after(r, anchored) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether `sentence` says whether something is so of one of `terms`: a polarity word in a
 * clause that says one of them, and no side the question and source are not about.
 */
function settlesWith(sentence: Sentence, terms: QueryTerm[], reading: SequelReading): boolean {
  if (reading.aboutAnother(sentence)) return false;
  return [...sentence.text.matchAll(new RegExp(reading.polarity.source, "giu"))].some((m) => {
    const [start, end] = reading.clauseOf(sentence.text, m.index);
    return saysAny(reading.termsOf(sentence.text.slice(start, end)), terms);
  });
}
