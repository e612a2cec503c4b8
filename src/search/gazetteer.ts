/**
 * Finds the countries a text names: by name, official name, other spellings, capital or
 * demonym, from the maintained `world-countries` data (250 countries), so parties and places
 * come from general knowledge instead of lists fitted to the seed documents. "Korea" and
 * "Korean" stand for both Koreas, "Delhi" for New Delhi, "U.S." for the United States.
 */
import { createRequire } from "node:module";
import type { Countries } from "world-countries";
import { builtOr } from "../text/built-file.js";
import { isCommonWord } from "../text/english.js";
import { isLowerLetters } from "../text/letters.js";

/**
 * The country data, read when the first gazetteer is built (about 50 ms: 1.4 MB of JSON), not
 * when this module loads. The package's entry is `module.exports = require("./countries.json")`.
 */
function readCountries(): Countries {
  return createRequire(import.meta.url)("world-countries") as Countries;
}

/** One place named in a text: the ISO 3166 alpha-3 codes it may stand for. */
export interface PlaceMention {
  codes: string[];
  /** The words as written. */
  surface: string;
  /** Word offsets in the text, for telling which mentions stand together. */
  start: number;
  end: number;
  /** Character offsets in {@link acronymsRead}`(text)`. */
  from: number;
  to: number;
}

/**
 * Names the country data does not carry: historical states and the seats of government that
 * news uses for their country ("the Pentagon", "the Kremlin"), and the combining forms of
 * compound adjectives ("Sino-Russian", "Indo-Pakistani").
 */
const OTHER_NAMES: Record<string, string> = {
  "soviet union": "RUS",
  soviet: "RUS",
  soviets: "RUS",
  ussr: "RUS",
  kremlin: "RUS",
  pentagon: "USA",
  "white house": "USA",
  // News English's short name for the United States; the data lists only "United States of America".
  america: "USA",
  // Likewise for the United Kingdom, which the data lists only as "Great Britain".
  britain: "GBR",
  sino: "CHN",
  indo: "IND",
  pak: "PAK",
  anglo: "GBR",
};

/** Words that never name a country on their own, though the data lists them as short forms. */
const NOT_NAMES = new Set(["us", "in", "is", "it", "no", "at", "be", "me", "my", "to", "so", "do"]);

const WORD = /[\p{L}\p{N}]+/gu;
const DIRECTION = /^(north|south|east|west|northern|southern|eastern|western)\s+/;

/**
 * A gazetteer's lookup tables as plain JSON, so the build can write them once ({@link
 * gazetteerTables}) and a command reads them instead of indexing 2,000 names on every start.
 */
export interface GazetteerTables {
  /** Each name in lower case, its words joined by one space, with the codes it may stand for. */
  phrases: Record<string, string[]>;
  /** Acronyms (`US`, `USA`, `DPRK`, `PRC`), matched only in capitals so "us" stays a pronoun. */
  acronyms: Record<string, string[]>;
  /** Per first word of a name, the most words a name starting with it has. */
  starts: Record<string, number>;
  /** Every name of each country code, as written. */
  byCode: Record<string, string[]>;
}

