/**
 * The retrieval index, in two stages. MiniSearch indexes each document of the corpus (its
 * sentences' analysed terms, and its title, publisher, author and headings) and finds the
 * documents that best match a question by BM25+; every sentence of those documents is then
 * scored for the question by the same BM25+ formula over sentences, and the reranker
 * (`answer/rank.ts`) reads them all. Documents, not sentences, are MiniSearch's unit
 * because its `search()` builds a result for every unit that matches any term: at 100,000
 * passages that is tens of thousands of sentences for a common word (0.2 to 1 s a question),
 * against about a thousand documents (a few milliseconds). See docs/performance.md.
 *
 * Misspelled words are looked up with MiniSearch's own fuzzy matching over the corpus vocabulary
 * (its radix tree, `SearchableMap.fuzzyGet`).
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { CorpusDocument } from "../corpus/document.js";
import type { Passages, Sentence } from "../text/passages.js";

/** A term in the document's own sentences counts about three times one in its title or headings. */
const FIELD_BOOST = { text: 1, about: 0.35 };

/**
 * Above this many documents, a question term found in more than {@link COMMON_SHARE} of them is
 * left out of the document search: its BM25 weight is near zero there, and scoring its postings
 * is most of the search's cost. The reranker still reads it in every sentence.
 */
const COMMON_SHARE = 0.5;

/** What MiniSearch stores for one document. */
interface IndexedDocument {
  id: number;
  /** The terms of every sentence, in order, space-separated (already analysed). */
  text: string;
  /** Title, publisher, author and headings, analysed. */
  about: string;
}

/** The MiniSearch options: terms are analysed before indexing, so MiniSearch only splits them. */
export const MINISEARCH_OPTIONS = {
  fields: ["text", "about"],
  idField: "id",
  tokenize: (text: string) => text.split(" "),
  processTerm: (term: string) => (term === "" ? null : term),
  searchOptions: { boost: FIELD_BOOST, combineWith: "OR" as const },
};

/** A question term for {@link SentenceIndex.search}, with its weight (MiniSearch's `boostTerm`). */
export interface IndexTerm {
  term: string;
  weight: number;
}

/**
 * A candidate sentence with its stage-two score: BM25+ of the sentence's own terms for the
 * question (sentence frequencies over the whole corpus), times the number of question terms it
 * has, as MiniSearch scores an OR query.
 */
export interface Hit {
  sentence: Sentence;
  score: number;
}

/** What a question term found only around a sentence counts, against one in it. */
const CONTEXT_BOOST = FIELD_BOOST.about;

/** BM25+ parameters: MiniSearch's defaults, so both stages weigh terms alike. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Document frequencies over sentences, for the question reader's IDF weights. */
export interface TermStats {
  df: Map<string, number>;
  count: number;
  maxIdf: number;
  idf(term: string): number;
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

/** The MiniSearch index of a corpus and the sentences of each indexed document. */
export class SentenceIndex {
  private readonly documentSentences: Sentence[][];
  /** Mean number of distinct terms in a sentence, for BM25's length normalisation. */
  private readonly averageLength: number;
  private readonly documentFrequency = new Map<string, number>();
  private readonly vocabulary: SearchableMap<true>;

  /**
   * Indexes `passages` by document; `saved` (from {@link SentenceIndex.toJSON}, kept in the
   * start-up snapshot) is loaded instead of indexing again. Throws when `saved` does not fit.
   */
  constructor(
    passages: Passages,
    private readonly stats: TermStats,
    saved?: AsPlainObject | BuiltIndex,
  ) {
    let lengths = 0;
    for (const sentence of passages.sentences) lengths += Math.max(1, sentence.termSet.size);
    this.averageLength = lengths / Math.max(1, passages.sentences.length);
    this.documentSentences = sentencesByDocument(passages);
    this.vocabulary = new SearchableMap<true>();
    for (const sentences of this.documentSentences) {
      const terms = new Set<string>();
      for (const sentence of sentences) for (const term of sentence.termSet) terms.add(term);
      for (const term of terms) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        this.vocabulary.set(term, true);
      }
    }
    this.index =
      saved instanceof BuiltIndex
        ? saved.index
        : saved
          ? MiniSearch.loadJS<IndexedDocument>(saved, MINISEARCH_OPTIONS)
          : buildMiniSearch(this.documentSentences);
    if (this.index.documentCount !== this.documentSentences.length) {
      throw new Error(
        `search/index: saved index has ${this.index.documentCount} documents, corpus has ${this.documentSentences.length}`,
      );
    }
  }

