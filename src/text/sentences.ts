/**
 * Splits a paragraph into sentences. Each sentence is an exact substring of the paragraph, so a
 * quote made of whole sentences is always verbatim.
 *
 * Rules, and why:
 * - A boundary is `.`, `?` or `!` (plus any closing quotes or brackets) followed by whitespace and
 *   an upper-case letter, digit or opening quote.
 * - No boundary inside an open double quotation: a quoted speech with several sentences
 *   ("How should the hotline be placed? Where to put it? …” Teng said, …) is one unit, so the
 *   quote keeps who said it.
 * - No boundary after abbreviations such as `U.S.`, `Gen.` or a single initial.
 */

const ABBREVIATION =
  /(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|No|Vol|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp)\.|\b[A-Z]\.)$/;

/** A sentence and where it sits in its paragraph (`start` inclusive, `end` exclusive). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Splits `paragraph` into trimmed sentences that are exact substrings of it. */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let quoteDepth = 0;
  let straightOpen = false;
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i];
    if (ch === "\u201C") quoteDepth++;
    else if (ch === "\u201D") quoteDepth = Math.max(0, quoteDepth - 1);
    else if (ch === '"') straightOpen = !straightOpen;
    if (ch !== "." && ch !== "?" && ch !== "!") continue;
    let end = i + 1;
    while (end < paragraph.length && /[\u201D\u2019"')\]]/.test(paragraph[end] ?? "")) {
      if (paragraph[end] === "\u201D") quoteDepth = Math.max(0, quoteDepth - 1);
      if (paragraph[end] === '"') straightOpen = !straightOpen;
      end++;
    }
    i = end - 1;
    if (quoteDepth > 0 || straightOpen) continue;
    const after = paragraph.slice(end);
    const next = /^\s+(\S)/.exec(after);
    if (!next) continue;
    if (!/[\p{Lu}\d\u201C"'(\u2018]/u.test(next[1] ?? "")) continue;
    if (ch === "." && ABBREVIATION.test(paragraph.slice(Math.max(0, i - 12), i + 1))) continue;
    pushSpan(spans, paragraph, start, end);
    start = end;
  }
  pushSpan(spans, paragraph, start, paragraph.length);
  return spans;
}

function pushSpan(spans: SentenceSpan[], paragraph: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(paragraph[s] ?? "")) s++;
  while (e > s && /\s/.test(paragraph[e - 1] ?? "")) e--;
  if (e > s) spans.push({ text: paragraph.slice(s, e), start: s, end: e });
}
