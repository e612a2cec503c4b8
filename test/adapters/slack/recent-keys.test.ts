import { describe, expect, it } from "vitest";
import { MemorySeenKeys } from "../../../adapters/slack/recent-keys.js";

describe("MemorySeenKeys", () => {
  it("GIVEN a key seen before THEN it is a repeat until its ttl ends, then new again", async () => {
    let now = 0;
    const keys = new MemorySeenKeys({ maxEntries: 10, now: () => now });
    expect(await keys.firstSeen("a", 1000)).toBe(true);
    expect(await keys.firstSeen("a", 1000)).toBe(false);
    now = 999;
    expect(await keys.firstSeen("a", 1000)).toBe(false);
    now = 1000;
    expect(await keys.firstSeen("a", 1000)).toBe(true);
    expect(await keys.firstSeen("a", 1000)).toBe(false);
  });

  it("GIVEN repeats of a key THEN they do not extend its expiry", async () => {
    let now = 0;
    const keys = new MemorySeenKeys({ now: () => now });
    expect(await keys.firstSeen("sig", 600)).toBe(true);
    now = 500;
    expect(await keys.firstSeen("sig", 600)).toBe(false);
    now = 600;
    expect(await keys.firstSeen("sig", 600)).toBe(true);
  });

  it("GIVEN more keys than the bound THEN the oldest are forgotten first and the size stays at the bound", async () => {
    const keys = new MemorySeenKeys({ maxEntries: 3, now: () => 0 });
    for (const key of ["a", "b", "c", "d"]) expect(await keys.firstSeen(key, 60_000)).toBe(true);
    expect(keys.size).toBe(3);
    expect(await keys.firstSeen("d", 60_000)).toBe(false);
    expect(await keys.firstSeen("c", 60_000)).toBe(false);
    expect(await keys.firstSeen("a", 60_000)).toBe(true);
  });

  it("GIVEN expired keys THEN they are swept when new keys arrive", async () => {
    let now = 0;
    const keys = new MemorySeenKeys({ maxEntries: 1000, now: () => now });
    for (let i = 0; i < 100; i++) await keys.firstSeen(`old${i}`, 10);
    expect(keys.size).toBe(100);
    now = 10;
    await keys.firstSeen("new", 10);
    expect(keys.size).toBe(1);
  });

  it("GIVEN two concurrent first sightings of one key THEN exactly one is first", async () => {
    const keys = new MemorySeenKeys();
    const results = await Promise.all([keys.firstSeen("k", 1000), keys.firstSeen("k", 1000)]);
    expect(results.sort()).toEqual([false, true]);
  });
});
