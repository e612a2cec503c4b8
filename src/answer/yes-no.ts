/**
 * Yes/no questions about a thing named with its topic: "did the 2001 Beijing talks on the
 * collision get anywhere" asks about the talks; a sentence telling only of the collision (their
 * topic, after the preposition) does not say how they went. General English noun-phrase shape,
 * no document words.
 */
import { leadFitting } from "./lead.js";
import type { Ranked } from "./rank.js";

/**
 * An auxiliary, "the", a few words and a preposition: "did the 2001 beijing talks on …", "is the
 * line between …". The word before the preposition is the head of the subject.
 */
const SUBJECT_BEFORE_PREPOSITION =
  /^\W*(?:is|are|was|were|does|do|did|has|have|had)\s+the\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}?([\p{L}\p{N}'’-]+)\s+(?:on|about|over|of|with|between|in|at|for|from|into)\s/iu;

/**
 * The head of the subject of a yes/no question when a prepositional phrase follows it ("talks"
 * in "did the 2001 beijing talks on the collision get anywhere"), or null.
 */
export function subjectHead(question: string): string | null {
  return SUBJECT_BEFORE_PREPOSITION.exec(question)?.[1] ?? null;
}

/** A sentence naming the subject answers down to this share of the best score. */
const SUBJECT_SCORE_MIN = 0.7;

/**
 * `top` when it says the subject's head (one of `headTerms`), else the best of `ranked` within
 * {@link SUBJECT_SCORE_MIN} of it that does and is `supported`; `top` when none does.
 */
export function sayingSubject(
  ranked: Ranked[],
  top: Ranked,
  headTerms: string[],
  supported: (r: Ranked) => boolean,
): Ranked {
  if (headTerms.length === 0) return top;
  return leadFitting(ranked, top, SUBJECT_SCORE_MIN, supported, (r) =>
    headTerms.some((t) => r.sentence.termSet.has(t)),
  );
}
