/**
 * What a sentence names as already told, after a preposition of time and "the" ("after the
 * crash", "from the site of the clash"): the reading of one sentence's text that `anchor.ts`
 * compares with the event asked about, stored in start-up snapshots (it depends on the corpus
 * alone).
 */
import { stemmer } from "stemmer";
import type { Sentence } from "../text/passages.js";
import { storedReadings } from "../text/stored-readings.js";

/**
 * Up to three words after a preposition of time and "the" ("after the crash", "since the deadly
 * clash"), or after a place in the past event ("from the site of the clash", "to the scene of the
 * attack"): the thing they name is known already. Not "the text of the agreement", which a
 * sentence may sign.
 */
const TOLD_BEFORE =
  /\b(?:(?:after|since|following|before|until)\s+the|(?:from|at|to|near)\s+the\s+[\p{L}-]+\s+of\s+the)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/giu;

const read = new WeakMap<Sentence, ReadonlySet<string>>();

/**
 * The stems of the words `text` names as told before ({@link TOLD_BEFORE}), each once, in text
 * order; empty when it names none.
 */
export function toldBeforeIn(text: string): string[] {
  const words = [...text.matchAll(TOLD_BEFORE)].flatMap((m) =>
    (m[1] ?? "").toLowerCase().split(/\s+/),
  );
  return [...new Set(words.map((w) => stemmer(w)))];
}

/**
 * The stems of the words `sentence` names as told before ({@link toldBeforeIn}), read once per
 * sentence. A corpus started from a snapshot has them stored ({@link storedReadings}), so the
 * expression never runs.
 */
export function toldBefore(sentence: Sentence): ReadonlySet<string> {
  let stems = read.get(sentence);
  if (!stems) {
    const stored = storedReadings(sentence);
    stems = new Set(
      stored ? (stored.toldBefore.get(sentence.id) ?? []) : toldBeforeIn(sentence.text),
    );
    read.set(sentence, stems);
  }
  return stems;
}
