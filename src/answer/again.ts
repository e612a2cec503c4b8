/**
 * "Is the office open again?", "did they meet again": a verb followed by "again" means what the
 * verb with the prefix "re-" says ("reopened", "remet"), as sources often write it. General
 * English word formation, no document words.
 */

/** A word and the "again" after it ("open again", "opened again"). */
const AGAIN = /\b(\p{L}+)\s+again\b/giu;

/**
 * The words of `question` (lower case) that "again" follows: "is it open again" gives "open".
 * Empty when the question has no "again".
 */
export function wordsAgain(question: string): Set<string> {
  const found = new Set<string>();
  for (const [, word = ""] of question.matchAll(AGAIN)) found.add(word.toLowerCase());
  return found;
}

/**
 * The corpus terms of `word` with the prefix "re-" (`termsOf` gives the corpus terms of a word in
 * the inflections the sources use): "open" gives the term of "reopened" when the sources say it.
 * Empty for a word that already starts with "re", or when the sources never use the prefixed word.
 */
export function redoneTerms(word: string, termsOf: (word: string) => string[]): string[] {
  const lower = word.toLowerCase();
  if (lower.startsWith("re") || lower.length < 3) return [];
  return termsOf(`re${lower}`);
}
