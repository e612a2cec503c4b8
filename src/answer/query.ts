/**
 * Reads a question: its terms with IDF weights (misspelled words matched to the vocabulary,
 * unknown names weighted heavily so an off-topic question cannot ride on one common word), what
 * kind of answer it wants, the years it names, and whether it is out of the corpus's scope.
 */

import { stemmer } from "stemmer";
import type { Analyzer } from "../search/analyzer.js";
import { acronymsRead, type PlaceMention } from "../search/gazetteer.js";
import type { SentenceIndex, TermStats } from "../search/index.js";
import { STOPWORDS } from "../search/stopwords.js";
import { memoWords } from "../text/built-file.js";
import { isCommonWord, isEnglishWord } from "../text/english.js";
import { isAscii } from "../text/language.js";
import { isLetters, isLowerLetters } from "../text/letters.js";
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import { PARTICLES, relatedTo } from "../text/wordnet.js";
import { redoneTerms, wordsAgain } from "./again.js";
import { describedTerms } from "./describing.js";
import type { Subjects } from "./subject.js";
import { readTimeFrame, type TimeFrame, withoutReferences } from "./timeframe.js";

/** What kind of answer a question wants. */
export type Intent = "when" | "who" | "why" | "what";

/** One distinct term of a question. */
export interface QueryTerm {
  term: string;
  surface: string;
  /** How much this term counts towards support: its IDF, or a high weight when unknown. */
  weight: number;
  /** The index knows the term as is. */
  known: boolean;
  /** Vocabulary terms a misspelled word may stand for (empty when known). */
  expansions: string[];
  /** Implied by the question's form, not typed ("what is it for" → purpose): ranks, never required. */
  implied: boolean;
  /**
   * The question itself says it as intended or agreed ("the agreement on strengthening trust"),
   * so a passage saying it the same way answers it in full.
   */
  hypothetical: boolean;
  /**
   * Corpus terms for words WordNet relates to this one in its commonest senses ("complete" for
   * "finish", "die" for "deaths"): a passage saying one of them says it in other words. Default none.
   */
  related?: string[];
  /**
   * Corpus terms of this word with the prefix "re-" when the question says it "again" ("open
   * again": "reopen"); also among {@link related}. Default none.
   */
  redone?: string[];
  /** A when-question's word for the event asked about ("signed", "set up"). Default false. */
  event?: boolean;
  /**
   * Said only in a relative clause that tells which of its kind the question's thing is ("the
   * meeting where they said they'd work on a treaty"): a description, never the event asked
   * about. Default false.
   */
  described?: boolean;
}

/** Whether `set` holds `term` as typed or one of the words it may stand for. */
export function saysTerm(term: QueryTerm, set: { has(term: string): boolean }): boolean {
  return set.has(term.term) || term.expansions.some((e) => set.has(e));
}

/** A question, read. */
export interface Query {
  terms: QueryTerm[];
  /** Sum of the weights of the typed (not implied) terms. */
  totalWeight: number;
  intent: Intent;
  /** Four-digit years the question names. */
  years: string[];
  /** Why the corpus cannot answer, when that is clear before searching. */
  outOfScope: string | null;
  /** The places (countries) the question names. */
  places: PlaceMention[];
  /** The time the question puts its answer in ("in 2023", "after the 2020 cut"). */
  frame: TimeFrame;
}

/** What question reading needs from the loaded corpus. */
export interface QueryContext {
  analyzer: Analyzer;
  stats: TermStats;
  /** Finds corpus terms near a misspelled word, or that a clipped word starts. */
  index: Pick<SentenceIndex, "near" | "prefixed">;
  /** The places and pairs of sides the documents are about. */
  subjects: Subjects;
  /** The name an acronym stands for in the sources ("LoC" → "Line of Control"); default none. */
  acronyms?: (word: string) => string | undefined;
  /**
   * The lower-case "X of Y" phrase a word is the initials of ("mou" → "memorandums of
   * understanding"), read only for a word no other reading explains; default none.
   */
  initials?: (word: string) => string | undefined;
}

const WHO =
  /^(who|whom|whose)\b|\b(which|what) (chinese |russian |american |u\.?s\.? )?(general|agency|news agency|newspaper|minister|official|officer|person|people|expert|analyst|organi[sz]ation|publication|reporter|president|leader|media|outlet)s?\b/i;
const WHEN =
  /^(when|what year|which year|what date|on what date|in what year|in which year|how long ago|since when|what month|which month)\b|\b(what|which) (year|date|day|month)\b/i;
