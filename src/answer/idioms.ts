/**
 * Idioms that mean a verb the sources use, which WordNet does not list: "who put their names to
 * the deal" asks who signed it. Read before the question is, so every rule that reads its verb
 * ("who signed …" asks for the signers) sees the plain verb. A small closed set of English idioms
 * of signing, no document words.
 */

/** A possessive: "their names", "his name". */
const POSSESSIVE = "(?:one['’]s|their|his|her|its|our|your|my)";

/** Idioms of signing, and the verb they mean. */
const IDIOMS: readonly [RegExp, string][] = [
  // "put their names to", "put his signature on"
  [
    new RegExp(
      `\\bput(?:s|ting)?\\s+${POSSESSIVE}\\s+(?:names?|signatures?)\\s+(?:to|on)\\b`,
      "gi",
    ),
    "signed",
  ],
  // "put pen to paper on"
  [/\bput(?:s|ting)?\s+pen\s+to\s+paper\s+on\b/gi, "signed"],
];

/**
 * `question` with each idiom of {@link IDIOMS} replaced by the verb it means: "who put their names
 * to the 1998 deal" → "who signed the 1998 deal". Unchanged when it has none.
 */
export function idiomsRead(question: string): string {
  let read = question;
  for (const [idiom, verb] of IDIOMS) read = read.replace(idiom, verb);
  return read;
}
