/**
 * A sentence that says an event never happened to someone else: "China has never signed an
 * incidents at sea agreement with the United States", in an article about the US-Soviet agreement,
 * does not say that the agreement asked about was never signed. The party whose event did not
 * happen is named in the clause that says so; when it is neither a side the question names nor a
 * place the document is about, the sentence speaks of another party's event.
 */
import type { PlaceMention } from "../search/gazetteer.js";
import type { Sentence } from "../text/passages.js";
import { notHappenedAt } from "./not-happened.js";

/** Where a clause ends: a comma, semicolon or colon, a dash, or a word joining two clauses. */
const CLAUSE_BREAK = /[,;:]|\s[\u2013\u2014]\s|\b(?:but|while|whereas|although|though)\b/giu;

/** The span `[start, end)` of the clause of `text` around character `at`. */
function clauseAt(text: string, at: number): [number, number] {
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index > at) return [start, m.index];
    start = m.index + m[0].length;
  }
  return [start, text.length];
}

/** Whether two mentions may name the same country (any code in common). */
function samePlace(a: PlaceMention, b: PlaceMention): boolean {
  return a.codes.some((c) => b.codes.includes(c));
}

/**
 * Whether `sentence` says that something has not happened (see {@link notHappenedAt}) to a party
 * other than the question's: the clause saying so names a place that is not among `asked` and that
 * the sentence's document is not about (`docAbout`). `placesOf` reads the places a text names.
 * False for a sentence that says nothing has failed to happen, or names no place in that clause.
 */
export function undoneByOther(
  sentence: Sentence,
  asked: readonly PlaceMention[],
  placesOf: (text: string) => PlaceMention[],
  docAbout: (sentence: Sentence, place: PlaceMention) => boolean,
): boolean {
  const at = notHappenedAt(sentence);
  if (at < 0) return false;
  const [start, end] = clauseAt(sentence.text, at);
  return placesOf(sentence.text.slice(start, end)).some(
    (named) => !asked.some((a) => samePlace(a, named)) && !docAbout(sentence, named),
  );
}
