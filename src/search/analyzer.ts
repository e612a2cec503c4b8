/**
 * Turns text into search terms, the same way for passages and questions: Unicode NFKC,
 * straight quotes, possessives dropped, synonym phrases replaced by their group's canonical
 * word (longest first), stopwords dropped, Porter stemming, and single-word synonyms matched by
 * surface form or by stem.
 */
import { stemmer } from "stemmer";
import type { SynonymGroup } from "../corpus/load.js";
import { isEnglishWord } from "../text/english.js";
import { isLetters } from "../text/letters.js";
import { straightenQuotes } from "../text/normalize.js";
import { baseVerb } from "../text/verb-forms.js";
import { STOPWORDS } from "./stopwords.js";

/** One term of a text, with where it stood and how it was written. */
export interface Token {
  /** The indexed form: a canonical synonym, or a stem. */
  term: string;
  /** The word(s) as written. */
  surface: string;
  /** Word position in the text (stopwords count), for phrase and proximity checks. */
  position: number;
  /** Written with a capital and not at the start of a sentence: likely a name. */
  name: boolean;
  /**
   * Said as intended, expected or agreed, not as done: after "to", a modal ("would be opened"),
   * or, for a verb in -ing, "on"/"for"/"about" ("an agreement on setting up a line").
   */
  hypothetical: boolean;
}

const MODALS = new Set(["to", "would", "will", "could", "should", "might", "may", "shall", "can"]);
const ABOUT = new Set(["on", "for", "about", "of", "towards", "toward"]);

/** Whether a word after `prev` and `prev2` (lower case) is said as intended rather than done. */
function hypothetical(word: string, phrase: boolean, prev: string, prev2: string): boolean {
  if (MODALS.has(prev)) return true;
  if ((prev === "be" || prev === "been" || prev === "have") && MODALS.has(prev2)) return true;
  return ABOUT.has(prev) && (phrase || /ing$/i.test(word));
}

