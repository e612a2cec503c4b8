/**
 * A person named in full once and by one part of the name after: "Foreign Minister S. Jaishankar
 * met Wang Yi …", then "Mr Jaishankar and Mr Wang spoke on the phone". A question that names him
 * in full ("when did jaishankar and wang yi agree …") is answered by the later sentence too: its
 * "Wang" is the document's "Wang Yi".
 */
import type { CorpusDocument } from "../corpus/document.js";
import { memoWords } from "../text/built-file.js";
import { isCommonWord } from "../text/english.js";
import { isLetters } from "../text/letters.js";
import type { Sentence } from "../text/passages.js";
import type { QueryTerm } from "./query.js";

/** A document's paragraphs and headings as one text, joined once. */
const texts = new WeakMap<CorpusDocument, string>();

function documentText(doc: CorpusDocument): string {
  let text = texts.get(doc);
  if (text === undefined) {
    text = doc.blocks.map((b) => b.text).join("\n");
    texts.set(doc, text);
  }
  return text;
}

/** `word` as a name written with a capital, with regular-expression characters escaped. */
function capitalised(word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return `${escaped.charAt(0).toUpperCase()}${escaped.slice(1)}`;
}

/** Per document, whether it names each full name ("wang yi") with capitals, as found. */
const fullNames = new WeakMap<CorpusDocument, Map<string, boolean>>();

/** Whether `doc` writes `first last` as a name ("Wang Yi"); read once per document and name. */
function namesInFull(doc: CorpusDocument, first: string, last: string): boolean {
  let names = fullNames.get(doc);
  if (!names) {
    names = new Map();
    fullNames.set(doc, names);
  }
  const key = `${first} ${last}`.toLowerCase();
  let found = names.get(key);
  if (found === undefined) {
    const whole = new RegExp(`\\b${capitalised(first)}\\s+${capitalised(last)}\\b`, "u");
    found = whole.test(documentText(doc));
    names.set(key, found);
  }
  return found;
}

/**
 * Whether `sentence` names by `said` alone the person its document names `first last` in full,
 * both written with capitals ("Wang Yi"), so that it says `missing`, the other part of the name,
 * too. `first` and `last` are the question's words in its order; `said` is one of them, and
 * `missing` the other. Letters only; false for words of fewer than two letters.
 */
export function namePartSaid(
  sentence: Sentence,
  first: string,
  last: string,
  said: string,
): boolean {
  if (!isLetters(first, 2) || !isLetters(last, 2)) return false;
  return partOfName(said).test(sentence.text) && namesInFull(sentence.paragraph.doc, first, last);
}

/**
 * The expression finding `said` as a name written with a capital ("Wang"), compiled once per word
 * (bounded: {@link memoWords} starts again after 10,000 words): every candidate sentence of a
 * question tests the same few. Not global, so `test` keeps no state between sentences.
 */
const partOfName = memoWords((said: string) => new RegExp(`\\b${capitalised(said)}\\b`, "u"));

/**
 * Whether `sentence` says the question's `terms[at]`, a part of a person's name ("yi" of "wang
 * yi"), through the other part next to it in the question, which it says alone ("Mr Wang") while
 * its document writes the name in full with capitals ({@link namePartSaid}). A common word
 * ("foreign" of "foreign minister") is never read as a part of a name: the sentence must say it.
 */
export function saidByOtherPart(
  terms: readonly QueryTerm[],
  at: number,
  sentence: Sentence,
): boolean {
  const term = terms[at];
  if (!term || term.implied) return false;
  const before = terms[at - 1];
  const after = terms[at + 1];
  const saysBefore = says(before, sentence);
  const saysAfter = says(after, sentence);
  // The word list is read only when a neighbour is said: most sentences say neither.
  if (!saysBefore && !saysAfter) return false;
  if (isCommonWord(term.surface.toLowerCase())) return false;
  return (
    (saysBefore && namePartSaid(sentence, before.surface, term.surface, before.surface)) ||
    (saysAfter && namePartSaid(sentence, term.surface, after.surface, after.surface))
  );
}

/**
 * Whether `sentence` says the typed term `t`. A function of the module, not a closure per call:
 * {@link saidByOtherPart} runs for every unsaid term of every candidate sentence.
 */
function says(t: QueryTerm | undefined, sentence: Sentence): t is QueryTerm {
  return t !== undefined && !t.implied && sentence.termSet.has(t.term);
}
