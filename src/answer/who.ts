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

/**
 * The lower-case names a "who is X" question asks to describe ("who is Serdyukov?" → "serdyukov"),
 * or an empty list when it does not ask that.
 */
export function describedNames(question: string): string[] {
  const plain = question.replace(/[?!.]+\s*$/, "").trim();
  if (!DESCRIBE.test(plain)) return [];
  const named = plain.replace(/^\W*who\s+(?:is|was|are|were)\s+/i, "");
  return (named.toLowerCase().match(/[\p{L}’'-]+/gu) ?? []).filter(
    (w) => !/^(?:the|a|an|this|that|mr|mrs|ms|dr)$/.test(w),
  );
}

/** Whether `question` asks for a person by what they did (not to describe one it names). */
export function asksWhoDid(question: string): boolean {
  const plain = question.replace(/[?!.]+\s*$/, "").trim();
  return ASKS_WHO.test(plain) && !DESCRIBE.test(plain);
}

/** The named persons of `text` (title and name, or a named speaker), as their matched words. */
function personsIn(text: string): string[] {
  return Array.from(text.matchAll(ALL_PERSONS), (m) => m[0]);
}

/**
 * {@link NAMED_PERSON}, global, compiled once rather than per call (compiling a Unicode
 * expression is costly). Safe to share: it is only ever given to `matchAll`, which searches a
 * copy and leaves this one's `lastIndex` at 0.
 */
const ALL_PERSONS = new RegExp(NAMED_PERSON.source, "gu");

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

/**
 * "Serdyukov, the Russian defence minister, said …", "Luo Yuan is a retired general": a name
 * followed by an appositive closed by a comma (a few words), or by "is/was a/the …", which says
 * who they are. Not a clause that follows a comma ("with Serdyukov, the direct line … is a
 * reflection of trust"): it has no closing comma within a few words.
 */
function appositiveAfter(name: string): RegExp {
  return new RegExp(
    `\\b${name}\\b(?:,\\s+(?:the|a|an|his|her|their|its)\\s+[^,;:.!?]{1,60},|\\s+(?:is|was)\\s+(?:the|a|an|his|her|their|its)\\s)`,
    "iu",
  );
}

/**
 * Whether `text` says who one of `names` (lower case) is: a title or role standing before the name
 * ("his Russian counterpart Serdyukov", "Minister Cao"), or an appositive after it ("Serdyukov,
 * the Russian minister"). A sentence that only mentions the name ("talked with Serdyukov") does not.
 */
export function describesName(text: string, names: readonly string[]): boolean {
  const asked = new Set(names);
  const titled = personsIn(text).some((match) =>
    (match.match(/\p{Lu}[\p{L}’'-]+/gu) ?? []).some(
      (w) => !TITLES.has(w) && asked.has(w.toLowerCase()),
    ),
  );
  return titled || names.some((name) => appositiveAfter(escapeRegExp(name)).test(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A passage saying who the asked person is answers down to this share of the best score. */
const DESCRIBED_SCORE_MIN = 0.85;

/**
 * The sentence to lead an answer to "who is X" ({@link describedNames}): `top` when it says who X
 * is ({@link describesName}), else the best of `ranked` within {@link DESCRIBED_SCORE_MIN} of it
 * that does and is `supported`; `top` when none does.
 */
export function describingPerson(
  names: readonly string[],
  ranked: Ranked[],
  top: Ranked,
  supported: (r: Ranked) => boolean,
): Ranked {
  return leadFitting(ranked, top, DESCRIBED_SCORE_MIN, supported, (r) =>
    describesName(r.sentence.text, names),
  );
}

/** A passage naming another person answers down to this share of the best score. */
const NAMED_SCORE_MIN = 0.85;

/**
 * A sentence whose subject is a group of people: it opens (after at most two modifiers: a
 * determiner or number, a capitalised or hyphenated adjective) with a plural agent noun,
 * "-ers", "-ors", "-ists", "-ians", "-ants", "-ents", "-ials" ("Russian-speaking officers staff
 * the Israeli end", "Officials in both capitals say …", "Commanders on both sides played …").
 * General English word formation, no document words.
 */
const GROUP_SUBJECT =
  /^\W*(?:(?:the|both|many|some|several|most|all|two|three|four|\p{L}+-\p{L}+|\p{Lu}\p{Ll}+)\s+){0,2}\p{L}{2,}(?:ers|ors|ists|ians|ants|ents|ials)\s+\p{Ll}/u;

/** The agent-noun ending and space that every match of {@link GROUP_SUBJECT} holds. */
const MAY_NAME_GROUP = /(?:ers|ors|ists|ians|ants|ents|ials)\s/;

/**
 * Whether `text` tells who did something by a group of people standing as its subject
 * ({@link GROUP_SUBJECT}): "who picks up on the Israeli side" is answered by "Russian-speaking
 * officers staff the Israeli end of the line", which names no one person.
 */
export function namesGroup(text: string): boolean {
  // A plain test for the agent-noun ending first: it holds whenever GROUP_SUBJECT can match, and
  // spares compiling that Unicode expression for the texts it cannot.
  return MAY_NAME_GROUP.test(text) && GROUP_SUBJECT.test(text);
}

/**
 * The sentence to lead an answer to a who-did question (`question`): `top` when it names a
 * person the question does not, or has a group of people as its subject ({@link namesGroup}), else the best of `ranked` within {@link NAMED_SCORE_MIN} of it
 * that does and is `supported`; `top` when none does.
 */
export function namingSomeoneElse(
  question: string,
  ranked: Ranked[],
  top: Ranked,
  supported: (r: Ranked) => boolean,
): Ranked {
  const asked = new Set((question.toLowerCase().match(/[\p{L}’'-]+/gu) ?? []).map(String));
  if (namesGroup(top.sentence.text)) return top;
  return leadFitting(ranked, top, NAMED_SCORE_MIN, supported, (r) =>
    namesOtherPerson(r.sentence.text, asked),
  );
}
