/**
 * Reads every sentence of a corpus for the readings a start-up snapshot keeps
 * (`text/stored-readings.ts`): run once, when the snapshot is written, so that a start from it
 * runs none of these expressions.
 */
import type { Sentence } from "../text/passages.js";
import { pointsBack } from "../text/passages.js";
import type { StoredReadings } from "../text/stored-readings.js";
import { notHappenedIn } from "./not-happened.js";
import { toldBeforeIn } from "./told-before.js";

/**
 * The readings of `sentences` (every sentence of a corpus, in order), each listing only the
 * sentences whose reading is not the default (most say nothing of the kind).
 */
export function readSentences(sentences: readonly Sentence[]): StoredReadings {
  const stored: StoredReadings = { notHappened: [], toldBefore: [], pointsBack: [] };
  for (const sentence of sentences) {
    const at = notHappenedIn(sentence.text);
    if (at >= 0) stored.notHappened.push([sentence.ordinal, at]);
    const stems = toldBeforeIn(sentence.text);
    if (stems.length > 0) stored.toldBefore.push([sentence.ordinal, stems]);
    if (pointsBack(sentence)) stored.pointsBack.push(sentence.ordinal);
  }
  return stored;
}
