/** The one request skeleton: limit → context → run → reply, or an apology; never throws. */
import { describe, expect, it } from "vitest";
import { type Door, handleRequest } from "../../src/commands/handle.js";
import { createRateLimiter } from "../../src/commands/rate-limit.js";
import type { CommandResult } from "../../src/commands/run.js";
import { loadHotline } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { LogSink } from "../fakes/recorders.js";

const hotline = loadHotline();

function setup(overrides: Partial<Door> = {}, perUser = 100) {
  const sink = new LogSink();
  const sent: string[] = [];
  const results: CommandResult[] = [];
  const deps = {
    hotline,
    log: createLogger("debug", sink),
    limiter: createRateLimiter({ userPerMinute: perUser, channelPerMinute: 100, now: () => 0 }),
  };
  const door: Door = {
    platform: "test",
    label: "command",
    fields: { request: 1 },
    rate: { key: { userId: "u", channelId: "c" }, user: "u", channel: "c" },
    notifyLimited: async (text) => {
      sent.push(`limited: ${text}`);
    },
    read: () => ({ name: "sources", options: {} }),
    context: () => ({
      channel: { platform: "console", workspaceId: "w", channelId: "c" },
      userId: "u",
      isAdmin: false,
      today: "03-14",
    }),
    reply: async (result) => {
      results.push(result);
    },
    apologise: async () => {
      sent.push("sorry");
    },
    ...overrides,
  };
  return { sink, sent, results, run: () => handleRequest(deps, door) };
}

describe("handleRequest", () => {
  it("GIVEN a request THEN the command's result is replied and the answer logged", async () => {
    const { sink, results, run } = setup();
    await run();
    expect(results.map((r) => r.kind)).toEqual(["sources"]);
    expect(sink.has("test: answered command")).toBe(true);
  });

  it("GIVEN a user past the limit THEN one notice, then silence, and no command runs", async () => {
    const { sent, results, run, sink } = setup({}, 1);
    await run();
    await run();
    await run();
    expect(results).toHaveLength(1);
    expect(sent).toEqual([expect.stringMatching(/^limited: You're asking quickly/)]);
    expect(sink.has("test: rate limited; event dropped")).toBe(true);
  });

  it("GIVEN the door answers by itself THEN no command runs", async () => {
    const { results, run } = setup({ read: () => undefined });
    await run();
    expect(results).toEqual([]);
  });

  it("GIVEN the reply fails THEN the asker gets the apology and the error is logged with the door's fields", async () => {
    const { sent, sink, run } = setup({
      reply: async () => {
        throw new Error("send exploded");
      },
    });
    await run();
    expect(sent).toEqual(["sorry"]);
    const line = sink.lines.find((l) => l.msg === "test: command failed");
    expect(line).toMatchObject({ message: "send exploded", request: 1 });
  });

  it("GIVEN the apology fails too THEN that is logged and nothing throws", async () => {
    const { sink, run } = setup({
      reply: async () => {
        throw new Error("send exploded");
      },
      apologise: async () => {
        throw new Error("apology exploded");
      },
    });
    await expect(run()).resolves.toBeUndefined();
    expect(sink.has("test: could not report a failure")).toBe(true);
  });
});
