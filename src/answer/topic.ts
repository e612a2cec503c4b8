/**
 * What a thing the question names is about: "when did they sign the deal on military trust in
 * border areas" asks about the agreement on military trust, and a sentence telling of "an
 * agreement on mutual reduction of military forces in border areas" tells another agreement,
 * however many words it shares ("military", "border"). The question's noun, read as the index
 * reads it (so "deal" is the sources' "agreement"), and what follows "on", "about", "regarding"
 * or "concerning" after it. General English, no document words.
 */
import { MONTHS } from "../dates/months.js";
import { isMainlyVerb } from "../text/verb-forms.js";
import type { Query, QueryTerm } from "./query.js";
import type { Ranked } from "./rank.js";

/** Words that say what a thing is about. */
const ABOUT = /^(?:on|about|regarding|concerning)$/i;

/** Words that open a noun phrase, so that the word after them is a noun: "the deal". */
const DETERMINER = /^(?:the|a|an|this|that|its|their|another)$/i;

/** Words that end the phrase of a topic: a relative or a joining of clauses. */
const TOPIC_END = /^(?:which|that|when|who|where|while|but|because|after|before|since|until)$/i;

const MONTH_NAMES = new Set(MONTHS.map((m) => m.toLowerCase()));

/** What a dated sentence loses for a when-question when it tells the thing on another topic. */
export const TOPIC_UNSAID = 0.2;

/** Words and stops: a stop (punctuation) ends a topic. */
const WORDS_AND_STOPS = /[\p{L}\p{N}'’-]+|[,.;:!?()"“”]/gu;

/** A thing's term and the words of its topic. */
export interface Topic {
  thing: string;
  words: string;
}

/**
 * The topics of things in `text`: each noun (after a determiner, when `determined`) followed by
 * an {@link ABOUT} word, with the words after it up to a stop, a verb or {@link TOPIC_END}. A date
 * is not a topic ("the agreement on 14 March"). `term` reads a word as the index does.
 */
export function topicsIn(
  text: string,
  term: (word: string) => string,
  determined: boolean,
): Topic[] {
  const words = text.match(WORDS_AND_STOPS) ?? [];
  const topics: Topic[] = [];
  for (let i = 1; i + 2 < words.length; i++) {
    const noun = words[i] ?? "";
    if (!ABOUT.test(words[i + 1] ?? "") || !/^\p{L}/u.test(noun)) continue;
    if (determined && !DETERMINER.test(words[i - 1] ?? "")) continue;
    if (isMainlyVerb(noun.toLowerCase())) continue;
    const first = (words[i + 2] ?? "").toLowerCase();
    if (/^\d/.test(first) || MONTH_NAMES.has(first)) continue;
    const topic: string[] = [];
    for (let j = i + 2; j < words.length; j++) {
      const word = words[j] ?? "";
      if (!/^[\p{L}\p{N}]/u.test(word) || TOPIC_END.test(word)) break;
      if (isMainlyVerb(word.toLowerCase())) break;
      topic.push(word);
    }
    const thing = term(noun);
    if (thing !== "" && topic.length > 0) topics.push({ thing, words: topic.join(" ") });
  }
  return topics;
}

/** Whether `terms` say `t`, as typed, as a word it may stand for or a related word. */
function says(t: QueryTerm, terms: ReadonlySet<string>): boolean {
  return (
    terms.has(t.term) ||
    t.expansions.some((e) => terms.has(e)) ||
    (t.related?.some((r) => terms.has(r)) ?? false)
  );
}

/**
 * `ranked` with a dated sentence that tells the question's thing on another topic lowered by
 * {@link TOPIC_UNSAID} and sorted again: the question names a thing and its topic ("the deal on
 * military trust in border areas"), and the sentence names the same thing with a topic that
 * leaves out one of the question's topic words (not a place it asks about). Only for a
 * when-question; `ranked` as is otherwise, or when the question names no topic. `termsOf` and
 * `term` read text and words as the index does.
 */
export function onAskedTopic(
  question: string,
  query: Query,
  ranked: Ranked[],
  termsOf: (text: string) => string[],
  term: (word: string) => string,
): Ranked[] {
  if (query.intent !== "when") return ranked;
  const asked = topicsIn(question, term, true)[0];
  if (!asked) return ranked;
  const topicTerms = new Set(termsOf(asked.words));
  // "The agreement on the China-Russia border": the sides are who it is between, and a source
  // about them need not name them in the topic.
  const sides = new Set(query.places.flatMap((m) => termsOf(m.surface)));
  const wanted = query.terms.filter(
    (t) => !t.implied && !sides.has(t.term) && topicTerms.has(t.term),
  );
  if (wanted.length === 0) return ranked;
  let changed = false;
  const scored = ranked.map((r) => {
    if (r.sentence.dates.length === 0) return r;
    const told = topicsIn(r.sentence.text, term, false).filter((t) => t.thing === asked.thing);
    if (told.length === 0) return r;
    const said = new Set(told.flatMap((t) => termsOf(t.words)));
    if (wanted.every((t) => says(t, said))) return r;
    changed = true;
    return { ...r, score: r.score - TOPIC_UNSAID };
  });
  return changed
    ? scored.sort((a, b) => b.score - a.score || a.sentence.ordinal - b.sentence.ordinal)
    : ranked;
}