const WHY =
  /^why\b|\bwhat(?:'?s)?\b.*\bfor\s*\??$|\b(purpose|goal|aim|point|meant to|designed to|used for)\b/i;

/** Reads `question` for `command` (`when` forces the when intent). */
export function readQuery(written: string, command: "ask" | "when", ctx: QueryContext): Query {
  // "in 72", "the 90s": chat's short years, read as the corpus's years ("in 1972", "the 1990s").
  const question = spacedDesignations(fullYears(written, ctx.stats), ctx);
  const named = ctx.subjects.places(question);
  // "the russia line, not the us one": a side the question sets aside is not asked about.
  const read = acronymsRead(question);
  const excluded = named.filter((m) => EXCLUDING.test(read.slice(0, m.from)));
  const places = named.filter((m) => !excluded.includes(m));
  const keptTerms = new Set(places.map((m) => placeTerm(ctx.analyzer, m)));
  const excludedTerms = new Set(
    excluded.map((m) => placeTerm(ctx.analyzer, m)).filter((t) => !keptTerms.has(t)),
  );
  const trimmed = question.trim();
  const intent: Intent =
    command === "when" || WHEN.test(trimmed)
      ? "when"
      : WHO.test(trimmed)
        ? "who"
        : WHY.test(trimmed)
          ? "why"
          : "what";
  // "after the July 2021 restoration" says when the answer is not: its words are not searched.
  const frame = readTimeFrame(question, ctx.analyzer.terms);
  // "…, not the hotline": what the question sets aside is not searched for either.
  const asked = withoutReferences(question, frame).replace(SET_ASIDE, " ");
  // Most questions set nothing aside: they are read once.
  const askedTerms =
    asked === question
      ? null
      : new Set(ctx.analyzer.terms(countriesCased(asked, ctx.subjects.places(asked))));
  const tokens = ctx.analyzer
    .tokens(
      withoutFutureGoing(
        countriesCased(question, named).replace(MEASURE_WORD, "how").replace(DATE_ASKED, "when"),
        named,
      ),
    )
    .filter(
      (t) =>
        !excludedTerms.has(t.term) &&
        (askedTerms?.has(t.term) ?? true) &&
        !STATUS_WORDS.has(t.surface.toLowerCase()) &&
        // "each others ships": a plural of a word that carries no topic ("other") carries none.
        !STOPWORDS.has(t.surface.toLowerCase().replace(/s$/, "")) &&
        !(intent === "when" && DATE_WORDS.has(t.surface.toLowerCase())),
    );
  const seen = new Map<string, QueryTerm>();
  const { stats } = ctx;
  // "loc", "MoD": an acronym the sources spell out is searched as the words they use.
  // A designation's letters may be one too: "pp17a" is "Patrolling Point 17A".
  const searched = tokens.flatMap((token) => {
    if (stats.df.has(token.term)) return [token];
    const [, letters = token.surface, number] = DESIGNATED.exec(token.surface) ?? [];
    if (!isLetters(letters, 2, 10)) return [token];
    const name =
      ctx.acronyms?.(letters) ??
      (number || !typedAsInitials(question, token.surface) ? undefined : phraseOf(ctx, token));
    if (!name) return [token];
    const spelled = ctx.analyzer.tokens(number ? `${name} ${number}` : name);
    return spelled.map((t) => ({ ...t, name: false, acronym: token.term }));
  });
  // A place the documents never name, by any of its names or by a corpus synonym ("Kazak").
  const unnamed = places.find(
    (m) => !ctx.subjects.mentioned(m) && !stats.df.has(ctx.analyzer.term(m.surface)),
  );
  let outOfScope: string | null = unnamed
    ? `The sources say nothing about ${unnamed.surface}.`
    : null;
  // A place named as the sources never name it is found by the names they use: "pak" by
  // "Pakistan", "Islamabad" by "Pakistan".
  const otherNames = new Map<string, string[]>();
  for (const m of places) {
    const term = placeTerm(ctx.analyzer, m);
    const terms = m.codes.flatMap((code) => oneTermNames(ctx, code)).filter((t) => t !== term);
    otherNames.set(term, [...new Set(terms)]);
  }
  const particles = phrasalParticles(question);
  const again = wordsAgain(question);
  for (const token of searched) {
    if (seen.has(token.term)) continue;
    const known = stats.df.has(token.term);
    let related =
      token.name || keptTerms.has(token.term)
        ? []
        : relatedOnce(token.surface, token.term, ctx, particles.get(token.surface.toLowerCase()));
    // "open again" is said "reopened": the prefixed word comes first among the related.
    const redone = again.has(token.surface.toLowerCase())
      ? redoneTerms(token.surface, (w) => inflectedTerms(w, ctx)).filter((t) => t !== token.term)
      : [];
    if (redone.length > 0) {
      // A new array: the related words are read once and shared between questions.
      related = [...new Set([...redone, ...related])];
    }
    const other = otherNames.get(token.term);
    const read = known
      ? { terms: [], clipped: false }
      : other
        ? { terms: other, clipped: false }
        : unknownWord(ctx, token, related);
    const expansions = read.terms;
    let weight: number;
    if (known) weight = stats.idf(token.term);
    else if (expansions.length > 0) weight = Math.max(...expansions.map((e) => stats.idf(e)));
    // An unknown name or number is what the question is about; an unknown common word less so.
    else if (token.name || /^\d+$/.test(token.term)) weight = stats.maxIdf * 1.2;
    else weight = stats.maxIdf * 0.5;
    seen.set(token.term, {
      term: token.term,
      surface: token.surface,
      weight,
      known,
      expansions,
      implied: false,
      hypothetical: token.hypothetical,
      // A clipping stands for the word it clips: the other senses of the short form ("sub", a
      // sandwich, a "bomber") are not what the question says.
      related: read.clipped ? [] : related.filter((r) => !expansions.includes(r)),
      ...(redone.length > 0 ? { redone } : {}),
    });
  }
  shareAcronyms(searched, seen);
  // In a short question, a word the sources never use is likely its subject ("make sourdough").
  const typed = [...seen.values()];
  const unknown = typed.filter((t) => !t.known && t.expansions.length === 0);
  if (!outOfScope && typed.length <= 3 && unknown.length * 2 >= typed.length) {
    outOfScope = `The sources never mention ${unknown.map((t) => t.surface).join(" or ")}.`;
  }
  if (!outOfScope) {
    // Two sides named together name a pair, unless more are listed with them ("China, Russia, …");
    // a place named apart ("over Syria") is where, not a side.
    // The question's places were read above (`named`): not read again.
    const pairs = excluded.length === 0 ? ctx.subjects.pairsIn(question, named) : [];
    const uncovered = pairs.find((pair) => !ctx.subjects.covers(pair));
    if (uncovered) outOfScope = "The sources do not cover a hotline between those two sides.";
  }
  // "What is the line for?" asks for a purpose though it never says the word.
  const purpose = ctx.analyzer.term("purpose");
  if (intent === "why" && purpose && stats.df.has(purpose) && !seen.has(purpose)) {
    seen.set(purpose, {
      term: purpose,
      surface: "purpose",
      weight: stats.idf(purpose),
      known: true,
      expansions: [],
      implied: true,
      hypothetical: false,
    });
  }
  const terms = [...seen.values()];
  // A word related to another of the question's own ("connected" → "link", a hotline) adds nothing.
  for (const t of terms) t.related = t.related?.filter((r) => !seen.has(r));
  if (intent === "when") {
    const described = describedTerms(question, ctx.analyzer.terms);
    for (const t of terms) if (described.has(t.term)) t.described = true;
    weighEvent(terms);
  }
  if (intent === "when") relateAspect(terms, ctx);
  if (intent === "when") {
    const begun = beginningAsked(question, terms, ctx);
    if (begun) terms.push(begun);
  }
  return {
    terms,
    totalWeight: terms.reduce((sum, t) => sum + (t.implied ? 0 : t.weight), 0),
    intent,
    years: [...new Set(asked.match(/\b(1[6-9]|20)\d\d\b/g) ?? [])],
    frame,
    outOfScope,
    places,
  };
}

/**
 * Least share of a when-question's weight that its event words carry ("established", "signed",
 * "cut"): the event decides which date answers, while the names of the sides, rarer and so
 * heavier, are often supplied by the document's subject rather than said again in the sentence.
 */
export const EVENT_SHARE = 0.3;

/**
 * Raises the weight of `terms` that name the event (a word mostly used as a verb, or a phrase
 * starting with one: "set up") so that together they carry at least {@link EVENT_SHARE} of the
 * typed weight. Implied terms and questions without an event word are left as they are.
 */
/** Having or getting something: "since when have they had a hotline", "when did they get one". */
const HAVING = /\b(?:have|has|had|having|get|gets|got|gotten|getting)\b/i;

/**
 * "Since when have China and Russia had a hotline?" names no event: it asks when the having
 * began, which is when the thing was set up. Returns that event as a term the answer must say
 * (the corpus's word for "established"), or null when the question names an event of its own,
 * says nothing of having, or the corpus has no such word.
 */
function beginningAsked(question: string, terms: QueryTerm[], ctx: QueryContext): QueryTerm | null {
  if (!HAVING.test(question) || terms.some((t) => !t.implied && isEvent(t))) return null;
  const term = ctx.analyzer.term("established");
  if (!term || !ctx.stats.df.has(term) || terms.some((t) => t.term === term)) return null;
  return {
    term,
    surface: "established",
    weight: ctx.stats.idf(term),
    known: true,
    expansions: [],
    implied: false,
    hypothetical: false,
  };
}

/**
 * A two-digit year where only a year stands: after an apostrophe ("'72") or after "in", "since",
 * "during"… when nothing but punctuation or a small word follows ("signed in 72", "in 72 with
 * Moscow"; not "in 72 hours"). Not after "of", "by" or "from", which more often count ("3 of 15",
 * "cut by 10", "from 10 to 20").
 */
const SHORT_YEAR =
  /(?:(?<![\p{L}\p{N}])['’‘]|\b(?:in|since|until|before|after|during|around|circa|early|late|mid)\s+)(\d\d)\b(?!['’]?s\b)(?=\s*(?:$|[?.!,;:)]|([\p{L}]+)))/giu;

