/**
 * Names a question asks about, which its answer's document must say. "When did Cao call
 * Netanyahu?" is not answered by an article about Cao's call to Serdyukov that never names
 * Netanyahu: a person or place the question names is the most specific thing it says, and a
 * document that never names it is about someone or somewhere else. The document, not the
 * sentence: a passage often leaves out what its article is about ("a full-scale war began" in an
 * article that named Karabakh above). Countries, capitals and demonyms are left to the rules
 * about the sides a document covers. What is a name is read from how the corpus writes the word,
 * not from a list.
 */
import type { CorpusDocument } from "../corpus/document.js";
import type { Analyzer } from "../search/analyzer.js";
import { isEnglishWord } from "../text/english.js";
import type { Sentence } from "../text/passages.js";
import { placeTerm, type Query } from "./query.js";
import type { Ranked } from "./rank.js";

/** How many sentences using a term are read to tell whether the corpus writes it as a name. */
const SENTENCES_READ = 8;

/**
 * Whether the corpus writes `term` as a name: every word of the sentences read (`sentences`, those
 * using it) that stands for it is capitalised, at least one of them inside a sentence, and none is
 * an English word. "Netanyahu", "Hmeimim", "Serdyukov" are names; "Defense" (capitalised in
 * "Ministry of Defense", but an English word) and "line" are not. English words that are also
 * names ("Cook", "Washington") are left to the rules about places and people.
 */
export function writtenAsName(term: string, sentences: Sentence[], analyzer: Analyzer): boolean {
  let inside = false;
  for (const sentence of sentences.slice(0, SENTENCES_READ)) {
    for (const token of analyzer.tokens(sentence.text)) {
      if (token.term !== term) continue;
      if (!/^\p{Lu}/u.test(token.surface) || isEnglishWord(token.surface)) return false;
      inside ||= token.name;
    }
  }
  return inside;
}

/**
 * The names `query` asks about: for each, the corpus terms that say it (the term itself, or what
 * a misspelling of it stands for: "serdukov" → "serdyukov"). A term the corpus never uses is
 * none of them: what the sources never say cannot be checked against a passage.
 */
export function namesAsked(
  query: Query,
  isName: (term: string) => boolean,
  analyzer: Analyzer,
): string[][] {
  const places = new Set(query.places.map((m) => placeTerm(analyzer, m)));
  return query.terms
    .filter((t) => !t.implied && !places.has(t.term))
    .map((t) => (t.known ? [t.term] : t.expansions))
    .filter((terms) => terms.length > 0 && terms.every(isName));
}

/**
 * `ranked` without the passages whose document never says one of `names` (`termsOf` gives a
 * document's terms: its title's and every paragraph's). Unchanged when there are no names.
 */
export function sayingNames(
  ranked: Ranked[],
  names: string[][],
  termsOf: (doc: CorpusDocument) => ReadonlySet<string>,
): Ranked[] {
  if (names.length === 0) return ranked;
  return ranked.filter((r) => {
    const said = termsOf(r.sentence.paragraph.doc);
    return names.every((terms) => terms.some((t) => said.has(t)));
  });
}
