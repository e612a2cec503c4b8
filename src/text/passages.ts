/**
 * Splits loaded documents into paragraphs and sentences with stable ids and human locations,
 * analyses each sentence once, and records the dates it states.
 */

import type { CorpusDocument } from "../corpus/document.js";
import { type DateMention, extractDates } from "../dates/extract.js";
import type { AnswerDate } from "../model.js";
import type { Analyzer } from "../search/analyzer.js";
import { type SentenceSpan, splitSentences } from "./sentences.js";
import { storedReadings } from "./stored-readings.js";

/** One sentence of the corpus: the unit that is indexed, ranked and quoted. */
export interface Sentence {
  /** `<document id>#<paragraph>.<sentence>`, 1-based: stable while the text is unchanged. */
  id: string;
  /** Position in {@link Passages.sentences}. */
  ordinal: number;
  paragraph: Paragraph;
  /** 0-based position in its paragraph. */
  index: number;
  text: string;
  /** Analysed terms in order, and the word position of each (for proximity). */
  terms: string[];
  positions: number[];
  termSet: Set<string>;
  /**
   * Terms of what a reader has in mind reading this sentence: its paragraph and heading, the
   * sentences just before and after it (news paragraphs are often one sentence long), and the
   * source's title, publisher and author ("according to the BBC").
   */
  contextSet: ContextTerms;
  /** Dates the sentence states, in text order. */
  dates: DateMention[];
  /**
   * Terms the sentence uses only as intended, expected or agreed ("an agreement on setting up a
   * line", "would be opened"), never as done: it does not say that event happened.
   */
  hypothetical: ReadonlySet<string>;
}

/** A paragraph: its document, its number (`¶n`), the heading above it, its sentences. */
export interface Paragraph {
  doc: CorpusDocument;
  /** Terms naming the document's publisher and author (shared by its paragraphs). */
  publishers: Set<string>;
  number: number;
  heading: string | null;
  text: string;
  sentences: Sentence[];
  /** Terms of every sentence and of the heading: the context a sentence is read in. */
  termSet: Set<string>;
}

/** Every paragraph and sentence of a corpus, in document order. */
export interface Passages {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Per document, in order: its citation and headings analysed (kept by snapshots). */
  documents: DocumentAnalysis[];
}

/**
 * What analysing a document's citation and headings yields. Kept by snapshots with the
 * sentences' analysis, so a start from one runs no analysis at all before the question.
 */
export interface DocumentAnalysis {
  /** Terms of the publisher and author ({@link publisherTerms}), each once. */
  publishers: string[];
  /** Terms of the citation read as text ({@link sourceTerms}). */
  source: string[];
  /** Terms of each heading, in order. */
  headings: string[][];
  /**
   * Where each paragraph's sentences stand, paragraph by paragraph: the start and end of each
   * sentence in turn (`[start, end, start, end, …]`), so a start from a snapshot splits no
   * paragraph (the splitter's expressions compile anew in every process). Absent in snapshots
   * that predate it; the paragraphs are then split.
   */
  sentences?: number[][] | undefined;
}

/** What analysing one sentence yields: the costly part of building passages, kept by snapshots. */
export interface SentenceAnalysis {
  terms: string[];
  positions: number[];
  dates: DateMention[];
  /** See {@link Sentence.hypothetical}; usually empty (an array when analysed or read back). */
  hypothetical: Iterable<string>;
}

/**
 * Builds passages from documents (in the order given). `cached`, from a snapshot of the same
 * corpus and code, gives each sentence's analysis by ordinal instead of recomputing it, and
 * `cachedDocuments` each document's citation and headings.
 */