  private readonly index: MiniSearch<IndexedDocument>;

  /** The index as plain JSON-able data, for the start-up snapshot (MiniSearch's `toJSON`). */
  toJSON(): AsPlainObject {
    return this.index.toJSON();
  }

  /**
   * The sentences of the `documents` best documents for `terms` (OR-ed, each boosted by its
   * weight), documents best first and sentences in text order, each with its document's score
   * relative to the best document's. Empty when no term is in the corpus.
   */
  search(terms: IndexTerm[], documents: number): Hit[] {
    // Each term's IDF once per question, not once per sentence scored.
    const weighted = terms.map(({ term, weight }) => {
      const n = this.stats.df.get(term) ?? 0;
      return { term, weight: weight * Math.log(1 + (this.stats.count - n + 0.5) / (n + 0.5)) };
    });
    const hits: Hit[] = [];
    for (const sentences of this.bestDocuments(terms, documents)) {
      for (const sentence of sentences) {
        hits.push({ sentence, score: this.score(sentence, weighted) });
      }
    }
    return hits;
  }

  /** Stage one: MiniSearch's best `documents` documents for `terms`, best first. */
  private bestDocuments(terms: IndexTerm[], documents: number): Sentence[][] {
    if (terms.length === 0) return [];
    const count = this.documentSentences.length;
    const rare =
      count > documents
        ? terms.filter((t) => (this.documentFrequency.get(t.term) ?? 0) <= count * COMMON_SHARE)
        : terms;
    const asked = rare.length > 0 ? rare : terms;
    const weights = new Map(asked.map((t) => [t.term, t.weight]));
    // MiniSearch's `search(query, { boostTerm })`, read from its index without its per-term
    // option objects and match records (see orSearch below); the query is split as it would split it.
    const results = orSearch(
      this.index as MiniSearch<unknown>,
      asked
        .map((t) => t.term)
        .join(" ")
        .split(" "),
      (term) => weights.get(term) ?? 1,
    );
    return results
      .slice(0, documents)
      .map((result) => this.documentSentences[result.id as number] ?? []);
  }

  /** Stage two: see {@link Hit}. Each term's `weight` already includes its IDF. */
  private score(sentence: Sentence, terms: IndexTerm[]): number {
    const { k, b, d } = BM25;
    const norm = k * (1 - b + (b * Math.max(1, sentence.termSet.size)) / this.averageLength);
    let total = 0;
    let matched = 0;
    for (const { term, weight } of terms) {
      if (sentence.termSet.has(term)) {
        let tf = 0;
        for (const t of sentence.terms) if (t === term) tf++;
        total += weight * (d + (tf * (k + 1)) / (tf + norm));
        matched++;
      } else if (sentence.contextSet.has(term)) {
        // Said around the sentence (its paragraph, neighbours, source): counts, for less.
        total += CONTEXT_BOOST * weight * (d + (k + 1) / (1 + k));
        matched++;
      }
    }
    return total * matched;
  }

