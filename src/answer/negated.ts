/**
 * Yes/no questions answered "no": "was the hotline really a red phone" is settled by "the hotline
 * was never a red telephone", "was there any direct link before 2018" by "the armies had no
 * direct link", "does Israel tell the Russians its targets" by "it does not tell them its
 * targets". The negation stands right before what the question asks of its subject (its
 * predicate), not before the subject ("it set up no hotline" does not say whether the hotline
 * was a red phone); a sentence that shares more of the question but never says whether it is so
 * (an account of the line's founding) does not settle it. General English grammar and
 * negation, no document words.
 */
import type { Sentence } from "../text/passages.js";
import { isMainlyVerb } from "../text/verb-forms.js";
import { leadFitting } from "./lead.js";
import type { Ranked } from "./rank.js";

/** A negation word: "not" (but not "not only … but also", which negates nothing), "no", "never", "-n't". */
const NEGATION = /\b(?:not(?!\s+only\b)|no|never|none|nobody|nothing|neither|nor)\b|n['’]t\b/giu;

/** How many words after a negation it reaches: "never a red telephone", "does not tell them". */
const REACH = 4;

/** Where a phrase stops: a negation does not reach over a comma or a clause's end. */
const PHRASE_END = /[,;:.!?()"“”]/u;

/** The auxiliary verb that opens a yes/no question. */
const AUXILIARY = /^(?:is|are|was|were|does|do|did|has|have|had|can|could|will|would)$/;

/** Words that fill a noun phrase or stress a predicate without saying what it is: "the", "any", "really". */
const FILLER =
  /^(?:the|a|an|any|some|this|that|these|those|its|their|his|her|our|be|been|being|ever|even|still|yet|already|also|just|now|then|really|actually|truly|indeed|only)$/;

/** An adverb: a word of {@link FILLER}'s stressing kind, or one in "-ly" ("really", "actually"). */
function isAdverb(word: string): boolean {
  return /^(?:ever|even|still|yet|already|also|just|now|then)$/.test(word) || /..ly$/.test(word);
}

/** Prepositions, after which a determiner stays in the subject ("the call on the line"). */
const PREPOSITION = /^(?:about|at|between|by|for|from|in|of|on|over|to|with|during|after|before)$/;

/**
 * Whether `words[i]` ends a yes/no question's subject: a verb ("tell"), an adverb ("really"), or
 * a determiner not after a preposition ("was the agreement | a hotline").
 */
function endsSubject(words: string[], i: number): boolean {
  const word = words[i] ?? "";
  if (isMainlyVerb(word) || isAdverb(word)) return true;
  return /^(?:a|an|the)$/.test(word) && !PREPOSITION.test(words[i - 1] ?? "");
}

const PRONOUN = /^(?:i|you|he|she|it|we|they)$/;

const WORDS = /[\p{L}\p{N}'’-]+/gu;

/**
 * The first word of a yes/no question's predicate (lower case), or null: what the question asks
 * of its subject, which a "no" answer negates. "was the hotline really a red phone" → "red",
 * "does israel tell the russians …" → "tell"; after "is there" / "was there", the first word of
 * what is said to exist ("was there any direct link …" → "direct"). The subject runs from the
 * auxiliary to the first verb or adverb; null when none ends it.
 */
export function predicateHead(question: string): string | null {
  const words = (question.toLowerCase().match(WORDS) ?? []).map(String);
  if (!AUXILIARY.test(words[0] ?? "")) return null;
  let i = 1;
  if (words[i] === "there") i++;
  // "did they use …": a pronoun is the whole subject; the verb follows it.
  else if (PRONOUN.test(words[i] ?? "")) i++;
  else {
    // The subject: at least one word past its determiner, up to a verb or an adverb.
    if (FILLER.test(words[i] ?? "")) i++;
    i++;
    while (i < words.length && !endsSubject(words, i)) i++;
  }
  while (i < words.length && FILLER.test(words[i] ?? "")) i++;
  return words[i] ?? null;
}

/** `word` and its regular inflections: "tell", "tells", "telled"; "use", "used", "using"; "plan", "planned". */
export function formsOf(word: string): string[] {
  const last = word.slice(-1);
  const bare = word.replace(/e$/, "");
  return [
    word,
    `${word}s`,
    `${word}es`,
    `${bare}ed`,
    `${bare}ing`,
    `${word}${last}ed`,
    `${word}${last}ing`,
  ];
}

/** Whether `a` and `b` (lower case) are forms of one word: "use" and "using", "link" and "links". */
export function sameWord(a: string, b: string): boolean {
  return isFormOf(a, b) || isFormOf(b, a);
}

/**
 * Whether `form` is one of {@link formsOf}(`word`), read without building the list: this runs
 * for every word a negation reaches in every candidate sentence of a yes/no question.
 */
function isFormOf(word: string, form: string): boolean {
  const last = word.slice(-1);
  if (form.startsWith(word)) {
    const rest = form.slice(word.length);
    if (rest === "" || rest === "s" || rest === "es") return true;
    if (rest === `${last}ed` || rest === `${last}ing`) return true;
  }
  const bare = word.endsWith("e") ? word.slice(0, -1) : word;
  if (form.startsWith(bare)) {
    const rest = form.slice(bare.length);
    if (rest === "ed" || rest === "ing") return true;
  }
  return false;
}

/**
 * Whether `text` negates `head` (a word, lower case): a negation followed, within {@link REACH}
 * words and in the same phrase, by a form of it ("never a red telephone" for "red", "does not
 * tell them" for "tell").
 */
export function negatesWord(text: string, head: string): boolean {
  return reachesNegated(reachesOf(text), head);
}

/** Whether a form of `head` is among the words a negation reaches ({@link reachesOf}). */
function reachesNegated(reaches: readonly string[][], head: string): boolean {
  return reaches.some((reach) => reach.some((w) => sameWord(w, head)));
}

/**
 * Per negation in `text` ({@link NEGATION}), the words it reaches: up to {@link REACH} words
 * after it, lower case, within its phrase. Empty when `text` negates nothing.
 */
function reachesOf(text: string): string[][] {
  const reaches: string[][] = [];
  for (const m of text.matchAll(NEGATION)) {
    const after = text.slice(m.index + m[0].length).split(PHRASE_END)[0] ?? "";
    reaches.push((after.toLowerCase().match(WORDS) ?? []).slice(0, REACH));
  }
  return reaches;
}

/** The words each negation of a sentence reaches ({@link reachesOf}), read once per sentence. */
const sentenceReaches = new WeakMap<Sentence, string[][]>();

function reachesIn(sentence: Sentence): string[][] {
  let reaches = sentenceReaches.get(sentence);
  if (!reaches) {
    reaches = reachesOf(sentence.text);
    sentenceReaches.set(sentence, reaches);
  }
  return reaches;
}

/**
 * Whether `question` asks whether its subject is only what its predicate says ("is the relationship
 * only bilateral"): "only" stands right before `head`, the predicate's first word.
 */
function asksOnly(question: string, head: string): boolean {
  return new RegExp(`\\bonly\\s+(?:(?:a|an|the)\\s+)?${escapeRegExp(head)}\\b`, "i").test(question);
}

/**
 * Whether `text` says `word` along with something else, which answers "is it only …" with no:
 * "both “bilateral” and “multilateral”", "not only bilateral", "bilateral as well as …".
 */
export function widensWord(text: string, word: string): boolean {
  const w = `${escapeRegExp(word)}(?:s|es)?`;
  const near = "\\W+(?:[\\p{L}-]+\\W+){0,2}?";
  return new RegExp(
    `\\bboth${near}${w}\\b|\\bnot\\s+only${near}${w}\\b|\\b${w}${near}as\\s+well\\s+as\\b`,
    "iu",
  ).test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A sentence negating the question's words answers a yes/no question down to this share of the best. */
const NEGATING_SCORE_MIN = 0.6;

/**
 * The sentence to lead an answer to a yes/no question (`question`): `top` when it negates the
 * question's predicate ({@link predicateHead}, {@link negatesWord}) or, for "is it only …", says
 * it along with something else ({@link widensWord}), else the best of `ranked`
 * within {@link NEGATING_SCORE_MIN} of it that does and is `supported`; `top` when none does or
 * the predicate cannot be read.
 */
export function negatingAsked(
  question: string,
  ranked: Ranked[],
  top: Ranked,
  supported: (r: Ranked) => boolean,
): Ranked {
  const head = predicateHead(question);
  if (!head) return top;
  // "is it only bilateral" is answered no by "both bilateral and multilateral".
  const only = asksOnly(question, head);
  return leadFitting(
    ranked,
    top,
    NEGATING_SCORE_MIN,
    supported,
    (r) => negatesWord(r.sentence.text, head) || (only && widensWord(r.sentence.text, head)),
  );
}

/**
 * For a yes/no question, a test of whether a sentence negates its predicate ({@link negatesWord}),
 * so that such sentences stay among the candidates however few of the question's words they
 * repeat: "was the hotline really a red phone" reads as "hotline" (a red phone is one), and "the
 * hotline was never a red telephone" would rank below many accounts of the hotline. Undefined for
 * any other question, or when its predicate cannot be read.
 */
export function negationKept(question: string): ((sentence: Sentence) => boolean) | undefined {
  const head = predicateHead(question);
  if (!head) return undefined;
  // Every yes/no question tests the corpus's sentences beyond the candidate cut: what each
  // sentence's negations reach is read once (kept per sentence, so per corpus), not per question.
  return (sentence) => reachesNegated(reachesIn(sentence), head);
}
