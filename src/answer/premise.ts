/**
 * Questions that take an event for granted: "when did China cut the hotline with Russia", "why
 * did the Shanghai agreement fall through", "when did Serdyukov visit Beijing". The question's
 * main verb, said of who did it and of what it was done to, is its premise: a passage answers
 * only when it tells that deed of those participants. A passage that shares the other words but
 * tells another deed ("signed an agreement on mutual reduction of military forces" for "cut the
 * hotline"; "Yeltsin visited China" for "Serdyukov visit") does not, and the sources are then
 * silent. General English structure (auxiliary, subject, verb, object), no document words.
 */
import type { PlaceMention } from "../search/gazetteer.js";
import { STOPWORDS } from "../search/stopwords.js";
import { isEnglishWord } from "../text/english.js";
import type { Sentence } from "../text/passages.js";
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import { PARTICLES, relatedTo } from "../text/wordnet.js";
import { isWordNetVerb } from "../text/wordnet-verbs.js";
import { SAYING } from "./agent.js";
import { hintOf } from "./chatter.js";
import { aspectOf, type Query, type QueryTerm, saysTerm } from "./query.js";
import { type Ranked, SUPPORT_MIN } from "./rank.js";

/** The deed a question takes for granted: its verb, as typed, and the words of who and what. */
export interface Deed {
  /** The main verb, lower case ("cut", "visit", "sign"). */
  verb: string;
  /** The particle after it, lower case ("off" in "cut off"), or "". */
  particle: string;
  /** The subject's words before the verb, lower case, places and function words left out. */
  subject: string[];
  /** The words of what the deed was done to ("military", "hotline" in "cut off the military hotline"). */
  object: string[];
  /** The place words among them ("russian" in "shoot down the russian jet"). */
  objectPlaces: string[];
}

/** Auxiliaries after which the subject and then the main verb come ("did China cut …"). */
const BASE_AUX = new Set(["did", "does", "do", "will", "would", "can", "could", "should"]);

/** Auxiliaries of a passive or perfect: the main verb is a participle ("was the line cut"). */
const PARTICIPLE_AUX = new Set(["was", "were", "is", "are", "has", "have", "had"]);

/**
 * What opens a question about the circumstances of an event ("when did", "why was", "what year
 * did"): it takes the event for granted, unlike "did they …", which asks whether it happened.
 */
const CIRCUMSTANCE = /^(?:when|why|(?:in\s+)?(?:what|which)\s+(?:year|month|date|day))$/;

/** Words after which a noun, not a verb, follows ("the shanghai agreement"). */
const DETERMINERS = new Set(
  "the a an this that these those their its his her our my your there some any every each another".split(
    " ",
  ),
);

const PARTICLE = new RegExp(`^(?:${PARTICLES})$`);

/**
 * Light verbs ("go to china", "hold an exercise", "do a deal"): what they say is in the words
 * around them, which a source tells in its own ("visited China", "the joint exercise").
 */
const LIGHT_VERBS: ReadonlySet<string> = new Set(
  "be go goes went gone going come comes came coming have has had having do does did done get gets got give gives gave given hold holds held keep keeps kept put puts let lets bring brings brought".split(
    " ",
  ),
);

/** Light verbs that are also stop words, so never searched for. */
const LIGHT_STOPWORDS: ReadonlySet<string> = new Set(
  "make makes made making take takes took taken taking".split(" "),
);

/** Most words of a subject before its verb: a longer run is not the structure looked for. */
const MOST_SUBJECT_WORDS = 8;

const WORDS = /[\p{L}\p{N}]+/gu;

/** The dictionary forms `word` (lower case) may be of, irregular first. */
function basesOf(word: string): string[] {
  const irregular = baseVerb(word);
  return [
    ...(irregular ? [irregular] : []),
    word,
    word.replace(/ed$/, ""),
    word.replace(/d$/, ""),
    word.replace(/ing$/, ""),
    word.replace(/ing$/, "e"),
  ];
}

/**
 * Whether `word` (lower case) may be a verb: a dictionary form, or with `participle` one.
 * Without `wordNet`, only a word mostly used as a verb counts (no dictionary is read).
 */