  /**
   * Corpus terms within `maxEdits` edits of `term` (a misspelling: "serdukov" → "serdyukov"),
   * closest first, at most `limit`, never `term` itself. Uses MiniSearch's radix-tree fuzzy
   * lookup. Misspellings rarely change the first letter, so candidates must keep it.
   */
  near(term: string, maxEdits: number, limit = 3): string[] {
    if (maxEdits <= 0 || term === "") return [];
    return [...this.vocabulary.fuzzyGet(term, maxEdits)]
      .filter(([word]) => word !== term && word[0] === term[0])
      .sort((a, b) => a[1][1] - b[1][1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([word]) => word);
  }

  /**
   * Corpus terms that start with `prefix` and are longer than it ("submarin", "subject" for
   * "sub"), in code-unit order; none when more than `limit` do, since a prefix that starts many
   * words says nothing of which it stands for. Uses the radix tree's `atPrefix`.
   */
  prefixed(prefix: string, limit = 3): string[] {
    if (prefix === "") return [];
    const found: string[] = [];
    for (const word of this.vocabulary.atPrefix(prefix).keys()) {
      if (word === prefix) continue;
      if (found.length === limit) return [];
      found.push(word);
    }
    return found.sort();
  }
}

/** The sentences of each document, in corpus order: MiniSearch's documents, by position. */
function sentencesByDocument(passages: Passages): Sentence[][] {
  const byDocument = new Map<CorpusDocument, Sentence[]>();
  for (const sentence of passages.sentences) {
    const doc = sentence.paragraph.doc;
    const list = byDocument.get(doc);
    if (list) list.push(sentence);
    else byDocument.set(doc, [sentence]);
  }
  return [...byDocument.values()];
}

/** What MiniSearch indexes for the document at `id`: its sentences' terms and what it is read in. */
function indexedDocument(id: number, sentences: Sentence[]): IndexedDocument {
  const own = new Set<string>();
  for (const sentence of sentences) for (const term of sentence.termSet) own.add(term);
  // What the document is read in but never says itself: its headings and its citation.
  // A paragraph's sentences share one context, so its first sentence's is enough.
  const about = new Set<string>();
  for (const sentence of sentences) {
    if (sentence.index !== 0) continue;
    for (const term of sentence.contextSet) if (!own.has(term)) about.add(term);
  }
  return {
    id,
    text: sentences.map((s) => s.terms.join(" ")).join(" "),
    about: [...about].join(" "),
  };
}

function buildMiniSearch(documentSentences: Sentence[][]): MiniSearch<IndexedDocument> {
  const index = new MiniSearch<IndexedDocument>(MINISEARCH_OPTIONS);
  // One document at a time, so only one document's text exists as a string at once (all of them
  // at 100,000 passages would be tens of megabytes more at the peak).
  documentSentences.forEach((sentences, id) => {
    index.add(indexedDocument(id, sentences));
  });
  return index;
}

/**
 * A MiniSearch index built ahead of {@link SentenceIndex} by {@link buildIndexYielding}, for the
 * same passages; the constructor takes it as it is.
 */
export class BuiltIndex {
  /** @internal */
  constructor(readonly index: MiniSearch<IndexedDocument>) {}
}

/**
 * Builds the index of `passages` as the constructor would, returning to the event loop (`pause`)
 * after every `every` documents, so a reload indexes a large corpus without stopping answers.
 */
export async function buildIndexYielding(
  passages: Passages,
  pause: () => Promise<void>,
  every = 20,
): Promise<BuiltIndex> {
  const index = new MiniSearch<IndexedDocument>(MINISEARCH_OPTIONS);
  const documents = sentencesByDocument(passages);
  for (let id = 0; id < documents.length; id++) {
    index.add(indexedDocument(id, documents[id] ?? []));
    if ((id + 1) % every === 0) await pause();
  }
  return new BuiltIndex(index);
}

/*
 * Stage one's search: MiniSearch's OR search, computed straight from its inverted index.
 * `MiniSearch.search` spreads its option objects and builds a match record per term and document
 * (most of a question's stage-one cost on a small corpus, where each sub-answer of a compared
 * pair searches again); the ranking only needs each document's score. The scores are
 * MiniSearch's own, to the bit: the same BM25+ formula, the same order of additions and products,
 * the same stable sort, so the documents come out in the same order as from
 * `search(query, { boostTerm })`.
 *
 * Only the plain case is read here: OR, no prefix or fuzzy matching, no document boost or filter,
 * field boosts and BM25 parameters from the index's own options. Anything else (an index that
 * had documents removed, or a MiniSearch whose internals are not the ones read here) is left to
 * `MiniSearch.search`.
 */
/** The parts of a MiniSearch 7 index this reads (its own fields, not part of its typed API). */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _documentCount: number;
  _options: {
    fields: string[];
    searchOptions: {
      boost?: Record<string, number>;
      bm25: { k: number; b: number; d: number };
      combineWith?: string;
      prefix?: unknown;
      fuzzy?: unknown;
      boostDocument?: unknown;
      filter?: unknown;
    };
  };
}

