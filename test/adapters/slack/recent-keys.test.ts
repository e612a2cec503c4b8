import { describe, expect, it } from "vitest";
import { RecentKeys } from "../../../adapters/slack/recent-keys.js";

describe("RecentKeys", () => {
  it("GIVEN a key seen before THEN it is a duplicate until it expires", () => {
    let now = 0;
    const keys = new RecentKeys(10, 1000, () => now);
    expect(keys.seen("a")).toBe(false);
    expect(keys.seen("a")).toBe(true);
    now = 999;
    expect(keys.seen("a")).toBe(true);
    now = 1000;
    expect(keys.seen("a")).toBe(false);
    expect(keys.seen("a")).toBe(true);
  });

  it("GIVEN more keys than the bound THEN the oldest are forgotten first", () => {
    const keys = new RecentKeys(3, 60_000, () => 0);
    for (const key of ["a", "b", "c", "d"]) expect(keys.seen(key)).toBe(false);
    expect(keys.seen("d")).toBe(true);
    expect(keys.seen("c")).toBe(true);
    expect(keys.seen("a")).toBe(false);
  });
});
