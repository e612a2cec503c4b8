/**
 * Reranks index hits. The index finds candidates by BM25+ (MiniSearch's scoring); this scores
 * how well each sentence answers the question: how much of the question (by IDF weight) the
 * sentence and its context cover, whether it has what the intent asks for (a date, a person,
 * a purpose), and whether the question's words stand together in it.
 */
import type { Hit } from "../search/index.js";
import { antecedentOf, type Sentence } from "../text/passages.js";
import { isMainlyVerb } from "../text/verb-forms.js";
import { countsFromAsked } from "./anchor.js";
import { continuedFrom } from "./continues.js";
import { saidByOtherPart } from "./full-names.js";
import { notHappenedAt } from "./not-happened.js";
import type { Query, QueryTerm } from "./query.js";

/** A sentence with its scores. */
export interface Ranked {
  sentence: Sentence;
  /** Overall rank score (higher is better). */
  score: number;
  /**
   * Share of the question's weight that the sentence, read in its paragraph, covers (0 to 1).
   * Below {@link SUPPORT_MIN} the corpus does not answer the question.
   */
  support: number;
  /** Share of the question's weight found in the sentence itself. */
  coverage: number;
}

/** Least support for an answer: below it, the bot says the sources do not answer. */
export const SUPPORT_MIN = 0.5;

/**
 * A term the document's subject supplies counts for less than one the sentence says, so that of
 * two sentences about the same event the one that names its subject leads.
 */
const SUPPLIED_CREDIT = 0.85;

/**
 * What a term counts for a when-question when the sentence says it only through a pronoun that
 * points to the sentence before ("The two navies signed the agreement in 1989. It came into force
 * on 1 January 1990"): the thing is named there, so only the event must be said here. Below 1,
 * so that of two sentences telling the same event the one that names the thing leads.
 */
const ANTECEDENT_CREDIT = 0.9;

/** What a sentence from a document about other places than the question's loses. */
const OFF_SUBJECT = 0.35;

/**
 * What a sentence that states a date gains for a when-question. Exported because a sentence
 * saying the event has not happened answers a when-question as well, and is compared with it.
 */
export const WHEN_STATED = 0.12;

/**
 * What a dated sentence loses for a when-question that names its event ("delivered", "signed")
 * when the sentence says none of the event's words, in any form or through a related word: its
 * date is another event's ("A week after the crash, the minister announced that Russia would give
 * …"). An undated sentence offers no date to mistake, and may say the event has not happened.
 */
const EVENT_UNSAID = 0.06;

/**
 * What a term counts for a when-question in a sentence that counts its date from the event the
 * term names ("The next day, troops began to pull back from the site of the clash"): nothing, as
 * the date is what followed the event, and the sentence tells the event only as its starting point.
 */
const COUNTED_FROM_CREDIT = 0;

/**
 * What a dated sentence loses for a when-question when it says the question's event but nothing
 * of what the event is done to ({@link objectUnsaid}): its date is another deed of the same kind
 * ("agreed on five points" for "when did they agree on a hotline").
 */
const OBJECT_UNSAID = 0.2;

/**
 * What a dated sentence loses for a when-question whose thing is described by a relative clause
 * ("the Brussels meeting where they said they'd work on a peace treaty") when it tells less than
 * {@link DESCRIPTION_TOLD} of the clause ({@link descriptionUntold}): it dates another of the
 * kind ("met in Brussels … and agreed to restore railway links").
 */
const DESCRIPTION_UNSAID = 0.2;

/** Least share of a describing clause's weight that a sentence telling that very thing says. */
const DESCRIPTION_TOLD = 0.5;

/** What a word the sentence says only as intended or agreed counts for a when-question. */
const HYPOTHETICAL_CREDIT = 0.5;

/** Matching a misspelled word through its fuzzy expansion counts a little less than exact. */
const FUZZY_CREDIT = 0.8;

const PERSON =
  /\b(General|Minister|President|Major|deputy|director|secretary|agency|newspaper|spokesman|officer|counterpart|[A-Z][a-z]+ [A-Z][a-z]+ (said|told|explains|added))\b/;
