/**
 * The core's front door: load a corpus directory and answer from it.
 *
 * ```ts
 * const hotline = loadHotline();            // the repo's corpus/
 * hotline.when("the Beijing-Moscow line opened").date // { iso: "2008-03-14", precision: "day", … }
 * ```
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { composeAsk, composeWhen, noAnswer } from "./answer/compose.js";
import { type Query, type QueryContext, readQuery } from "./answer/query.js";
import { rank } from "./answer/rank.js";
import type { Reply, SourceSummary, TimelineEvent } from "./answer/types.js";
import { MAX_QUESTION_LENGTH } from "./commands/spec.js";
import { type Corpus, loadCorpus } from "./corpus/load.js";
import { buildTimeline, clip, digestFor, sourceRef } from "./dates/timeline.js";
import type { Hotline, Suggestion } from "./hotline-api.js";
import { type Analyzer, createAnalyzer } from "./search/analyzer.js";
import { Vocabulary } from "./search/fuzzy.js";
import { buildIndex, searchIndex, termStats } from "./search/index.js";
import { cleanQuestion } from "./text/normalize.js";
import { buildPassages, type Sentence } from "./text/passages.js";

export type { Hotline, Suggestion } from "./hotline-api.js";

/** Where the repo's own corpus lives, whether running from `src/` or compiled `dist/src/`. */
export function defaultCorpusDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, here.includes(`${join("dist", "src")}`) ? "../../corpus" : "../corpus");
}

/** Options for {@link loadHotline}. */
export interface LoadOptions {
  /** Directory of `*.md` documents (plus optional `synonyms.json`, `scope.json`). Default: the repo's `corpus/`. */
  corpusDir?: string | undefined;
}

/** How many index hits the reranker looks at: enough for recall, few enough to stay fast. */
const CANDIDATES = 40;

/**
 * Loads and indexes a corpus. Throws a HotlineError naming the file and field when a document
 * is invalid; never throws afterwards for any question.
 */
export function loadHotline(options: LoadOptions = {}): Hotline {
  return createHotline(loadCorpus(options.corpusDir ?? defaultCorpusDir()));
}

/** Builds the answering engine over an already loaded corpus. */
export function createHotline(corpus: Corpus): Hotline {
  const analyzer = createAnalyzer(corpus.synonyms);
  const passages = buildPassages(corpus.documents, analyzer);
  const index = buildIndex(passages);
  const stats = termStats(passages);
  const timeline = buildTimeline(passages);
  const reported = new Map<Sentence, TimelineEvent>();
  const sentenceById = new Map(passages.sentences.map((s) => [s.id, s]));
  for (const event of timeline) {
    if (event.basis !== "reported") continue;
    const sentence = sentenceById.get(event.id);
    if (sentence) reported.set(sentence, event);
  }
  const partyPairs = pairFinder(corpus, analyzer);
  const coveredPairs = new Set(passages.sentences.flatMap((s) => partyPairs(s.text)));
  const context: QueryContext = {
    analyzer,
    stats,
    vocabulary: new Vocabulary(stats.df.keys()),
    places: new Set(corpus.places.map((p) => analyzer.term(p)).filter((t) => t && !stats.df.has(t))),
    pairsIn: partyPairs,
    coveredPairs,
  };

  const search = (query: Query) => {
    const terms = query.terms.flatMap((t) =>
      t.known ? [{ term: t.term, weight: 1 }] : t.expansions.map((e) => ({ term: e, weight: 0.8 })),
    );
    return rank(query, searchIndex(index, passages.sentences, terms, CANDIDATES));
  };

  const answer = (command: "ask" | "when", input: string): Reply => {
    const question = cleanQuestion(input);
    if (question === "") {
      return {
        status: "rejected",
        code: "empty",
        message: command === "ask" ? "Ask a question, e.g. /hotline ask what is the Beijing-Moscow line for?" : "Name an event, e.g. /hotline when the Beijing-Moscow line opened",
      };
    }
    if (question.length > MAX_QUESTION_LENGTH) {
      return {
        status: "rejected",
        code: "too_long",
        message: `Your question is ${question.length} characters; the limit is ${MAX_QUESTION_LENGTH}. Please shorten it.`,
      };
    }
    const query = readQuery(question, command, context);
    if (query.outOfScope || query.terms.length === 0) return noAnswer(question);
    const ranked = search(query);
    // An `ask` that is really a when-question ("When was the line set up?") leads with the date too.
    return query.intent === "when" ? composeWhen(question, query, ranked, reported) : composeAsk(question, ranked);
  };

  const sources = corpus.documents
    .map<SourceSummary>((doc) => ({
      ...sourceRef(doc),
      paragraphs: doc.blocks.filter((b) => b.kind === "paragraph").length,
      events: timeline.filter((e) => e.quote.source.id === doc.meta.id).length,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));

  return {
    ask: (question) => answer("ask", question),
    when: (event) => answer("when", event),
    timeline: () => [...timeline],
    today: (monthDay) => digestFor(timeline, monthDay),
    sources: () => sources.map((s) => ({ ...s })),
    suggest: (text, limit = 25) => suggest(timeline, analyzer, stats.idf, cleanQuestion(text), limit),
  };
}

/**
 * Finds pairs of parties named together in text ("Sino-U.S.", "Beijing and Moscow",
 * "China and the United States"): the sides of a hotline. Returns sorted `a|b` keys.
 */
function pairFinder(corpus: Corpus, analyzer: Analyzer): (text: string) => string[] {
  const parties = new Set([...corpus.parties, ...corpus.places.map((p) => analyzer.term(p))]);
  return (text) => {
    const tokens = analyzer.tokens(text.replace(/\s+(and|&|to|with)\s+(the\s+)?/gi, "-"));
    const pairs: string[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1];
      const b = tokens[i];
      if (!a || !b || b.position - a.position !== 1) continue;
      if (a.term !== b.term && parties.has(a.term) && parties.has(b.term)) {
        pairs.push([a.term, b.term].sort().join("|"));
      }
    }
    return pairs;
  };
}

/** Timeline events for autocomplete: by words typed so far (the last may be partial), best first. */
function suggest(
  timeline: TimelineEvent[],
  analyzer: Analyzer,
  idf: (term: string) => number,
  text: string,
  limit: number,
): Suggestion[] {
  const toSuggestion = (e: TimelineEvent): Suggestion => ({ label: e.label, value: clip(e.label, 100) });
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return timeline.slice(0, limit).map(toSuggestion);
  const scored = timeline.map((event, order) => {
    const label = event.label.toLowerCase();
    const terms = new Set(analyzer.terms(event.quote.text));
    let score = 0;
    words.forEach((word, i) => {
      const term = analyzer.term(word);
      if (term && terms.has(term)) score += idf(term);
      else if (label.includes(word) && (i === words.length - 1 || word.length > 3)) score += 0.5 * idf(term || word);
    });
    return { event, score, order };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => toSuggestion(s.event));
}
