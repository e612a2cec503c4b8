/**
 * Text normalisation shared by ingest, indexing, answering and the faithfulness check.
 */

// C0/C1 controls except tab, newline and carriage return; plus bidi overrides and isolates,
// which can make echoed text render in a misleading order.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Removes control characters and bidi overrides; keeps ordinary whitespace and every letter. */
export function stripControl(text: string): string {
  return text.replace(CONTROL, "");
}

/** Collapses runs of whitespace (including newlines) to one space and trims the ends. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Curly quotes and primes made straight, so `’` and `'` compare equal. */
export function straightenQuotes(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
}

/**
 * The comparison form used to prove a quote is verbatim: Unicode NFKC, straight quotes,
 * folded whitespace. Case is kept, because a quote must match its source letter for letter.
 */
export function comparable(text: string): string {
  return foldWhitespace(straightenQuotes(text.normalize("NFKC")));
}

/**
 * Cleans a question as typed: NFKC, controls and zero-width characters removed, whitespace
 * folded. Combining-mark floods (Zalgo text) are cut to two marks per letter.
 */
export function cleanQuestion(text: string): string {
  const cleaned = stripControl(text.normalize("NFKC")).replace(/[\u200B-\u200F\u2060\uFEFF]/g, "");
  // Marks are never ASCII; the Unicode-property expression costs a command to compile.
  return foldWhitespace(
    /[^ -~\s]/.test(cleaned) ? cleaned.replace(/(\p{M}{2})\p{M}+/gu, "$1") : cleaned,
  );
}