export function buildPassages(
  documents: CorpusDocument[],
  analyzer: Analyzer,
  cached?: SentenceAnalysis[],
  cachedDocuments?: DocumentAnalysis[],
): Passages {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const analysedDocuments: DocumentAnalysis[] = [];
  for (const [d, doc] of documents.entries()) {
    const first = sentences.length;
    const known = cachedDocuments?.[d];
    const publishers = known ? new Set(known.publishers) : publisherTerms(doc, analyzer);
    const headings: string[][] = [];
    const spansOfParagraphs: number[][] = [];
    let heading: string | null = null;
    // Analysed once per heading, not once per paragraph under it.
    let headingTerms: string[] = [];
    let previous: AnswerDate | null = null;
    let lastStated: AnswerDate | null = null;
    for (const block of doc.blocks) {
      if (block.kind === "heading") {
        heading = block.text;
        headingTerms = known?.headings[headings.length] ?? analyzer.terms(heading);
        headings.push(headingTerms);
        continue;
      }
      const paragraph: Paragraph = {
        doc,
        publishers,
        number: block.number,
        heading,
        text: block.text,
        sentences: [],
        termSet: new Set(headingTerms),
      };
      // The last date this paragraph stated: what a year-less date in it belongs to.
      let inParagraph: AnswerDate | null = null;
      const spans = spansOf(block.text, known?.sentences?.[spansOfParagraphs.length]);
      spansOfParagraphs.push(spans.flatMap((span) => [span.start, span.end]));
      for (const span of spans) {
        const analysed: SentenceAnalysis =
          cached?.[sentences.length] ??
          analyse(analyzer, span.text, doc.referenceDate, previous, inParagraph, lastStated);
        const dates = analysed.dates;
        const stated = dates.filter((d) => d.basis === "stated");
        const last = stated[stated.length - 1];
        if (last) {
          previous = last.date;
          lastStated = last.date;
          inParagraph = last.date;
        }
        // "On 4 April … three days later. The same day, …": the narrative's last date, computed
        // or stated, is what the next relative date counts from ("ago" counts from the article).
        const told = dates.filter((d) => d.basis === "stated" || !/\bago\b/i.test(d.text));
        const lastTold = told[told.length - 1];
        if (lastTold) previous = lastTold.date;
        const sentence: Sentence = {
          id: `${doc.meta.id}#${block.number}.${paragraph.sentences.length + 1}`,
          ordinal: sentences.length,
          paragraph,
          index: paragraph.sentences.length,
          text: span.text,
          terms: analysed.terms,
          positions: analysed.positions,
          termSet: new Set(analysed.terms),
          contextSet: EMPTY_CONTEXT,
          dates,
          hypothetical: hypotheticalSet(analysed.hypothetical),
        };
        for (const term of sentence.termSet) paragraph.termSet.add(term);
        paragraph.sentences.push(sentence);
        sentences.push(sentence);
      }
      paragraphs.push(paragraph);
    }
    const source = known?.source ?? sourceTerms(doc, analyzer);
    addContext(sentences.slice(first), source);
    analysedDocuments.push({
      publishers: [...publishers],
      source,
      headings,
      sentences: spansOfParagraphs,
    });
  }
  return { paragraphs, sentences, documents: analysedDocuments };
}

/**
 * The sentences of `paragraph`: where `stored` (from a snapshot of the same text) says they stand,
 * else split anew.
 */
function spansOf(paragraph: string, stored: number[] | undefined): SentenceSpan[] {
  if (!stored) return splitSentences(paragraph);
  const spans: SentenceSpan[] = [];
  for (let i = 0; i + 1 < stored.length; i += 2) {
    const start = stored[i] ?? 0;
    const end = stored[i + 1] ?? 0;
    spans.push({ text: paragraph.slice(start, end), start, end });
  }
  return spans;
}

// A sentence that starts by pointing back ("These differences…", "This first call…", "It was set
// up in 1971") is read with the sentence before it, when that sentence is in the same paragraph.
// "Teng said, these are all technical barriers" points back too, after its attribution.
const ANAPHOR =
  /^["“]?(?:[\p{L}’'-]+\s+){0,2}[\p{L}’'-]+,\s+(?:these|this|those|such)\b|^["“]?(This|These|That|Those|It|They|He|She|Such|Therefore|However|But|Nevertheless|The two)\b/u;