function mayBeVerb(word: string, participle: boolean, wordNet: boolean): boolean {
  if (STOPWORDS.has(word) || /\d/.test(word)) return false;
  // After "did", a verb is in its dictionary form: "ships" in "did the soviet ships ram" is a plural.
  if (!participle && /[^su]s$/.test(word)) return false;
  if (participle && !/\p{L}{2}(?:ed|en|ing)$/u.test(word) && baseVerb(word) === undefined) {
    return false;
  }
  if (isMainlyVerb(word)) return true;
  if (!wordNet) return false;
  return participle ? basesOf(word).some(isWordNetVerb) : isWordNetVerb(word);
}

/**
 * Where the main verb stands in `words` from `from` (just after the auxiliary), or -1: a light
 * verb ("do its own deal"), else a word mostly used as a verb in the run before the first
 * function word ("the 2020 war stop"), else the first that WordNet knows as a verb ("serdyukov
 * visit beijing"). Never the first word (the subject comes first), a place, or a word after a
 * determiner or a number ("the shanghai agreement", "the 2020 war").
 */
function verbIn(
  words: string[],
  from: number,
  participle: boolean,
  placeWords: ReadonlySet<string>,
): number {
  const last = Math.min(words.length, from + MOST_SUBJECT_WORDS + 1);
  const firstStop = words.findIndex((w, i) => i > from && STOPWORDS.has(w));
  const runEnd = firstStop < 0 ? last : Math.min(firstStop, last);
  const find = (end: number, wordNet: boolean) => {
    for (let i = from + 1; i < end; i++) {
      const word = words[i] ?? "";
      const before = words[i - 1] ?? "";
      if (placeWords.has(word) || DETERMINERS.has(before) || /\d/.test(before)) continue;
      if (mayBeVerb(word, participle, wordNet)) return i;
    }
    return -1;
  };
  for (let i = from + 1; i < last; i++) {
    // "when did the uk do its own … deal": a light verb is the verb, what follows its object.
    if (LIGHT_VERBS.has(words[i] ?? "") || LIGHT_STOPWORDS.has(words[i] ?? "")) return i;
  }
  const mainly = find(runEnd, false);
  return mainly >= 0 ? mainly : find(last, true);
}

/**
 * The deed a question about an event's circumstances takes for granted ({@link Deed}): "when
 * did", "why was", "what year did" (with up to one word between, "when exactly did"), a
 * subject, then the main verb and what follows it up to the first function word ("cut the
 * hotline", "sign a written deconfliction treaty"). `placeWords` are the words of the places it
 * names, never its verb. Null for any other shape, or when no verb is found.
 */
