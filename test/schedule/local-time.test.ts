import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anniversaryMonthDays,
  isLeapYear,
  localDateTime,
  normaliseTime,
  normaliseTimezone,
} from "../../src/schedule/local-time.js";

describe("localDateTime", () => {
  it("GIVEN one instant THEN reads the wall clock of each zone, across the date line", () => {
    const instant = new Date("2025-12-29T23:30:00Z");
    expect(localDateTime(instant, "UTC")).toEqual({
      date: "2025-12-29",
      monthDay: "12-29",
      time: "23:30",
    });
    expect(localDateTime(instant, "Asia/Tokyo")).toEqual({
      date: "2025-12-30",
      monthDay: "12-30",
      time: "08:30",
    });
    expect(localDateTime(instant, "America/Los_Angeles")).toEqual({
      date: "2025-12-29",
      monthDay: "12-29",
      time: "15:30",
    });
    expect(localDateTime(instant, "Asia/Kolkata").time).toBe("05:00");
  });

  it("GIVEN midnight THEN reads 00:00, never 24:00", () => {
    expect(localDateTime(new Date("2025-03-01T00:00:00Z"), "UTC").time).toBe("00:00");
  });

  it("GIVEN the New York spring-forward THEN 01:59 is followed by 03:00", () => {
    const before = localDateTime(new Date("2026-03-08T06:59:00Z"), "America/New_York");
    const after = localDateTime(new Date("2026-03-08T07:00:00Z"), "America/New_York");
    expect([before.time, after.time]).toEqual(["01:59", "03:00"]);
  });
});

describe("anniversaryMonthDays", () => {
  it.each([
    ["2027-02-28", ["02-28", "02-29"]],
    ["2028-02-28", ["02-28"]],
    ["2028-02-29", ["02-29"]],
    ["2100-02-28", ["02-28", "02-29"]],
    ["2000-02-28", ["02-28"]],
    ["2027-03-01", ["03-01"]],
  ])("GIVEN %s THEN covers %j", (date, expected) => {
    expect(anniversaryMonthDays(date)).toEqual(expected);
  });

  it("agrees with the calendar on which years have a 29 February", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), (year) => {
        const hasLeapDay = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
        expect(isLeapYear(year)).toBe(hasLeapDay);
      }),
    );
  });
});

describe("normaliseTime", () => {
  it.each([
    ["09:00", "09:00"],
    ["9:00", "09:00"],
    [" 7:05 ", "07:05"],
    ["00:00", "00:00"],
    ["23:59", "23:59"],
  ])("GIVEN %j THEN %j", (input, expected) => {
    expect(normaliseTime(input)).toBe(expected);
  });

  it.each(["24:00", "12:60", "9", "9:5", "09:00:00", "9am", "-1:00", "", "０9:00"])(
    "GIVEN %j THEN null",
    (input) => {
      expect(normaliseTime(input)).toBeNull();
    },
  );
});

describe("normaliseTimezone", () => {
  it("GIVEN IANA names in any case THEN the canonical name", () => {
    expect(normaliseTimezone("Europe/London")).toBe("Europe/London");
    expect(normaliseTimezone("america/new_york")).toBe("America/New_York");
    expect(normaliseTimezone("UTC")).toBe("UTC");
  });

  it.each(["Mars/Olympus", "", "  ", "London", "+25:00"])("GIVEN %j THEN null", (input) => {
    expect(normaliseTimezone(input)).toBeNull();
  });
});
