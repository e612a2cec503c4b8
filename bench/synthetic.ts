/**
 * A deterministic generator of news-like corpus documents for the performance benchmark: the
 * same file format as `corpus/*.md`, sentences built from the seed documents' own vocabulary,
 * with names, dates in the forms the date extractor reads ("On March 14, 2009,", "In 1994,",
 * "Two years later") and `## headings`. Seeded, no network: the same options give the same
 * files byte for byte on every machine.
 */

import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MONTHS } from "../src/dates/months.js";
import { splitSentences } from "../src/text/sentences.js";

/** Options for {@link writeSyntheticCorpus}. */
export interface SyntheticOptions {
  /** About how many sentences (passages) to write, the seed documents included. */
  sentences: number;
  /** The real corpus to copy (documents and `synonyms.json`) and take words from. */
  seedDir: string;
  /** Where to write; default: a new directory under the OS temp dir. Created when missing. */
  outDir?: string | undefined;
  /** PRNG seed. Default 1. */
  seed?: number | undefined;
}

/** What was written. */
export interface SyntheticCorpus {
  dir: string;
  documents: number;
  /** Sentences as the core's splitter counts them, seed documents included. */
  sentences: number;
  bytes: number;
}

/** Mulberry32: a tiny, fast, well-mixed 32-bit PRNG; returns numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  "Wang",
  "Li",
  "Zhang",
  "Chen",
  "Ivan",
  "Sergei",
  "Anatoly",
  "Dmitry",
  "Robert",
  "Mary",
  "James",
  "Olga",
];
const FAMILY = [
  "Petrov",
  "Liu",
  "Zhao",
  "Sokolov",
  "Ivanov",
  "Huang",
  "Smith",
  "Gates",
  "Volkov",
  "Xu",
  "Lavrov",
  "Yang",
];
const TITLES = [
  "General",
  "Minister",
  "Colonel",
  "Major General",
  "Admiral",
  "spokesman",
  "deputy director",
];
const PUBLISHERS = [
  "Xinhua",
  "The Moscow Times",
  "Global Times",
  "Reuters",
  "The Diplomat",
  "Interfax",
];
const VERBS = ["said", "told reporters", "explained", "added", "noted", "wrote", "confirmed"];
const NUMBERS = ["Two", "Three", "Four", "Five", "Several"];
const STOP = new Set(
  "a an the of and or to in on at for by with from as is was were be been it its this that these those he she they their his her we our you your not no but if so than then there which who whom what when where why how also has have had do does did can could will would may might shall should i".split(
    " ",
  ),
);

/** Content words of the seed documents, most frequent first (repeats kept: frequency is the point). */
function seedWords(seedDir: string): string[] {
  const words: string[] = [];
  for (const name of readdirSync(seedDir)
    .filter((n) => n.endsWith(".md"))
    .sort()) {
    const body = readFileSync(join(seedDir, name), "utf8").replace(/^---[\s\S]*?---/, "");
    for (const word of body.match(/[A-Za-z][a-z]+/g) ?? []) {
      if (!STOP.has(word.toLowerCase()) && word.length > 2) words.push(word.toLowerCase());
    }
  }
  return words.length > 0 ? words : ["hotline", "military", "telephone", "line"];
}

