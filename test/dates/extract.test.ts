import { describe, expect, it } from "vitest";
import { extractDates } from "../../src/dates/extract.js";

const dates = (sentence: string, reference = "2008-03-18", previous = null as never) =>
  extractDates(sentence, reference, previous).map((m) => [
    m.date.iso,
    m.date.precision,
    m.date.approximate,
    m.basis,
  ]);

describe("extractDates", () => {
  it("GIVEN a year-less day THEN the article's year is used", () => {
    expect(
      dates("On March 14, the day when China’s Ministry of Defense established a line."),
    ).toEqual([["2008-03-14", "day", false, "stated"]]);
  });

  it("GIVEN a full date THEN day precision", () => {
    expect(
      dates("On February 29, 2008, the Chinese Ministry of Defense signed an agreement."),
    ).toEqual([["2008-02-29", "day", false, "stated"]]);
  });

  it("GIVEN a month and year THEN month precision", () => {
    expect(dates("The trust was built starting in April 1990, when China signed.")).toEqual([
      ["1990-04", "month", false, "stated"],
    ]);
  });

  it("GIVEN a bare year after 'In' THEN year precision, but a year inside a title is not a date", () => {
    expect(
      dates("In 1993, the Ministry of Defense of both countries signed a cooperation agreement."),
    ).toEqual([["1993", "year", false, "stated"]]);
    expect(dates("The U.S. released the “2008 China Military Power Report,” which")).toEqual([]);
  });

  it("GIVEN 'Two years later' after April 1990 THEN 1992", () => {
    const previous = { iso: "1990-04", precision: "month" as const, approximate: false };
    expect(
      extractDates(
        "Two years later, when then Russian President Yeltsin visited China.",
        "2008-03-18",
        previous,
      ).map((m) => [m.date.iso, m.date.precision, m.basis]),
    ).toEqual([["1992", "year", "relative"]]);
  });

  it("GIVEN 'nearly three years ago' in a December 2008 article THEN about 2006", () => {
    expect(
      dates("The presidents first agreed to set one up nearly three years ago.", "2008-12-29"),
    ).toEqual([["2006", "year", true, "relative"]]);
  });

  it("GIVEN a month name in a December article THEN the past February, not the next", () => {
    expect(
      dates("A further deal was signed in February but since then it stalled.", "2008-12-29"),
    ).toEqual([["2008-02", "month", false, "stated"]]);
  });

  it("GIVEN a relative day count THEN no date is invented", () => {
    expect(dates("It was 14 days after an agreement on setting up a line.")).toEqual([]);
    expect(dates("The hotline will now make that easier.")).toEqual([]);
  });
});

describe("extractDates: days and weeks later", () => {
  const after = { iso: "2021-07-27", precision: "day" as const, approximate: false };

  it("GIVEN 'Two weeks later' after 27 July 2021 THEN about August 2021, to the month", () => {
    expect(
      extractDates("Two weeks later North Korea stopped answering again.", "2023-05-10", after).map(
        (m) => [m.date.iso, m.date.precision, m.date.approximate, m.basis],
      ),
    ).toEqual([["2021-08", "month", true, "relative"]]);
  });

  it("GIVEN 'A week later' after 9 June 2020 THEN about June 2020", () => {
    const june = { iso: "2020-06-09", precision: "day" as const, approximate: false };
    expect(
      extractDates("A week later, it blew up the liaison office.", "2023-05-10", june).map(
        (m) => m.date.iso,
      ),
    ).toEqual(["2020-06"]);
  });

  it("GIVEN '14 days after an agreement' (after names its own event) or no earlier date THEN no date", () => {
    expect(extractDates("It was 14 days after an agreement.", "2008-03-18", after)).toEqual([]);
    expect(extractDates("Two weeks later the line opened.", "2008-03-18", null)).toEqual([]);
  });
});

describe("extractDates: a year-less date in a dated paragraph", () => {
  const august1963 = { iso: "1963-08", precision: "month" as const, approximate: false };

  it("GIVEN 'On 30 August' in a paragraph that dated August 1963 THEN 30 August 1963, not the article's year", () => {
    expect(
      extractDates(
        "On 30 August, the terminal sent its first message.",
        "2013-06-20",
        null,
        august1963,
      ).map((m) => [m.date.iso, m.date.precision, m.basis]),
    ).toEqual([["1963-08-30", "day", "stated"]]);
  });

  it("GIVEN 'On 30 August' and no paragraph date THEN the past 30 August before the article", () => {
    expect(dates("On 30 August, the terminal sent its first message.", "2013-06-20")).toEqual([
      ["2012-08-30", "day", false, "stated"],
    ]);
  });

  it("GIVEN 'Fifty years ago today' in a June 2013 article THEN about 1963, relative", () => {
    expect(dates("Fifty years ago today, diplomats signed.", "2013-06-20")).toEqual([
      ["1963", "year", true, "relative"],
    ]);
  });
});

describe("extractDates: a year-less date after a later month of its paragraph", () => {
  it("GIVEN 'On 2 January' after December 1963 in the paragraph THEN January 1964, not before the paragraph's date", () => {
    const december = { iso: "1963-12", precision: "month" as const, approximate: false };
    expect(
      extractDates("On 2 January, the line was tested.", "2013-06-20", null, december).map(
        (m) => m.date.iso,
      ),
    ).toEqual(["1964-01-02"]);
  });
});
