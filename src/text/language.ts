/**
 * Tells whether a question is written in the Latin alphabet, as English questions are. The
 * sources are English and so is the index: a question in Chinese or Russian would otherwise be
 * searched for words the sources never use and answered "the sources don't answer that", which is
 * untrue. Questions in other Latin-alphabet languages are not told apart here.
 */

/** The reply to a question not written in English letters. */
export const ENGLISH_ONLY =
  "hotline answers questions in English, e.g. /hotline ask when did the Beijing-Moscow line open?";

/**
 * Whether every character of `text` is ASCII (true for ""). On such text a Unicode-property
 * expression gives the same result as its ASCII twin, which is far cheaper to compile.
 */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** True when at least half the letters of `text` are Latin (true for text without letters). */
export function inLatinLetters(text: string): boolean {
  // Plain ASCII (most questions): every letter is Latin. Saves compiling the two Unicode-property
  // expressions below, about 2 ms of a command-line start.
  if (isAscii(text)) return true;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters === 0 || latin * 2 >= letters;
}