/** The tables for `names` (name and ISO alpha-3 code pairs) and {@link OTHER_NAMES}. */
export function gazetteerTables(names: [string, string][]): GazetteerTables {
  // Without a prototype, a name such as "constructor" is a key like any other.
  const table = () => Object.create(null);
  const tables: GazetteerTables = {
    phrases: table(),
    acronyms: table(),
    starts: table(),
    byCode: table(),
  };
  const add = (map: Record<string, string[]>, key: string, code: string) => {
    const k = key.replace(/\./g, "");
    const codes = map[k] ?? [];
    if (!codes.includes(code)) map[k] = [...codes, code];
  };
  const addPhrase = (name: string, code: string) => {
    const words = name.toLowerCase().match(WORD) ?? [];
    if (words.length === 0 || (words.length === 1 && NOT_NAMES.has(words[0] ?? ""))) return;
    tables.byCode[code] = [...(tables.byCode[code] ?? []), name];
    const first = words[0] ?? "";
    tables.starts[first] = Math.max(tables.starts[first] ?? 0, words.length);
    add(tables.phrases, words.join(" "), code);
  };
  for (const [name, code] of names) {
    // Two-letter codes ("AM", "IT", "IN") are ordinary words too often; only US and UK are kept.
    if (/^[A-Z]{3,5}$/.test(name.replace(/\./g, ""))) add(tables.acronyms, name, code);
    else if (name.length > 2) {
      addPhrase(name, code);
      // "North Korea" and "South Korean" also answer to "Korea" and "Korean".
      const bare = name.toLowerCase().replace(DIRECTION, "");
      if (bare !== name.toLowerCase()) addPhrase(bare, code);
    }
  }
  for (const [name, code] of Object.entries(OTHER_NAMES)) addPhrase(name, code);
  add(tables.acronyms, "PRC", "CHN");
  add(tables.acronyms, "US", "USA");
  add(tables.acronyms, "UK", "GBR");
  return tables;
}

/** Reads place names; built once per process from the country data. */
export class Gazetteer {
  private readonly phrases: ReadonlyMap<string, readonly string[]>;
  private readonly acronyms: ReadonlyMap<string, readonly string[]>;
  private readonly starts: ReadonlyMap<string, number>;
  private readonly byCode: ReadonlyMap<string, readonly string[]>;

  /** `tables` default to the build's copy ({@link readTables}). */
  constructor(tables: GazetteerTables = readTables()) {
    this.phrases = new Map(Object.entries(tables.phrases));
    this.acronyms = new Map(Object.entries(tables.acronyms));
    this.starts = new Map(Object.entries(tables.starts));
    this.byCode = new Map(Object.entries(tables.byCode));
  }

  /**
   * Every name of the country `code` (ISO alpha-3): its names, capitals, demonyms and the other
   * names this module knows ("Pak", "Indo", "Soviet"); empty for an unknown code.
   */
  namesOf(code: string): readonly string[] {
    return this.byCode.get(code) ?? [];
  }

  /**
   * The countries an acronym names: as written in capitals ("UK", "PRC"), or in lower case when
   * that is no common English word ("the uk", "usa", "prc"; never "us", the pronoun).
   */
  private acronym(word: string): readonly string[] | undefined {
    const codes = this.acronyms.get(word);
    if (codes || !isLowerLetters(word)) return codes;
    const upper = this.acronyms.get(word.toUpperCase());
    return upper && !isCommonWord(word) ? upper : undefined;
  }

  /** The places `text` names, in order; longest names first ("South Korea" before "Korea"). */
  find(text: string): PlaceMention[] {
    const words = wordsOf(text);
    const mentions: PlaceMention[] = [];
    for (let i = 0; i < words.length; ) {
      let found: PlaceMention | undefined;
      const word = words[i]?.[0] ?? "";
      // Most words start no name: one map lookup rules them out (acronyms are one word).
      const longest =
        this.starts.get(word.toLowerCase()) ?? (this.acronym(word) !== undefined ? 1 : 0);
      for (let n = Math.min(longest, words.length - i); n >= 1 && !found; n--) {
        const slice = words.slice(i, i + n).map((w) => w[0]);
        const codes =
          this.phrases.get(slice.join(" ").toLowerCase()) ??
          (n === 1 ? this.acronym(slice[0] ?? "") : undefined);
        const last = words[i + n - 1];
        if (codes && last) {
          const from = words[i]?.index ?? 0;
          const to = last.index + last[0].length;
          found = { codes: [...codes], surface: slice.join(" "), start: i, end: i + n, from, to };
        }
      }
      if (found) {
        mentions.push(found);
        i = found.end;
      } else i++;
    }
    // Chat writes "us china hotline", "china and the us": a lower-case "us" next to another place,
    // or after "the" (where the pronoun never stands), is the country.
    for (const [i, w] of words.entries()) {
      if (w[0].toLowerCase() !== "us" || mentions.some((m) => m.start <= i && i < m.end)) continue;
      const afterThe = words[i - 1]?.[0].toLowerCase() === "the";
      if (afterThe || mentions.some((m) => m.end === i || m.start === i + 1)) {
        const at = { start: i, end: i + 1, from: w.index, to: w.index + w[0].length };
        mentions.push({ codes: ["USA"], surface: w[0], ...at });
      }
    }
    return mentions.sort((a, b) => a.start - b.start);
  }
}

