/**
 * The sentence index. Each sentence is a document with two fields: its own terms, and its
 * context (see `Sentence.contextSet`), so a question that names the topic of a paragraph or the
 * source still finds the sentence that answers it.
 *
 * MiniSearch defines the index and its BM25+ scoring: {@link buildIndex} and
 * {@link searchIndex} are the reference. Answers use {@link Postings}, which scores exactly as
 * MiniSearch does (parity-tested) over flat arrays, because at 100,000 passages MiniSearch's
 * `search()` took 0.3 to 3 s a question building a result object for every matching sentence.
 */
import MiniSearch from "minisearch";
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

/** The MiniSearch options of the reference index. */
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

/** MiniSearch's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * The retrieval index used when answering: for each field, each term's sentences and term
 * frequencies in flat arrays. It scores exactly as MiniSearch's `search()` does with
 * {@link MINISEARCH_OPTIONS} (BM25+ with k 1.2, b 0.7, d 0.5; field boosts; the term boost;
 * the sum multiplied by the number of query terms matched; ties in first-seen order), but
 * about a hundred times faster on terms found in many sentences, because it accumulates into
 * typed arrays and keeps only the top `limit` instead of building and sorting a result object
 * for every matching sentence (profiled: at 100,000 passages MiniSearch spent 0.3 to 1 s per
 * question on common terms).
 */
export class Postings {
  private readonly fields: {
    boost: number;
    terms: Map<string, { docs: Int32Array; tfs: Int32Array }>;
    /** Per sentence, BM25's length normalisation `k(1 - b + b·length/average)`, computed once. */
    norms: Float64Array;
  }[];
  private readonly count: number;
  private readonly score: Float64Array;
  private readonly termScore: Float64Array;
  private readonly stamp: Int32Array;
  private readonly seen: Int32Array;
  private readonly quality: Int32Array;
  private readonly touched: Int32Array;
  private generation = 0;
  private termGeneration = 0;

  constructor(passages: Passages) {
    const sentences = passages.sentences;
    this.count = sentences.length;
    const { k, b } = BM25;
    // The fields of `toIndexedDoc`, read from the analysed sentence without joining and
    // re-splitting strings: the text's terms (with repeats) and the context terms not in the text.
    const fieldTerms: ((s: Sentence) => Iterable<string>)[] = [
      (s) => s.termSet,
      (s) => s.contextSet,
    ];
    const fieldSize = [(s: Sentence) => s.termSet.size, (s: Sentence) => s.contextSet.sizeBound];
    this.fields = (["text", "context"] as const).map((field, f) => {
      // Two passes: count each term's sentences, then fill exactly sized typed arrays.
      const ids = new Map<string, number>();
      const df: number[] = [];
      // Sized once (an upper bound: a sentence's set size, plus an end marker), so there is no
      // growing and copying of arrays with millions of entries.
      let bound = sentences.length;
      for (const sentence of sentences) bound += fieldSize[f]?.(sentence) ?? 0;
      const flatTerms = new Int32Array(bound);
      const flatTfs = new Int32Array(bound);
      let used = 0;
      const lengths = new Int32Array(sentences.length);
      let average = 0;
      sentences.forEach((sentence, i) => {
        let distinct = 0;
        for (const term of fieldTerms[f]?.(sentence) ?? []) {
          if (field === "context" && sentence.termSet.has(term)) continue;
          let id = ids.get(term);
          if (id === undefined) {
            id = df.length;
            ids.set(term, id);
            df.push(0);
          }
          df[id] = (df[id] ?? 0) + 1;
          let tf = 1;
          if (field === "text") {
            tf = 0;
            for (const t of sentence.terms) if (t === term) tf++;
          }
          flatTerms[used] = id;
          flatTfs[used++] = tf;
          distinct++;
        }
        flatTerms[used++] = -1;
        // As MiniSearch: the length is the number of distinct tokens; an empty field has one ("").
        lengths[i] = Math.max(1, distinct);
        average = (average * i + (lengths[i] ?? 0)) / (i + 1);
      });
      const docs = df.map((n) => new Int32Array(n));
      const tfs = df.map((n) => new Int32Array(n));
      const fill = new Int32Array(df.length);
      let doc = 0;
      for (let j = 0; j < used; j++) {
        const id = flatTerms[j] ?? -1;
        if (id === -1) {
          doc++;
          continue;
        }
        const at = fill[id] ?? 0;
        fill[id] = at + 1;
        (docs[id] as Int32Array)[at] = doc;
        (tfs[id] as Int32Array)[at] = flatTfs[j] ?? 0;
      }
      const terms = new Map<string, { docs: Int32Array; tfs: Int32Array }>();
      for (const [term, id] of ids) {
        terms.set(term, { docs: docs[id] as Int32Array, tfs: tfs[id] as Int32Array });
      }
      // Same expression, same order as MiniSearch, so scores are equal to the last bit.
      const norms = Float64Array.from(lengths, (length) => k * (1 - b + (b * length) / average));
      return { boost: FIELD_BOOST[field], terms, norms };
    });
    this.score = new Float64Array(this.count);
    this.termScore = new Float64Array(this.count);
    this.stamp = new Int32Array(this.count).fill(-1);
    this.touched = new Int32Array(this.count);
    this.seen = new Int32Array(this.count).fill(-1);
    this.quality = new Int32Array(this.count);
  }

