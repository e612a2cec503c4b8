/**
 * Fuzzy lookup of misspelled words ("Serdukov", "Yelstin") in the corpus vocabulary, used only
 * for question words the index does not know, so correctly spelled questions pay nothing.
 */

/** Optimal-string-alignment distance (edits, with adjacent swaps as one), or `max + 1` past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1] ?? max + 1;
}

/** Edits allowed for a word of this length: none below 5 letters, 1 up to 7, then 2. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** A vocabulary bucketed by length, so a lookup compares only words of similar length. */
export class Vocabulary {
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!/^\p{L}+$/u.test(word)) continue;
      const bucket = this.byLength.get(word.length);
      if (bucket) bucket.push(word);
      else this.byLength.set(word.length, [word]);
    }
  }

  /** Vocabulary words within the allowed edits of `word`, closest first (at most `limit`). */
  near(word: string, limit = 3): { word: string; distance: number }[] {
    const max = allowedEdits(word.length);
    if (max === 0) return [];
    const found: { word: string; distance: number }[] = [];
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        // Misspellings rarely change the first letter; checking it first keeps lookups cheap.
        if (candidate[0] !== word[0]) continue;
        const distance = editDistance(word, candidate, max);
        if (distance <= max) found.push({ word: candidate, distance });
      }
    }
    return found.sort((a, b) => a.distance - b.distance).slice(0, limit);
  }
}
