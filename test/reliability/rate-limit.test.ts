import { describe, expect, test } from "vitest";
import { createRateLimiter, rateLimitMessage } from "../../src/commands/rate-limit.js";

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

const ann = { userId: "ann", channelId: "c1" };

describe("the sliding-window rate limiter", () => {
  test("GIVEN a user at the limit THEN the next event is refused with the seconds until the oldest leaves the window", () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMinute: 3, channelPerMinute: 100, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.check(ann)).toEqual({ allowed: true });
      c.advance(10_000);
    }
    // Oldest allowed at t0; now t0+30s: 30 s to go.
    expect(limiter.check(ann)).toEqual({
      allowed: false,
      scope: "user",
      retryAfterSeconds: 30,
      notify: true,
    });
  });

  test("GIVEN a refused user who keeps asking THEN only the first refusal in a window asks for a notice", () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMinute: 1, channelPerMinute: 100, now: c.now });
    limiter.check(ann);
    const notices = [];
    for (let i = 0; i < 50; i++) {
      const decision = limiter.check(ann);
      expect(decision.allowed).toBe(false);
      if (!decision.allowed && decision.notify) notices.push(i);
      c.advance(500);
    }
    expect(notices).toEqual([0]);
    // A minute after the first notice, the user is let in again (their event left the window).
    c.advance(60_000);
    expect(limiter.check(ann).allowed).toBe(true);
    const again = limiter.check(ann);
    expect(again.allowed === false && again.notify).toBe(true);
  });

  test("GIVEN many users in one channel THEN the channel limit applies and other channels are unaffected", () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMinute: 5, channelPerMinute: 3, now: c.now });
    for (const userId of ["a", "b", "c"])
      expect(limiter.check({ userId, channelId: "busy" }).allowed).toBe(true);
    expect(limiter.check({ userId: "d", channelId: "busy" })).toMatchObject({
      allowed: false,
      scope: "channel",
    });
    expect(limiter.check({ userId: "d", channelId: "quiet" }).allowed).toBe(true);
  });

  test("GIVEN refused events THEN they do not count against the user", () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMinute: 2, channelPerMinute: 100, now: c.now });
    limiter.check(ann);
    limiter.check(ann);
    for (let i = 0; i < 10; i++) limiter.check(ann);
    c.advance(60_001);
    expect(limiter.check(ann).allowed).toBe(true);
    expect(limiter.check(ann).allowed).toBe(true);
  });

  test("GIVEN a flood of distinct users THEN every table stays within maxKeys and nobody is wrongly refused", () => {
    const c = clock();
    const limiter = createRateLimiter({
      userPerMinute: 1,
      channelPerMinute: 1_000_000,
      now: c.now,
      maxKeys: 100,
    });
    let largest = 0;
    for (let i = 0; i < 10_000; i++) {
      expect(limiter.check({ userId: `u${i}`, channelId: `c${i}` }).allowed).toBe(true);
      const { users, channels } = limiter.size();
      largest = Math.max(largest, users, channels);
    }
    expect(largest).toBe(100);
    expect(limiter.size()).toEqual({ users: 100, channels: 100, notified: 0 });
  });

  test("GIVEN keys whose window has passed THEN the cleanup sweeps them out, live ones stay", () => {
    const c = clock();
    const limiter = createRateLimiter({
      userPerMinute: 5,
      channelPerMinute: 1_000_000,
      now: c.now,
      maxKeys: 10,
    });
    for (let i = 0; i < 10; i++) limiter.check({ userId: `old${i}`, channelId: "c" });
    expect(limiter.size().users).toBe(10);
    c.advance(60_001);
    // Two new users push the table past maxKeys: the ten expired ones are swept, not just the
    // oldest one dropped.
    limiter.check({ userId: "new1", channelId: "c" });
    limiter.check({ userId: "new2", channelId: "c" });
    expect(limiter.size().users).toBe(2);
    // Swept users are not refused: nothing of theirs was live.
    expect(limiter.check({ userId: "old0", channelId: "c" }).allowed).toBe(true);
  });

  test("GIVEN a flood of distinct users refused by a full channel THEN the notice table stays within maxKeys", () => {
    const c = clock();
    const limiter = createRateLimiter({
      userPerMinute: 5,
      channelPerMinute: 1,
      now: c.now,
      maxKeys: 50,
    });
    limiter.check({ userId: "first", channelId: "busy" });
    for (let i = 0; i < 5_000; i++) {
      const decision = limiter.check({ userId: `u${i}`, channelId: "busy" });
      expect(decision).toMatchObject({ allowed: false, scope: "channel", notify: true });
      c.advance(10);
    }
    expect(limiter.size().notified).toBeLessThanOrEqual(50);
  });

  test("GIVEN a limit that is not a positive whole number THEN creating the limiter names the option", () => {
    expect(() => createRateLimiter({ userPerMinute: 0, channelPerMinute: 1 })).toThrow(
      "rate-limit: userPerMinute must be a positive whole number (got 0)",
    );
  });

  test("GIVEN a refusal THEN the notice is polite and says when to try again", () => {
    expect(rateLimitMessage({ scope: "user", retryAfterSeconds: 12 })).toBe(
      "You're asking quickly — try again in 12 s.",
    );
    expect(rateLimitMessage({ scope: "channel", retryAfterSeconds: 3 })).toContain(
      "try again in 3 s",
    );
  });
});
