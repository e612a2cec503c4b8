import { describe, expect, it } from "vitest";
import { eventDates, isDeadline } from "../../src/answer/deadline.js";
import type { DateMention } from "../../src/dates/extract.js";

/** A day-precise stated date of `text` at the start of `phrase`. */
function mention(text: string, phrase: string, iso: string): DateMention {
  return {
    date: { iso, precision: "day", approximate: false },
    basis: "stated",
    index: text.indexOf(phrase),
    text: phrase,
  };
}

describe("deadline: a date set as a deadline dates nothing done", () => {
  const text = "On 9 June 2020, they agreed to open a ferry office by the end of June.";
  const on = mention(text, "9 June 2020", "2020-06-09");
  const by = mention(text, "end of June", "2020-06-30");

  it("GIVEN 'by the end of June' THEN it is a deadline and '9 June 2020' is not", () => {
    expect(isDeadline(text, by)).toBe(true);
    expect(isDeadline(text, on)).toBe(false);
  });

  it("GIVEN a sentence with a stated date and a deadline THEN only the stated date may date its event", () => {
    expect(eventDates(text, [on, by])).toEqual([on]);
  });

  it("GIVEN a sentence whose only date is a deadline THEN the deadline is kept", () => {
    expect(eventDates(text, [by])).toEqual([by]);
  });
});
