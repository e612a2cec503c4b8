import { describe, expect, it } from "vitest";
import {
  anniversaryDigest,
  anniversaryMonthDays,
  isLeapYear,
  onTheDay,
} from "../../src/dates/anniversary.js";
import { loadHotline } from "../../src/hotline.js";
import type { DayDigest, TimelineEvent } from "../../src/model.js";
import { eventHeading } from "../../src/present/digest.js";

const hotline = loadHotline();
const leap = hotline.today("02-29").events;

function event(iso: string): TimelineEvent {
  const [sample] = hotline.timeline();
  if (!sample) throw new Error("test setup: the corpus has no events");
  return { ...sample, date: { iso, precision: "day", approximate: false } };
}

describe("anniversaryMonthDays", () => {
  it.each([
    ["2027-02-28", ["02-28", "02-29"]],
    ["2100-02-28", ["02-28", "02-29"]],
    ["2028-02-28", ["02-28"]],
    ["2000-02-28", ["02-28"]],
    ["2028-02-29", ["02-29"]],
    ["2027-03-01", ["03-01"]],
  ])("GIVEN %s THEN the anniversaries of %j fall on it", (date, expected) => {
    expect(anniversaryMonthDays(date)).toEqual(expected);
  });

  it("GIVEN century years THEN only those divisible by 400 are leap years", () => {
    expect([1900, 2000, 2024, 2027, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("Hotline.today with a local date", () => {
  it("GIVEN 28 February of a non-leap year THEN 29 February's events are included, in date order", () => {
    expect(leap.length).toBeGreaterThan(0);
    const digest = hotline.today("2027-02-28");
    expect(digest.monthDay).toBe("02-28");
    expect(digest.events).toEqual(expect.arrayContaining(leap));
    const isos = digest.events.map((e) => e.date.iso);
    expect(isos).toEqual([...isos].sort());
  });

  it("GIVEN 28 February of a leap year THEN 29 February's events wait for the 29th", () => {
    expect(hotline.today("2028-02-28")).toEqual(hotline.today("02-28"));
    expect(hotline.today("2028-02-29")).toEqual(hotline.today("02-29"));
  });

  it("GIVEN a bare MM-DD THEN only that month-day is used", () => {
    expect(hotline.today("02-28").events).not.toEqual(expect.arrayContaining(leap));
  });

  it("GIVEN neither day has events THEN the own day's next anniversary is kept", () => {
    const empty: DayDigest = {
      monthDay: "02-28",
      events: [],
      next: { monthDay: "03-14", events: [] },
    };
    const merged = anniversaryDigest("2027-02-28", (monthDay) => ({ ...empty, monthDay }));
    expect(merged).toEqual(empty);
  });
});

describe("eventHeading", () => {
  it("GIVEN an event on the digest's own day THEN 'On this day in YEAR:'", () => {
    expect(onTheDay(event("2008-03-14"), "03-14")).toBe(true);
    expect(eventHeading(event("2008-03-14"), "03-14")).toBe("On this day in 2008:");
  });

  it("GIVEN a 29 February event on 28 February THEN its own full date", () => {
    expect(eventHeading(event("2008-02-29"), "02-28")).toBe("On 29 February 2008:");
  });

  it("GIVEN a 29 February event on 29 February of a leap year THEN 'On this day in 2008:'", () => {
    expect(eventHeading(event("2008-02-29"), "02-29")).toBe("On this day in 2008:");
  });

  it("GIVEN the next anniversary (no day) THEN the full date", () => {
    expect(eventHeading(event("2008-12-29"), "")).toBe("On 29 December 2008:");
  });
});
