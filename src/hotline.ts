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
import { deedAsked, tellingDeed } from "./answer/agent.js";
import { inFocus, lastQuestion, withoutIndefinites } from "./answer/chatter.js";
import { compareAnswer, comparedEvents, eventQuestions } from "./answer/compare.js";
import { composeAsk, composeWhen, noAnswer } from "./answer/compose.js";
import { whereSearched } from "./answer/ends.js";
import { untoldEvent, untoldQuality, untoldThing } from "./answer/event.js";
import { unnamedFocus } from "./answer/focus.js";
import { idiomsRead } from "./answer/idioms.js";
import { measureStatedBy, withMeasure } from "./answer/measure.js";
import { namesAsked, sayingNames, writtenAsName } from "./answer/names.js";
import { negationKept } from "./answer/negated.js";
import { asksForPerson, namesPerson } from "./answer/person.js";
import { untoldPremise, whyMade, withoutHintedPlaces } from "./answer/premise.js";
import { placeTerm, type Query, type QueryContext, readQuery } from "./answer/query.js";
import { rank, SUPPORT_MIN, type SubjectView } from "./answer/rank.js";
import { tellingRelativeDeed } from "./answer/role-deed.js";
import { readSentences } from "./answer/sentence-readings.js";
import { statusSearched } from "./answer/status.js";
import { profileDocuments, readSubjects } from "./answer/subject.js";
import { onAskedTopic } from "./answer/topic.js";
import { undoneByOther } from "./answer/undone.js";
import { asksWhere, sayingWhere } from "./answer/where.js";
import type { CorpusDocument } from "./corpus/document.js";
import { type Corpus, loadCorpus } from "./corpus/load.js";
import { anniversaryDigest } from "./dates/anniversary.js";
import { buildTimeline, clip, digestFor, sourceRef } from "./dates/timeline.js";
import { type Hotline, MAX_QUESTION_LENGTH, type Suggestion } from "./hotline-api.js";
import type { Answer, Reply, SourceSummary, TimelineEvent } from "./model.js";
import { readAcronyms, readPhraseInitials } from "./search/acronyms.js";
import { type Analyzer, createAnalyzer } from "./search/analyzer.js";
import type { PlaceMention } from "./search/gazetteer.js";
import { SentenceIndex, termStats } from "./search/index.js";
import { type Built, loadWithSnapshot, type Prebuilt, type SnapshotEvent } from "./snapshot.js";
import { memoWords } from "./text/built-file.js";
import { plainQuestion } from "./text/chat.js";
import { ENGLISH_ONLY, inLatinLetters } from "./text/language.js";
import { cleanQuestion } from "./text/normalize.js";
import { buildPassages, type Paragraph, type Sentence } from "./text/passages.js";
import { primeReadings } from "./text/stored-readings.js";

export type { Hotline, Suggestion } from "./hotline-api.js";

/** Where the repo's own corpus lives, whether running from `src/` or compiled `dist/src/`. */
export function defaultCorpusDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, here.includes(`${join("dist", "src")}`) ? "../../corpus" : "../corpus");
}

/** Options for {@link loadHotline}. */
export interface LoadOptions {
  /** Directory of `*.md` documents (plus an optional `synonyms.json`). Default: the repo's `corpus/`. */
  corpusDir?: string | undefined;
  /**
   * A start-up snapshot file (see `src/snapshot.ts`): used when it matches the corpus and code,
   * otherwise rebuilt and rewritten. Default: none, everything is built at start.
   * `defaultSnapshotPath(corpusDir)` gives `.hotline-cache/snapshot.json` beside the corpus.
   */
  snapshotPath?: string | undefined;
  /** Hears whether the snapshot was loaded, rebuilt (and why) or could not be written. */
  onSnapshot?: ((event: SnapshotEvent) => void) | undefined;
  /** Largest corpus file read, in bytes (`CORPUS_MAX_FILE_BYTES`); default 8 MiB. */
  maxFileBytes?: number | undefined;
}