/** A document found, by its id as indexed, with MiniSearch's score for the query. */
export interface DocumentScore {
  id: unknown;
  score: number;
}

/** The internals of `index` when {@link orSearch} can read them, else null. */
function internalsOf(index: MiniSearch<unknown>): Internals | null {
  const inner = index as unknown as Partial<Internals>;
  const options = inner._options?.searchOptions;
  const plain =
    inner._index &&
    inner._fieldIds &&
    inner._fieldLength instanceof Map &&
    Array.isArray(inner._avgFieldLength) &&
    inner._documentIds instanceof Map &&
    typeof inner._documentCount === "number" &&
    Array.isArray(inner._options?.fields) &&
    options?.bm25 &&
    (options.combineWith ?? "OR").toUpperCase() === "OR" &&
    !options.prefix &&
    !options.fuzzy &&
    !options.boostDocument &&
    !options.filter;
  return plain ? (inner as Internals) : null;
}

/**
 * The documents of `index` matching any of `tokens`, best first (ties in the order MiniSearch
 * meets them), each token's score times `boostOf(token)`: what `index.search(tokens.join(" "),
 * { boostTerm })` returns, for an index whose `tokenize` splits on spaces and whose
 * `processTerm` keeps every non-empty token as it is. Falls back to `index.search` when the
 * index is not in the plain case (see the module comment).
 */
export function orSearch(
  index: MiniSearch<unknown>,
  tokens: string[],
  boostOf: (token: string) => number,
): DocumentScore[] {
  const inner = internalsOf(index);
  const fast = inner && orScores(inner, tokens, boostOf);
  if (fast) return fast;
  return index
    .search(tokens.join(" "), { boostTerm: boostOf })
    .map((r) => ({ id: r.id, score: r.score }));
}

/** {@link orSearch} from the internals; null when a posting names a removed document. */
function orScores(
  inner: Internals,
  tokens: string[],
  boostOf: (token: string) => number,
): DocumentScore[] | null {
  const { fields, searchOptions } = inner._options;
  const { k, b, d } = searchOptions.bm25;
  const total = inner._documentCount;
  // As MiniSearch: a field without a boost (or a zero one) counts 1.
  const boosted = fields.map((field) => ({
    id: inner._fieldIds[field] as number,
    boost:
      (searchOptions.boost && Object.hasOwn(searchOptions.boost, field)
        ? searchOptions.boost[field]
        : undefined) || 1,
  }));
  // Per document, in the order MiniSearch's OR combination first meets it: the sum of each
  // token's score, and the distinct tokens matched.
  const found = new Map<number, { score: number; matched: Set<string> }>();
  const ofToken = new Map<number, number>();
  for (const token of tokens) {
    if (token === "") continue;
    const data = inner._index.get(token);
    if (!data) continue;
    const termBoost = boostOf(token);
    ofToken.clear();
    for (const field of boosted) {
      const freqs = data.get(field.id);
      if (!freqs) continue;
      const matching = freqs.size;
      const average = inner._avgFieldLength[field.id] as number;
      for (const [docId, termFreq] of freqs) {
        if (!inner._documentIds.has(docId)) return null;
        const fieldLength = (inner._fieldLength.get(docId) as number[])[field.id] as number;
        // calcBM25Score and termResults' product, operation for operation.
        const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
        const raw =
          invDocFreq *
          (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / average)));
        const weighted = termBoost * field.boost * raw;
        const before = ofToken.get(docId);
        ofToken.set(docId, before === undefined ? weighted : before + weighted);
      }
    }
    for (const [docId, score] of ofToken) {
      const doc = found.get(docId);
      if (doc) {
        doc.score = doc.score + score;
        doc.matched.add(token);
      } else {
        found.set(docId, { score, matched: new Set([token]) });
      }
    }
  }
  const results: DocumentScore[] = [];
  for (const [docId, doc] of found) {
    results.push({ id: inner._documentIds.get(docId), score: doc.score * (doc.matched.size || 1) });
  }
  // Stable, as MiniSearch's: equal scores keep the order the documents were met in.
  return results.sort((x, y) => y.score - x.score);
}