/** "It was widely believed that …", "It is clear that …": an "it" that points to nothing. */
const EXPLETIVE =
  /^["“]?It\s+(?:is|was|seems|seemed|appears|appeared|has been|had been)\b[^,.;:]{0,60}?\b(?:that|to)\b/u;

/**
 * The sentence `sentence` points back to ("The hotline connects … . It was set up in 1971"): the
 * one before it in its paragraph, when it starts with a pronoun or a linking word; else undefined.
 */
export function antecedentOf(sentence: Sentence): Sentence | undefined {
  // Read once per sentence: every question's ranking and composing asks it of its candidates.
  let antecedent = antecedents.get(sentence);
  if (antecedent === undefined) {
    // A corpus started from a snapshot has it stored: the expressions never run.
    const stored = storedReadings(sentence);
    const back = stored ? stored.pointsBack.has(sentence.id) : pointsBack(sentence);
    antecedent = (back && sentence.paragraph.sentences[sentence.index - 1]) || null;
    antecedents.set(sentence, antecedent);
  }
  return antecedent ?? undefined;
}

/**
 * Whether `sentence` starts by pointing back to the sentence before it in its paragraph
 * ({@link antecedentOf}); false for a paragraph's first sentence.
 */
export function pointsBack(sentence: Sentence): boolean {
  return sentence.index > 0 && ANAPHOR.test(sentence.text) && !EXPLETIVE.test(sentence.text);
}

const antecedents = new WeakMap<Sentence, Sentence | null>();

/** The citation read as text: "article … title … publisher … author …" (so "who wrote it" matches). */
function sourceTerms(doc: CorpusDocument, analyzer: Analyzer): string[] {
  const m = doc.meta;
  const fields = [`article title ${m.title}`, `publisher ${m.publisher}`];
  if (m.author) fields.push(`author ${m.author}`);
  if (m.original)
    fields.push(`original article ${m.original.title}`, `publisher ${m.original.publisher}`);
  return analyzer.terms(fields.join(" . "));
}

/** Terms that name who published or wrote a document ("according to the BBC"). */
export function publisherTerms(doc: CorpusDocument, analyzer: Analyzer): Set<string> {
  const m = doc.meta;
  return new Set(
    analyzer.terms([m.publisher, m.author ?? "", m.original?.publisher ?? ""].join(" . ")),
  );
}

/**
 * The terms around a sentence, read through to the sets they come from instead of copied into
 * one set per sentence (copies cost about 140 MB at 100,000 passages).
 */
export class ContextTerms implements Iterable<string> {
  constructor(private readonly parts: readonly ReadonlySet<string>[]) {}

  /** Whether any part has `term`. */
  has(term: string): boolean {
    // Indexed, not for-of: this runs for every question term of every candidate sentence.
    const { parts } = this;
    for (let i = 0; i < parts.length; i++)
      if ((parts[i] as ReadonlySet<string>).has(term)) return true;
    return false;
  }

  /** At least the number of distinct terms (parts may share terms): for sizing arrays. */
  get sizeBound(): number {
    return this.parts.reduce((n, part) => n + part.size, 0);
  }

  /** Each distinct term once. */
  *[Symbol.iterator](): Iterator<string> {
    const seen = new Set<string>();
    for (const part of this.parts) {
      for (const term of part) {
        if (seen.has(term)) continue;
        seen.add(term);
        yield term;
      }
    }
  }
}

const EMPTY_CONTEXT = new ContextTerms([]);
const NONE_HYPOTHETICAL: ReadonlySet<string> = new Set();

/** One shared empty set for the many sentences that say nothing as intended. */
function hypotheticalSet(terms: Iterable<string>): ReadonlySet<string> {
  const set = new Set(terms);
  return set.size > 0 ? set : NONE_HYPOTHETICAL;
}

function addContext(docSentences: Sentence[], source: string[]): void {
  const sourceSet = new Set(source);
  docSentences.forEach((sentence, i) => {
    const parts: ReadonlySet<string>[] = [sentence.paragraph.termSet, sourceSet];
    for (const neighbour of [docSentences[i - 1], docSentences[i + 1]]) {
      // Neighbours across a subheading belong to another topic; those in the paragraph are in it.
      if (
        neighbour &&
        neighbour.paragraph !== sentence.paragraph &&
        neighbour.paragraph.heading === sentence.paragraph.heading
      ) {
        parts.push(neighbour.termSet);
      }
    }
    sentence.contextSet = new ContextTerms(parts);
  });
}

function analyse(
  analyzer: Analyzer,
  text: string,
  reference: string,
  previous: AnswerDate | null,
  inParagraph: AnswerDate | null,
  lastStated: AnswerDate | null,
): SentenceAnalysis {
  const tokens = analyzer.tokens(text);
  const done = new Set(tokens.filter((t) => !t.hypothetical).map((t) => t.term));
  return {
    terms: tokens.map((t) => t.term),
    positions: tokens.map((t) => t.position),
    dates: extractDates(text, reference, previous, inParagraph, lastStated),
    hypothetical: [...new Set(tokens.filter((t) => !done.has(t.term)).map((t) => t.term))],
  };
}
