import { describe, expect, test } from "vitest";
import { eventDate, formatDate, formatIso, formatMonthDay } from "../../src/present/format.js";

describe("formatDate", () => {
  test("GIVEN each precision THEN the date reads as a person would write it", () => {
    expect(formatDate({ iso: "2008-03-14", precision: "day", approximate: false })).toBe(
      "14 March 2008",
    );
    expect(formatDate({ iso: "2008-03", precision: "month", approximate: false })).toBe(
      "March 2008",
    );
    expect(formatDate({ iso: "2008", precision: "year", approximate: false })).toBe("2008");
    expect(formatDate({ iso: "2011-05", precision: "month", approximate: true }, true)).toBe(
      "About May 2011",
    );
    expect(formatDate({ iso: "2011-05-02", precision: "day", approximate: true })).toBe(
      "about 2 May 2011",
    );
  });
});

describe("formatIso and formatMonthDay", () => {
  test("GIVEN partial dates THEN each reads at its own precision; anything else is left as is", () => {
    expect(formatIso("2008-02-29")).toBe("29 February 2008");
    expect(formatIso("2005")).toBe("2005");
    expect(formatIso("soon")).toBe("soon");
    expect(formatDate({ iso: "2005", precision: "year", approximate: true })).toBe("about 2005");
  });

  test("GIVEN MM-DD THEN day and month in words; an invalid one is returned unchanged", () => {
    expect(formatMonthDay("02-29")).toBe("29 February");
    expect(formatMonthDay("13-01")).toBe("13-01");
  });
});

describe("eventDate", () => {
  const date = { iso: "2008-12-29", precision: "day" as const, approximate: false };
  test("GIVEN an event dated only by its report THEN the date says (reported)", () => {
    expect(eventDate({ date, basis: "reported" })).toBe("29 December 2008 (reported)");
  });
  test("GIVEN an event whose date the text states THEN the date alone", () => {
    expect(eventDate({ date, basis: "stated" })).toBe("29 December 2008");
  });
});
