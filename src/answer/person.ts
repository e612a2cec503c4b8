/**
 * Questions that ask for a person by role: "which Russian general signed …", "who was
 * Pakistan's DGMO in 2021". Their answer names someone ("Major General Luo Yuan", "his Russian
 * counterpart Serdyukov"); a passage about the event that names nobody does not answer them.
 * General English titles and forms, no document words.
 */

/** Kinds of person a "which …" question may ask for. */
const PERSON_KIND =
  /^(?:\W*\w+\W+){0,2}?(?:which|what)\s+(?:[\p{L}-]+\s+)?(?:general|minister|official|officer|person|leader|president|premier|diplomat|commander|spokesman|spokeswoman|ambassador|admiral|colonel)\b/iu;
/** "who was Pakistan's DGMO", "who is Teng's boss": a role held by someone named. */
const WHOSE_ROLE = /^(?:\W*\w+\W+){0,2}?who\s+(?:is|was|are|were)\s+[^?]*?['’]s\s+\p{L}+/iu;

/**
 * "who was the russian officer who answered …", "who is the minister in charge": a person asked
 * for by a role, with "the".
 */
const WHO_THE_ROLE =
  /^(?:\W*\w+\W+){0,2}?who\s+(?:is|was|are|were)\s+the\s+(?:[\p{L}-]+\s+)?(?:general|minister|official|officer|person|leader|president|premier|diplomat|commander|spokesman|spokeswoman|ambassador|admiral|colonel|captain|pilot|operator)s?\b/iu;

/** A title or role followed by a name, or a name followed by a verb of saying. */
export const NAMED_PERSON =
  /\b(?:General|Gen\.|Minister|President|Premier|Prime Minister|Secretary|Director|Colonel|Admiral|Marshal|Commander|Ambassador|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|counterpart|leader|spokesman|spokeswoman|analyst|expert|researcher|professor)\s+\p{Lu}[\p{L}’'-]+|\b\p{Lu}[\p{L}’'-]+\s+\p{Lu}[\p{L}’'-]+\s+(?:said|says|told|added|explained|stressed)\b/u;

/*
 * Cheap tests (no Unicode property, no case closure to build) that hold whenever the expression
 * each guards can match: they spare compiling it for the many questions it cannot match.
 * `[sSſ]`: with the `iu` flags an "s" also matches "ſ" (U+017F), which a plain `/s/i` does not.
 */
const MAY_ASK_KIND = /(?:which|what)\s/i;
const MAY_ASK_WHOSE = /who\s[^?]*['’][sSſ]\s/i;
const MAY_ASK_THE = /who\s+\S+\s+the\s/i;

/** Whether `question` asks for a person by a role. */
export function asksForPerson(question: string): boolean {
  return (
    (MAY_ASK_KIND.test(question) && PERSON_KIND.test(question)) ||
    (MAY_ASK_WHOSE.test(question) && WHOSE_ROLE.test(question)) ||
    (MAY_ASK_THE.test(question) && WHO_THE_ROLE.test(question))
  );
}

/** Whether `text` names a person: a title or role with a name, or a named speaker. */
export function namesPerson(text: string): boolean {
  return NAMED_PERSON.test(text);
}