/** Writes a synthetic corpus of about `options.sentences` sentences; returns what it wrote. */
export function writeSyntheticCorpus(options: SyntheticOptions): SyntheticCorpus {
  const dir = options.outDir ?? mkdtempSync(join(tmpdir(), "hotline-bench-"));
  mkdirSync(dir, { recursive: true });
  const random = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const vocabulary = seedWords(options.seedDir);
  // Repeats are kept in the list, so a uniform draw follows the seeds' own word frequencies.
  const seedWord = () => vocabulary[Math.floor(random() * vocabulary.length)] ?? "hotline";
  // News has a large vocabulary with a Zipf-like spread; the seeds alone (a few hundred words)
  // would make every word common at 100,000 sentences. Pseudo-words drawn log-uniformly (Zipf
  // with s = 1) fill the rest; the seeds' words are mixed in at SEED_SHARE.
  const filler = fillerWords(random, FILLER_TYPES);
  const word = () =>
    random() < SEED_SHARE
      ? seedWord()
      : (filler[Math.floor(Math.exp(random() * Math.log(filler.length)))] ?? "report");
  const words = (n: number) => Array.from({ length: n }, word).join(" ");
  const person = () => `${pick(GIVEN)} ${pick(FAMILY)}`;

  let sentences = 0;
  let bytes = 0;
  for (const name of readdirSync(options.seedDir).sort()) {
    if (!name.endsWith(".md") && !name.endsWith(".json")) continue;
    copyFileSync(join(options.seedDir, name), join(dir, name));
    if (name.endsWith(".md")) {
      const text = readFileSync(join(options.seedDir, name), "utf8");
      bytes += text.length;
      for (const block of text.replace(/^---[\s\S]*?---/, "").split(/\n\s*\n/)) {
        if (block.trim() && !block.startsWith("#"))
          sentences += splitSentences(block.replace(/\s*\n\s*/g, " ").trim()).length;
      }
    }
  }

  let documents = 0;
  while (sentences < options.sentences) {
    documents++;
    const year = int(1960, 2024);
    const published = `${year}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
    const sentence = (): string => {
      const kind = random();
      const core = `${words(int(4, 12))}`;
      if (kind < 0.12)
        return `On ${pick(MONTHS)} ${int(1, 28)}, ${int(1960, 2024)}, ${person()} ${pick(VERBS)} the ${core}.`;
      if (kind < 0.22)
        return `In ${int(1960, 2024)}, the ${core} between Beijing and Moscow ${words(int(2, 6))}.`;
      if (kind < 0.28)
        return `${pick(NUMBERS)} years later, ${pick(TITLES)} ${person()} ${pick(VERBS)} that the ${core}.`;
      if (kind < 0.4) return `“The ${core},” ${pick(TITLES)} ${person()} ${pick(VERBS)}.`;
      if (kind < 0.48)
        return `According to ${pick(PUBLISHERS)}, the ${core} in ${pick(MONTHS)} ${int(1960, 2024)}.`;
      const text = `The ${core} ${words(int(3, 10))}.`;
      return text;
    };
    const lines = [
      "---",
      `id: synthetic-${String(documents).padStart(6, "0")}`,
      `title: "${capital(words(int(3, 7)))}"`,
      `publisher: ${pick(PUBLISHERS)}`,
      `author: ${person()}`,
      `published: ${published}`,
      `url: https://example.org/news/${year}/${documents}`,
      "---",
      "",
    ];
    const paragraphs = int(20, 60);
    for (let p = 0; p < paragraphs && sentences < options.sentences; p++) {
      if (p > 0 && random() < 0.12) lines.push(`## ${capital(words(int(2, 5)))}`, "");
      const count = int(1, 3);
      const text: string[] = [];
      for (let s = 0; s < count; s++) text.push(capital(sentence()));
      const paragraph = text.join(" ");
      sentences += splitSentences(paragraph).length;
      lines.push(paragraph, "");
    }
    const file = lines.join("\n");
    bytes += file.length;
    writeFileSync(join(dir, `synthetic-${String(documents).padStart(6, "0")}.md`), file);
  }
  return { dir, documents: documents + countSeedDocs(options.seedDir), sentences, bytes };
}

/** Share of words drawn from the seed documents. */
const SEED_SHARE = 0.4;
/** Distinct filler words, about the vocabulary of a year of one newspaper's foreign pages. */
const FILLER_TYPES = 20_000;
const ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "st",
  "tr",
  "pl",
  "gr",
];
const NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
const CODAS = ["", "", "n", "r", "s", "t", "l", "nd", "st", "m"];

/** Distinct pronounceable pseudo-words (2 to 3 syllables), lower case. */
function fillerWords(random: () => number, count: number): string[] {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)] ?? "";
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = "";
    for (let i = 0; i < syllables; i++) word += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
    words.add(word);
  }
  return [...words];
}

function countSeedDocs(seedDir: string): number {
  return readdirSync(seedDir).filter((n) => n.endsWith(".md") && !n.startsWith("README")).length;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
