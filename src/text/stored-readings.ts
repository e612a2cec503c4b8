/**
 * Readings of corpus sentences that depend on the corpus alone (whether a sentence says something
 * has not happened, what it names as told before, whether it points back to the sentence before
 * it), kept in the start-up snapshot. Each is one or two case-insensitive Unicode expressions
 * whose first run builds their character tables anew in every process: a command that starts from
 * a snapshot looks the results up here instead of running them.
 *
 * The store holds results only; the modules that compute each reading consult it
 * ({@link storedReadings}) and compute when a sentence's corpus was not primed.
 */

import type { CorpusDocument } from "../corpus/document.js";

/**
 * What the store needs of a sentence (a `Sentence` of `passages.ts`, which reads the store for
 * {@link PrimedReadings.pointsBack}: named by shape, so neither module imports the other's types).
 */
export interface SentenceOf {
  id: string;
  paragraph: { doc: CorpusDocument };
}

/**
 * What a snapshot keeps: for each reading, only the sentences (by ordinal) whose reading is not
 * the default, since most sentences say nothing of the kind.
 */
export interface StoredReadings {
  /** Ordinal and character offset of each sentence that says something has not happened (else -1). */
  notHappened: [number, number][];
  /** Ordinal and stems of each sentence that names words as told before (else none). */
  toldBefore: [number, string[]][];
  /** Ordinals of the sentences that point back to the sentence before them (else none). */
  pointsBack: number[];
}

/** The readings of one primed corpus, by sentence id (stable for the same document text). */
export interface PrimedReadings {
  notHappened: ReadonlyMap<string, number>;
  toldBefore: ReadonlyMap<string, readonly string[]>;
  pointsBack: ReadonlySet<string>;
}

// Keyed by document (one entry per document, not per sentence): a primed document's sentences
// are read here, any other's computed.
const byDocument = new WeakMap<CorpusDocument, PrimedReadings>();

/**
 * Makes `stored` (read from a snapshot of this corpus) the readings of `sentences` (every sentence
 * of the corpus, in order). Throws when an ordinal is not a sentence of it, so a snapshot that
 * does not fit is rejected and rebuilt.
 */
export function primeReadings(sentences: readonly SentenceOf[], stored: StoredReadings): void {
  const idOf = (ordinal: number): string => {
    const sentence = sentences[ordinal];
    if (!sentence) throw new Error(`hotline: snapshot reads sentence ${ordinal}, not in corpus`);
    return sentence.id;
  };
  const primed: PrimedReadings = {
    notHappened: new Map(stored.notHappened.map(([ordinal, at]) => [idOf(ordinal), at])),
    toldBefore: new Map(stored.toldBefore.map(([ordinal, stems]) => [idOf(ordinal), stems])),
    pointsBack: new Set(stored.pointsBack.map(idOf)),
  };
  let last: CorpusDocument | undefined;
  for (const { paragraph } of sentences) {
    if (paragraph.doc === last) continue;
    last = paragraph.doc;
    byDocument.set(last, primed);
  }
}

/** The stored readings of `sentence`'s corpus, or undefined when it was not primed. */
export function storedReadings(sentence: SentenceOf): PrimedReadings | undefined {
  return byDocument.get(sentence.paragraph.doc);
}
