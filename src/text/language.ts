/**
 * Tells whether a question is written in the Latin alphabet, as English questions are. The
 * sources are English and so is the index: a question in Chinese or Russian would otherwise be
 * searched for words the sources never use and answered "the sources don't answer that", which is
 * untrue. Questions in other Latin-alphabet languages are not told apart here.
 */

/** The reply to a question not written in English letters. */
export const ENGLISH_ONLY =
  "hotline answers questions in English, e.g. /hotline ask when did the Beijing-Moscow line open?";

/** True when at least half the letters of `text` are Latin (true for text without letters). */
export function inLatinLetters(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters === 0 || latin * 2 >= letters;
}
