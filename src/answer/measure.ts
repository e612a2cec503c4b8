/**
 * Questions that ask for a measure: how many, how much, how long, how often. Their answer is a
 * number, an amount, a length of time or a frequency, so a passage that shares the question's
 * words but states none of these does not answer it ("how many calls have gone over the line"
 * is not answered by "the line has been used for the first time"). General English patterns,
 * not words of any document.
 */
import { antecedentOf, type Sentence } from "../text/passages.js";
import { type Ranked, SUPPORT_MIN } from "./rank.js";

/** A sentence that states the measure answers down to this share of the best score. */
const MEASURED_SCORE_MIN: Record<Measure, number> = {
  count: 0.7,
  amount: 0.7,
  duration: 0.7,
  // A frequency describes a habit, most often in a sentence after the one that names the thing
  // ("Greek officers say that line has been used only a few times a year"), which repeats few of
  // the question's words; a number of years or an amount turns up in passing far more often.
  frequency: 0.5,
};

/** The kind of measure a question asks for. */
export type Measure = "count" | "amount" | "duration" | "frequency";

const ASKS: [Measure, RegExp][] = [
  ["frequency", /\bhow (?:often|frequently)\b/i],
  // "How much notice", "how much warning": an amount of time, answered by "five days in advance".
  ["duration", /\bhow long\b|\bhow much (?:advance\s+)?(?:time|notice|warning|delay)\b/i],
  ["count", /\bhow many\b|\b(?:what|the) number of\b/i],
  ["amount", /\bhow much\b/i],
];

/** The words `question` asks for `measure` with, lower case ("how long", "how much notice"). */
function askedAs(question: string, measure: Measure): string {
  const asked = ASKS.find(([m, pattern]) => m === measure && pattern.test(question))?.[1];
  const words = asked?.exec(question)?.[0].toLowerCase().replace(/\s+/g, " ") ?? "";
  // "the number of …" is asked as "how many".
  return words.startsWith("how ") ? words : "how many";
}

/** The measure `question` asks for, or null. */
export function measureAsked(question: string): Measure | null {
  return ASKS.find(([, pattern]) => pattern.test(question))?.[0] ?? null;
}

const NUMBER_WORD =
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|a few|couple|handful|both|a|an)";
// A number that is not a year (1000 to 2099 reads as a year in news prose).
const NUMBER = `(?:\\b(?!(?:1\\d|20)\\d\\d\\b)\\d[\\d,.]*\\b|\\b${NUMBER_WORD}\\b)`;
const COUNT = new RegExp(NUMBER, "i");
const WHOLE_NUMBER = new RegExp(`^${NUMBER}$`, "i");
const AMOUNT = new RegExp(
  `[$€£¥]\\s?\\d|${NUMBER}\\s+(?:dollars?|yuan|renminbi|rubles?|roubles?|euros?|pounds?|rupees?|yen|won|million|billion|percent|per cent|%)`,
  "i",
);
const DURATION = new RegExp(
  `${NUMBER}\\s+(?:(?:more|full|whole|long)\\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?)\\b`,
  "i",
);
/**
 * A frequency: "weekly", "twice a day", "once a month", "every Tuesday", "a dozen times", "at set
 * times", "hardly ever".
 */
const FREQUENCY = new RegExp(
  `\\b(?:daily|weekly|monthly|yearly|annually|hourly|every|each (?:day|week|month|year)|twice|once a|times a|per (?:day|week|month|year)|regularly|routinely|routine|seldom|rarely|never|hardly ever|${NUMBER_WORD} times|\\d+ times|(?:set|fixed|regular|scheduled) (?:times|hours|intervals))\\b`,
  "i",
);
const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/** Day numbers of dates ("March 14", "14th of March"): a date, not a count. */
const DAY_OF_MONTH = new RegExp(
  `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`,
  "gi",
);

/** `text` without footnote marks ("[1]"), dates' day numbers and "a"/"an", for counting. */
function countable(text: string): string {
  return text
    .replace(/\[\d+\]/g, " ")
    .replace(DAY_OF_MONTH, " ")
    .replace(/\b(?:a|an)\b/gi, " ");
}

const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * Whether `text` gives a number of the thing "how many" asks about: "how many calls" wants a
 * number with "calls" within the next three words ("42 calls", "two more calls"), by analysed
 * term, so "two hotlines" does not count calls. With no word after "how many", any number does.
 */
function countsThing(question: string, text: string, termOf: (word: string) => string): boolean {
  const asked = /\bhow many\s+([\p{L}]+)|\bnumber of\s+([\p{L}]+)/iu.exec(question);
  const thing = asked ? termOf(asked[1] ?? asked[2] ?? "") : "";
  if (!thing) return COUNT.test(text);
  const words = text.match(WORDS) ?? [];
  return words.some(
    (word, i) =>
      WHOLE_NUMBER.test(word) && words.slice(i + 1, i + 4).some((next) => termOf(next) === thing),
  );
}

