/**
 * The rate limiter shared through the store: the same decisions and notices as the in-memory one,
 * counted in fixed windows of a SharedState, so two limiters over one state (two processes over
 * one database) enforce one limit; a store that fails refuses the request instead of letting it
 * through. PostgreSQL itself is exercised in test/schedule/pg-shared-limits.test.ts.
 */
import { describe, expect, it } from "vitest";
import { type Door, handleRequest } from "../../src/commands/handle.js";
import { rateLimitMessage } from "../../src/commands/rate-limit.js";
import { createSharedRateLimiter } from "../../src/commands/shared-rate-limit.js";
import { loadHotline } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { createMemorySharedState } from "../../src/schedule/memory-shared-state.js";
import { LogSink } from "../fakes/recorders.js";

const key = (userId: string, channelId = "c1") => ({ userId, channelId });

describe("createSharedRateLimiter", () => {
  it("GIVEN 3 per user WHEN a user sends 5 in one window THEN 3 are allowed, the 4th is refused with a notice and the time to the window's end, the 5th silently", async () => {
    let now = 120_000 + 15_000; // 15 s into a window
    const limiter = createSharedRateLimiter({
      state: createMemorySharedState(),
      userPerMinute: 3,
      channelPerMinute: 100,
      now: () => now,
    });
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await limiter.check(key("u1")));
    expect(decisions.slice(0, 3)).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ]);
    expect(decisions[3]).toEqual({
      allowed: false,
      scope: "user",
      retryAfterSeconds: 45,
      notify: true,
    });
    expect(decisions[4]).toMatchObject({ allowed: false, scope: "user", notify: false });
    // Another user is not affected; the next window lets u1 in again.
    expect(await limiter.check(key("u2"))).toEqual({ allowed: true });
    now = 180_000;
    expect(await limiter.check(key("u1"))).toEqual({ allowed: true });
  });

  it("GIVEN 2 per channel WHEN three users ask in one channel THEN the third is refused for the channel, and another channel is not", async () => {
    const limiter = createSharedRateLimiter({
      state: createMemorySharedState(),
      userPerMinute: 10,
      channelPerMinute: 2,
      now: () => 0,
    });
    expect(await limiter.check(key("a"))).toEqual({ allowed: true });
    expect(await limiter.check(key("b"))).toEqual({ allowed: true });
    const refused = await limiter.check(key("c"));
    expect(refused).toEqual({
      allowed: false,
      scope: "channel",
      retryAfterSeconds: 60,
      notify: true,
    });
    expect(rateLimitMessage(refused as { scope: "channel"; retryAfterSeconds: number })).toBe(
      "This channel is asking quickly — try again in 60 s.",
    );
    expect(await limiter.check(key("c", "c2"))).toEqual({ allowed: true });
  });

  it("GIVEN two limiters over one state (two processes) THEN the user's limit counts both, and only one of them sends the notice", async () => {
    const state = createMemorySharedState();
    const options = { state, userPerMinute: 2, channelPerMinute: 100, now: () => 1_000 };
    const a = createSharedRateLimiter(options);
    const b = createSharedRateLimiter(options);
    expect(await a.check(key("u"))).toEqual({ allowed: true });
    expect(await b.check(key("u"))).toEqual({ allowed: true });
    const third = await a.check(key("u"));
    const fourth = await b.check(key("u"));
    expect(third).toMatchObject({ allowed: false, scope: "user", notify: true });
    expect(fourth).toMatchObject({ allowed: false, scope: "user", notify: false });
  });

  it("GIVEN a limit that is not a positive whole number THEN it throws naming the option", () => {
    expect(() =>
      createSharedRateLimiter({
        state: createMemorySharedState(),
        userPerMinute: 0,
        channelPerMinute: 1,
      }),
    ).toThrow("rate-limit: userPerMinute must be a positive whole number (got 0)");
  });
});

describe("GIVEN handleRequest with a shared limiter", () => {
  const hotline = loadHotline();

  function door(sent: string[]): Door {
    return {
      platform: "test",
      label: "command",
      fields: {},
      rate: { key: key("u"), user: "u", channel: "c1" },
      notifyLimited: async (text) => {
        sent.push(`limited: ${text}`);
      },
      read: () => ({ name: "sources", options: {} }),
      context: () => ({
        channel: { platform: "console", workspaceId: "w", channelId: "c1" },
        userId: "u",
        isAdmin: false,
        today: "03-14",
      }),
      reply: async (result) => {
        sent.push(`reply: ${result.kind}`);
      },
      apologise: async () => {
        sent.push("sorry");
      },
    };
  }

  it("WHEN the user goes past the limit THEN the awaited decision refuses with the same notice as in memory", async () => {
    const sent: string[] = [];
    const limiter = createSharedRateLimiter({
      state: createMemorySharedState(),
      userPerMinute: 1,
      channelPerMinute: 10,
      now: () => 50_000,
    });
    const deps = { hotline, log: createLogger("silent"), limiter };
    await handleRequest(deps, door(sent));
    await handleRequest(deps, door(sent));
    await handleRequest(deps, door(sent));
    expect(sent).toEqual(["reply: sources", "limited: You're asking quickly — try again in 10 s."]);
  });

  it("WHEN the store cannot count THEN the request is not run: it fails closed, logged, with an apology", async () => {
    const sent: string[] = [];
    const sink = new LogSink();
    const failing = createMemorySharedState();
    failing.hit = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    };
    const limiter = createSharedRateLimiter({
      state: failing,
      userPerMinute: 5,
      channelPerMinute: 5,
    });
    await handleRequest({ hotline, log: createLogger("debug", sink), limiter }, door(sent));
    expect(sent).toEqual(["sorry"]);
    expect(sink.has("test: command failed")).toBe(true);
  });
});