/** A state's long form ("Republic of Turkey", "Kingdom of the Netherlands") and its short name. */
const STATE_FORM =
  /^(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Sultanate|Grand Duchy) of (?:the )?([^,()]+)$/;

/**
 * The short names inside the long forms of `countries`' names: "Turkey" from "Republic of
 * Turkey". The data's common name may be one English news rarely writes ("Türkiye"), while the
 * long form keeps the usual one. Only names the data lacks are returned: "China" in Taiwan's
 * "Republic of China" names another country and never takes its mentions.
 */
export function shortNames(countries: Countries): [string, string][] {
  const owners = new Set(
    countries.flatMap((c) =>
      [c.name.common, c.name.official, ...c.altSpellings].map((name) => name.toLowerCase()),
    ),
  );
  // Only names the data lacks: one it has already is a name of this country or another's.
  const shorts = countries.flatMap((c) =>
    [c.name.official, ...c.altSpellings]
      .map((name) => STATE_FORM.exec(name)?.[1] ?? "")
      .filter((short) => short !== "" && !owners.has(short.toLowerCase()))
      .map((short) => `${short}\0${c.cca3}`),
  );
  return [...new Set(shorts)].map((pair) => pair.split("\0") as [string, string]);
}

/**
 * Every name of every country in the data with its ISO alpha-3 code: names, official names,
 * other spellings, the short names in their long forms ({@link shortNames}), capitals (also
 * without "D.C." or "New"), demonyms and their plurals.
 */
export function countryNames(): [string, string][] {
  const countries = readCountries();
  const short = shortNames(countries);
  return countries.flatMap((c) =>
    [
      c.name.common,
      c.name.official,
      ...c.altSpellings,
      ...short.filter(([, code]) => code === c.cca3).map(([name]) => name),
      ...(c.capital ?? []).flatMap((capital) => [capital, capital.replace(/\s+D\.?C\.?$/, "")]),
      ...(c.capital ?? []).filter((capital) => /^New\s/.test(capital)).map((x) => x.slice(4)),
      c.demonyms?.eng?.m ?? "",
      c.demonyms?.eng?.f ?? "",
      c.demonyms?.eng?.m ? `${c.demonyms.eng.m}s` : "",
    ]
      .filter((name) => name !== "")
      .map((name): [string, string] => [name, c.cca3]),
  );
}

/**
 * The tables: from `gazetteer.json`, which the build writes beside the compiled module (about
 * 100 KB, read in a millisecond), else built from the country data itself (tests run the source).
 */
function readTables(): GazetteerTables {
  return builtOr(
    new URL("./gazetteer.json", import.meta.url),
    (text) => JSON.parse(text) as GazetteerTables,
    () => gazetteerTables(countryNames()),
  );
}

/** `text` with "U.S." and "U.S.A." read as the acronyms they are: what `find` reads. */
export function acronymsRead(text: string): string {
  return text.replace(/\b((?:[A-Z]\.){2,})/g, (m) => m.replace(/\./g, ""));
}

function wordsOf(text: string): RegExpExecArray[] {
  return [...acronymsRead(text).matchAll(WORD)];
}

let shared: Gazetteer | undefined;

/** The process's gazetteer, built on first use (about 2,000 names). */
export function gazetteer(): Gazetteer {
  shared ??= new Gazetteer();
  return shared;
}