export function deedAsked(question: string, placeWords: ReadonlySet<string>): Deed | null {
  const words = (question.toLowerCase().match(WORDS) ?? []).map((w) => w.replace(/['’]s$/, ""));
  const auxAt = words.findIndex((w) => BASE_AUX.has(w) || PARTICIPLE_AUX.has(w));
  if (auxAt < 1 || auxAt > 3 || !CIRCUMSTANCE.test(words.slice(0, auxAt).join(" "))) return null;
  const participle = PARTICIPLE_AUX.has(words[auxAt] ?? "");
  const verbAt = verbIn(words, auxAt + 1, participle, placeWords);
  if (verbAt < 0) return null;
  const subject = words
    .slice(auxAt + 1, verbAt)
    .filter((w) => !STOPWORDS.has(w) && !DETERMINERS.has(w) && !placeWords.has(w));
  const verb = words[verbAt] ?? "";
  let at = verbAt + 1;
  const particle = PARTICLE.test(words[at] ?? "") ? (words[at++] ?? "") : "";
  while (DETERMINERS.has(words[at] ?? "")) at++;
  const object: string[] = [];
  for (; at < words.length && !STOPWORDS.has(words[at] ?? ""); at++) object.push(words[at] ?? "");
  return {
    verb,
    particle,
    subject,
    object: object.filter((w) => !placeWords.has(w)),
    objectPlaces: object.filter((w) => placeWords.has(w)),
  };
}

/** The query term a question word was read as, or undefined (a stop word, or not searched). */
function termOf(query: Query, word: string, read: (word: string) => string): QueryTerm | undefined {
  const term = read(word);
  return query.terms.find(
    (t) => !t.implied && (t.surface.toLowerCase() === word || (term !== "" && t.term === term)),
  );
}

/** Whether `terms` say `t` as typed, as a word it may stand for, or in a related word. */
function says(t: QueryTerm, terms: { has(term: string): boolean }): boolean {
  return saysTerm(t, terms) || (t.related ?? []).some((r) => terms.has(r));
}

/** The sentences of `sentence`'s paragraph from the one before it to the one after. */
function around(sentence: Sentence): Sentence[] {
  return sentence.paragraph.sentences.slice(Math.max(0, sentence.index - 1), sentence.index + 2);
}

/** What the premise check needs to know of the corpus, from the loaded hotline. */
export interface PremiseContext {
  /** The analyzer's term for a word ("" for a stop word). */
  read: (word: string) => string;
  /** Whether `sentence`'s document is about `place`, which its sentences then need not name. */
  docAbout: (sentence: Sentence, place: PlaceMention) => boolean;
  /** The terms of the title of `sentence`'s document. */
  titleTerms: (sentence: Sentence) => ReadonlySet<string>;
}

/**
 * Least weight (IDF) of a participant that a document's title may supply: a term found in
 * more than a fifth of the passages ("hotline" in a corpus about hotlines) is in most titles,
 * and names no particular thing.
 */
const TITLE_WEIGHT_MIN = Math.log(1 + 5);

/**
 * Whether `sentence`, or one next to it in its paragraph, tells the deed: says its verb (one of
 * `verb`, its terms), and each participant in that sentence or the one before it (which a
 * pronoun or "the" may point back to), or in the document's title when it is particular enough
 * ("the incidents at sea rules" in an article titled on them); and each of `places` there or as
 * the document's subject.
 */
function tellsDeed(
  sentence: Sentence,
  verb: string[],
  who: Participants,
  placeTerms: ReadonlyMap<PlaceMention, QueryTerm>,
  ctx: PremiseContext,
): boolean {
  const places = [...placeTerms.keys()];
  const title = ctx.titleTerms(sentence);
  return around(sentence).some((s) => {
    if (!verb.some((t) => s.termSet.has(t))) return false;
    const before = s.paragraph.sentences[s.index - 1];
    // A place as the question reads it, or by another of its names ("turkey" as "Turkish").
    const near = (m: PlaceMention) => {
      const term = placeTerms.get(m);
      return (
        term !== undefined &&
        (says(term, s.termSet) || (before !== undefined && says(term, before.termSet)))
      );
    };
    const named = (p: QueryTerm) =>
      says(p, s.termSet) ||
      (before !== undefined && says(p, before.termSet)) ||
      (p.weight >= TITLE_WEIGHT_MIN && says(p, title));
    // "the russian jet" is told as "a Russian Su-24 bomber": named by its nationality.
    const object =
      !who.object || named(who.object) || who.objectPlaces.some((t) => s.termSet.has(t));
    return object && who.names.every(named) && places.every((m) => near(m) || ctx.docAbout(s, m));
  });
}

/**
 * The terms a sentence may say the deed's verb by: the verb's query term (`verb`) as typed or
 * as a word it may stand for (the corpus's synonyms: "cut" is "reduce"), and for a phrasal verb
 * WordNet knows ("fall through": "founder", "flop") the phrase's related words. Not WordNet's
 * relatives of the verb alone: a general sense links too much ("sign" to "mark").
 */
function verbTerms(deed: Deed, verb: QueryTerm, read: (word: string) => string): string[] {
  const related = (phrasalRelatives(deed) ?? []).map(read).filter((t) => t !== "");
  return [...new Set([verb.term, ...verb.expansions, ...related])];
}

/**
 * The words WordNet relates to the deed's verb with its particle, when it knows the phrase
 * ("fall through": "founder", "flop"); undefined for a verb with no particle or a phrase it
 * does not know.
 */
function phrasalRelatives(deed: Deed): string[] | undefined {
  if (!deed.particle) return undefined;
  return basesOf(deed.verb)
    .map((base) => relatedTo(`${base}_${deed.particle}`))
    .find((words) => words.length > 0);
}

/** Who did the deed and what it was done to, as the question's terms ({@link participantsOf}). */
interface Participants {
  /** The head of the object, when the sources use it. */
  object: QueryTerm | undefined;
  /** The terms of the places that qualify the object ("russian" in "the russian jet"). */
  objectPlaces: string[];
  /** The names in the subject that the sources use. */
  names: QueryTerm[];
}

/** A number written in digits ("5"): it counts who did a deed, it names no one. */
const NUMBER = /^\d+$/;

/**
 * Who did the deed or what it was done to, as the question's terms, that a passage telling it
 * must name: the head of its object ("hotline" in "cut off the military hotline"), or a place
 * qualifying it, and a name in its subject ("Serdyukov"; not "the five states" or "the 5
 * states", which a source names state by state: a number counts, it names no one). Terms the
 * sources never use are left to the support the ranker measured.
 */
function participantsOf(
  deed: Deed,
  query: Query,
  verb: QueryTerm,
  read: (word: string) => string,
): Participants {
  const asked = (words: string[]) =>
    words
      .map((w) => termOf(query, w, read))
      .filter(
        (t): t is QueryTerm =>
          t !== undefined && t !== verb && (t.known || t.expansions.length > 0),
      );
  return {
    object: asked(deed.object.slice(-1))[0],
    objectPlaces: deed.objectPlaces.map(read).filter((t) => t !== ""),
    names: asked(deed.subject.filter((w) => !isEnglishWord(w) && !NUMBER.test(w))),
  };
}

/**
 * Whether a passage of `telling`, or a sentence next to it, names each place the deed was
 * done to ("Jerusalem" in "when did Putin visit Jerusalem", "Washington" in "when did Kim visit
 * Washington"), by any of its names. A place that is the deed's whole object is what the
 * question is about, so a document about it (which its sentences then need not name) does not
 * tell the deed there. True when the object is not a place, or only qualified by one.
 */
function namesObjectPlaces(
  deed: Deed,
  query: Query,
  telling: Ranked[],
  read: (word: string) => string,
): boolean {
  // "the syrian chemical weapons sites": a place that qualifies the object may be the document's
  // subject; only a place that is the whole object is what the deed was done to.
  if (deed.objectPlaces.length === 0 || deed.object.length > 0) return true;
  const objectWords = new Set(deed.objectPlaces);
  const places = query.places
    .filter((m) => (m.surface.toLowerCase().match(WORDS) ?? []).some((w) => objectWords.has(w)))
    .map((m) => termOf(query, m.surface.toLowerCase(), read))
    .filter((t): t is QueryTerm => t !== undefined);
  if (places.length === 0) return true;
  return telling.some((r) =>
    around(r.sentence).some((s) => places.every((t) => says(t, s.termSet))),
  );
}

/**
 * Why the sources cannot answer `question`, when its premise is a deed ({@link deedAsked}) that
 * the supported passages of `ranked` tell only of others; else null. "When did China cut the
 * hotline" is declined when the passages tell of a cut (a "reduction of military forces") but
 * none of the hotline's. No premise is read from a verb the question was not searched by, a
 * light verb ("go", "hold", "do"), a verb of saying or thinking (told by attribution), one of
 * beginning or ending ("when did the war stop", told as "the ceasefire of 10 November"), or a
 * verb no source uses; and a verb no passage found says at all may be the asker's word for what
 * a source tells in its own ("buzz", "ram"), so it is left to the support the ranker measured.
 */
export function untoldPremise(
  question: string,
  query: Query,
  ranked: Ranked[],
  ctx: PremiseContext,
): string | null {
  const { read } = ctx;
  const places = new Set(query.places.flatMap((m) => m.surface.toLowerCase().match(WORDS) ?? []));
  const deed = deedAsked(question, places);
  const light = (w: string) => LIGHT_VERBS.has(w) || LIGHT_STOPWORDS.has(w);
  if (!deed || SAYING.has(deed.verb) || light(deed.verb) || aspectOf(deed.verb)) {
    return null;
  }
  const verb = termOf(query, deed.verb, read);
  if (!verb) return null;
  const supported = ranked.filter((r) => r.support >= SUPPORT_MIN);
  if (supported.length === 0) return null;
  const terms = verbTerms(deed, verb, read);
  // The passage that would answer, and those that tell the deed's verb.
  const telling = supported.filter(
    (r, i) => i === 0 || around(r.sentence).some((s) => terms.some((t) => s.termSet.has(t))),
  );
  if (!namesObjectPlaces(deed, query, telling, read)) {
    return `The sources do not say that this happened (“${deed.verb}”).`;
  }
  // A verb no source uses is a loose way of asking ("ram", "promise"): WordNet's relatives of it
  // ("forces", "assure") are too far off to show that the sources tell the deed of others. A
  // phrasal verb WordNet knows ("fall through") names a deed of its own, which a passage tells
  // by the phrase's relatives ("founder") or not at all.
  const used = verb.known || verb.expansions.length > 0;
  if (!used && !phrasalRelatives(deed)) return null;
  const participants = participantsOf(deed, query, verb, read);
  const placeTerms = new Map<PlaceMention, QueryTerm>();
  for (const m of query.places) {
    const term = termOf(query, m.surface.toLowerCase(), read);
    if (term) placeTerms.set(m, term);
  }
  const tells = (r: Ranked) => tellsDeed(r.sentence, terms, participants, placeTerms, ctx);
  if (supported.some(tells)) return null;
  // Told of no one in the passages found, the verb may be the asker's word for what a source
  // tells in its own: only a deed the passages tell of others is one they do not tell of these.
  const toldOfOthers = supported.some((r) =>
    around(r.sentence).some((s) => terms.some((t) => s.termSet.has(t))),
  );
  if (used && !toldOfOthers) {
    return saysNeitherDeedNorDoer(supported[0], deed, query, verb, terms, read)
      ? `The sources do not say that this happened (“${deed.verb}”).`
      : null;
  }
  return `The sources do not say that this happened (“${deed.verb}”).`;
}

/**
 * Whether the passage that would answer (`top`), with the sentences next to it, says neither the
 * deed's verb (one of `terms`, or a word WordNet relates to it) nor the head of its subject, the
 * doer ("jets" in "when did russian jets bomb tel aviv"): sharing only where or to whom it was
 * done ("a Russian delegation … came to Tel Aviv"), it tells another event there. False when the
 * subject has no head the sources use (a pronoun, a place, a word they never write), which a
 * passage may tell by a name of its own.
 */
function saysNeitherDeedNorDoer(
  top: Ranked | undefined,
  deed: Deed,
  query: Query,
  verb: QueryTerm,
  terms: string[],
  read: (word: string) => string,
): boolean {
  const head = deed.subject[deed.subject.length - 1];
  const doer = head === undefined ? undefined : termOf(query, head, read);
  if (!top || !doer || doer === verb || !doer.known) return false;
  return !around(top.sentence).some(
    (s) => terms.some((t) => s.termSet.has(t)) || says(verb, s.termSet) || says(doer, s.termSet),
  );
}

/**
 * Verbs of making a thing, by their dictionary forms: "why did they build the hotline" asks why
 * the hotline exists, which a source tells of the thing ("The hotline was born of fear"), not of
 * its making. General English.
 */
const MAKING = new Set(["build", "make", "create", "construct", "install", "found", "design"]);

/**
 * `query` with the verb of a why-question about making a thing ({@link MAKING}: "why did they
 * build the hotline") read as implied: it ranks, but a passage need not say it to answer, as the
 * reasons for a thing are told of the thing. `query` itself for any other question.
 */
export function whyMade(question: string, query: Query, read: (word: string) => string): Query {
  if (query.intent !== "why") return query;
  const places = new Set(query.places.flatMap((m) => m.surface.toLowerCase().match(WORDS) ?? []));
  const deed = deedAsked(question, places);
  if (!deed || !basesOf(deed.verb).some((base) => MAKING.has(base))) return query;
  const verb = termOf(query, deed.verb, read);
  if (!verb) return query;
  const terms = query.terms.map((t) => (t === verb ? { ...t, implied: true } : t));
  const totalWeight = terms.reduce((sum, t) => sum + (t.implied ? 0 : t.weight), 0);
  return { ...query, terms, totalWeight };
}

/**
 * `query` without the places named only in the asker's closing guess ({@link hintOf}: "…,
 * something about cuba?"): a hint of what the answer says, they are not sides of the line, so
 * a document is not marked down for not being about them. `query` itself when there are none.
 */
export function withoutHintedPlaces(question: string, query: Query): Query {
  const hint = hintOf(question);
  if (hint === "") return query;
  const before = question.slice(0, question.length - hint.length).toLowerCase();
  const hinted = (surface: string) =>
    hint.includes(surface.toLowerCase()) && !before.includes(surface.toLowerCase());
  const places = query.places.filter((m) => !hinted(m.surface));
  return places.length === query.places.length ? query : { ...query, places };
}
