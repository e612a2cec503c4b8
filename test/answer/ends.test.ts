import { describe, expect, it } from "vitest";
import { asksEnds, whereSearched } from "../../src/answer/ends.js";
import { answered, hotlineOf } from "./one-document.js";

const ISRAEL_RUSSIA = [
  "Israel and Russia set up a military hotline in 2015 to keep their aircraft apart over Syria.",
  "The Israeli military says it has struck more than 200 targets in Syria in the past two years, most of them linked to Iran and to Hezbollah, and Russia has not tried to stop it.",
  "A full meeting in Moscow, put off several times, finally took place on 27 February 2019.",
  "They settled how the mechanism would work: a telephone line between the Israeli Air Force command post in Tel Aviv and the Russian command at Hmeimim.",
];

describe("asksEnds", () => {
  it.each([
    "where does the israel russia hotline actually go",
    "where are the two ends of the us russia syria hotline",
    "where is the new hotline, which two places",
  ])("GIVEN %j THEN it asks for a line's ends", (question) => {
    expect(asksEnds(question)).toBe(true);
  });

  it.each(["where was the 2007 joint exercise held", "where did the leaders agree on the hotline"])(
    "GIVEN %j THEN it does not",
    (question) => {
      expect(asksEnds(question)).toBe(false);
    },
  );
});

describe("whereSearched", () => {
  it.each([
    [
      "ok so where does the israel russia hotline actually go, like which two places",
      "ok so where does the israel russia hotline actually go",
    ],
    [
      "where is the new sikkim hotline with china, which places",
      "where is the new sikkim hotline with china",
    ],
    ["when did it take place, which places", "when did it take place, which places"],
    ["where?", "where?"],
  ])("GIVEN %j THEN %j is searched", (question, searched) => {
    expect(whereSearched(question)).toBe(searched);
  });
});

describe("hotline.ask: where a line's two ends are", () => {
  it("GIVEN a sentence naming unrelated places ranked first and one naming the line's two ends THEN 'where does the line go' leads with the ends", () => {
    const hotline = hotlineOf(ISRAEL_RUSSIA, "2019-03-01");
    const answer = answered(hotline.ask("where does the israel russia hotline actually go"));
    expect(answer.quotes[0]?.text).toContain(
      "between the Israeli Air Force command post in Tel Aviv",
    );
  });

  it("GIVEN a meeting that 'took place' THEN ', like which two places' does not draw the answer to it", () => {
    const hotline = hotlineOf(ISRAEL_RUSSIA, "2019-03-01");
    const answer = answered(
      hotline.ask("ok so where does the israel russia hotline actually go, like which two places"),
    );
    expect(answer.quotes[0]?.text).toContain(
      "between the Israeli Air Force command post in Tel Aviv",
    );
  });
});
