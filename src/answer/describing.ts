/**
 * A relative clause that tells which of its kind a question's thing is: "the Brussels meeting
 * where they said they'd work on a peace treaty", "the summit at which they agreed on a line".
 * Its words describe the thing (the meeting); its verb is not the event asked about, and a
 * sentence telling of a meeting at which something else was done tells of another meeting.
 * General English relative words, no document words.
 */

/**
 * A relative word after a noun and the clause it opens, to a comma, a question mark or the end:
 * "meeting where they said …", "summit at which the two agreed …", "talks during which …". The
 * clause must open with a subject (a pronoun, "the", "both" or a name), so "where" asking a
 * place ("and where") or "when" opening a question is not read as one.
 */
const RELATIVE =
  /\b\p{L}{3,}\s+((?:where|whereby|(?:at|in|during|after)\s+which|when)\s+(?:they|he|she|we|it|both|the|\p{Lu}\p{L}+)\b[^,;?!]*)/u;

/** Words that ask rather than describe, which may stand before "when" or "where" in a question. */
const ASKING = /^(?:and|or|but|so|then|say|tell|know|wonder|remember|asked?)$/i;

/**
 * The relative clause of `question` that describes one of its nouns ({@link RELATIVE}), from its
 * relative word to its end; null when it has none. The word before the relative word must not
 * be one that asks ("tell me when they met" asks when).
 */
export function describingClause(question: string): string | null {
  const m = RELATIVE.exec(question);
  if (!m || m.index === 0) return null;
  const before = m[0].slice(0, m[0].length - (m[1]?.length ?? 0)).trim();
  return ASKING.test(before) ? null : (m[1] ?? null);
}

/**
 * The terms that only the describing clause of `question` says ({@link describingClause}), read
 * with `termsOf` (the analyzer's terms): a term the rest of the question says too is not only a
 * description. Empty when the question has no such clause.
 */
export function describedTerms(
  question: string,
  termsOf: (text: string) => string[],
): ReadonlySet<string> {
  const clause = describingClause(question);
  if (!clause) return new Set();
  const at = question.indexOf(clause);
  const rest = new Set(termsOf(question.slice(0, at) + question.slice(at + clause.length)));
  return new Set(termsOf(clause).filter((t) => !rest.has(t)));
}