const PURPOSE =
  /\b(purpose|goal|designed|aim|so as to|in order to|in a hope|to the advantage of|because|for ["“])/i;

/** A word WordNet relates to the question's ("completed" for "finished") counts for less. */
const RELATED_CREDIT = 0.7;

function credit(term: QueryTerm, terms: { has(term: string): boolean }): number {
  if (terms.has(term.term)) return 1;
  // Loops, not `some` with a closure: this runs for every term of every candidate sentence, three
  // times, and the closures were a tenth of what an answer allocates.
  const { expansions, related } = term;
  for (let i = 0; i < expansions.length; i++)
    if (terms.has(expansions[i] as string)) return FUZZY_CREDIT;
  if (related)
    for (let i = 0; i < related.length; i++)
      if (terms.has(related[i] as string)) return RELATED_CREDIT;
  return 0;
}

/**
 * What a sentence's document is about, for {@link rank}. Default: nothing known.
 */
export interface SubjectView {
  /** How far the document is about the places the question names (0 to 1). */
  placeFit(sentence: Sentence): number;
  /**
   * Whether the document's subject supplies `term` (a place it is about): "the hotline" in an
   * article about the India-Pakistan line needs no "India" in the sentence.
   */
  supplies(sentence: Sentence, term: string): boolean;
  /** The terms of the title of the sentence's document. Default: none known. */
  titleTerms?(sentence: Sentence): ReadonlySet<string>;
  /**
   * Whether the sentence says that something has not happened to a party the question does not
   * ask about (see `undoneByOther` in undone.ts). Default: never.
   */
  undoneByOther?(sentence: Sentence): boolean;
}

const NO_SUBJECT: SubjectView = { placeFit: () => 1, supplies: () => false };

/**
 * Scores and sorts `hits` for `query`, best first. A sentence from a document about other places
 * than the question's loses up to {@link OFF_SUBJECT}; a term the document's subject supplies
 * counts as if the sentence said it, so the event asked about decides between its sentences.
 */
export function rank(query: Query, hits: Hit[], subject: SubjectView = NO_SUBJECT): Ranked[] {
  if (hits.length === 0 || query.totalWeight === 0) return [];
  const top = Math.max(...hits.map((h) => h.score));
  // What the question's event is done to: read once, not per sentence.
  const object = query.intent === "when" ? objectTerms(query) : [];
  // Whether the question names an event: the same for every sentence, so read once.
  const namesEvent = query.terms.some((t) => t.event && !t.implied);
  // What tells which thing is meant: the describing clause's words the sources know ("theyd" is
  // no word of theirs, and no sentence can say it).
  const described =
    query.intent === "when"
      ? query.terms.filter((t) => t.described && (t.known || t.expansions.length > 0))
      : [];
  const ranked = hits.map(({ sentence, score }) => {
    // What the sentence says, and the places its document is about ("the hotline" in an article
    // about India and Pakistan is their line): questions about what no source tells ("who
    // installed the line") are declined by the rules that read the question, not by leaving the
    // document's subject out of its support.
    let inSentence = 0;
    let inParagraph = 0;
    let bonus = proximity(query, sentence);
    const intended =
      query.intent === "when" && sentence.hypothetical.size > 0 && notHappenedAt(sentence) < 0;
    // "It came into force on 1 January 1990": the pronoun names what the sentence before it did;
    // "Eight months later, China said …" goes on with the story the sentence before it told.
    const antecedent =
      query.intent === "when"
        ? (antecedentOf(sentence)?.termSet ??
          namedBefore(sentence)?.termSet ??
          continuedFrom(sentence)?.termSet ??
          namedInTitle(sentence, subject))
        : undefined;
    let eventSaid = false;
    for (let at = 0; at < query.terms.length; at++) {
      const term = query.terms[at] as QueryTerm;
      if (term.event && !term.implied && credit(term, sentence.termSet) > 0) eventSaid = true;
      if (term.implied) {
        bonus += 0.1 * credit(term, sentence.termSet);
        continue;
      }
      // "When did it open?" is not answered by "would be opened" or "an agreement on opening it",
      // though it is by "efforts to open it have stalled", which says it has not happened.
      const own =
        (datedIn(query, term, sentence) ? 1 : credit(term, sentence.termSet)) *
        (intended && !term.hypothetical && sentence.hypothetical.has(term.term)
          ? HYPOTHETICAL_CREDIT
          : 1) *
        (query.intent === "when" && countsFromAsked(sentence, term) ? COUNTED_FROM_CREDIT : 1);
      // "Mr Wang" says the "Wang Yi" its document named before.
      const supplied = Math.max(
        subject.supplies(sentence, term.term) ||
          (own === 0 && saidByOtherPart(query.terms, at, sentence))
          ? SUPPLIED_CREDIT
          : 0,
        antecedent && !term.event ? ANTECEDENT_CREDIT * credit(term, antecedent) : 0,
      );
      inSentence += term.weight * Math.max(own, supplied);
      inParagraph += term.weight * credit(term, sentence.contextSet);
    }
    const coverage = inSentence / query.totalWeight;
    const context = inParagraph / query.totalWeight;
    // "The next day", counted from a stated day, dates as exactly as the day it counts from.
    const stated = sentence.dates.some(datesExactly);
    if (query.intent === "when" && sentence.dates.length > 0) bonus += stated ? WHEN_STATED : 0.08;
    if (
      query.intent === "when" &&
      !eventSaid &&
      sentence.dates.length > 0 &&
      namesEvent &&
      saysSomeVerb(sentence)
    ) {
      bonus -= EVENT_UNSAID;
    }
    if (
      query.intent === "when" &&
      eventSaid &&
      sentence.dates.length > 0 &&
      objectUnsaid(object, sentence, subject)
    ) {
      bonus -= OBJECT_UNSAID;
    }
    if (sentence.dates.length > 0 && descriptionUntold(described, sentence)) {
      bonus -= DESCRIPTION_UNSAID;
    }
    // "When … in 2023": a sentence dated that year tells of the event asked about. A year that
    // names the thing ("when did the 1989 agreement come into force") is one of its words, not
    // the answer's year: the agreement came into force in 1990, and "On 12 June 1989 … signed
    // the agreement" tells another of its events.
    const within = query.frame.within?.slice(0, 4);
    if (query.intent === "when" && within && sentence.dates.length > 0) {
      const years = sentence.dates.map((d) => d.date.iso.slice(0, 4));
      bonus += years.includes(within) ? 0.2 : -0.1;
    }
    // A question that names a publisher or author ("according to the BBC") wants that source.
    if (namesPublisher(query, sentence.paragraph.publishers)) bonus += 0.12;
    bonus -= OFF_SUBJECT * (1 - subject.placeFit(sentence));
    if (query.intent === "who" && PERSON.test(sentence.text)) bonus += 0.06;
    if (query.intent === "who" && describesName(query, sentence.text)) bonus += 0.1;
    if (query.intent === "why" && PURPOSE.test(sentence.text)) bonus += 0.08;
    // "China has never signed an incidents at sea agreement" neither dates the US-Soviet one nor
    // says it was never signed: it tells of another party's event, and does not answer.
    const another = query.intent === "when" && (subject.undoneByOther?.(sentence) ?? false);
    if (another) bonus -= OFF_SUBJECT;
    return {
      sentence,
      score: 0.55 * coverage + 0.2 * context + 0.25 * (score / top) + bonus,
      support: another ? 0 : Math.max(coverage, 0.85 * context),
      coverage,
    };
  });
  return ranked.sort((a, b) => b.score - a.score || a.sentence.ordinal - b.sentence.ordinal);
}

/**
 * Whether a date of a sentence dates it exactly: stated, or a day counted from a stated day ("The
 * next day"). A named function, not a closure per sentence.
 */
function datesExactly(d: Sentence["dates"][number]): boolean {
  return (
    d.basis === "stated" ||
    (d.basis === "relative" && d.date.precision === "day" && !d.date.approximate)
  );
}

/** Whether the question names (weightily) one of `publishers`, a sentence's document's publisher terms. */
function namesPublisher(query: Query, publishers: ReadonlySet<string>): boolean {
  for (let i = 0; i < query.terms.length; i++) {
    const t = query.terms[i] as QueryTerm;
    if (!t.implied && publishers.has(t.term) && t.weight > 1.5) return true;
  }
  return false;
}

/**
 * The question's terms that name what its event is done to: the typed terms right after its
 * first event term, up to the next event term ("agree on a hotline" → "hotline"; "sign the deal
 * on military trust" → "deal", "military", "trust"). Years and numbers are not: "stop answering
 * in 2023" names when, not what. Empty when the event closes the question ("when was it agreed").
 */
function objectTerms(query: Query): QueryTerm[] {
  const typed = query.terms.filter((t) => !t.implied);
  const at = typed.findIndex((t) => t.event);
  if (at < 0) return [];
  const after = typed.slice(at + 1);
  const end = after.findIndex((t) => t.event);
  return (end < 0 ? after : after.slice(0, end)).filter((t) => !/^\d+$/.test(t.term));
}

/**
 * Whether `sentence` says none of `object`, the question's object terms ({@link objectTerms}),
 * in any form or related word, nor does its document's subject supply them ("the delivery was complete"
 * in an article about Syria, for "delivered to syria"): "the two agreed on five points" tells
 * another agreement than "agree on a hotline". False when the question names no object.
 */
function objectUnsaid(object: QueryTerm[], sentence: Sentence, subject: SubjectView): boolean {
  return (
    object.length > 0 &&
    object.every((t) => credit(t, sentence.termSet) === 0 && !subject.supplies(sentence, t.term))
  );
}

/**
 * Whether `sentence` says less than {@link DESCRIPTION_TOLD} of the weight of `described`, the
 * terms of the question's describing clause (see describing.ts), in any form or related word.
 * False when the question has no such clause.
 */
function descriptionUntold(described: QueryTerm[], sentence: Sentence): boolean {
  if (described.length === 0) return false;
  const all = described.reduce((sum, t) => sum + t.weight, 0);
  const told = described.reduce(
    (sum, t) => sum + (credit(t, sentence.termSet) > 0 ? t.weight : 0),
    0,
  );
  return told < DESCRIPTION_TOLD * all;
}

/**
 * Whether `term` is a year a when-question puts its answer in ("when did they stop answering in
 * 2023") and `sentence` is dated in it: "has not picked up since 7 April", in an article of May
 * 2023, says the year through its date without writing it.
 */
function datedIn(query: Query, term: QueryTerm, sentence: Sentence): boolean {
  return (
    query.intent === "when" &&
    query.years.includes(term.term) &&
    sentence.dates.some((d) => d.date.iso.startsWith(term.term))
  );
}

const verbSaid = new WeakMap<Sentence, boolean>();

/**
 * Whether `sentence` has a word mostly used as a verb ("announced", "gave"): it tells of an
 * event. A citation ("International Herald Leader, 2008 March 18") tells of none, and dates what
 * the sentence pointing to it says. Read once per sentence.
 */
function saysSomeVerb(sentence: Sentence): boolean {
  let said = verbSaid.get(sentence);
  if (said === undefined) {
    said = (sentence.text.match(/\p{Ll}+/gu) ?? []).some((w) => isMainlyVerb(w));
    verbSaid.set(sentence, said);
  }
  return said;
}

/**
 * The sentence before `sentence` in its paragraph when `sentence` opens with "The" and a word
 * that sentence said ("… the Nuclear Risk Reduction Centers in Washington and Moscow … . The
 * centers were set up under an agreement signed on 15 September 1987"): the definite article
 * points back to what was just named. Undefined otherwise.
 */
function namedBefore(sentence: Sentence): Sentence | undefined {
  if (sentence.index === 0 || sentence.positions[0] !== 1 || !/^The\s/.test(sentence.text)) {
    return undefined;
  }
  const previous = sentence.paragraph.sentences[sentence.index - 1];
  const head = sentence.terms[0];
  return previous && head !== undefined && previous.termSet.has(head) ? previous : undefined;
}

/**
 * The terms of the title of `sentence`'s document when the sentence opens with "The" and a word
 * the title says and the sentence before it does not ("Rules of the road at sea - the 1972
 * Incidents at Sea agreement explained": "The agreement was signed in Moscow on 25 May 1972"):
 * the definite article points to the document's subject. Undefined otherwise.
 */
function namedInTitle(sentence: Sentence, subject: SubjectView): ReadonlySet<string> | undefined {
  if (sentence.positions[0] !== 1 || !/^The\s/.test(sentence.text)) return undefined;
  const head = sentence.terms[0];
  const title = subject.titleTerms?.(sentence);
  return head !== undefined && title?.has(head) ? title : undefined;
}

/**
 * "Who is Luo Yuan?" is best answered where the name is followed by a description:
 * "Major General Luo Yuan, the deputy director of …".
 */
function describesName(query: Query, text: string): boolean {
  const lower = text.toLowerCase();
  return query.terms.some((t) => {
    if (t.implied || t.surface.length < 3) return false;
    const at = lower.indexOf(`${t.surface.toLowerCase()},`);
    return at !== -1 && /^,\s+(the\s+)?\p{Ll}/u.test(text.slice(at + t.surface.length));
  });
}

/** Up to 0.1 for question terms that stand next to each other in the sentence too. */
function proximity(query: Query, sentence: Sentence): number {
  let bonus = 0;
  // Each term's place is looked up once: the second of one pair is the first of the next.
  let b = sentence.terms.indexOf(query.terms[0]?.term ?? "");
  for (let i = 1; i < query.terms.length; i++) {
    const a = b;
    b = sentence.terms.indexOf(query.terms[i]?.term ?? "");
    if (a === -1 || b === -1) continue;
    const gap = Math.abs((sentence.positions[a] ?? 0) - (sentence.positions[b] ?? 0));
    if (gap <= 2) bonus += 0.03;
  }
  return Math.min(bonus, 0.1);
}
