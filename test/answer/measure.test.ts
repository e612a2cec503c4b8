import { describe, expect, it } from "vitest";
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
    ["amount", "how much did it cost", "It cost $2 million.", false, true],
    ["amount", "how much did it cost", "It was set up in 14 days.", false, false],
    ["duration", "how long did the call last", "They spoke for forty minutes.", false, true],
    ["duration", "how long did the call last", "They spoke on March 14.", true, false],
    ["duration", "how long after the deal did it open", "It opened in August 1963.", true, true],
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
