import { describe, expect, it } from "vitest";
import { extractDates } from "../../src/dates/extract.js";
import type { AnswerDate } from "../../src/model.js";

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

  it("GIVEN 'Two weeks later' after 27 July 2021 THEN 10 August 2021, to the day", () => {
    expect(
      extractDates("Two weeks later North Korea stopped answering again.", "2023-05-10", after).map(
        (m) => [m.date.iso, m.date.precision, m.date.approximate, m.basis],
      ),
    ).toEqual([["2021-08-10", "day", false, "relative"]]);
  });

  it("GIVEN 'A week later' after 9 June 2020 THEN 16 June 2020", () => {
    const june = { iso: "2020-06-09", precision: "day" as const, approximate: false };
    expect(
      extractDates("A week later, it blew up the liaison office.", "2023-05-10", june).map(
        (m) => m.date.iso,
      ),
    ).toEqual(["2020-06-16"]);
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

describe("extractDates: the anchor of a relative date", () => {
  const june18 = { iso: "2017-06-18", precision: "day" as const, approximate: false };
  const read = (sentence: string, previous: AnswerDate | null, reference = "2018-05-21") =>
    extractDates(sentence, reference, previous).map((m) => [m.date.iso, m.date.precision, m.basis]);

  it("GIVEN 'a week later' after a day the same sentence states THEN that day plus seven, not the earlier sentence's date", () => {
    expect(
      read("After an attack on 7 April 2018, the allies struck three sites a week later.", june18),
    ).toEqual([
      ["2018-04-07", "day", "stated"],
      ["2018-04-14", "day", "relative"],
    ]);
  });

  it("GIVEN 'That evening' or 'The same day' THEN the anchor's day, and no date after a year", () => {
    expect(read("That evening the ministry said a ceasefire had been agreed.", june18)).toEqual([
      ["2017-06-18", "day", "relative"],
    ]);
    expect(read("The same day, the ministry suspended the memorandum.", june18)).toEqual([
      ["2017-06-18", "day", "relative"],
    ]);
    const year = { iso: "1993", precision: "year" as const, approximate: false };
    expect(read("That evening the ministry said a ceasefire had been agreed.", year)).toEqual([]);
  });

  it("GIVEN 'A week after the crash,' after a date computed since the last one stated THEN a week after the stated one", () => {
    const computed = { iso: "2018-09-20", precision: "day" as const, approximate: false };
    const crash = { iso: "2018-09-17", precision: "day" as const, approximate: false };
    const mentions = extractDates(
      "A week after the crash, the minister announced a delivery.",
      "2019-03-01",
      computed,
      null,
      crash,
    );
    expect(mentions.map((m) => m.date.iso)).toEqual(["2018-09-24"]);
  });

  it("GIVEN 'The next day' after 18 June 2017 THEN 19 June 2017", () => {
    expect(read("The next day Moscow said it would stop using the line.", june18)).toEqual([
      ["2017-06-19", "day", "relative"],
    ]);
  });

  it("GIVEN 'the day before' after 1 January 2020 THEN 31 December 2019", () => {
    const newYear = { iso: "2020-01-01", precision: "day" as const, approximate: false };
    expect(read("Officials had spoken the day before.", newYear)).toEqual([
      ["2019-12-31", "day", "relative"],
    ]);
  });

  it("GIVEN 'The next day' after a date known only to the year THEN that year, no day", () => {
    const year = { iso: "1993", precision: "year" as const, approximate: false };
    expect(read("The next day the line was tested.", year)).toEqual([["1993", "year", "relative"]]);
  });

  it("GIVEN 'In Istanbul that September' after January 1988 THEN September 1988, not the article's year", () => {
    const january = { iso: "1988-01-31", precision: "day" as const, approximate: false };
    expect(read("In Istanbul that September, delegations agreed guidelines.", january)).toEqual([
      ["1988-09", "month", "relative"],
    ]);
  });

  it("GIVEN 'Later that year' or 'the following year' THEN the anchor's year or the next, to the year", () => {
    const may = { iso: "2006-05-23", precision: "day" as const, approximate: false };
    expect(read("Later that year the two governments agreed on a line.", may)).toEqual([
      ["2006", "year", "relative"],
    ]);
    expect(read("Talks on the details began the following year.", may)).toEqual([
      ["2007", "year", "relative"],
    ]);
  });

  it("GIVEN 'later that month' after a date known only to the year THEN no date", () => {
    const year = { iso: "1993", precision: "year" as const, approximate: false };
    expect(read("Later that month the line was tested.", year)).toEqual([]);
  });

  it("GIVEN 'Eight months later' after 15 June 2020 THEN February 2021, to the month", () => {
    const june15 = { iso: "2020-06-15", precision: "day" as const, approximate: false };
    expect(read("Eight months later, China said four soldiers had died.", june15)).toEqual([
      ["2021-02", "month", "relative"],
    ]);
  });

  it("GIVEN 'Two years earlier' THEN two years before the last date, not before the article's", () => {
    const year = { iso: "1996", precision: "year" as const, approximate: false };
    expect(read("Two years earlier, the ministers had met.", year)).toEqual([
      ["1994", "year", "relative"],
    ]);
  });

  it("GIVEN a relative phrase that a stated date restates beside it THEN only the stated date", () => {
    const april20 = { iso: "2018-04-20", precision: "day" as const, approximate: false };
    expect(read("One week later, on 27 April, the two leaders met.", april20)).toEqual([
      ["2018-04-27", "day", "stated"],
    ]);
    expect(read("Five years earlier, in February 1999, the two signed.", april20)).toEqual([
      ["1999-02", "month", "stated"],
    ]);
  });

  it("GIVEN a stated date after the phrase THEN it is not the anchor", () => {
    const august1 = { iso: "2021-08-01", precision: "day" as const, approximate: false };
    expect(
      read(
        "Four days later, the armies completed their withdrawal, after talks on 31 July.",
        august1,
        "2021-09-14",
      )[0],
    ).toEqual(["2021-08-05", "day", "relative"]);
  });

  it("GIVEN 'later' without an amount, 'within days' or no earlier date THEN no date", () => {
    expect(read("Japanese officials later said it would begin.", june18)).toEqual([]);
    expect(read("Within days the calls had quietly resumed.", june18)).toEqual([]);
    expect(read("The next day Moscow said it would stop using the line.", null)).toEqual([]);
  });
});

describe("extractDates: a stated date inside a casual phrase", () => {
  it("GIVEN 'On the night of 15 June 2020' THEN 15 June 2020", () => {
    expect(dates("On the night of 15 June 2020, soldiers fought in the valley.")).toEqual([
      ["2020-06-15", "day", false, "stated"],
    ]);
  });
});
