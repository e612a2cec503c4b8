/**
 * What each document is about: the places it names in its title and in more than one paragraph,
 * and the pairs of sides it names together ("China and the United States", "Sino-Russian",
 * "between Delhi and Islamabad"). A question that names places is answered from documents about
 * those places; one that names a pair no document names, or a place none mentions, is declined.
 */
import type { CorpusDocument } from "../corpus/document.js";
import { acronymsRead, type Gazetteer, gazetteer, type PlaceMention } from "../search/gazetteer.js";

/**
 * What may stand between the two sides of a named pair: "Sino-Russian", "China and the United
 * States", "Beijing's line to Washington" does not. A comma does not: a list is not a pair.
 */
const PAIRS = /^(?:[\s\-\u2010-\u2015/&]|\b(?:and|the|to|with|vs|versus)\b|['\u2019]s\b)*$/i;
/**
 * In a question, one side's line to or with the other also names a pair: "does Israel have a
 * deconfliction line with Turkey", "Russia's military hotline to China". The words between end
 * with a word for a line and "with" or "to"; other words between ("did Russia deliver missiles to
 * Syria") name no pair.
 */
const LINE_GAP =
  /^(?:['\u2019]s)?\s+(?:[a-z'\u2019-]+\s+){0,4}?(?:(?:hot)?lines?|channels?|links?|phones?)\s+(?:with|to)\s+(?:the\s+)?$/i;
/** What may stand between the two sides of a pair a question names. */
const ASKED_PAIRS: Joiner = { test: (gap) => PAIRS.test(gap) || LINE_GAP.test(gap) };
/** Tells whether the text between two places joins them. */
interface Joiner {
  test(gap: string): boolean;
}

/**
 * In a document, one side dealing with the other in a few words also names the pair: "Britain
 * had signed a similar agreement with Moscow", "Israel set up a line with Russia". Only words
 * between, in lower case (no comma, number or other name), ending with "with".
 */
const DEALT_WITH = /^(?:['\u2019]s)?\s+(?:[a-z'\u2019-]+\s+){1,6}?with\s+(?:the\s+)?$/;
/** In a document, a list ("China, Russia, Kazakhstan and …") also names its members together. */
const LISTS = /^(?:[\s\-\u2010-\u2015/&,]|\b(?:and|the|to|with|vs|versus)\b|['\u2019]s\b)*$/i;

/** The subjects of a corpus, read once at load. */
export interface Subjects {
  /** The places `text` names. */
  places(text: string): PlaceMention[];
  /** Every name of a country code (names, capitals, demonyms). */
  namesOf(code: string): readonly string[];
  /**
   * Pairs of sides named together in `text`: per pair, its readings as sorted `A|B`
   * country-code keys ("American" may be the United States or American Samoa). Two places in a
   * longer list ("China, Russia and Kazakhstan") are no pair; a place named apart from the pair
   * ("Turkey and Russia … over Syria") leaves it one. `found`: the places `text` names, when
   * already read ({@link Subjects.places}), so they are not read again; default: read here.
   */
  pairsIn(text: string, found?: PlaceMention[]): string[][];
  /** Whether any document names the pair together, in any of its readings. */
  covers(readings: string[]): boolean;
  /** Whether any document names a place `mention` may stand for. */
  mentioned(mention: PlaceMention): boolean;
  /**
   * Share (0 to 1) of `places` that document `docId` is about; 1 when `places` is empty, so a
   * question that names no place favours no document.
   */
  fit(docId: string, places: PlaceMention[]): number;
}

/**
 * What one document is about, as read from its text: plain data, kept in the start-up snapshot so
 * a start from a snapshot reads no place names.
 */
export interface SubjectProfile {
  id: string;
  /** Country codes its title names. */
  title: string[];
  /** Per country code, how many paragraphs name it. */
  paragraphs: Record<string, number>;
  /** The pairs it names together, as `A|B` keys. */
  pairs: string[];
  /**
   * The pairs it names as dealing with each other ("Britain had signed a similar agreement with
   * Moscow"): enough to say the document covers them, not to say it is about them.
   */
  together: string[];
}

/** Reads what each of `documents` is about (the slow part: every paragraph is read for places). */
export function profileDocuments(documents: CorpusDocument[]): SubjectProfile[] {
  const places = gazetteer();
  return documents.map((doc) => {
    const title = new Set(places.find(doc.meta.title).flatMap((m) => m.codes));
    const pairs = new Set(pairsOf(places, doc.meta.title, LISTS).flat());
    const together = new Set<string>();
    const paragraphs: Record<string, number> = {};
    for (const block of doc.blocks) {
      const found = places.find(block.text);
      for (const c of new Set(found.flatMap((m) => m.codes)))
        paragraphs[c] = (paragraphs[c] ?? 0) + 1;
      for (const pair of pairsOf(places, block.text, LISTS, found).flat()) pairs.add(pair);
      for (const pair of pairsOf(places, block.text, DEALT_WITH, found).flat()) together.add(pair);
    }
    return {
      id: doc.meta.id,
      title: [...title],
      paragraphs,
      pairs: [...pairs],
      together: [...together],
    };
  });
}

interface Profile {
  title: Set<string>;
  paragraphs: Map<string, number>;
  /** The most paragraphs any one place is named in. */
  most: number;
  pairs: Set<string>;
}

/** The subjects of a corpus from its documents' profiles ({@link profileDocuments}). */
export function readSubjects(read: SubjectProfile[]): Subjects {
  const profiles = new Map<string, Profile>();
  const pairs = new Set<string>();
  const named = new Set<string>();
  for (const p of read) {
    const paragraphs = new Map(Object.entries(p.paragraphs));
    const profile: Profile = {
      title: new Set(p.title),
      paragraphs,
      most: Math.max(1, ...paragraphs.values()),
      pairs: new Set(p.pairs),
    };
    for (const c of [...p.title, ...paragraphs.keys()]) named.add(c);
    for (const pair of [...p.pairs, ...p.together]) pairs.add(pair);
    profiles.set(p.id, profile);
  }
  // The gazetteer is read only when a question names places, not at start-up.
  const places = () => gazetteer();
  // A document is about a place its title names, or one it names in several paragraphs (at least
  // a quarter as many as its most-named place): not one it mentions in passing.
  const about = (profile: Profile, m: PlaceMention) =>
    m.codes.some((c) => {
      const n = profile.paragraphs.get(c) ?? 0;
      return profile.title.has(c) || (n >= 2 && n >= profile.most / 4);
    });
  return {
    places: (text) => places().find(text),
    namesOf: (code) => places().namesOf(code),
    pairsIn: (text, found) => pairsOf(places(), text, ASKED_PAIRS, found, true),
    covers: (readings) => readings.some((pair) => pairs.has(pair)),
    mentioned: (m) => m.codes.some((c) => named.has(c)),
    fit(docId, asked) {
      const profile = profiles.get(docId);
      if (asked.length === 0 || !profile) return 1;
      const share = asked.filter((m) => about(profile, m)).length / asked.length;
      // A question about a pair ("the Moscow-Washington line") wants a document naming that pair.
      const pair = asked.length === 2 ? pairsOf(places(), "", PAIRS, asked).flat() : [];
      const paired = pair.length === 0 || pair.some((p) => profile.pairs.has(p));
      return paired ? share : share / 2;
    },
  };
}

/**
 * The pairs of places `text` names joined (the gap between them matches `joined`), with their
 * readings. With `alone`, only a pair that no other place is listed with (by {@link LISTS}).
 */
function pairsOf(
  places: Gazetteer,
  text: string,
  joined: Joiner,
  found = places.find(text),
  alone = false,
): string[][] {
  const read = acronymsRead(text);
  const listed = (x: PlaceMention | undefined, y: PlaceMention | undefined) =>
    x !== undefined && y !== undefined && LISTS.test(read.slice(x.to, y.from));
  const pairs: string[][] = [];
  for (let i = 1; i < found.length; i++) {
    const a = found[i - 1];
    const b = found[i];
    if (!a || !b || !joined.test(read.slice(a.to, b.from))) continue;
    if (alone && (listed(found[i - 2], a) || listed(b, found[i + 1]))) continue;
    const readings = a.codes.flatMap((x) =>
      b.codes.filter((y) => y !== x).map((y) => [x, y].sort().join("|")),
    );
    if (readings.length > 0) pairs.push(readings);
  }
  return pairs;
}
