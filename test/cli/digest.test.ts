import { describe, expect, it } from "vitest";
import { digestText } from "../../adapters/cli/digest.js";
import { loadHotline } from "../../src/hotline.js";
import type { Hotline } from "../../src/hotline-api.js";
import { citationLine } from "../../src/present/citation.js";
import { eventHeading } from "../../src/present/digest.js";
import { formatMonthDay } from "../../src/present/format.js";
import { emptyMonthDay, eventMonthDays, leapDayEvents } from "../schedule/helpers.js";

const hotline: Hotline = loadHotline();

/** Positions of each quote in `text`; -1 when missing. */
const positions = (text: string, quotes: string[]) => quotes.map((quote) => text.indexOf(quote));

describe("digestText (the terminal's on-this-day post)", () => {
  it.each(eventMonthDays(hotline))(
    "GIVEN the events of %s THEN the title, then every quote verbatim, cited and in date order",
    (monthDay) => {
      const digest = hotline.today(monthDay);
      const text = digestText(digest);
      expect(text.startsWith(`On this day: ${formatMonthDay(monthDay)}\n\n`)).toBe(true);
      const found = positions(
        text,
        digest.events.map((event) => `> ${event.quote.text}`),
      );
      expect(found.every((at) => at >= 0)).toBe(true);
      expect([...found].sort((a, b) => a - b)).toEqual(found);
      for (const event of digest.events) {
        expect(text).toContain(eventHeading(event, monthDay));
        expect(text).toContain(`— ${citationLine(event.quote)}\n      ${event.quote.source.url}`);
      }
    },
  );

  it("GIVEN 28 February of a non-leap year THEN 29 February's events say their own date", () => {
    const leap = leapDayEvents(hotline);
    expect(leap.length).toBeGreaterThan(0);
    const digest = hotline.today("2027-02-28");
    expect(digest.monthDay).toBe("02-28");
    expect(digest.events).toEqual(expect.arrayContaining(leap));
    const text = digestText(digest);
    expect(text).not.toContain("On this day in 2008");
    for (const event of leap) {
      const [year] = event.date.iso.split("-");
      expect(text).toContain(`On 29 February ${year}:\n\n> ${event.quote.text}`);
    }
  });

  it("GIVEN a day without events THEN it says so and shows the next anniversary's quotes", () => {
    const monthDay = emptyMonthDay(hotline);
    const digest = hotline.today(monthDay);
    const text = digestText(digest);
    expect(text.startsWith(`Nothing on ${formatMonthDay(monthDay)}. Next: `)).toBe(true);
    expect(digest.next?.events.length).toBeGreaterThan(0);
    for (const event of digest.next?.events ?? []) expect(text).toContain(`> ${event.quote.text}`);
  });

  it("GIVEN an empty corpus THEN it says nothing is dated", () => {
    expect(digestText({ monthDay: "11-22", events: [], next: null })).toBe(
      "Nothing on 22 November, and the sources date no other events.",
    );
  });
});

describe("Hotline.today", () => {
  it("GIVEN a leap year's 28 February THEN only that day's events", () => {
    expect(hotline.today("2028-02-28")).toEqual(hotline.today("02-28"));
  });
});
