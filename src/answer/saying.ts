/**
 * Questions that ask what someone said: "what did Putin say about the Il-20 accident", "what
 * does Teng think the hotline grew out of", "what did the defence ministry guy say the channel
 * got done". They want that person's own words, which news gives in quotation marks, not a
 * sentence that only tells of the event they spoke about. General English question forms, no
 * document words.
 */

import type { Sentence } from "../text/passages.js";
import { leadFitting } from "./lead.js";
import type { Ranked } from "./rank.js";

/** "what did X say", "what does X think", "what has X called it": the speaker stands between. */
const ASKS_SAYING =
  /\bwhat\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|tell|think|call|describe|claim|argue|mean|write|explain)\b/i;

/**
 * The words naming who `question` asks the saying of ("putin", "the azerbaijani defence ministry
 * guy"), or null when it asks no such thing. A pronoun ("what did they say") names nobody.
 */
export function speakerAsked(question: string): string | null {
  const words = ASKS_SAYING.exec(question)?.[1]?.trim();
  if (!words || /^(?:they|he|she|it|you|we|i|people|anyone|everyone)$/i.test(words)) return null;
  // A name is a few words with no preposition: "they talk about on the first … hotline" (before
  // "call") is a clause, not a speaker.
  if (words.split(/\s+/).length > MOST_SPEAKER_WORDS || NOT_IN_A_NAME.test(words)) return null;
  return words;
}

/** Most words of a speaker's name or description ("the azerbaijani defence ministry guy"). */
const MOST_SPEAKER_WORDS = 6;

/** Words that end a name: a preposition or a verb of talking starts another phrase. */
const NOT_IN_A_NAME =
  /\b(?:about|on|in|at|to|with|for|from|after|before|during|over|talk|talked|speak|spoke|discuss|discussed)\b/i;

/** A quotation mark: a passage quoting someone's own words. Not the apostrophe of "it's". */
const QUOTATION = /["“”«»]/u;

/**
 * A verb reporting speech, in any tense: "Teng said, these are all technical barriers …" gives the
 * speaker's words as reported speech, without quotation marks. General English, no topic words.
 */
const REPORTING =
  /\b(?:say|says|said|explain|explains|explained|add|adds|added|tell|tells|told|argue|argues|argued|note|notes|noted|stress|stresses|stressed)\b/iu;

/** Most words between the start of a speaker's name and the verb reporting their words. */
const SUBJECT_WORDS = 3;

/**
 * Whether `text` reports what the speaker (`speakerTerms`; `termsOf` reads a text's terms) said:
 * a reporting verb ({@link REPORTING}) with all the speaker's terms among the
 * {@link SUBJECT_WORDS} words just before it, its subject ("Teng said", "Teng Jianqun explains").
 */
function reportsSpeaker(
  text: string,
  speakerTerms: string[],
  termsOf: (text: string) => string[],
): boolean {
  for (const m of text.matchAll(new RegExp(REPORTING.source, "giu"))) {
    const before = text.slice(0, m.index).split(/\s+/).filter(Boolean).slice(-SUBJECT_WORDS);
    const subject = new Set(termsOf(before.join(" ")));
    // All of them: "the Armenian defence ministry said" is not the Azerbaijani one.
    if (speakerTerms.every((t) => subject.has(t))) return true;
  }
  return false;
}

/** A quote ranked down to this share of the best answers a question of what someone said. */
const QUOTED_SCORE_MIN = 0.6;

/**
 * The sentence that gives the asked speaker's own words: of those ranked within
 * {@link QUOTED_SCORE_MIN} of `top` with enough support (`supported`), the best that quotes
 * (a quotation mark) and names the speaker (one of `speakerTerms` in the sentence itself), or
 * with `termsOf` reports the speaker's words ({@link reportsSpeaker}). `top` when none does, or
 * when `top` already does.
 */
export function quotingSpeaker(
  ranked: Ranked[],
  top: Ranked,
  speakerTerms: string[],
  supported: (r: Ranked) => boolean,
  termsOf?: (text: string) => string[],
): Ranked {
  // Quoted, or reported with the speaker its subject ("Teng said, these are all technical
  // barriers …"), the words are theirs; "he told Putin that …" reports someone else's.
  const quotes = (s: Sentence) =>
    speakerTerms.some((t) => s.termSet.has(t)) &&
    (QUOTATION.test(s.text) ||
      (termsOf !== undefined && reportsSpeaker(s.text, speakerTerms, termsOf)));
  return leadFitting(
    ranked,
    top,
    QUOTED_SCORE_MIN,
    supported,
    (r) => speakerTerms.length === 0 || quotes(r.sentence),
  );
}
