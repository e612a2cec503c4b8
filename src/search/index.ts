/**
 * The MiniSearch index over sentences. Each sentence is a document with two fields: its own
 * terms, and its context (see `Sentence.contextSet`), so a question that names the topic of a
 * paragraph or the source still finds the sentence that answers it.
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import type { Passages, Sentence } from "../text/passages.js";

/** Boosts: a term in the sentence itself counts three times one in its surroundings. */
const FIELD_BOOST = { text: 1, context: 0.35 };

interface IndexedDoc {
  id: number;
  text: string;
  context: string;
}

/** Document frequencies over sentences, for IDF weights. */
export interface TermStats {
  df: Map<string, number>;
  count: number;
  maxIdf: number;
  idf(term: string): number;
}

/** A candidate sentence and its MiniSearch score. */
export interface Hit {
  sentence: Sentence;
  score: number;
}

/** Options MiniSearch needs both to build and to load an index snapshot. */
export const MINISEARCH_OPTIONS = {
  fields: ["text", "context"],
  idField: "id",
  // Terms are analysed once per sentence before indexing; MiniSearch only splits them.
  tokenize: (text: string) => text.split(" "),
  processTerm: (term: string) => (term === "" ? null : term),
  searchOptions: { boost: FIELD_BOOST, combineWith: "OR" as const },
};

/** Builds the MiniSearch index over `passages.sentences`. */
export function buildIndex(passages: Passages): MiniSearch<IndexedDoc> {
  const index = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  index.addAll(passages.sentences.map(toIndexedDoc));
  return index;
}

/** Loads an index saved with `toJSON()` (a snapshot). Throws for another MiniSearch format version. */
export function loadIndex(json: AsPlainObject): MiniSearch<IndexedDoc> {
  return MiniSearch.loadJS<IndexedDoc>(json, MINISEARCH_OPTIONS);
}

/** The indexed form of a sentence (exported for snapshots and the benchmark's baseline). */
export function toIndexedDoc(sentence: Sentence): IndexedDoc {
  const context = [...sentence.contextSet].filter((t) => !sentence.termSet.has(t));
  return { id: sentence.ordinal, text: sentence.terms.join(" "), context: context.join(" ") };
}

/** Counts, for every term, how many sentences contain it. */
export function termStats(passages: Passages): TermStats {
  const df = new Map<string, number>();
  for (const sentence of passages.sentences) {
    for (const term of sentence.termSet) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const count = Math.max(1, passages.sentences.length);
  const idf = (term: string) => Math.log(1 + count / (df.get(term) ?? 0.5));
  return { df, count, maxIdf: Math.log(1 + count / 0.5), idf };
}

/**
 * Searches for `terms` (already analysed), each with a weight; returns up to `limit` hits,
 * best first. Terms are OR-ed: the reranker decides what matters.
 */
export function searchIndex(
  index: MiniSearch<IndexedDoc>,
  sentences: Sentence[],
  terms: { term: string; weight: number }[],
  limit: number,
): Hit[] {
  if (terms.length === 0) return [];
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  const results = index.search(terms.map((t) => t.term).join(" "), {
    boostTerm: (term) => weights.get(term) ?? 1,
  });
  const hits: Hit[] = [];
  for (const result of results.slice(0, limit)) {
    const sentence = sentences[result.id as number];
    if (sentence) hits.push({ sentence, score: result.score });
  }
  return hits;
}
