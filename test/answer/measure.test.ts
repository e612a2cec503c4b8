import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measureAsked, statesMeasure } from "../../src/answer/measure.js";
import { loadHotline } from "../../src/hotline.js";

const hotline = loadHotline();

describe("measureAsked", () => {
  it.each([
    ["how many calls have gone over the line", "count"],
    ["what number of officers staff it", "count"],
    ["how much did it cost", "amount"],
    ["how long did the first call last", "duration"],
    ["how often do they use the line", "frequency"],
    ["when was the line set up", null],
  ])("GIVEN %j THEN %s", (question, measure) => {
    expect(measureAsked(question)).toBe(measure);
  });
});

describe("statesMeasure", () => {
  it.each([
    ["count", "how many calls", "Officers made 42 calls.", false, true],
    ["count", "how many calls", "Three calls were made.", false, true],
    ["count", "how many calls", "In 2008 the line opened.", false, false],
    ["count", "how many calls", "These are the two major hotlines.", false, false],
    ["count", "how many calls", "On March 14 it opened, an article said. [1]", true, false],
    ["count", "how many calls", "Hundreds of calls went over it.", false, true],
    ["count", "how many navies signed", "Both navies signed it.", false, true],
    ["count", "how many officers staff it", "A handful of officers staff it.", false, true],
    ["amount", "how much did it cost", "It cost $2 million.", false, true],
    ["amount", "how much did it cost", "It was set up in 14 days.", false, false],
    ["duration", "how long did the call last", "They spoke for forty minutes.", false, true],
    ["duration", "how long did the call last", "They spoke on March 14.", true, false],
    ["duration", "how long after the deal did it open", "It opened in August 1963.", true, true],
    ["duration", "how long has the line been running", "It opened in August 1963.", true, true],
    ["duration", "how long did the war last", "It began in August 1963.", true, false],
    ["duration", "how long does a call last", "It called a minute before the raid.", false, false],
    ["duration", "how long does a call last", "Nine days later, the line opened.", false, false],
    ["duration", "how long does a call last", "A call lasts a minute or two.", false, true],
    [
      "duration",
      "how much warning did they give",
      "It called a minute before the raid.",
      false,
      true,
    ],
    ["frequency", "how often is it used", "It carries a routine weekly call.", false, true],
    ["frequency", "how often is it used", "It was used for the first time.", false, false],
  ] as const)("GIVEN a %s question %j and %j THEN %s", (measure, question, text, dated, states) => {
    expect(statesMeasure(measure, question, text, dated)).toBe(states);
  });
});

describe("measure questions against the corpus", () => {
  it.each([
    "how many calls have gone over the china-russia military hotline",
    "how much did the beijing moscow hotline cost",
    "how long did the first call between cao and serdyukov last",
  ])("GIVEN %j (the sources give no such figure) THEN declined, saying what is missing", (q) => {
    const reply = hotline.ask(q);
    expect(reply.status).toBe("no_answer");
    expect(reply.status === "no_answer" && reply.note).toMatch(/^The sources do not say how /);
  });

  it("GIVEN how many days passed between two events the sources count THEN the counting sentence answers", () => {
    const reply = hotline.ask(
      "how many days after the shanghai deal did the sino russian line open",
    );
    expect(reply.status === "answered" && reply.quotes[0]?.text).toContain("14 days after");
  });
});

describe("how-often questions: the sentence stating a frequency answers", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A corpus of one document with `paragraphs`, and the repo's synonyms. */
  function hotlineOf(paragraphs: string[]) {
    const dir = mkdtempSync(join(tmpdir(), "hotline-measure-"));
    dirs.push(dir);
    copyFileSync("corpus/synonyms.json", join(dir, "synonyms.json"));
    writeFileSync(
      join(dir, "air-line.md"),
      `---\nid: air-line\ntitle: Two air forces talk\npublisher: A publisher\npublished: 2015-06-01\nurl: http://example.org/air-line\n---\n\n${paragraphs.join("\n\n")}\n`,
    );
    return loadHotline({ corpusDir: dir });
  }

  it("GIVEN how much notice or warning is asked THEN a length of time answers it, and its absence is named as asked", () => {
    expect(measureAsked("how much notice do they give before an exercise")).toBe("duration");
    expect(measureAsked("how much did the line cost")).toBe("amount");
    const hotline = hotlineOf([
      "Each air force gives notice of its exercises, as a rule three days in advance, over the Kestrel - Osprey line.",
      "In 1999 the Osprey command warned Kestrel of its naval manoeuvres by letter.",
    ]);
    const reply = hotline.ask("how much notice do the air forces give of their exercises");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/three days in advance/);
    const none = hotline.ask(
      "how much warning did osprey give kestrel of its 1999 naval manoeuvres",
    );
    expect(none.status === "no_answer" && none.note).toBe(
      "The sources do not say how much warning.",
    );
  });

  it("GIVEN the length of an event is said of 'it' after the sentence naming the event THEN it answers, with that sentence", () => {
    const hotline = hotlineOf([
      "On 3 March 2010 a border war began between the Kestrel and Osprey republics. It lasted 12 days and closed the air line.",
      "The Kestrel and Osprey republics fought their border war over a river. After the border war the Kestrel and Osprey republics set up the line again.",
    ]);
    const reply = hotline.ask("how long did the 2010 border war between kestrel and osprey go on");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(
      /war began .* It lasted 12 days/,
    );
  });

  it("GIVEN the warning's length stated in the sentence before the one naming the warning THEN it answers 'how much warning'", () => {
    const hotline = hotlineOf([
      "The Kestrel command blamed its neighbour. It said its officers had been called less than a minute before the strike. Osprey said the warning of the river port raid had been given to Kestrel in the usual way, over the Kestrel - Osprey line.",
      "The Kestrel and Osprey air forces have used the line since 2015.",
    ]);
    const reply = hotline.ask(
      "how much warning did kestrel say osprey gave before the river port raid",
    );
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/less than a minute/);
  });

  it.each([
    ["at set times", "The local lines are used at set times."],
    ["a number of times", "In busy weeks it can ring a dozen times or more."],
  ] as const)("GIVEN %j THEN it states a frequency", (_, text) => {
    expect(statesMeasure("frequency", "how often is it used", text, false)).toBe(true);
  });

  it("GIVEN the frequency is said of 'it' after the sentence naming the line THEN it answers, though it scores well below that sentence", () => {
    const hotline = hotlineOf([
      "Later that year the two governments agreed on a direct line between the air force operations centres at Kestrel in the north and Osprey in the south.",
      "Greek officers say that it has been used only a few times a year.",
    ]);
    const reply = hotline.ask("how often is the kestrel - osprey line used");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/a few times a year/);
  });

  it("GIVEN forty-five short sentences naming the line and one long one giving its frequency THEN the long one answers, though the index ranks it below the candidate cut", () => {
    const hotline = hotlineOf([
      Array.from({ length: 45 }, () => "Americans and Russians call on the Syria line.").join(" "),
      "In quiet periods, according to the coalition officers who sit in the operations centre beside the air planners and interpreters, Americans and Russians call on the Syria line about once a day.",
    ]);
    const reply = hotline.ask("how often do the americans and russians call on the syria line");
    expect(reply.status === "answered" && reply.quotes[0]?.text).toMatch(/once a day\.$/);
  });
});