/**
 * A length of time that places an event rather than measuring one: "less than a minute before
 * the strike", "three days after the crash", "two years ago", "nine days later".
 */
const POINT_IN_TIME = /^\s*(?:before|after|ago|later|earlier|since|from)\b/i;

const DURATIONS = new RegExp(DURATION.source, "gi");

/**
 * Whether `text` states how long something lasts or takes: a length of time ({@link DURATION})
 * not used to place an event ({@link POINT_IN_TIME}) — "it lasted 44 days", not "called less
 * than a minute before the strike".
 */
function statesLength(text: string): boolean {
  for (const match of text.matchAll(DURATIONS)) {
    if (!POINT_IN_TIME.test(text.slice(match.index + match[0].length))) return true;
  }
  return false;
}

/** A question asking for a length of time ("how long does a call last"). */
const HOW_LONG = /\bhow long\b/i;

/**
 * "How long after …", "how long before …", and how long a state has lasted ("how long has the
 * line been running"): a date answers too, the reader does the sum.
 */
const RELATIVE =
  /\bhow long (?:after|before|since|ago)\b|\bhow long did it take\b|\bhow long (?:has|have)\b/i;

/**
 * Whether `text` states the measure `question` asks for. A question that asks for none is
 * answered by any text. "How long after X did Y" is also answered by a dated sentence
 * (`hasDate`).
 */
export function statesMeasure(
  measure: Measure | null,
  question: string,
  text: string,
  hasDate: boolean,
  termOf: (word: string) => string = (word) => word.toLowerCase(),
): boolean {
  switch (measure) {
    case null:
      return true;
    case "count":
      return countsThing(question, countable(text), termOf);
    case "amount":
      return AMOUNT.test(text);
    case "duration":
      // "How long" asks for a length; "how much notice" how far ahead, which "a minute before
      // the strike" tells.
      if (RELATIVE.test(question) && hasDate) return true;
      return HOW_LONG.test(question) && !RELATIVE.test(question)
        ? statesLength(text.replace(DAY_OF_MONTH, " "))
        : DURATION.test(text.replace(DAY_OF_MONTH, " "));
    case "frequency":
      return FREQUENCY.test(text);
  }
}

/**
 * For a how-often question, a test of whether a sentence states a frequency, so that such
 * sentences stay among the candidates however few of the question's words they repeat: "how
 * often do they call on the Syria line" is answered by "In quiet periods the line is used about
 * once a day". Undefined for any other question.
 */
export function measureStatedBy(
  question: string,
  termOf: (word: string) => string,
): ((sentence: Sentence) => boolean) | undefined {
  const measure = measureAsked(question);
  // Only a frequency, for the reason given at MEASURED_SCORE_MIN.
  if (measure !== "frequency") return undefined;
  return (sentence) =>
    statesMeasure(measure, question, sentence.text, sentence.dates.length > 0, termOf);
}

/**
 * A ranked sentence's score as a measure's answer: the best of its own, that of the sentence it
 * points back to and that of the sentence after it in its paragraph. News states a measure in a
 * sentence next to the one that names the thing ("On 27 September 2020, a full-scale war began.
 * It lasted 44 days"; "It said Israeli officers had called less than a minute before the strike.
 * Israel said the warning had been given in the usual way"), which repeats few of the question's
 * words; its support already counts its paragraph.
 */
function neighbourScores(ranked: Ranked[]): (r: Ranked) => number {
  const scores = new Map<Sentence, number>(ranked.map((r) => [r.sentence, r.score]));
  return (r) => {
    const antecedent = antecedentOf(r.sentence);
    const next = r.sentence.paragraph.sentences[r.sentence.index + 1];
    return Math.max(
      r.score,
      (antecedent && scores.get(antecedent)) ?? 0,
      (next && scores.get(next)) ?? 0,
    );
  };
}

/**
 * `ranked` kept to the sentences that state the measure `question` asks for (unchanged when it
 * asks for none), or, when no well-supported sentence close to the best does, the note that says
 * so ("The sources do not say how many."). `termOf` is the analyzer's, so "calls" matches "call".
 */
export function withMeasure(
  question: string,
  ranked: Ranked[],
  termOf: (word: string) => string,
): { ranked: Ranked[] } | { missing: string } {
  const measure = measureAsked(question);
  if (!measure) return { ranked };
  const top = ranked[0];
  const scoreOf = neighbourScores(ranked);
  const kept = ranked.filter(
    (r) =>
      top !== undefined &&
      r.support >= SUPPORT_MIN &&
      scoreOf(r) >= MEASURED_SCORE_MIN[measure] * top.score &&
      statesMeasure(measure, question, r.sentence.text, r.sentence.dates.length > 0, termOf),
  );
  if (kept.length > 0) return { ranked: kept };
  return { missing: `The sources do not say ${askedAs(question, measure)}.` };
}
