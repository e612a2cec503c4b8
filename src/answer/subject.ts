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
/** In a document, a list ("China, Russia, Kazakhstan and …") also names its members together. */
const LISTS = /^(?:[\s\-\u2010-\u2015/&,]|\b(?:and|the|to|with|vs|versus)\b|['\u2019]s\b)*$/i;

/** The subjects of a corpus, read once at load. */
export interface Subjects {
  /** The places `text` names. */
  places(text: string): PlaceMention[];
  /**
   * Pairs of sides named together in `text`: per pair, its readings as sorted `A|B`
   * country-code keys ("American" may be the United States or American Samoa).
   */
  pairsIn(text: string): string[][];
  /** Whether any document names the pair together, in any of its readings. */
  covers(readings: string[]): boolean;
  /** Every pair some document names, sorted (kept in the snapshot). */
  coveredPairs(): string[];
  /** Whether any document names a place `mention` may stand for. */
  mentioned(mention: PlaceMention): boolean;
  /**
   * Share (0 to 1) of `places` that document `docId` is about; 1 when `places` is empty, so a
   * question that names no place favours no document.
   */
  fit(docId: string, places: PlaceMention[]): number;
}

interface Profile {
  title: Set<string>;
  /** Per country code, how many paragraphs name it. */
  paragraphs: Map<string, number>;
  /** The most paragraphs any one place is named in. */
  most: number;
  /** The pairs the document names together. */
  pairs: Set<string>;
}

/** Reads the subjects of `documents`; `coveredPairs` (from a snapshot) skips reading pairs. */
export function readSubjects(documents: CorpusDocument[], coveredPairs?: string[]): Subjects {
  const places = gazetteer();
  const profiles = new Map<string, Profile>();
  const pairs = new Set(coveredPairs ?? []);
  const named = new Set<string>();
  for (const doc of documents) {
    const profile: Profile = { title: new Set(), paragraphs: new Map(), most: 1, pairs: new Set() };
    for (const m of places.find(doc.meta.title)) for (const c of m.codes) profile.title.add(c);
    for (const pair of pairsOf(places, doc.meta.title, LISTS).flat()) profile.pairs.add(pair);
    for (const block of doc.blocks) {
      const found = places.find(block.text);
      const codes = new Set(found.flatMap((m) => m.codes));
      for (const c of codes) {
        profile.paragraphs.set(c, (profile.paragraphs.get(c) ?? 0) + 1);
        named.add(c);
      }
      for (const pair of pairsOf(places, block.text, LISTS, found).flat()) profile.pairs.add(pair);
    }
    profile.most = Math.max(1, ...profile.paragraphs.values());
    for (const c of profile.title) named.add(c);
    if (!coveredPairs) for (const pair of profile.pairs) pairs.add(pair);
    profiles.set(doc.meta.id, profile);
  }
  // A document is about a place its title names, or one it names in several paragraphs (at least
  // a quarter as many as its most-named place): not one it mentions in passing.
  const about = (profile: Profile, m: PlaceMention) =>
    m.codes.some((c) => {
      const n = profile.paragraphs.get(c) ?? 0;
      return profile.title.has(c) || (n >= 2 && n >= profile.most / 4);
    });
  return {
    places: (text) => places.find(text),
    pairsIn: (text) => pairsOf(places, text, PAIRS),
    covers: (readings) => readings.some((pair) => pairs.has(pair)),
    coveredPairs: () => [...pairs].sort(),
    mentioned: (m) => m.codes.some((c) => named.has(c)),
    fit(docId, asked) {
      const profile = profiles.get(docId);
      if (asked.length === 0 || !profile) return 1;
      const share = asked.filter((m) => about(profile, m)).length / asked.length;
      // A question about a pair ("the Moscow-Washington line") wants a document naming that pair.
      const pair = asked.length === 2 ? pairsOf(places, "", PAIRS, asked).flat() : [];
      const paired = pair.length === 0 || pair.some((p) => profile.pairs.has(p));
      return paired ? share : share / 2;
    },
  };
}

function pairsOf(
  places: Gazetteer,
  text: string,
  joined: RegExp,
  found = places.find(text),
): string[][] {
  const read = acronymsRead(text);
  const pairs: string[][] = [];
  for (let i = 1; i < found.length; i++) {
    const a = found[i - 1];
    const b = found[i];
    if (!a || !b || !joined.test(read.slice(a.to, b.from))) continue;
    const readings = a.codes.flatMap((x) =>
      b.codes.filter((y) => y !== x).map((y) => [x, y].sort().join("|")),
    );
    if (readings.length > 0) pairs.push(readings);
  }
  return pairs;
}