/**
 * How many of the best-matching documents the reranker reads, every sentence of each: enough for
 * recall (the answer's document is almost always among the first few), few enough to stay fast.
 */
const CANDIDATE_DOCUMENTS = 8;

/** How many of their sentences, best first by the index's score, the reranker reads. */
const CANDIDATE_SENTENCES = 40;

/**
 * Loads and indexes a corpus. Throws a HotlineError naming the file and field when a document
 * is invalid; never throws afterwards for any question.
 */
export function loadHotline(options: LoadOptions = {}): Hotline {
  const dir = options.corpusDir ?? defaultCorpusDir();
  const limits = { maxFileBytes: options.maxFileBytes };
  const parse = (d: string) => loadCorpus(d, limits);
  if (!options.snapshotPath) return createHotline(parse(dir));
  return loadWithSnapshot(
    dir,
    options.snapshotPath,
    parse,
    createHotline,
    options.onSnapshot,
    limits,
  );
}

/**
 * Builds the answering engine over an already loaded corpus. `prebuilt` (from a current
 * snapshot) skips sentence analysis and date reading; `onBuilt` receives what was
 * built, to save a snapshot. Throws when `prebuilt` does not fit the corpus.
 */
export function createHotline(
  corpus: Corpus,
  prebuilt?: Prebuilt,
  onBuilt?: (built: Built) => void,
): Hotline {
  const analyzer = createAnalyzer(corpus.synonyms);
  if (prebuilt?.documents && prebuilt.documents.length !== corpus.documents.length) {
    throw new Error(
      `hotline: snapshot has ${prebuilt.documents.length} documents, corpus has ${corpus.documents.length}`,
    );
  }
  const passages = buildPassages(
    corpus.documents,
    analyzer,
    prebuilt?.analysis,
    prebuilt?.documents,
  );
  if (prebuilt && prebuilt.analysis.length !== passages.sentences.length) {
    throw new Error(
      `hotline: snapshot has ${prebuilt.analysis.length} sentences, corpus has ${passages.sentences.length}`,
    );
  }
  // Stored readings of the sentences: the answer path looks them up instead of running their
  // expressions (each compiles anew in every process: most of a cold answer's cost).
  if (prebuilt?.readings) primeReadings(passages.sentences, prebuilt.readings);
  const stats = termStats(passages);
  const index = new SentenceIndex(passages, stats, prebuilt?.index);
  const timeline = buildTimeline(passages);
  // Analysed on the first `suggest` (the bot's autocomplete): a one-shot answer never needs it.
  let suggestions: SuggestEntry[] | undefined;
  const reported = new Map<Sentence, TimelineEvent>();
  const sentenceById = new Map(passages.sentences.map((s) => [s.id, s]));
  for (const event of timeline) {
    if (event.basis !== "reported") continue;
    const sentence = sentenceById.get(event.id);
    if (sentence) reported.set(sentence, event);
  }
  const profiles = prebuilt?.subjects ?? profileDocuments(corpus.documents);
  const subjects = readSubjects(profiles);
  onBuilt?.({
    corpus,
    analysis: passages.sentences,
    documents: passages.documents,
    subjects: profiles,
    index: index.toJSON(),
    // Read only when a snapshot is written.
    readings: readSentences(passages.sentences),
  });
  // Read on the first question that needs one: a start from a snapshot reads no names.
  let acronyms: ((word: string) => string | undefined) | undefined;
  let initials: ((word: string) => string | undefined) | undefined;
  const context: QueryContext = {
    analyzer,
    stats,
    index,
    subjects,
    acronyms: (word) => {
      // Titles and headings name things too ("the 1972 Incidents at Sea agreement").
      acronyms ??= readAcronyms([
        ...passages.sentences.map((s) => s.text),
        ...new Set(passages.sentences.map((s) => s.paragraph.heading ?? "")),
        ...corpus.documents.map((d) => d.meta.title),
      ]);
      return acronyms(word);
    },
    initials: (word) => {
      initials ??= readPhraseInitials(passages.sentences.map((s) => s.text));
      return initials(word);
    },
  };

  // What a candidate sentence (or a clause of one) names and says, read once per text: every
  // when-question reads them for its candidates, and reading them is the costly part of answering.
  const placesOf = memoWords((text) => subjects.places(text));
  const passageTerms = memoWords((text) => analyzer.terms(text));

  // Whether the corpus writes a term as a name ("Netanyahu", "Hmeimim"), read on first use.
  const isName = memoWords((term) =>
    writtenAsName(
      term,
      index
        .search([{ term, weight: 1 }], CANDIDATE_DOCUMENTS)
        .map((hit) => hit.sentence)
        .filter((sentence) => sentence.termSet.has(term)),
      analyzer,
    ),
  );

  // The documents a search for one term reads (their ids, best first), per term: the same for
  // every question, and each when-question asks it of several of its words.
  const documentsFinding = memoWords((term) => documentsOf(index, term));

  // Every term of a document (its title's and its paragraphs'), gathered for the documents a
  // question reaches, not for the whole corpus at once (a large corpus has thousands).
  let paragraphsOf: Map<CorpusDocument, Paragraph[]> | undefined;
  const docTerms = new Map<CorpusDocument, ReadonlySet<string>>();
  const docTermsOf = (doc: CorpusDocument): ReadonlySet<string> => {
    let terms = docTerms.get(doc);
    if (!terms) {
      if (!paragraphsOf) {
        paragraphsOf = new Map();
        for (const p of passages.paragraphs) {
          const list = paragraphsOf.get(p.doc);
          if (list) list.push(p);
          else paragraphsOf.set(p.doc, [p]);
        }
      }
      const all = new Set(titleTermsOf(doc));
      for (const paragraph of paragraphsOf.get(doc) ?? [])
        for (const t of paragraph.termSet) all.add(t);
      terms = all;
      docTerms.set(doc, terms);
    }
    return terms;
  };

  // The terms of each document's title, read on first use.
  const titles = new Map<CorpusDocument, ReadonlySet<string>>();
  const titleTermsOf = (doc: CorpusDocument) => {
    let terms = titles.get(doc);
    if (!terms) {
      terms = new Set(analyzer.terms(doc.meta.title));
      titles.set(doc, terms);
    }
    return terms;
  };

  // Whether a sentence's document is about a place it names, for composeWhen.
  const docAbout = (sentence: Sentence, place: PlaceMention) =>
    subjects.fit(sentence.paragraph.doc.meta.id, [place]) > 0;

  /** `keep`: sentences of the candidate documents ranked even below the candidate cut. */
  const search = (query: Query, keep?: (sentence: Sentence) => boolean) => {
    const terms = query.terms.flatMap((t) => [
      ...(t.known ? [{ term: t.term, weight: 1 }] : []),
      ...t.expansions.map((e) => ({ term: e, weight: 0.8 })),
      ...(t.related ?? []).map((r) => ({ term: r, weight: 0.5 })),
    ]);
    // A question that names places is answered from the documents about them.
    const asked = new Map(query.places.map((m) => [placeTerm(analyzer, m), m]));
    // One reading per document (and place) and question: the candidates share a few documents.
    const fits = new Map<string, number>();
    const fitOf = (doc: string) => {
      let fit = fits.get(doc);
      if (fit === undefined) {
        fit = subjects.fit(doc, query.places);
        fits.set(doc, fit);
      }
      return fit;
    };
    // Per place term, the documents about that place (read on first use).
    const about = new Map<string, Map<string, boolean>>();
    const view: SubjectView = {
      placeFit: (sentence) => fitOf(sentence.paragraph.doc.meta.id),
      titleTerms: (sentence) => titleTermsOf(sentence.paragraph.doc),
      undoneByOther: (sentence) => undoneByOther(sentence, query.places, placesOf, docAbout),
      supplies(sentence, term) {
        const place = asked.get(term);
        if (!place) return false;
        const doc = sentence.paragraph.doc.meta.id;
        let docs = about.get(term);
        if (!docs) {
          docs = new Map();
          about.set(term, docs);
        }
        let supplied = docs.get(doc);
        if (supplied === undefined) {
          supplied = subjects.fit(doc, [place]) === 1;
          docs.set(doc, supplied);
        }
        return supplied;
      },
    };
    const hits = index.search(terms, CANDIDATE_DOCUMENTS);
    // Best first, text order among equals (the sort is stable), as the reranker breaks ties.
    hits.sort((a, b) => b.score - a.score);
    const candidates = hits.slice(0, CANDIDATE_SENTENCES);
    if (keep) candidates.push(...hits.slice(CANDIDATE_SENTENCES).filter((h) => keep(h.sentence)));
    return rank(query, candidates, view);
  };

  /**
   * `compare` false: a question about one of two compared events is not split again. `focus`:
   * the part of a message of several questions that is asked, the rest read as context.
   * `readings`: the questions already read while answering this message (by command and text),
   * so that answering it again with a focus does not read the same text twice; a new one per
   * message, so it never outlives the message.
   */
  const answer = (
    command: "ask" | "when",
    input: string,
    compare = true,
    focus?: string,
    readings: Map<string, Query> = new Map(),
  ): Reply => {
    const typed = cleanQuestion(input);
    // The limit is on what was typed, markup included: a message of 10,000 mentions is too long,
    // not an empty question.
    if (typed.length > MAX_QUESTION_LENGTH) {
      return {
        status: "rejected",
        code: "too_long",
        length: typed.length,
        limit: MAX_QUESTION_LENGTH,
      };
    }
    // "Who put their names to the deal" is read as "who signed the deal" (shown as typed).
    const question = idiomsRead(plainQuestion(typed));
    if (question === "") return { status: "rejected", code: "empty", command };
    if (!inLatinLetters(question)) return noAnswer(question, ENGLISH_ONLY);
    // "Which came first, A or B?": each event is dated on its own, then the dates compared.
    const compared = compare ? comparedEvents(question) : null;
    if (compared) {
      // Each event's places are read twice (for its own words and to lend them): once is enough.
      const eventPlaces = new Map<string, PlaceMention[]>();
      const [first, second] = eventQuestions(compared, (text) => {
        let found = eventPlaces.get(text);
        if (!found) {
          found = subjects.places(text);
          eventPlaces.set(text, found);
        }
        return found;
      });
      // A part is never empty, but one could exceed the length limit: it then answers nothing.
      const sub = (c: "ask" | "when", q: string): Answer => {
        const reply = answer(c, q, false);
        return reply.status === "rejected" ? noAnswer(q) : reply;
      };
      // The pair asked together finds a passage that states the order itself, when one does.
      const [a, b] = compared.events;
      const stated = sub("ask", `${a} before ${b} ${compared.frame}`);
      const dates: [Answer, Answer] = [sub("when", first), sub("when", second)];
      return compareAnswer(question, compared.events, dates, stated);
    }
    // "Is it working now or still planned?": its adverbs and alternative are not searched for;
    // nor is ", like which two places" after a where-question.
    const searched = whereSearched(statusSearched(withoutIndefinites(question)));
    // A query is never changed once read (every step after returns a new one), so it is shared.
    const key = `${command}\u0000${searched}`;
    let reading = readings.get(key);
    if (!reading) {
      reading = readQuery(searched, command, context);
      readings.set(key, reading);
    }
    // "Why did they build the hotline?" is answered by why the hotline exists.
    const query = inFocus(
      whyMade(question, withoutHintedPlaces(question, reading), analyzer.term),
      focus,
      analyzer.terms,
    );
    if (query.outOfScope || query.terms.length === 0) return noAnswer(question, query.outOfScope);
    // "Who installed the line?": a rare verb the sources never use names an event they do not tell.
    const toldOf = (term: string) =>
      documentsFinding(term).some((doc) => subjects.fit(doc, query.places) > 0);
    // "Is the hotline encrypted?": a rare word no source uses names a thing they never tell of.
    const untold =
      untoldEvent(query, toldOf) ??
      untoldQuality(question, query, toldOf) ??
      untoldThing(question, query, toldOf);
    if (untold) return noAnswer(question, untold);
    // "Where …": only a passage that names a place answers; "which general …", a person.
    const where = asksWhere(question);
    const person = asksForPerson(question);
    // "How often …": a sentence that states a frequency is read however few words it repeats.
    // "Was it really a red phone?": a sentence negating what is asked, however few words it repeats.
    let found = search(query, measureStatedBy(question, analyzer.term) ?? negationKept(question));
    // "Did Cao call Netanyahu?": only a passage that names both answers.
    found = sayingNames(found, namesAsked(query, isName, analyzer), docTermsOf);
    // "When did they sign the deal on military trust?": not a deal on another topic.
    found = onAskedTopic(question, query, found, passageTerms, analyzer.term);
    // "When did China cut the hotline?": no passage telling that deed, no answer.
    const premise = untoldPremise(question, query, found, {
      read: analyzer.term,
      docAbout,
      titleTerms: (sentence) => titleTermsOf(sentence.paragraph.doc),
    });
    if (premise) return noAnswer(question, premise);
    if (where) found = sayingWhere(question, found);
    if (person) found = found.filter((r) => namesPerson(r.sentence.text));
    // "Who was the officer who made the call": one named for another deed is not the one asked for.
    if (person) found = tellingRelativeDeed(question, found, analyzer.term);
    if (where && (found[0]?.support ?? 0) < SUPPORT_MIN) {
      return noAnswer(question, "The sources do not say where.");
    }
    if (person && (found[0]?.support ?? 0) < SUPPORT_MIN) {
      return noAnswer(question, "The sources do not name who.");
    }
    // "Who built the line?": only a passage that tells of the building can say who built it.
    const deed = deedAsked(question);
    if (deed) {
      found = tellingDeed(question, query, found, analyzer.term);
      if ((found[0]?.support ?? 0) < SUPPORT_MIN) {
        return noAnswer(question, `The sources do not say who ${deed} it.`);
      }
    }
    // "Which company …": a passage that never names the kind of thing asked for does not answer.
    const unnamed = unnamedFocus(question, query, found, analyzer.term);
    if (unnamed) return noAnswer(question, unnamed);
    // "How many", "how long": only a sentence that states such a measure answers.
    const measured = withMeasure(question, found, analyzer.term);
    if ("missing" in measured) return noAnswer(question, measured.missing);
    const { ranked } = measured;
    // An `ask` that is really a when-question ("When was the line set up?") leads with the date too.
    return query.intent === "when"
      ? composeWhen(question, query, ranked, reported, passageTerms, placesOf, docAbout)
      : composeAsk(
          question,
          ranked,
          query,
          passageTerms,
          (sentence) => subjects.fit(sentence.paragraph.doc.meta.id, query.places),
          { next: (sentence) => passages.sentences[sentence.ordinal + 1], placesOf, docAbout },
        );
  };

  /**
   * A message of several questions that finds no answer as a whole ("…i thought it opened in
   * march?? when was it actually first used") is answered by its last question, with the rest
   * read as context; when that finds none either, the first reply stands.
   */
  const answerChat = (command: "ask" | "when", input: string): Reply => {
    const reply = answerRead(command, input);
    if (reply.status === "rejected") return reply;
    // The reply names the question as typed, not as its idioms were read.
    const plain = plainQuestion(cleanQuestion(input));
    return reply.question === idiomsRead(plain) ? { ...reply, question: plain } : reply;
  };

  /** {@link answerChat}'s reply, naming the question as read. */
  const answerRead = (command: "ask" | "when", input: string): Reply => {
    const readings = new Map<string, Query>();
    const reply = answer(command, input, true, undefined, readings);
    if (reply.status !== "no_answer") return reply;
    const focus = lastQuestion(reply.question);
    if (!focus) return reply;
    // The same message read again: its question is not read twice.
    const focused = answer(command, input, true, focus, readings);
    return focused.status === "answered" ? focused : reply;
  };

  // Listed on the first `sources` call: a one-shot answer never needs it, and the sort's
  // localeCompare loads ICU's collator (about 10 ms of a command-line start).
  let sources: SourceSummary[] | undefined;
  const listSources = (): SourceSummary[] => {
    // Counted in one pass: filtering the timeline once per document is quadratic in corpus size.
    const eventsBySource = new Map<string, number>();
    for (const e of timeline) {
      eventsBySource.set(e.quote.source.id, (eventsBySource.get(e.quote.source.id) ?? 0) + 1);
    }
    return corpus.documents
      .map<SourceSummary>((doc) => ({
        ...sourceRef(doc),
        paragraphs: doc.blocks.filter((b) => b.kind === "paragraph").length,
        events: eventsBySource.get(doc.meta.id) ?? 0,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  };

  return {
    ask: (question) => answerChat("ask", question),
    when: (event) => answerChat("when", event),
    timeline: () => [...timeline],
    today: (date) => anniversaryDigest(date, (monthDay) => digestFor(timeline, monthDay)),
    sources: () => {
      sources ??= listSources();
      return sources.map((s) => ({ ...s }));
    },
    suggest: (text, limit = 25) => {
      suggestions ??= suggestEntries(timeline, analyzer);
      return suggest(suggestions, analyzer, stats.idf, cleanQuestion(text), limit);
    },
  };
}

/**
 * The ids of the documents whose sentences `index.search` returns for `term` alone (at most
 * {@link CANDIDATE_DOCUMENTS}), each once, in the order the search gives them.
 */
export function documentsOf(index: SentenceIndex, term: string): string[] {
  const ids = new Set<string>();
  for (const hit of index.search([{ term, weight: 1 }], CANDIDATE_DOCUMENTS)) {
    ids.add(hit.sentence.paragraph.doc.meta.id);
  }
  return [...ids];
}

/** A timeline event with its label's terms and words, analysed once at load for autocomplete. */
interface SuggestEntry {
  event: TimelineEvent;
  terms: Set<string>;
  words: Set<string>;
  /** Label words in order, for prefix matching of the word being typed. */
  wordList: string[];
}

const WORDS = /[\p{L}\p{N}]+/gu;

function suggestEntries(timeline: TimelineEvent[], analyzer: Analyzer): SuggestEntry[] {
  return timeline.map((event) => {
    const wordList = event.label.toLowerCase().match(WORDS) ?? [];
    return {
      event,
      terms: new Set(analyzer.terms(event.label)),
      words: new Set(wordList),
      wordList,
    };
  });
}

/**
 * Timeline events for autocomplete, best first. Whole words are read like a question (synonyms,
 * stems); the word being typed (no space after it yet) also matches as a prefix.
 */
function suggest(
  entries: SuggestEntry[],
  analyzer: Analyzer,
  idf: (term: string) => number,
  text: string,
  limit: number,
): Suggestion[] {
  const toSuggestion = (e: TimelineEvent): Suggestion => ({
    label: e.label,
    value: clip(e.label, 100),
  });
  const typed = text.trimEnd();
  if (typed === "") return entries.slice(0, limit).map((entry) => toSuggestion(entry.event));
  const terms = [...new Set(analyzer.terms(typed))];
  const words: string[] = typed.toLowerCase().match(WORDS) ?? [];
  const partial = /[\p{L}\p{N}]$/u.test(typed) ? (words[words.length - 1] ?? "") : "";
  const scored = entries.map((entry, order) => {
    let score = 0;
    for (const term of terms)
      if (entry.terms.has(term) && !words.includes(term)) score += idf(term);
    // Words as written count too: a phrase synonym ("Shanghai Cooperation Organization") is
    // indexed as one term, which half-typed input cannot match.
    for (const word of words) {
      const term = analyzer.term(word);
      if ((term && entry.terms.has(term)) || entry.words.has(word)) score += idf(term || word);
    }
    if (
      partial.length >= 2 &&
      !entry.words.has(partial) &&
      entry.wordList.some((w) => w.startsWith(partial))
    ) {
      score += 1;
    }
    return { event: entry.event, score, order };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => toSuggestion(s.event));
}
