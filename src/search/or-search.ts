/**
 * MiniSearch's OR search, computed straight from its inverted index. `MiniSearch.search` spreads
 * its option objects and builds a match record per term and document (most of a question's
 * stage-one cost on a small corpus, where each sub-answer of a compared pair searches again); the
 * ranking only needs each document's score. The scores are MiniSearch's own, to the bit: the
 * same BM25+ formula, the same order of additions and products, the same stable sort, so the
 * documents come out in the same order as from `search(query, { boostTerm })`.
 *
 * Only the plain case is read here: OR, no prefix or fuzzy matching, no document boost or filter,
 * field boosts and BM25 parameters from the index's own options. Anything else (an index that
 * had documents removed, or a MiniSearch whose internals are not the ones read here) is left to
 * `MiniSearch.search`.
 */
import type MiniSearch from "minisearch";

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
