import { describe, expect, it } from "vitest";
import { createMemorySharedState } from "../../src/schedule/memory-shared-state.js";

const t0 = new Date("2026-03-01T12:00:00.000Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("createMemorySharedState", () => {
  it("GIVEN a key WHEN recorded twice while live THEN only the first call sees it first", async () => {
    const state = createMemorySharedState();
    expect(await state.firstSeen("event-1", 60_000, t0)).toBe(true);
    expect(await state.firstSeen("event-1", 60_000, later(59_999))).toBe(false);
    expect(await state.firstSeen("event-2", 60_000, later(1))).toBe(true);
  });

  it("GIVEN a seen key WHEN its time to live has passed THEN it is first seen again", async () => {
    const state = createMemorySharedState();
    expect(await state.firstSeen("sig", 1000, t0)).toBe(true);
    expect(await state.firstSeen("sig", 1000, later(1000))).toBe(true);
    expect(await state.firstSeen("sig", 1000, later(1500))).toBe(false);
  });

  it("GIVEN hits in one window and the next THEN each window counts on its own", async () => {
    const state = createMemorySharedState();
    const start = new Date(Math.floor(t0.getTime() / 60_000) * 60_000);
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await state.hit("user", 60_000, at(0))).toBe(1);
    expect(await state.hit("user", 60_000, at(30_000))).toBe(2);
    expect(await state.hit("user", 60_000, at(59_999))).toBe(3);
    expect(await state.hit("user", 60_000, at(60_000))).toBe(1);
    expect(await state.hit("channel", 60_000, at(1))).toBe(1);
  });

  it("GIVEN expired and live entries WHEN cleaned up THEN only the expired ones go and are counted", async () => {
    const state = createMemorySharedState();
    await state.firstSeen("old", 1000, t0);
    await state.firstSeen("live", 60_000, t0);
    const windowStart = Math.floor(t0.getTime() / 1000) * 1000;
    await state.hit("rate-old", 1000, new Date(windowStart));
    await state.hit("rate-live", 3_600_000, t0);
    expect(await state.cleanup(new Date(windowStart + 1000))).toBe(2);
    expect(await state.cleanup(new Date(windowStart + 1000))).toBe(0);
    // The live key survived the cleanup: still a repeat.
    expect(await state.firstSeen("live", 60_000, later(2000))).toBe(false);
    expect(await state.hit("rate-live", 3_600_000, later(2000))).toBe(2);
  });

  it("GIVEN a bound of three entries WHEN a fourth live key arrives THEN the oldest is evicted and the rest stay", async () => {
    const state = createMemorySharedState({ maxEntries: 3 });
    for (const key of ["a", "b", "c", "d"]) {
      expect(await state.firstSeen(key, 60_000, t0)).toBe(true);
    }
    expect(await state.firstSeen("b", 60_000, later(1))).toBe(false);
    expect(await state.firstSeen("c", 60_000, later(1))).toBe(false);
    expect(await state.firstSeen("d", 60_000, later(1))).toBe(false);
    // "a" was the oldest, so it went to make room; it now counts as new (and evicts "b").
    expect(await state.firstSeen("a", 60_000, later(1))).toBe(true);
  });

  it("GIVEN a full table with expired entries WHEN a new key arrives THEN the expired ones make room first", async () => {
    const state = createMemorySharedState({ maxEntries: 3 });
    await state.firstSeen("live", 60_000, t0);
    await state.firstSeen("short-1", 10, t0);
    await state.firstSeen("short-2", 10, t0);
    expect(await state.firstSeen("new", 60_000, later(100))).toBe(true);
    // "live" is older than the expired keys but was kept, since they made room.
    expect(await state.firstSeen("live", 60_000, later(100))).toBe(false);
    expect(await state.firstSeen("new", 60_000, later(100))).toBe(false);
  });

  it("GIVEN a bound of two windows WHEN many keys hit THEN at most two windows are kept", async () => {
    const state = createMemorySharedState({ maxEntries: 2 });
    const start = new Date(Math.floor(t0.getTime() / 60_000) * 60_000);
    for (let i = 0; i < 50; i++) await state.hit(`user-${i}`, 60_000, start);
    // Only the last two windows are left, so cleaning up after they end removes exactly two.
    expect(await state.hit("user-49", 60_000, start)).toBe(2);
    expect(await state.hit("user-0", 60_000, start)).toBe(1);
    expect(await state.cleanup(new Date(start.getTime() + 60_000))).toBe(2);
  });
});
