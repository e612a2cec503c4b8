/**
 * "Who built the line?", "who installed the hotline?": questions for the doer of a deed. Only a
 * passage that tells of that deed, with its verb (in any form, or a word WordNet relates to it),
 * can say who did it: "a telephone line between the command posts" does not say who built it,
 * nor does "lists of their nuclear installations" say who installed anything. General English
 * forms, no document words.
 */
import { STOPWORDS } from "../search/stopwords.js";
import { isArtifact } from "../text/artifacts.js";
import { isAscii } from "../text/language.js";
import type { Sentence } from "../text/passages.js";
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import type { Query } from "./query.js";
import type { Ranked } from "./rank.js";

/** "who built", after a filler word or two ("yo who installed …"). */
const WHO_VERB = /^\W*(?:[\p{L}']+\W+){0,2}?who\s+([\p{L}]+)(?:\s+([\p{L}]+))?/iu;
/**
 * {@link WHO_VERB} for ASCII text, where `\p{L}` is `[A-Za-z]` and the `i` flag needs no Unicode
 * case table: same matches, at a fraction of the compile cost (most questions are ASCII).
 */
const WHO_VERB_ASCII = /^\W*(?:[A-Za-z']+\W+){0,2}?who\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?/i;

/** {@link WHO_VERB} on `question`, by its ASCII twin when the question is ASCII. */
function whoVerb(question: string): RegExpExecArray | null {
  return (isAscii(question) ? WHO_VERB_ASCII : WHO_VERB).exec(question);
}

/**
 * Verbs of saying, writing and talking: a source gives who said or wrote something by
 * attribution ("in Teng's view", "according to", its byline), and who answered or talked to whom
 * as a conversation ("had a phone conversation with his Russian counterpart Serdyukov"), far more
 * often than with the verb.
 */
export const SAYING: ReadonlySet<string> = new Set(
  `say says said tell tells told write writes wrote written report reports reported claim claims
  claimed argue argues argued think thinks thought believe believes believed suggest suggests
  suggested call calls called describe describes described answer answers answered reply replies
  replied respond responds responded talk talks talked speak speaks spoke spoken phone phones
  phoned ring rings rang contact contacts contacted`.split(/\s+/),
);

/** Particles of a phrasal verb ("picks up", "set off"): the verb alone is not the deed. */
const PARTICLE = /^(?:up|down|off|out|over|in|on|back|away|through|around)$/i;

/**
 * The verb of a who-question that asks for the doer of a deed ("who built the phone line" →
 * "built"), lower case; null for any other question, for "who is/was/did …", for light verbs the
 * analyzer drops ("who made the first call" asks who called), for phrasal verbs ("who picks up") and for
 * verbs of saying ("who wrote the article"), which sources tell in other words.
 */
export function deedAsked(question: string): string | null {
  const asked = whoVerb(question);
  const verb = asked?.[1]?.toLowerCase();
  if (
    verb &&
    MAKE.test(verb) &&
    madeThing(
      question.slice((asked?.index ?? 0) + (asked?.[0].length ?? 0) - (asked?.[2]?.length ?? 0)),
    )
  ) {
    return verb;
  }
  if (!verb || STOPWORDS.has(verb) || SAYING.has(verb) || PARTICLE.test(asked?.[2] ?? "")) {
    return null;
  }
  return isVerbForm(verb) ? verb : null;
}

/** Forms of "make": a light verb ("made the first call") unless a made thing follows. */
const MAKE = /^(?:make|makes|made|making)$/;

/** Verbs that tell of making a thing: "who made the phones" is answered by "… manufactured them". */
const PRODUCING = new Set(["make", "manufacture", "build", "produce", "supply", "design"]);

const DETERMINERS = /^(?:the|a|an|its|their|his|her|these|those|this|that)$/;

/**
 * Whether `rest` (what follows "who made") starts with a noun phrase whose head names a made
 * thing ("the phones on the line", "the first teleprinters"), not an act ("the first call").
 */
function madeThing(rest: string): boolean {
  const words = (rest.match(WORDS) ?? []).map((w) => w.toLowerCase());
  let i = 0;
  while (DETERMINERS.test(words[i] ?? "")) i++;
  const run: string[] = [];
  for (; i < words.length && !STOPWORDS.has(words[i] ?? ""); i++) run.push(words[i] ?? "");
  const head = run[run.length - 1];
  return head !== undefined && isArtifact(head);
}

/** The base of a verb form: irregular ("made" → "make") or regular ("manufactured"). */
function baseOf(word: string): string {
  return (
    baseVerb(word) ??
    [
      word,
      word.replace(/d$/, ""),
      word.replace(/ed$/, ""),
      word.replace(/e?s$/, ""),
      word.replace(/ing$/, ""),
      word.replace(/ing$/, "e"),
    ].find((f) => PRODUCING.has(f)) ??
    word
  );
}

/** A form of a verb: mostly used as one ("built", "installed") or an irregular form of one. */
function isVerbForm(word: string): boolean {
  return isMainlyVerb(word) || baseVerb(word) !== undefined;
}

const WORDS = /[\p{L}]+/gu;

/**
 * Whether `text` says the deed: a word used as a verb whose term is `terms` (the question verb's
 * term and its related ones).
 */
function saysDeed(text: string, terms: Set<string>, termOf: (word: string) => string): boolean {
  return (text.match(WORDS) ?? []).some((word) => {
    const lower = word.toLowerCase();
    return terms.has(termOf(lower)) && isVerbForm(lower);
  });
}

/** The sentence and its neighbours in its paragraph, where a deed and its doer may be told. */
function neighbourhood(sentence: Sentence): Sentence[] {
  return sentence.paragraph.sentences.slice(Math.max(0, sentence.index - 1), sentence.index + 2);
}

/** The text of the sentence and its neighbours in its paragraph. */
function around(sentence: Sentence): string {
  return neighbourhood(sentence)
    .map((s) => s.text)
    .join(" ");
}

/**
 * `ranked` kept to the sentences that tell of the deed a who-question asks about
 * ({@link deedAsked}), said in them or in the sentence before or after; unchanged for any other
 * question.
 */
export function tellingDeed(
  question: string,
  query: Query,
  ranked: Ranked[],
  termOf: (word: string) => string,
): Ranked[] {
  const verb = deedAsked(question);
  if (!verb) return ranked;
  // "Who made the phones": the light verb is read as making, said by any verb of making.
  if (MAKE.test(verb)) {
    const making = (text: string) =>
      [...text.matchAll(WORDS)].some((m) => {
        const base = baseOf(m[0].toLowerCase());
        // "to make sure", "made a call": "make" tells of making only with a made thing after it.
        if (base === "make") return madeThing(text.slice(m.index + m[0].length));
        return PRODUCING.has(base);
      });
    return ranked.filter((r) => making(around(r.sentence)));
  }
  const term = termOf(verb);
  const asked = query.terms.find((t) => t.term === term);
  const terms = new Set([term, ...(asked?.expansions ?? []), ...(asked?.related ?? [])]);
  // Only a sentence whose terms include the deed's is read word by word (the costly part).
  const told = new Map<Sentence, boolean>();
  const tells = (s: Sentence) => {
    let says = told.get(s);
    if (says === undefined) {
      says = [...terms].some((t) => s.termSet.has(t)) && saysDeed(s.text, terms, termOf);
      told.set(s, says);
    }
    return says;
  };
  return ranked.filter((r) => neighbourhood(r.sentence).some(tells));
}
