/**
 * A person asked for by a role and a deed: "who was the Israeli officer who made the call before
 * the crash", "which general that signed the memorandum". The relative clause says what the
 * person did; a passage that names someone with that role but tells another deed of them ("the
 * commander of the Israeli Air Force, Major General Amikam Norkin, flew to Moscow") does not name
 * the one asked for. General English structure, no document words.
 */
import type { Sentence } from "../text/passages.js";
import { baseVerb, isMainlyVerb } from "../text/verb-forms.js";
import type { Ranked } from "./rank.js";

/**
 * A question for a person by a role, then a relative clause: "who was the … who/that VERB", or
 * "which/what … who/that VERB" (an auxiliary before the verb is skipped), with the word after
 * the verb (past a determiner) for a light verb's object.
 */
const ROLE_THEN_DEED =
  /^\W*(?:[\p{L}']+\W+){0,2}?(?:who\s+(?:is|was|are|were)|which|what)\s+[^?]*?\b(?:who|that)\s+(?:(?:had|has|have|did|does|do)\s+)?(\p{L}+)(?:\s+(?:(?:the|a|an|his|her|their|its|this|that|first|last)\s+)*(\p{L}+))?/iu;

/**
 * Light verbs, whose deed is their object: "made the call" is calling, "gave the warning"
 * warning. General English.
 */
const LIGHT =
  /^(?:make|makes|made|making|do|does|did|done|give|gives|gave|given|take|takes|took|taken|have|has|had|place|placed)$/;

/** A form of a verb: mostly used as one ("signed", "warned") or an irregular form of one. */
function isVerbForm(word: string): boolean {
  return isMainlyVerb(word) || baseVerb(word) !== undefined;
}

/**
 * The word for the deed a question asks the doer of by a role and a relative clause
 * ({@link ROLE_THEN_DEED}), lower case: the verb ("signed"), or a light verb's object ("made the
 * call" → "call"). Null for any other question, or when the word is not a verb's or a deed's.
 */
export function relativeDeed(question: string): string | null {
  const match = ROLE_THEN_DEED.exec(question);
  const verb = match?.[1]?.toLowerCase();
  if (!verb) return null;
  // "is", "was": "the officer who was in charge" asks for a state, not a deed.
  if (/^(?:is|was|are|were|be|been)$/.test(verb)) return null;
  const deed = LIGHT.test(verb) ? match?.[2]?.toLowerCase() : verb;
  return deed && isVerbForm(deed) ? deed : null;
}

const WORDS = /\p{L}+/gu;

/**
 * Whether `text` says `term` by a word used as a verb: "officers had called the command" tells a
 * call, "came to Tel Aviv for talks" (a noun the corpus's synonyms read as a call) does not.
 */
function saysAsVerb(text: string, term: string, termOf: (word: string) => string): boolean {
  return (text.match(WORDS) ?? []).some((word) => {
    const lower = word.toLowerCase();
    return isVerbForm(lower) && termOf(lower) === term;
  });
}

/** The sentence and its neighbours in its paragraph, where a person and their deed are told. */
function neighbourhood(sentence: Sentence): Sentence[] {
  return sentence.paragraph.sentences.slice(Math.max(0, sentence.index - 1), sentence.index + 2);
}

/**
 * `ranked` kept to the passages that tell, in the sentence or one next to it, the deed of a
 * question for a person by a role and a deed ({@link relativeDeed}), by a verb of its term
 * (`termOf`, the analyzer's: "call" also finds "spoke", "phoned" through the corpus's synonyms);
 * unchanged for any other question.
 */
export function tellingRelativeDeed(
  question: string,
  ranked: Ranked[],
  termOf: (word: string) => string,
): Ranked[] {
  const deed = relativeDeed(question);
  if (!deed) return ranked;
  const term = termOf(deed);
  if (term === "") return ranked;
  const told = new Map<Sentence, boolean>();
  const tells = (s: Sentence) => {
    let says = told.get(s);
    if (says === undefined) {
      says = s.termSet.has(term) && saysAsVerb(s.text, term, termOf);
      told.set(s, says);
    }
    return says;
  };
  return ranked.filter((r) => neighbourhood(r.sentence).some(tells));
}