/** A decade in words: "the nineties" is "the 90s". */
const DECADE_WORDS = /\b(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b/gi;
const DECADE_DIGITS = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"];

/** A decade in two digits: "90s", "the '90s", "80's". */
const SHORT_DECADE = /(?<![\p{L}\p{N}'’‘-])['’‘]?([1-9]0)['’]?s\b/gu;

/**
 * `question` with its two-digit years and decades written in full, in the century the corpus
 * speaks of ("in 72" → "in 1972" when the sources name 1972 and not 2072; "the 90s" → "the
 * 1990s"). A year the sources name in neither century is taken as the latest that is not in the
 * future. Other numbers ("in 72 hours", "15 killed") are left alone.
 */
export function fullYears(question: string, stats: Pick<TermStats, "df">): string {
  if (!/\d\d|ies\b/.test(question)) return question;
  const now = new Date().getUTCFullYear() % 100;
  const century = (years: (c: string) => string[], two: number): string => {
    const named = (c: string) => years(c).filter((y) => stats.df.has(y)).length;
    const [old, recent] = [named("19"), named("20")];
    if (old !== recent) return old > recent ? "19" : "20";
    return two > now ? "19" : "20";
  };
  return question
    .replace(DECADE_WORDS, (m, stem: string) => {
      const digit = DECADE_DIGITS.indexOf(stem.toLowerCase()) + 2;
      return digit >= 2 ? `${digit}0s` : m;
    })
    .replace(SHORT_YEAR, (m, two: string, after: string | undefined) => {
      if (after && !STOPWORDS.has(after.toLowerCase())) return m;
      const full = `${century((c) => [c + two], Number(two))}${two}`;
      return `${m.slice(0, m.length - 2).replace(/['’‘]$/, "")}${full}`;
    })
    .replace(SHORT_DECADE, (_, two: string) => {
      const decade = (c: string) => Array.from({ length: 10 }, (_, i) => `${c}${two[0]}${i}`);
      return `${century(decade, Number(two))}${two}s`;
    });
}

/**
 * The words an acronym was spelled out into ("nrrc": nuclear, risk, reduction, centers) name one
 * thing, as the acronym did, so together they weigh less than as many words typed: their sum
 * shrinks towards the heaviest of them, by the square root of its share. A sentence that only says
 * the name then outweighs less one that says what the question asks about it. (Weighing them as
 * the heaviest alone measured worse: a question of the acronym and one other word, "does incsea
 * cover subs", lost its support in the acronym's document.)
 */
function shareAcronyms(
  tokens: { term: string; acronym?: string }[],
  seen: Map<string, QueryTerm>,
): void {
  const groups = new Map<string, QueryTerm[]>();
  for (const token of tokens) {
    const term = seen.get(token.term);
    if (!token.acronym || !term) continue;
    const group = groups.get(token.acronym) ?? [];
    if (!group.includes(term)) group.push(term);
    groups.set(token.acronym, group);
  }
  for (const group of groups.values()) {
    const sum = group.reduce((total, t) => total + t.weight, 0);
    const scale = Math.sqrt(Math.max(...group.map((t) => t.weight)) / sum);
    for (const t of group) t.weight *= scale;
  }
}

/**
 * Whether `surface` is written in `question` as initials are: in capitals ("MOU", "MoU") or with
 * an apostrophe before its plural or possessive "s" ("mou's"). A plain lower-case word ("gov",
 * "tot") is more often a clipping or a word of chat than three initials.
 */
function typedAsInitials(question: string, surface: string): boolean {
  const at = new RegExp(
    `(?<![\\p{L}\\p{N}])(${escaped(surface)})(['’]s)?(?![\\p{L}\\p{N}])`,
    "giu",
  );
  for (const [, word = "", apostrophe] of question.matchAll(at)) {
    if (apostrophe || (word.match(/\p{Lu}/gu) ?? []).length >= 2) return true;
  }
  return false;
}

/** `text` with the characters a regular expression reads specially escaped. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The lower-case phrase an unknown word is the initials of ({@link QueryContext.initials}), when
 * it is neither a misspelling nor a clipping of a corpus word: "nov" is November's clipping, and
 * "mou's" the initials of "memorandums of understanding".
 */
function phraseOf(
  ctx: QueryContext,
  token: { surface: string; term: string; name: boolean },
): string | undefined {
  const phrase = ctx.initials?.(token.surface);
  if (!phrase) return undefined;
  const misspelling = readOnce(ctx, ["misspelt", token.surface, token.term], () =>
    misspelt(ctx, token.surface, token.term),
  );
  const clipping = token.name
    ? []
    : readOnce(ctx, ["clipped", token.surface], () => clipped(ctx, token.surface));
  return misspelling.length === 0 && clipping.length === 0 ? phrase : undefined;
}

/** A designation as the analyzer joins it: letters, then a number ("pp17a", "s300"). */
const DESIGNATED = /^(\p{L}+)(\p{N}+\p{L}?)$/u;

/** Letters, a space, then a number: "il 20", "s 300", "F 16s". */
const SPACED = /(?<![\p{L}\p{N}])(\p{L}{1,3})\s+(\p{N}{1,4}\p{L}?)(?![\p{L}\p{N}])/gu;

/**
 * `question` with a designation written with a space ("il 20", "s 300s") joined as the sources
 * write it ("il20"), when the joined term is the corpus's: "in 72" or "May 25" never is.
 */
function spacedDesignations(question: string, ctx: QueryContext): string {
  if (!/\p{L}\s+\p{N}/u.test(question)) return question;
  return question.replace(SPACED, (m, letters: string, number: string) => {
    const joined = `${letters}${number}`;
    return ctx.stats.df.has(ctx.analyzer.term(joined)) ? joined : m;
  });
}

/** Most related terms a question word is searched by. */
const MOST_RELATED = 4;

/** A word and the particle after it ("go over", "called off"). */
const PHRASAL = new RegExp(`\\b(\\p{L}+)\\s+(${PARTICLES})\\b`, "giu");
/** {@link PHRASAL} for ASCII text (`\p{L}` is `[A-Za-z]` there): same matches, far cheaper to compile. */
const PHRASAL_ASCII = new RegExp(`\\b([A-Za-z]+)\\s+(${PARTICLES})\\b`, "gi");

/**
 * The particle after each word of the question that may make a phrasal verb with it, by the
 * word in lower case ("sit down to go over it": "sit" → "down", "go" → "over").
 */
export function phrasalParticles(question: string): Map<string, string> {
  const found = new Map<string, string>();
  const phrasal = isAscii(question) ? PHRASAL_ASCII : PHRASAL;
  for (const [, word = "", particle = ""] of question.matchAll(phrasal)) {
    found.set(word.toLowerCase(), particle.toLowerCase());
  }
  return found;
}

/**
 * Corpus terms for the words WordNet relates to `surface` (tried as written, then as the
 * dictionary form of a plural or an inflected verb), other than `term` itself. With the
 * `particle` that follows it, the phrasal verb WordNet knows is read first ("went over" as
 * "go_over": "review"), as it says what the verb alone does not.
 */
function relatedTerms(
  surface: string,
  term: string,
  ctx: QueryContext,
  particle?: string,
): string[] {
  const word = surface.toLowerCase();
  if (!isLowerLetters(word)) return [];
  // A word the corpus's synonyms already place ("connected" sets a line up) means what they say.
  if (term !== stemmer(baseVerb(word) ?? word)) return [];
  // An irregular verb form is read as its verb first: "shot" in "was it shot down" is "shoot"
  // (related to "hit"), not the noun "shot" (a "pellet").
  const forms = [
    baseVerb(word),
    word,
    word.replace(/ies$/, "y"),
    word.replace(/e?s$/, ""),
    word.replace(/s$/, ""),
    word.replace(/e?d$/, ""),
    // "died", "tied": verbs in -ie take a bare -d (others in -ied are -y verbs: "tried").
    word.replace(/ied$/, "ie"),
    word.replace(/ing$/, ""),
    word.replace(/ing$/, "e"),
  ];
  const phrasal = particle
    ? forms.map((f) => f && `${f}_${particle}`).find((f) => f && relatedTo(f).length > 0)
    : undefined;
  const lemma = forms.find((f) => f && f.length >= 3 && relatedTo(f).length > 0);
  // The phrasal verb's words come first; the verb's own follow, as WordNet may list a sense of
  // the phrase that the verb alone has ("shoot down" is also "shoot", "tear") before the one meant.
  const words = [...(phrasal ? relatedTo(phrasal) : []), ...(lemma ? relatedTo(lemma) : [])];
  const terms = words.flatMap((w) => inflectedTerms(w, ctx)).filter((t) => t !== term);
  return [...new Set(terms)].slice(0, MOST_RELATED);
}

/** {@link relatedTerms}, read once per context and word ({@link readOnce}). */
function relatedOnce(
  surface: string,
  term: string,
  ctx: QueryContext,
  particle: string | undefined,
): string[] {
  return readOnce(ctx, ["related", surface, term, particle], () =>
    relatedTerms(surface, term, ctx, particle),
  );
}

/**
 * The corpus terms of `word` in any regular inflection the sources use: the stemmer keeps some
 * apart ("die" is "die", "died" is "di"), so a related word is looked for as the sources write it.
 */
function inflectedTerms(word: string, ctx: QueryContext): string[] {
  const forms = [
    word,
    `${word}s`,
    `${word}d`,
    `${word}ed`,
    `${word}ing`,
    word.replace(/e$/, "ing"),
  ];
  const terms = forms
    .map((f) => ctx.analyzer.term(f))
    .filter((t) => t !== "" && ctx.stats.df.has(t));
  return [...new Set(terms)];
}

/**
 * Corpus terms an unknown question word stands for (`terms`): a misspelling ("serdukov"), a
 * clipped form ("subs" for "submarines", "deconf" for "deconfliction"; then `clipped`) or another
 * form of the same word that the stemmer keeps apart ("delivered" for "delivery"); no terms when
 * it is none of these.
 */
function unknownWord(
  ctx: QueryContext,
  token: { surface: string; term: string; name: boolean },
  related: string[],
): { terms: string[]; clipped: boolean } {
  const misspelling = readOnce(ctx, ["misspelt", token.surface, token.term], () =>
    misspelt(ctx, token.surface, token.term),
  );
  if (misspelling.length > 0) return { terms: misspelling, clipped: false };
  const clipping = token.name
    ? []
    : readOnce(ctx, ["clipped", token.surface], () => clipped(ctx, token.surface));
  if (clipping.length > 0) return { terms: clipping, clipped: true };
  return { terms: related.filter((r) => sameWord(token.term, r)), clipped: false };
}

/**
 * Whether two terms are forms of one word the stemmer left apart ("deliv" for "delivered" and
 * "deliveri" for "delivery"): the shorter, less at most its last letter, starts the longer, and
 * that is at least four letters.
 */
function sameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const root = long.startsWith(short) ? short : short.slice(0, -1);
  return root.length >= 4 && long.startsWith(root);
}

/** Shortest clipped form read as one ("sub", "min"): two letters start too many words. */
const SHORTEST_CLIPPING = 3;

/**
 * Corpus terms a clipped word stands for ("subs" → "submarines", "govt"…). A common English word
 * is never a clipping ("pro" is a word, not "protest"). A word that WordNet knows is read as a
 * clipping only of a word it gives as its synonym ("sub" → "submarine", "min" → "minute"); one it
 * does not know stands for the corpus terms it starts, if it has five letters or more and there
 * are at most three. A name (written with a capital) is never a clipping.
 */
function clipped(ctx: QueryContext, surface: string): string[] {
  const word = surface.toLowerCase();
  const clip = word.length > SHORTEST_CLIPPING ? word.replace(/(?<!s)s$/, "") : word;
  if (clip.length < SHORTEST_CLIPPING || !isLowerLetters(clip)) return [];
  if (isCommonWord(word) || isCommonWord(clip)) return [];
  const synonyms = relatedTo(clip);
  if (synonyms.length > 0 || isEnglishWord(word) || isEnglishWord(clip)) {
    const whole = synonyms.filter((w) => w.length > clip.length && w.startsWith(clip));
    return [...new Set(whole.flatMap((w) => inflectedTerms(w, ctx)))].slice(0, 3);
  }
  // Four letters or fewer are as often an unknown name ("modi") as a clipping.
  return clip.length > UNKNOWN_CLIPPING ? ctx.index.prefixed(clip) : [];
}

/** Longest word not read as a clipping by the corpus terms it starts alone. */
const UNKNOWN_CLIPPING = 4;

/**
 * Whether a term names an event: a word mostly used as a verb, or a phrase starting with one; not
 * one that only describes which thing is meant ("the meeting where they said …": {@link
 * QueryTerm.described}).
 */
function isEvent(t: QueryTerm): boolean {
  return !t.described && isMainlyVerb(t.surface.toLowerCase().split(/\s+/)[0] ?? "");
}

function weighEvent(terms: QueryTerm[]): void {
  const typed = terms.filter((t) => !t.implied);
  const events = typed.filter(isEvent);
  const all = typed.reduce((sum, t) => sum + t.weight, 0);
  for (const t of events) t.event = true;
  const event = events.reduce((sum, t) => sum + t.weight, 0);
  if (event === 0 || event >= EVENT_SHARE * all) return;
  const factor = (EVENT_SHARE * (all - event)) / ((1 - EVENT_SHARE) * event);
  for (const t of events) t.weight *= factor;
}

/**
 * Verbs that say something began or ended, by their base forms: an event asked about is said by
 * any verb of its kind ("when did the war stop" by "ended the fighting"), and not by one of the
 * other kind ("a full-scale war began"). WordNet relates these only one way ("end" to "stop",
 * not "stop" to "end"), and not at all as opposites.
 */
export const ASPECTS: Readonly<Record<"begin" | "end", readonly string[]>> = {
  begin: ["begin", "start", "commence", "erupt"],
  end: ["end", "stop", "cease", "finish", "halt", "terminate", "conclude"],
};

const ASPECT_STEMS = {
  begin: new Set(ASPECTS.begin.map((w) => stemmer(w))),
  end: new Set(ASPECTS.end.map((w) => stemmer(w))),
};

/** Which of {@link ASPECTS} a word (any form: "began", "stopped") says, or null. */
export const aspectOf: (word: string) => "begin" | "end" | null = memoWords((word) => {
  const lower = word.toLowerCase();
  const stem = stemmer(baseVerb(lower) ?? lower);
  if (ASPECT_STEMS.begin.has(stem)) return "begin";
  return ASPECT_STEMS.end.has(stem) ? "end" : null;
});

/** "Fighting broke out": a beginning said by a verb and its particle. */
const BROKE_OUT = /\b(?:break|breaks|broke|broken|breaking)\s+out\b/i;

/** The kinds of {@link ASPECTS} that `text` says. */
export function aspectsSaid(text: string): Set<"begin" | "end"> {
  const kinds = new Set<"begin" | "end">();
  if (BROKE_OUT.test(text)) kinds.add("begin");
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const kind = aspectOf(word);
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/** An event word that says a beginning or an end is also said by the corpus's words of its kind. */
function relateAspect(terms: QueryTerm[], ctx: QueryContext): void {
  for (const t of terms) {
    if (!t.event) continue;
    const kind = aspectOf(t.surface);
    if (!kind) continue;
    const kin = ASPECTS[kind]
      .map((w) => ctx.analyzer.term(w))
      .filter((k) => k !== "" && k !== t.term && ctx.stats.df.has(k));
    t.related = [...new Set([...(t.related ?? []), ...kin])];
  }
}

/**
 * Words that ask where something stands ("us china hotline status", "any update on the line"):
 * they say what kind of answer is wanted, not what it is about, so they are not searched for.
 */
export const STATUS_WORDS: ReadonlySet<string> = new Set(["status", "update", "updates"]);

/** "how often", "how long": the word says what kind of answer is wanted, not what it is about. */
const MEASURE_WORD = /\bhow\s+(?:often|frequently|long|soon)\b/gi;

/** "going to" or "gonna" and the word after it. */
const GOING_TO = /\b(?:going\s+to|gonna)(\s+)(\p{L}+)/giu;
/** Held by every text {@link GOING_TO} matches. */
const MAY_GO = /go(?:ing|nna)/i;

/** Words that open a noun phrase: "going to the summit" is a journey, not a future. */
const NOUN_PHRASE_START =
  /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|some|another|every|each)$/i;

/**
 * The question without the "going to"/"gonna" of a future ("what it's going to bomb" asks about
 * bombing, not going): otherwise "go", a rare word in the sources, is read as the event asked
 * about. It stays when what follows is a destination: a noun phrase's determiner, a name
 * written with a capital or a place the question names ("going to moscow").
 */
export function withoutFutureGoing(question: string, places: readonly PlaceMention[]): string {
  const placeStarts = new Set(places.map((m) => m.surface.toLowerCase().split(/\s+/)[0]));
  // A plain pre-test that holds whenever GOING_TO can match spares compiling it for most questions.
  if (!MAY_GO.test(question)) return question;
  return question.replace(GOING_TO, (whole, space: string, next: string) => {
    const destination =
      NOUN_PHRASE_START.test(next) ||
      next[0] !== next[0]?.toLowerCase() ||
      placeStarts.has(next.toLowerCase());
    return destination ? whole : `${space}${next}`;
  });
}

/**
 * "since when", "what year", "on which date": the words ask for a date, which the intent says;
 * searched for, "since" or "year" would favour sentences that happen to say them.
 */
const DATE_ASKED =
  /\b(?:since\s+when|how\s+long\s+ago|(?:what|which)\s+(?:year|date|day|month))\b/gi;

/**
 * "galwan clash date", "when did the meeting finally happen": in a when-question the word names
 * the answer wanted, or stands for the event the rest of the question names, not its subject.
 */
const DATE_WORDS: ReadonlySet<string> = new Set(
  "date dates happen happens happened occur occurs occurred".split(" "),
);

/** The words that set something aside ("not", "rather than", …), for the two patterns below. */
const SETTING_ASIDE = "not|rather than|instead of|other than|except|apart from";

/** A clause that sets something aside: ", not the hotline", ", rather than the Russian one". */
const SET_ASIDE = new RegExp(`,\\s*(?:and\\s+|but\\s+)?(?:${SETTING_ASIDE})\\b[^,;:?!.]*`, "gi");

/** Per context, the corpus terms each question word was read as (see {@link readOnce}). */
const wordsRead = new WeakMap<QueryContext, Map<string, string[]>>();

/** How many readings {@link readOnce} keeps per context before it starts again. */
const WORDS_READ_LIMIT = 10_000;

/**
 * `read(key)`, the corpus terms a question word stands for (its related words, what it may be a
 * misspelling or a clipping of), computed once per context and `key` (the kind of reading, then
 * the word and whatever else it depends on): they depend on the word and the corpus alone, and a
 * word is read again and again (each of a compared pair's sub-questions repeats the other's words;
 * a bot sees the same words all day). A copy is returned, so the caller may keep or change it.
 */
export function readOnce(
  ctx: QueryContext,
  key: (string | undefined)[],
  read: () => string[],
): string[] {
  let known = wordsRead.get(ctx);
  if (!known) {
    known = new Map();
    wordsRead.set(ctx, known);
  }
  const id = key.map((part) => part ?? "").join("\u0000");
  let terms = known.get(id);
  if (!terms) {
    terms = read();
    if (known.size >= WORDS_READ_LIMIT) known.clear();
    known.set(id, terms);
  }
  return [...terms];
}

/** Per context, each place code's names that read as one corpus term. */
const namesRead = new WeakMap<QueryContext, Map<string, string[]>>();

/**
 * The corpus terms of the names of the place `code` that read as one word ("Pakistan",
 * "Islamabad"), analysed once per context: a country has dozens of names, and a question that
 * names two places would otherwise analyse them all on every question.
 */
function oneTermNames(ctx: QueryContext, code: string): string[] {
  let byCode = namesRead.get(ctx);
  if (!byCode) {
    byCode = new Map();
    namesRead.set(ctx, byCode);
  }
  let terms = byCode.get(code);
  if (!terms) {
    terms = ctx.subjects.namesOf(code).flatMap((name) => {
      const read = ctx.analyzer.terms(name);
      return read.length === 1 && ctx.stats.df.has(read[0] ?? "") ? read : [];
    });
    byCode.set(code, terms);
  }
  return terms;
}

/** The term a place mention is searched as ("us" next to a place is the country, "usa"). */
export function placeTerm(analyzer: Analyzer, mention: PlaceMention): string {
  let read = placeTerms.get(analyzer);
  if (!read) {
    read = memoWords(
      (surface) => analyzer.tokens(surface === "us" ? "US" : surface)[0]?.term ?? "",
    );
    placeTerms.set(analyzer, read);
  }
  return read(mention.surface);
}

/** Per analyzer, the term each place name is searched as: a question reads its places often. */
const placeTerms = new WeakMap<Analyzer, (surface: string) => string>();

/** What sets a side aside, just before its name: "not the US one", "rather than with Moscow". */
const EXCLUDING = new RegExp(`\\b(?:${SETTING_ASIDE})\\s+(?:with\\s+|to\\s+)?(?:the\\s+)?$`, "i");

/**
 * `question` with a lower-case "us" that names the country ("china and the us") written "US", as
 * the analyzer reads the country; the pronoun stays a stop word. Offsets are those of
 * {@link acronymsRead}, whose text is returned when anything changes.
 */
function countriesCased(question: string, places: PlaceMention[]): string {
  const us = places.filter((m) => m.surface === "us");
  if (us.length === 0) return question;
  let text = acronymsRead(question);
  for (const m of us.reverse()) text = `${text.slice(0, m.from)}US${text.slice(m.to)}`;
  return text;
}

/**
 * Edits allowed for a misspelled word of this length: none below 5 letters, 1 up to 6, then 2.
 * MiniSearch counts edits as Levenshtein does, so two swapped letters ("yelstin") are two.
 */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 7 ? 1 : 2;
}

/**
 * Corpus terms a misspelled word may stand for ("serdukov"), by its surface form and its stem.
 * None for an English word the sources do not use ("expected" is not a misspelling of "expert").
 */
function misspelt(ctx: QueryContext, surface: string, term: string): string[] {
  if (isEnglishWord(surface)) return [];
  const found = [...new Set([...near(ctx, surface.toLowerCase()), ...near(ctx, term)])];
  return (found.length > 0 ? found : misspeltEnding(ctx, surface.toLowerCase())).slice(0, 3);
}

/** Least share of a long misspelled word that must start a corpus term as typed. */
const KEPT_START = 0.6;

/** Shortest word whose ending may be misspelled beyond the edits allowed. */
const LONG_WORD = 9;

/**
 * Corpus terms a long word misspelled near its end stands for ("deconfliciton": its letters
 * swapped and a suffix the stem lacks are more edits than allowed): the longest start of the word,
 * at least {@link KEPT_START} of it and six letters, that starts one or two corpus terms.
 */
function misspeltEnding(ctx: QueryContext, word: string): string[] {
  if (word.length < LONG_WORD || !/^\p{L}+$/u.test(word)) return [];
  const least = Math.max(6, Math.ceil(word.length * KEPT_START));
  for (let n = word.length - 1; n >= least; n--) {
    const found = ctx.index.prefixed(word.slice(0, n), 2);
    if (found.length > 0) return found;
  }
  return [];
}

function near(ctx: QueryContext, word: string): string[] {
  if (!/^\p{L}+$/u.test(word)) return [];
  return ctx.index.near(word, allowedEdits(word.length));
}