/** Analyses text into tokens. Build one per corpus with {@link createAnalyzer}. */
export interface Analyzer {
  tokens(text: string): Token[];
  /** Just the terms, in order. */
  terms(text: string): string[];
  /** The stem or canonical form of one word, as the index knows it ("" for a stopword). */
  term(word: string): string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 marks a phrase replaced by its canonical word.
const WORD = /[\p{L}\p{N}]+(?:\u0001)?/gu;

/**
 * "called" that introduces a name (a quotation follows, or nothing does: "what is it called?")
 * rather than a phone call ("who called whom"). The two senses share one spelling, and a call is
 * what this corpus is about, so the naming sense must not count as one.
 */
function naming(word: string, after: string): boolean {
  return word.toLowerCase() === "called" && /^(?:\s*["“‘]|[\s?.!]*$)/u.test(after);
}
const MARK = "\u0001";

/**
 * `text` with every match of `pattern` (global) in `lower`, its lower case of the same length,
 * replaced by `replace` of the same stretch of `text`: a case-insensitive replacement without
 * the `i` flag.
 */
function replacedAt(
  text: string,
  lower: string,
  pattern: RegExp,
  replace: (matched: string) => string,
): string {
  let out = "";
  let last = 0;
  for (const match of lower.matchAll(pattern)) {
    const end = match.index + match[0].length;
    out += text.slice(last, match.index) + replace(text.slice(match.index, end));
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * A letter–digit designation written with a hyphen: "S-300", "Il-20", "F-16s", "PP-17A". The
 * hyphen is dropped so the designation is one term, as chat writes it ("s300", "il20"); the
 * stemmer then reads a plural ("S300s") as the singular.
 */
const DESIGNATION = /(?<![\p{L}\p{N}-])(\p{L}{1,3})[-\u2010\u2011](\p{N}{1,4}\p{L}?)(?![\p{N}-])/gu;

/**
 * Whether a hyphened letter–number pair is a designation ("S-300", "MiG-29") rather than a word
 * and a number ("mid-1990s", "pre-2014", "Mid-90s", "Jan-2020"): a letter part of three letters or
 * more before a year, or that is an English word written as words are (lower case, or
 * capitalised), is a word.
 */
function designation(letters: string, number: string): boolean {
  if (letters.length < 3) return true;
  if (/^(?:1[6-9]|20)\d\d/.test(number)) return false;
  return !(/^\p{L}\p{Ll}+$/u.test(letters) && isEnglishWord(letters));
}

/** `text` with its hyphened designations written as one word ("S-300" → "S300"). */
export function joinDesignations(text: string): string {
  if (!text.includes("-") && !/[\u2010\u2011]/.test(text)) return text;
  return text.replace(DESIGNATION, (m, letters: string, digits: string) =>
    designation(letters, digits) ? `${letters}${digits}` : m,
  );
}

/** A run of letters and digits: one word of a phrase. */
const PHRASE_WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whether `pattern` is made of `joined` runs of letters and digits only: one word (`joined`
 * "") or plain words joined by spaces or hyphens. Tested with {@link PHRASE_WORD}, the one
 * Unicode expression every command compiles anyway.
 */
function wordsOnly(pattern: string, joined: RegExp): boolean {
  return pattern !== "" && joined.test(pattern.replace(PHRASE_WORD, ""));
}
const NOTHING = /^$/;
const SPACES_OR_HYPHENS = /^[\s-]*$/;
/** What may join the words of a phrase in text: "phone line", "phone-line", "phone - line". */
const PHRASE_GAP = /^[\s-]+$/;

/** A node of {@link phraseTrie}: the next words, and the canonical term a phrase ending here has. */
interface PhraseNode {
  next: Map<string, PhraseNode>;
  canonical?: string;
}

/** The phrases' words, lower case, as a trie. A later phrase with the same words replaces one, as in the canonical lookup. */
function phraseTrie(phrases: { pattern: string; canonical: string }[]): PhraseNode {
  const root: PhraseNode = { next: new Map() };
  for (const { pattern, canonical } of phrases) {
    let node = root;
    for (const word of pattern.toLowerCase().split(/[\s-]+/)) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    node.canonical = canonical;
  }
  return root;
}

/**
 * `text` with each phrase of `trie` (the longest at each word, then on after it) replaced by
 * `replace` of its canonical term. Words are matched in lower case; the words of a phrase may be
 * joined by spaces or hyphens.
 */
function replacedPhrases(
  text: string,
  trie: PhraseNode,
  replace: (canonical: string) => string,
): string {
  if (trie.next.size === 0) return text;
  const words = [...text.matchAll(PHRASE_WORD)];
  let out = "";
  let last = 0;
  for (let i = 0; i < words.length; i++) {
    let node = trie.next.get(words[i]?.[0].toLowerCase() ?? "");
    let found: { end: number; canonical: string } | undefined;
    for (let j = i; node; ) {
      const word = words[j] as RegExpExecArray;
      if (node.canonical) found = { end: j, canonical: node.canonical };
      const next = words[j + 1];
      if (!next || !PHRASE_GAP.test(text.slice(word.index + word[0].length, next.index))) break;
      node = node.next.get(next[0].toLowerCase());
      j++;
    }
    if (!found) continue;
    const start = words[i]?.index ?? 0;
    const endWord = words[found.end] as RegExpExecArray;
    out += text.slice(last, start) + replace(found.canonical);
    last = endWord.index + endWord[0].length;
    i = found.end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Builds an analyzer from synonym groups. A group term made of several words or with
 * punctuation ("phone line", "U.S.") is matched as a phrase; a single word matches by surface
 * form or stem. A term that is a stopword when lower-cased (`US`) matches only as written.
 */
export function createAnalyzer(groups: SynonymGroup[]): Analyzer {
  const single = new Map<string, string>();
  const phrases: { pattern: string; canonical: string; caseSensitive: boolean }[] = [];
  for (const group of groups) {
    for (const raw of group.terms) {
      const term = straightenQuotes(raw.normalize("NFKC"));
      const lower = term.toLowerCase();
      const caseSensitive = STOPWORDS.has(lower);
      if (wordsOnly(term, NOTHING) && !caseSensitive) {
        single.set(lower, group.canonical);
        single.set(stemmer(lower), group.canonical);
      } else {
        phrases.push({ pattern: term, canonical: group.canonical, caseSensitive });
      }
    }
  }
  phrases.sort((a, b) => b.pattern.length - a.pattern.length);
  const escapeRegExp = (s: string) =>
    s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s-]+");
  const build = (list: typeof phrases, flags: string) =>
    list.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${list.map((p) => escapeRegExp(p.pattern)).join("|")})(?![\\p{L}\\p{N}])`,
          flags,
        );
  // Phrases of plain words ("phone line", "hot-line") are matched word by word (a trie); only
  // those with other characters ("U.S.", "People's Liberation Army") by an expression, against
  // the lower-cased text rather than with the `i` flag. One expression of every phrase cost a
  // command about 10 % of its work to compile.
  const insensitivePhrases = phrases.filter((p) => !p.caseSensitive);
  const plain = (p: { pattern: string }) =>
    wordsOnly(p.pattern, SPACES_OR_HYPHENS) && !/^[\s-]|[\s-]$/.test(p.pattern);
  const trie = phraseTrie(insensitivePhrases.filter(plain));
  const folded = insensitivePhrases
    .filter((p) => !plain(p))
    .map((p) => ({ ...p, pattern: p.pattern.toLowerCase() }));
  const insensitive = build(folded, "gu");
  // For the rare text whose lower case is longer ("İ" is "i̇"): matched with the flag instead.
  let insensitiveFlagged: RegExp | null | undefined;
  const sensitive = build(
    phrases.filter((p) => p.caseSensitive),
    "gu",
  );
  const phraseCanonical = new Map<string, string>();
  for (const p of phrases) {
    const key = p.caseSensitive ? p.pattern : p.pattern.toLowerCase();
    phraseCanonical.set(key.replace(/[\s-]+/g, " "), p.canonical);
  }
  const lookupPhrase = (matched: string): string => {
    const folded = matched.replace(/[\s-]+/g, " ");
    return phraseCanonical.get(folded) ?? phraseCanonical.get(folded.toLowerCase()) ?? "";
  };

  const stemCache = new Map<string, string>();
  const term = (word: string): string => {
    const lower = word.toLowerCase();
    // A lone letter carries no topic ("china n russia", "r u sure"); a lone digit may.
    if (STOPWORDS.has(lower) || isLetters(lower, 1, 1)) return "";
    const cached = stemCache.get(lower);
    if (cached !== undefined) return cached;
    let result = single.get(lower);
    if (result === undefined) {
      // "blew" is read as "blow", "made" as "make": irregular forms the stemmer cannot undo.
      const word = baseVerb(lower) ?? lower;
      result = single.get(word);
      if (result === undefined) {
        // A number, and a decade ("1990s": not the year 1990), stay as written.
        const stem = /^\p{N}+$|^\p{N}+0s$/u.test(word) ? word : stemmer(word);
        result = single.get(stem) ?? stem;
      }
    }
    // Bounded: passages of a large corpus would otherwise fill it with every word.
    if (stemCache.size < 50_000) stemCache.set(lower, result);
    return result;
  };

  const tokens = (input: string): Token[] => {
    const straight = straightenQuotes(input.normalize("NFKC"));
    // Tested first: most text has no possessive, and the expression costs a command to compile.
    let text = joinDesignations(
      straight.includes("'") ? straight.replace(/(\p{L})'s\b/gu, "$1") : straight,
    );
    // Phrases become one marked word, `canonical\u0001`, so positions still count one word.
    const replace = (m: string) => {
      const canonical = lookupPhrase(m);
      return canonical ? ` ${canonical}${MARK} ` : m;
    };
    if (sensitive) text = text.replace(sensitive, replace);
    text = replacedPhrases(text, trie, (canonical) => ` ${canonical}${MARK} `);
    if (insensitive) {
      const lower = text.toLowerCase();
      if (lower.length === text.length) text = replacedAt(text, lower, insensitive, replace);
      else {
        insensitiveFlagged ??= build(folded, "giu");
        if (insensitiveFlagged) text = text.replace(insensitiveFlagged, replace);
      }
    }
    const out: Token[] = [];
    let position = 0;
    let sentenceStart = true;
    let prev = "";
    let prev2 = "";
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
      const word = match[0];
      const before = text.slice(Math.max(0, match.index - 3), match.index);
      if (/[.?!:]["')\s]*$/.test(before)) sentenceStart = true;
      const phrase = word.endsWith(MARK);
      const said = hypothetical(word, phrase, prev, prev2);
      if (phrase) {
        const canonical = word.slice(0, -1);
        out.push({
          term: canonical,
          surface: canonical,
          position,
          name: false,
          hypothetical: said,
        });
      } else if (naming(word, text.slice(match.index + word.length))) {
        // "an article called “…”", "what was the article called?": a name follows, not a phone call.
      } else {
        const t = term(word);
        const capital = /^\p{Lu}/u.test(word);
        if (t) {
          const name = capital && !sentenceStart;
          out.push({ term: t, surface: word, position, name, hypothetical: said && !name });
        }
      }
      prev2 = prev;
      prev = word.toLowerCase();
      position++;
      sentenceStart = false;
    }
    return out;
  };

  return { tokens, terms: (text) => tokens(text).map((t) => t.term), term };
}
