/**
 * The one text splitter and cutter every renderer uses to fit platform limits. Text is split at
 * the coarsest boundary that keeps a chunk at least half full — paragraph, then line, then
 * sentence end — else at any space; only a single word longer than a chunk is cut inside, and
 * never inside a surrogate pair (nor inside whatever `unsafeTail` marks, such as an entity or
 * a link in Slack's escaped text). Whitespace at a cut is dropped; nothing else is.
 */

/** Boundaries, coarsest first. */
const BOUNDARIES: RegExp[] = [
  /\n[ \t]*\n\s*/g, // paragraph
  /\n\s*/g, // line
  /(?<=[.!?…]["'”’)\]]*)\s+/g, // sentence
  /\s+/g, // word
];

/** Options of {@link splitText} and {@link cutText}. */
export interface SplitOptions {
  /**
   * Returns where a piece ending at `end` would leave half of something that must not be split
   * (e.g. `&am` of `&amp;`, or an open `<url|title` link), so the cut moves back there; or -1
   * when the cut is safe. Default: none (surrogate pairs are always protected).
   */
  unsafeTail?: (text: string, end: number) => number;
}

/** Where the first chunk of `text` ends (`end`) and the rest starts (`next`). */
function cutPoint(text: string, max: number, options: SplitOptions): { end: number; next: number } {
  // Include the character at `max` so a boundary right after a full chunk counts.
  const window = text.slice(0, max + 1);
  for (const [index, pattern] of BOUNDARIES.entries()) {
    const floor = index === BOUNDARIES.length - 1 ? 1 : Math.floor(max / 2);
    let best: { end: number; next: number } | undefined;
    for (const m of window.matchAll(pattern)) {
      if (m.index >= floor && m.index <= max) best = { end: m.index, next: m.index + m[0].length };
    }
    if (best) return safe(window, best, options);
  }
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return safe(window, { end, next: end }, options);
}

function safe(
  window: string,
  cut: { end: number; next: number },
  options: SplitOptions,
): { end: number; next: number } {
  const unsafe = options.unsafeTail?.(window, cut.end) ?? -1;
  return unsafe > 0 && unsafe < cut.end ? { end: unsafe, next: unsafe } : cut;
}

/**
 * Splits `text` into chunks of at most `max` characters (see the module comment). Throws a
 * RangeError when `max` is below 1.
 */
export function splitText(text: string, max: number, options: SplitOptions = {}): string[] {
  if (!(max >= 1)) throw new RangeError(`split: the chunk size must be at least 1, got ${max}`);
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const { end, next } = cutPoint(rest, max, options);
    chunks.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(next).trimStart();
  }
  if (rest !== "") chunks.push(rest);
  return chunks;
}

/**
 * Cuts `text` to at most `max` characters at the best boundary, ending in "…" when shortened;
 * returned unchanged when it fits.
 */
export function cutText(text: string, max: number, options: SplitOptions = {}): string {
  if (text.length <= max) return text;
  const [first] = splitText(text, max - 1, options);
  return `${first ?? ""}…`;
}
