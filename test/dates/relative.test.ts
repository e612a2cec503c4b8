import { describe, expect, it } from "vitest";
import { findRelativePhrases, shiftDate } from "../../src/dates/relative.js";
import type { AnswerDate } from "../../src/model.js";

const day = (iso: string): AnswerDate => ({ iso, precision: "day", approximate: false });

describe("shiftDate", () => {
  it("GIVEN a day and a week THEN a day, across the end of a year", () => {
    expect(shiftDate(day("2020-12-29"), "week", 1)).toEqual(day("2021-01-05"));
  });

  it("GIVEN a month and two weeks THEN a month, approximate (the day is unknown)", () => {
    const april = { iso: "2017-04", precision: "month" as const, approximate: false };
    expect(shiftDate(april, "week", 2)).toEqual({
      iso: "2017-04",
      precision: "month",
      approximate: true,
    });
    expect(shiftDate(april, "week", 3)).toEqual({
      iso: "2017-05",
      precision: "month",
      approximate: true,
    });
  });

  it("GIVEN a day and a month or year offset THEN a month or a year", () => {
    expect(shiftDate(day("2020-06-15"), "month", -7)).toEqual({
      iso: "2019-11",
      precision: "month",
      approximate: false,
    });
    expect(shiftDate(day("2020-06-15"), "year", 2)).toEqual({
      iso: "2022",
      precision: "year",
      approximate: false,
    });
  });
});

describe("findRelativePhrases", () => {
  const phrases = (sentence: string) => findRelativePhrases(sentence).map((p) => p.text);

  it("GIVEN offsets, 'the next day' and 'that September' THEN each phrase, in text order", () => {
    expect(phrases("The next day, and two weeks later, and in Istanbul that September.")).toEqual([
      "The next day",
      "two weeks later",
      "that September",
    ]);
  });

  it("GIVEN 'after' followed by the event it counts from THEN no phrase", () => {
    expect(phrases("It was 14 days after an agreement.")).toEqual([]);
    expect(phrases("The ships sailed the day after the talks.")).toEqual([]);
  });

  it("GIVEN a sentence opening with 'Three days after the crash,' THEN a phrase counted from the last date", () => {
    const [phrase, ...rest] = findRelativePhrases(
      "Three days after the crash, the commander flew to Moscow.",
    );
    expect(rest).toEqual([]);
    expect(phrase?.text).toBe("Three days after the crash");
    expect(phrase?.fromReference).toBe(false);
    expect(phrase?.resolve(day("2018-09-17"))).toEqual(day("2018-09-20"));
    expect(phrases("A year after the first Moscow meeting, officers called it routine.")).toEqual([
      "A year after the first Moscow meeting",
    ]);
  });

  it("GIVEN 'after the' in mid-sentence or followed by a clause THEN no phrase", () => {
    expect(phrases("They met two days after the talks, in Geneva.")).toEqual([]);
    expect(phrases("Two years after the Union broke up, the line was rebuilt.")).toEqual([]);
  });

  it("GIVEN 'Forty-five years ago' THEN forty-five years, not five", () => {
    const [phrase] = findRelativePhrases("Forty-five years ago today, the navies signed it.");
    expect(phrase?.text).toBe("Forty-five years ago");
    expect(phrase?.resolve(day("2017-05-25"))?.iso).toBe("1972");
    expect(
      findRelativePhrases("A couple of days later, it rang.")[0]?.resolve(day("2020-01-01"))?.iso,
    ).toBe("2020-01-03");
  });

  it("GIVEN 'that may' (the verb) THEN no month", () => {
    expect(phrases("A crisis that may come soon.")).toEqual([]);
  });

  it("GIVEN 'ago' THEN a phrase counted from the article's date", () => {
    const [phrase] = findRelativePhrases("The presidents agreed nearly three years ago.");
    expect(phrase?.fromReference).toBe(true);
    expect(phrase?.resolve(day("2008-12-29"))).toEqual({
      iso: "2006",
      precision: "year",
      approximate: true,
    });
  });
});

describe("findRelativePhrases: spans and weeks", () => {
  const june28 = day("2017-06-28");
  const resolved = (sentence: string) =>
    findRelativePhrases(sentence).map((p) => p.resolve(june28));

  it("GIVEN 'over the next year' or 'within the following month' (a span of time) THEN no phrase", () => {
    expect(findRelativePhrases("Talks will go on over the next year.")).toEqual([]);
    expect(findRelativePhrases("They met twice within the following month.")).toEqual([]);
  });

  it("GIVEN 'the following week' after 28 June THEN July, approximate, not a day", () => {
    expect(resolved("The line was tested the following week.")).toEqual([
      { iso: "2017-07", precision: "month", approximate: true },
    ]);
  });
});
