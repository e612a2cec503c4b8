/**
 * "Where" questions: their answer names a place, so only a passage that says where ("in
 * Shanghai", "at the Pentagon", "in the National Military Command Center") answers one, and a
 * place the question itself names does not count ("where in Moscow is the Russian end" is not
 * answered by "a line to Moscow"). General English, no document words.
 */
import type { Ranked } from "./rank.js";

const WHERE = /^\W*(?:\w+\W+){0,2}?where\b/i;
const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
/** A preposition of place before a name: "in Geneva", "at the Pentagon", "near Panmunjom". */
const PLACE_PHRASE = new RegExp(
  `\\b(?:in|at|near|inside|outside|from|to|on)\\s+(?:the\\s+)?(?!(?:${MONTHS})\\b)(\\p{Lu}[\\p{L}’'-]+)`,
  "gu",
);

/** Whether `question` asks where (within its first few words: "ok so where …", "**where** is …"). */
export function asksWhere(question: string): boolean {
  return WHERE.test(question);
}

/**
 * The ranked sentences that say where something is or happened, by a place `question` does not
 * name, best first.
 */
export function sayingWhere(question: string, ranked: Ranked[]): Ranked[] {
  const asked = new Set(question.toLowerCase().match(/[\p{L}’'-]+/gu) ?? []);
  return ranked.filter((r) =>
    [...r.sentence.text.matchAll(PLACE_PHRASE)].some((m) => !asked.has((m[1] ?? "").toLowerCase())),
  );
}
