/**
 * "Who picked up when Cao called Moscow?", "who is the Russian minister Cao talked to?": a
 * question that asks for a person by what they did wants the passage that names someone other
 * than the people the question names already ("his Russian counterpart Serdyukov"), not one that
 * tells of the event and names nobody, or only Cao. General English question forms; persons are
 * read by the titles and forms of {@link NAMED_PERSON}.
 */
import { leadFitting } from "./lead.js";
import { NAMED_PERSON } from "./person.js";
import type { Ranked } from "./rank.js";

/** "who picked up …", "who is the minister Cao talked to": "who" opening the question. */
const ASKS_WHO = /^\W*who\b/i;

/**
 * "who is Serdyukov", "who was Luo Yuan": a few words after "who is" ask to describe someone the
 * question names, not for someone else.
 */
const DESCRIBE = /^\W*who\s+(?:is|was|are|were)\s+(?:\S+\s*){1,3}$/i;

/** Whether `question` asks for a person by what they did (not to describe one it names). */
export function asksWhoDid(question: string): boolean {
  const plain = question.replace(/[?!.]+\s*$/, "").trim();
  return ASKS_WHO.test(plain) && !DESCRIBE.test(plain);
}

/** The named persons of `text` (title and name, or a named speaker), as their matched words. */
function personsIn(text: string): string[] {
  const all = new RegExp(NAMED_PERSON.source, "gu");
  return [...text.matchAll(all)].map((m) => m[0]);
}

/**
 * Whether `text` names a person the question (`asked`, its lower-case words) does not: a match
 * of {@link NAMED_PERSON} none of whose names (its capitalised words but titles) the question
 * holds ("counterpart Serdyukov" for a question naming Cao; not "Minister Cao").
 */
export function namesOtherPerson(text: string, asked: ReadonlySet<string>): boolean {
  return personsIn(text).some((match) => {
    const names = (match.match(/\p{Lu}[\p{L}’'-]+/gu) ?? []).filter((w) => !TITLES.has(w));
    return names.length > 0 && names.every((name) => !asked.has(name.toLowerCase()));
  });
}

/** Titles that open a match of {@link NAMED_PERSON} and name nobody by themselves. */
const TITLES = new Set(
  "General Gen Minister President Premier Prime Secretary Director Colonel Admiral Marshal Commander Ambassador Mr Mrs Ms Dr".split(
    " ",
  ),
);

/** A passage naming another person answers down to this share of the best score. */
const NAMED_SCORE_MIN = 0.85;

/**
 * The sentence to lead an answer to a who-did question (`question`): `top` when it names a
 * person the question does not, else the best of `ranked` within {@link NAMED_SCORE_MIN} of it
 * that does and is `supported`; `top` when none does.
 */
export function namingSomeoneElse(
  question: string,
  ranked: Ranked[],
  top: Ranked,
  supported: (r: Ranked) => boolean,
): Ranked {
  const asked = new Set((question.toLowerCase().match(/[\p{L}’'-]+/gu) ?? []).map(String));
  return leadFitting(ranked, top, NAMED_SCORE_MIN, supported, (r) =>
    namesOtherPerson(r.sentence.text, asked),
  );
}
