/**
 * Acronyms the sources spell out: "Line of Control" makes "LoC", "Ministry of Defense" makes
 * "MoD", "Directors General of Military Operations" makes "DGMO". Chat writes the short form
 * ("when did the loc ceasefire start", "the russian MoD"); read through this table a question
 * searches for the words the sources use. Read from the text itself, so a new document's names
 * work with no list to keep.
 */

// A run of capitalised words, joined by spaces or by the small words names keep inside them.
const NAME = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|and|for|the|on|de|du)\s+)?\p{Lu}[\p{L}’'-]*)+/gu;
const SMALL = new Set(["of", "and", "for", "the", "on", "de", "du"]);

/** The acronyms of `name` (lower case): with its small words' initials and without. */
function initialsOf(name: string): string[] {
  const words = name.split(/\s+/);
  const all = words.map((w) => w[0] ?? "").join("");
  const main = words
    .filter((w) => !SMALL.has(w))
    .map((w) => w[0] ?? "")
    .join("");
  return [...new Set([all, main])].map((a) => a.toLowerCase()).filter((a) => a.length >= 2);
}

/**
 * Reads the spelled-out names in `texts` and returns a lookup from an acronym (any case) to the
 * name it stands for, the first met; a plural acronym ("DGMOs") finds its singular's name.
 */
export function readAcronyms(texts: Iterable<string>): (word: string) => string | undefined {
  const table = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(NAME)) {
      for (const acronym of initialsOf(match[0]))
        if (!table.has(acronym)) table.set(acronym, match[0]);
    }
  }
  return (word) => {
    const lower = word.toLowerCase();
    return table.get(lower) ?? (lower.endsWith("s") ? table.get(lower.slice(0, -1)) : undefined);
  };
}
