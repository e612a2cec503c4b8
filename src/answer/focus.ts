/**
 * The thing a "which …" or "what …" question asks for: "which company will build the line" asks
 * for a company, "what brand of telephones" for a brand, "what kind of phone" for a phone.
 * A passage that never names such a thing does not answer it, however many of the question's
 * other words it shares. General English question forms, not words of any document.
 */

import { stemmer } from "stemmer";
import { STOPWORDS } from "../search/stopwords.js";
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import { leadFitting } from "./lead.js";
import { type Query, type QueryTerm, saysTerm } from "./query.js";
import type { Ranked } from "./rank.js";

/** Words that ask for a time or a kind, answered by a date or by what follows them. */
const NOT_A_THING = new Set(
  "kind sort type types kinds sorts year years date dates day days month months time times".split(
    " ",
  ),
);

/**
 * Kinds of answer that a passage gives by naming one (a country by its name, a person by theirs),
 * not by using the word: "which country", "what officials".
 */
const NAMED_KINDS = new Set(
  `country countries nation nations state states side sides person people man men woman women
  official officials general generals minister ministers leader leaders president presidents
  agency agencies newspaper newspapers paper outlet outlets media publication author reporter`.split(
    /\s+/,
  ),
);

const PLURAL = /^.{2,}[^su]s$/;
/** Words asking for a kind of the things named after "of" ("what sort of phones"). */
const KIND = /^(?:kind|sort|type)s?$/;
const BE = /^(?:is|was|are|were|'s|’s)$/;
const DETERMINER = /^(?:the|a|an|his|her|its|their|this|that|these|those|it|them)$/i;
const WORDS = /[\p{L}\p{N}'’-]+/gu;

/**
 * The word naming what `question` asks for, lower case, or null when it asks for no kind of
 * thing ("what did Cao say", "what year …", "what made the line", "which country").
 */
export function focusWord(question: string): string | null {
  const asked = focusOf(question);
  if (!asked) return null;
  // A plural asks for a kind of things ("what practical questions block it"), which a passage
  // answers by listing them under any name; a singular asks for one, which must be named. So
  // does "what kind of phones": one kind of the things, which a passage names with them.
  return asked.kind || !PLURAL.test(asked.head) ? asked.head : null;
}

/**
 * The plural word naming the things `question` asks for ("what are the parts of the
 * mechanism" → "parts"), lower case, or null when it asks for no kind of things or for one
 * ({@link focusWord}).
 */
export function pluralFocus(question: string): string | null {
  const head = focusOf(question)?.head;
  return head && PLURAL.test(head) ? head : null;
}

/**
 * What `question` asks for: the head word of the thing, singular or plural, and whether it
 * asks for a kind of it ("what kind of phones"), or null (see {@link focusWord}).
 */
function focusOf(question: string): { head: string; kind: boolean } | null {
  const words = (question.match(WORDS) ?? []).map((w) => w.toLowerCase());
  let kind = false;
  let i = words.findIndex((w) => w === "which" || w === "what" || w === "who");
  // Only a question that starts with it (after a filler word or two) asks for a thing.
  if (i < 0 || i > 2) return null;
  const asker = words[i];
  i++;
  // "who was Cao's deputy", "what is the phone number of …": the thing asked stands after a
  // possessive or before "of".
  if (BE.test(words[i] ?? "")) {
    const possessive = words.findIndex((w, at) => at > i && /['’]s$/.test(w));
    const of = words.findIndex((w, at) => at > i && w === "of");
    if (possessive > 0) i = possessive + 1;
    else if (asker === "what" && words[i + 1] === "the" && of > i + 2) {
      const head = words[of - 1] ?? "";
      return NOT_A_THING.has(head) || NAMED_KINDS.has(head) ? null : { head, kind };
    } else return null;
  } else if (asker === "who") return null;
  // "which came first", "what happened next": a verb in the past tense straight after the
  // question word asks which of the things named did something, not for a kind of thing.
  if (isPastVerb(words[i] ?? "")) return null;
  if (NOT_A_THING.has(words[i] ?? "") && words[i + 1] === "of") {
    kind = KIND.test(words[i] ?? "");
    i += 2;
  }
  const run: string[] = [];
  for (; i < words.length && !STOPWORDS.has(words[i] ?? ""); i++) run.push(words[i] ?? "");
  // "what made the line …": a word followed by a determiner is a verb, not a thing; after a
  // noun it ends the noun phrase ("which agency reported the call", "which company builds it").
  if (DETERMINER.test(words[i] ?? "")) {
    if (run.length === 1) return null;
    run.pop();
  }
  // The noun phrase ends at its first plural ("what technical problems hold up …"), else at the
  // run's end ("which company will …").
  const head = run.find((w) => PLURAL.test(w)) ?? run[run.length - 1];
  if (!head || NOT_A_THING.has(head) || NAMED_KINDS.has(head) || /^\d/.test(head)) return null;
  return { head, kind };
}

/** A past-tense verb: an irregular form ("came", "began") or a mostly-verb word in "-ed". */
function isPastVerb(word: string): boolean {
  if (baseVerb(word) !== undefined) return true;
  return word.endsWith("ed") && isMainlyVerb(word);
}

/**
 * Why the sources do not answer `question`, when it asks for one kind of thing ({@link focusWord})
 * that neither the best passage nor its context names; null otherwise (and when nothing ranked).
 * The word counts as named through its synonyms and its fuzzy matches, as the question's other
 * words do.
 */
export function unnamedFocus(
  question: string,
  query: Query,
  ranked: Ranked[],
  termOf: (word: string) => string,
): string | null {
  const focus = focusWord(question);
  const top = ranked[0];
  if (!focus || !top) return null;
  const term = query.terms.find((t) => t.term === termOf(focus));
  const { termSet, contextSet } = top.sentence;
  const said = term && (saysTerm(term, termSet) || saysTerm(term, contextSet));
  if (said && !onlyAsVerb(top.sentence, term, focus, termOf)) return null;
  return `The sources do not say which ${focus}.`;
}

/** A past or "-ing" form of a verb: "called", "phoned", "rang", "speaking". */
function isVerbForm(word: string): boolean {
  return /\p{L}{2}(?:ed|ing)$/u.test(word) || baseVerb(word) !== undefined;
}

/**
 * Whether the context `sentence` is read in (its paragraph, the paragraphs either side and its
 * document's title) says `term` (as the analyzer reads a word, or a word it may stand for) only
 * by a verb's past or "-ing" form of another word: the corpus's synonyms may read a thing and a
 * deed as one term ("phone" and "called"), but "had called the Russian command" names no phone;
 * the asked word's own verb does ("routed" for "route"). False when no word there is read as the
 * term (it is then said by a phrase, and left as it was).
 */
function onlyAsVerb(
  sentence: Ranked["sentence"],
  term: QueryTerm,
  focus: string,
  termOf: (word: string) => string,
): boolean {
  // The asked word's own verb names the thing too: "routed through Tangier" gives the route.
  const own = stemmer(focus);
  const { paragraph } = sentence;
  const { doc, number } = paragraph;
  const near = doc.blocks.filter(
    (b) => b.kind === "paragraph" && Math.abs(b.number - number) === 1,
  );
  const texts = [paragraph.text, ...near.map((b) => b.text), doc.meta.title ?? ""];
  const terms = new Set([term.term, ...term.expansions]);
  let byVerb = false;
  for (const text of texts) {
    for (const word of text.match(WORDS) ?? []) {
      if (!terms.has(termOf(word))) continue;
      const lower = word.toLowerCase();
      if (!isVerbForm(lower) || stemmer(baseVerb(lower) ?? lower) === own) return false;
      byVerb = true;
    }
  }
  return byVerb;
}

/** A sentence naming the things asked for answers down to this share of the best score. */
const NAMING_KIND_SCORE_MIN = 0.6;

/**
 * The sentence to lead an answer to a question asking for a kind of things by a plural
 * ({@link pluralFocus}: "what are the parts of the mechanism"): `top` when it says that word,
 * else the best of `ranked` within {@link NAMING_KIND_SCORE_MIN} of it that does ("The 2018
 * agreement had three parts: …") and is `supported`; `top` when none does.
 */
export function namingKind(
  question: string,
  ranked: Ranked[],
  top: Ranked,
  termOf: (word: string) => string,
  supported: (r: Ranked) => boolean,
): Ranked {
  const kind = pluralFocus(question);
  const term = kind ? termOf(kind) : "";
  return leadFitting(ranked, top, NAMING_KIND_SCORE_MIN, supported, (r) =>
    term ? r.sentence.termSet.has(term) : true,
  );
}
