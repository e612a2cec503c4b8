/**
 * "Where does the line go, which two places", "where are the two ends of the hotline": a where-
 * question about a line's ends wants the passage that names both, "between A in X and B at Y",
 * not one that names places the line has nothing to do with. General English forms, no
 * document words.
 */
import { leadFitting } from "./lead.js";
import type { Ranked } from "./rank.js";
import { asksWhere } from "./where.js";

/**
 * A where-question about ends: "which two places", "the two ends", "both sides", or a line that
 * goes, runs or leads somewhere ("where does the line go").
 */
const ASKS_ENDS =
  /\b(?:two|both)\s+(?:places|ends|sides|points|locations)\b|\bends\s+of\b|\bwhere\b.*\b(?:go|goes|run|runs|lead|leads)\b/i;

/** Whether `question` (already known to ask where) asks for the two ends of something. */
export function asksEnds(question: string): boolean {
  return ASKS_ENDS.test(question);
}

/** "between the command post in Tel Aviv and the Russian command at Hmeimim": two ends named. */
const BETWEEN_TWO = /\bbetween\s+[^,;:.!?]*?\band\s+(?:the\s+)?[\p{L}]/iu;

/** A passage naming both ends answers down to this share of the best score. */
const ENDS_SCORE_MIN = 0.6;

/**
 * The sentence to lead an answer to a question about ends ({@link asksEnds}): `top` when it
 * names two ends ({@link BETWEEN_TWO}), else the best of `ranked` within {@link ENDS_SCORE_MIN}
 * of it that does and is `supported`; `top` when none does.
 */
export function namingEnds(
  ranked: Ranked[],
  top: Ranked,
  supported: (r: Ranked) => boolean,
): Ranked {
  return leadFitting(ranked, top, ENDS_SCORE_MIN, supported, (r) =>
    BETWEEN_TWO.test(r.sentence.text),
  );
}

/**
 * An appended question naming the kind of answer a where-question wants: ", like which two
 * places", ", which places", "what locations". Its words are not what the answer is about.
 */
const KIND_ASKED =
  /,?\s*(?:like\s+)?\b(?:which|what)\s+(?:two\s+|both\s+)?(?:places?|locations?|cities|towns|sites|spots)\b[^,;:.!?]*/gi;

/**
 * The words of a where-question to search for: without an appended question naming the kind of
 * answer ("ok so where does the line go, like which two places" → "ok so where does the line
 * go"), which a passage naming the places never repeats ("took place" would match it instead).
 * Any other question, or one made only of such words, unchanged.
 */
export function whereSearched(question: string): string {
  if (!asksWhere(question)) return question;
  const searched = question.replace(KIND_ASKED, " ").replace(/\s+/g, " ").trim();
  return /[\p{L}\p{N}]/u.test(searched) && searched !== "" ? searched : question;
}
