import { describe, expect, it } from "vitest";
import { loadHotline } from "../../src/hotline.js";
import type { Hotline } from "../../src/hotline-api.js";
import {
  composePostText,
  digestForLocalDate,
  formatMonthDay,
} from "../../src/schedule/post-text.js";
import { emptyMonthDay, eventMonthDays, leapDayEvents } from "./helpers.js";

const hotline: Hotline = loadHotline();

/** Positions of each quote in `text`; -1 when missing. */
const positions = (text: string, quotes: string[]) => quotes.map((quote) => text.indexOf(quote));

describe("composePostText", () => {
  it.each(eventMonthDays(hotline))(
    "GIVEN the events of %s THEN every quote is verbatim, cited and in date order",
    (monthDay) => {
      const digest = hotline.today(monthDay);
      const text = composePostText(digest);
      const found = positions(
        text,
        digest.events.map((event) => `“${event.quote.text}”`),
      );
      expect(found.every((at) => at >= 0)).toBe(true);
      expect([...found].sort((a, b) => a - b)).toEqual(found);
      for (const event of digest.events) {
        const { source, location } = event.quote;
        expect(text).toContain(`On this day in ${event.date.iso.slice(0, 4)}:`);
        expect(text).toContain(`${location}: ${source.url}`);
        expect(text).toContain(source.publisher);
        expect(text).toContain(source.title);
        if (source.original) expect(text).toContain(`translated from ${source.original.publisher}`);
      }
    },
  );

  it("GIVEN 28 February of a non-leap year THEN 29 February's events say their own date", () => {
    const leap = leapDayEvents(hotline);
    expect(leap.length).toBeGreaterThan(0);
    const digest = digestForLocalDate(hotline, "2027-02-28");
    expect(digest.monthDay).toBe("02-28");
    expect(digest.events).toEqual(expect.arrayContaining(leap));
    const text = composePostText(digest);
    for (const event of leap) {
      const [year] = event.date.iso.split("-");
      expect(text).toContain(`On 29 February ${year}:\n“${event.quote.text}”`);
    }
  });

  it("GIVEN a day without events THEN it says so and shows the next anniversary's quotes", () => {
    const monthDay = emptyMonthDay(hotline);
    const digest = hotline.today(monthDay);
    const text = composePostText(digest);
    expect(text.startsWith(`Nothing on ${formatMonthDay(monthDay)}. Next: `)).toBe(true);
    for (const event of digest.next?.events ?? []) {
      expect(text).toContain(`“${event.quote.text}”`);
    }
  });

  it("GIVEN an empty corpus THEN it says nothing is dated", () => {
    expect(composePostText({ monthDay: "11-22", events: [], next: null })).toBe(
      "Nothing on 22 November, and the sources date no other events.",
    );
  });
});

describe("formatMonthDay", () => {
  it.each([
    ["12-29", "29 December"],
    ["02-29", "29 February"],
    ["01-01", "1 January"],
    ["13-01", "13-01"],
    ["garbage", "garbage"],
  ])("GIVEN %s THEN %s", (monthDay, expected) => {
    expect(formatMonthDay(monthDay)).toBe(expected);
  });
});

describe("digestForLocalDate", () => {
  it("GIVEN a leap year's 28 February THEN only that day's events", () => {
    expect(digestForLocalDate(hotline, "2028-02-28")).toEqual(hotline.today("02-28"));
  });
});
