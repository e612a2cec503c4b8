import { QUESTION_OPENER } from "../text/chat.js";
import type { Query } from "./query.js";

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

/** Where a chat message turns to its next question: "…march?? when was it first used". */
const NEXT_QUESTION = new RegExp(`[?!]+\\s+(?=\\p{L})|[.;]\\s+(?=${QUESTION_OPENER}\\b)`, "giu");

/**
 * The last question of a message that asks several, or tells something and then asks ("so the
 * bbc piece says it was just used… but i thought it opened in march?? when was it actually
 * first used" → "when was it actually first used"): a part after the last question mark (or
 * full stop) that opens with a question word or an auxiliary. Null for a message of one
 * question, or whose last part is no question ("…? need the exact day").
 */
export function lastQuestion(question: string): string | null {
  const parts = question.split(NEXT_QUESTION).filter((p) => p.trim() !== "");
  const last = parts[parts.length - 1]?.trim();
  if (parts.length < 2 || !last) return null;
  return new RegExp(`^${QUESTION_OPENER}\\b`, "i").test(last) ? last : null;
}

/**
 * `query` read with `focus` (the message's last question, {@link lastQuestion}) as what is
 * asked: the terms the rest of the message adds are implied, ranking passages as context but
 * not required of them. `query` itself without a focus.
 */
export function inFocus(
  query: Query,
  focus: string | undefined,
  termsOf: (text: string) => string[],
): Query {
  if (focus === undefined) return query;
  const asked = new Set(termsOf(focus));
  const terms = query.terms.map((t) =>
    t.implied || asked.has(t.term) ? t : { ...t, implied: true },
  );
  const totalWeight = terms.reduce((sum, t) => sum + (t.implied ? 0 : t.weight), 0);
  return { ...query, terms, totalWeight };
}
