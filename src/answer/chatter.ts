/**
 * Words of a chat question that say nothing of what is asked and must not be searched for: the
 * indefinite pronouns of things ("why did they build it, something about cuba?", "did anything
 * happen"), which stand for what the asker does not know, never for what a passage says. Not
 * those of people or places: "everyone expected" is what a source tells as "it was widely
 * believed", and "go anywhere" is said of stalled talks. General English, no document words.
 */

/** Indefinite pronouns of things ("nothing" negates, and "everything" counts, so they stay). */
const INDEFINITE = /\b(?:some|any)thing\b/gi;

/**
 * `question` without its indefinite pronouns, for searching ("something about cuba?" → "about
 * cuba?"); unchanged when it has none. What the asker sees is not changed.
 */
export function withoutIndefinites(question: string): string {
  if (!/thing/i.test(question)) return question;
  return question
    .replace(INDEFINITE, " ")
    .replace(/\s+/g, " ")
    .replace(/\s+([,?!.])/g, "$1")
    .trim();
}

/**
 * A guess the asker adds at the end: "…, something about cuba?", "… or something like that".
 * What it names is a hint of what the answer may say, not a side of the line asked about.
 */
const HINT = /[,;]?\s*\b(?:something|anything)\s+(?:about|with|to do with|like|over)\b(.*)$/i;

/**
 * The words of `question`'s closing guess ({@link HINT}), lower case, or "" when it has none:
 * "why did they build it, something about cuba?" → " cuba?".
 */
export function hintOf(question: string): string {
  return HINT.exec(question)?.[1]?.toLowerCase() ?? "";
}