  /** Like {@link searchIndex}: up to `limit` hits for weighted, analysed terms, best first. */
  search(sentences: Sentence[], terms: { term: string; weight: number }[], limit: number): Hit[] {
    if (terms.length === 0 || this.count === 0) return [];
    const weights = new Map(terms.map((t) => [t.term, t.weight]));
    const { k, d } = BM25;
    const query = this.generation++;
    const order: number[] = [];
    const distinct = new Set<string>();
    // Locals, not fields: this loop runs once per posting of every query term.
    const { score: total, termScore, stamp, seen, quality, touched } = this;
    const k1 = k + 1;
    for (const { term } of terms) {
      const firstUse = !distinct.has(term);
      distinct.add(term);
      const boost = weights.get(term) ?? 1;
      let touchedCount = 0;
      const termStamp = this.termGeneration++;
      for (const field of this.fields) {
        const list = field.terms.get(term);
        if (!list) continue;
        const { docs, tfs } = list;
        const norms = field.norms;
        const matching = docs.length;
        const idf = Math.log(1 + (this.count - matching + 0.5) / (matching + 0.5));
        const weight = 1 * boost * field.boost * 1;
        for (let j = 0; j < matching; j++) {
          const doc = docs[j] as number;
          const tf = tfs[j] as number;
          const raw = idf * (d + (tf * k1) / (tf + (norms[doc] as number)));
          if (stamp[doc] === termStamp) termScore[doc] = (termScore[doc] as number) + weight * raw;
          else {
            stamp[doc] = termStamp;
            termScore[doc] = weight * raw;
            touched[touchedCount++] = doc;
          }
        }
      }
      for (let j = 0; j < touchedCount; j++) {
        const doc = touched[j] as number;
        if (seen[doc] !== query) {
          seen[doc] = query;
          total[doc] = termScore[doc] as number;
          quality[doc] = 0;
          order.push(doc);
        } else total[doc] = (total[doc] as number) + (termScore[doc] as number);
        if (firstUse) quality[doc] = (quality[doc] as number) + 1;
      }
    }
    // Top `limit` by score, ties in first-seen order (as MiniSearch's stable sort leaves them).
    const top: { doc: number; score: number; rank: number }[] = [];
    order.forEach((doc, rank) => {
      const score = (total[doc] as number) * ((quality[doc] as number) || 1);
      if (top.length === limit && !(score > (top[top.length - 1]?.score ?? 0))) return;
      let at = top.length;
      while (at > 0 && (top[at - 1]?.score ?? 0) < score) at--;
      top.splice(at, 0, { doc, score, rank });
      if (top.length > limit) top.pop();
    });
    const hits: Hit[] = [];
    for (const { doc, score } of top) {
      const sentence = sentences[doc];
      if (sentence) hits.push({ sentence, score });
    }
    return hits;
  }
}
