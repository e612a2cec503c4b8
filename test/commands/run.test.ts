import { describe, expect, it } from "vitest";
import { parseCommandText } from "../../src/commands/parse.js";
import { type CommandContext, runCommand } from "../../src/commands/run.js";
import { COMMAND, helpLines } from "../../src/commands/spec.js";
import { loadHotline } from "../../src/hotline.js";
import type { SubscribeRequest, SubscriptionService } from "../../src/schedule/types.js";

const hotline = loadHotline();

function recordingService(): SubscriptionService & { requests: SubscribeRequest[] } {
  const requests: SubscribeRequest[] = [];
  return {
    requests,
    async subscribe(request) {
      requests.push(request);
      return {
        ok: true,
        created: requests.length === 1,
        subscription: {
          ...request,
          id: 1,
          time: request.time ?? "09:00",
          timezone: request.timezone ?? "UTC",
        },
      };
    },
    unsubscribe: async () => ({ removed: true }),
  };
}

const ctx = (over: Partial<CommandContext> = {}): CommandContext => ({
  channel: { platform: "slack", workspaceId: "T1", channelId: "C1" },
  userId: "U1",
  isAdmin: false,
  today: "03-14",
  ...over,
});

describe("parseCommandText", () => {
  it("GIVEN a bare question THEN it is ask", () => {
    expect(parseCommandText("why was Russia first")).toEqual({
      name: "ask",
      options: { question: "why was Russia first", hide: undefined },
    });
  });

  it("GIVEN a subcommand and flags THEN the flags are options, not text", () => {
    expect(parseCommandText("when --hide the Russian line opened")).toEqual({
      name: "when",
      options: { event: "the Russian line opened", hide: true },
    });
    expect(parseCommandText("ask --public what is it for").options.hide).toBe(false);
  });

  it("GIVEN subscribe with time and zone in either order THEN both are read", () => {
    expect(parseCommandText("subscribe Europe/London 08:30").options).toEqual({
      time: "08:30",
      timezone: "Europe/London",
    });
  });

  it("GIVEN empty text THEN help", () => {
    expect(parseCommandText("   ").name).toBe("help");
  });
});

describe("runCommand", () => {
  it("GIVEN an unknown subcommand THEN help, only for the asker", async () => {
    expect(await runCommand(hotline, { name: "frobnicate", options: {} }, ctx())).toEqual({
      kind: "help",
      lines: helpLines(),
      visibility: "private",
    });
  });

  it("GIVEN hide THEN the answer is private; GIVEN a rejected question THEN private too", async () => {
    expect(
      (await runCommand(hotline, { name: "ask", options: { question: "who is Luo Yuan?" } }, ctx()))
        .visibility,
    ).toBe("public");
    expect(
      (
        await runCommand(
          hotline,
          { name: "ask", options: { question: "who is Luo Yuan?", hide: true } },
          ctx(),
        )
      ).visibility,
    ).toBe("private");
    const rejected = await runCommand(hotline, { name: "ask", options: { question: "" } }, ctx());
    expect(rejected).toMatchObject({
      kind: "answer",
      visibility: "private",
      reply: { status: "rejected" },
    });
  });

  it("GIVEN a non-admin THEN subscribe is refused and nothing is stored", async () => {
    const service = recordingService();
    const result = await runCommand(
      hotline,
      { name: "subscribe", options: {} },
      ctx({ subscriptions: service }),
    );
    expect(result).toMatchObject({ kind: "notice", tone: "error", visibility: "private" });
    expect(service.requests).toEqual([]);
  });

  it("GIVEN an admin THEN subscribe passes time, zone and channel; a second time says nothing was added twice", async () => {
    const service = recordingService();
    const admin = ctx({ isAdmin: true, subscriptions: service });
    const first = await runCommand(
      hotline,
      { name: "subscribe", options: { time: "08:30", timezone: "Asia/Tokyo" } },
      admin,
    );
    expect(first).toMatchObject({ kind: "notice", tone: "info" });
    expect(service.requests[0]).toMatchObject({
      platform: "slack",
      channelId: "C1",
      time: "08:30",
      timezone: "Asia/Tokyo",
    });
    const again = await runCommand(hotline, { name: "subscribe", options: {} }, admin);
    if (again.kind !== "notice") throw new Error("expected a notice");
    expect(again.message).toMatch(/Already subscribed/);
  });

  it("GIVEN no scheduler THEN subscribe says posts are not enabled", async () => {
    const result = await runCommand(
      hotline,
      { name: "subscribe", options: {} },
      ctx({ isAdmin: true }),
    );
    if (result.kind !== "notice") throw new Error("expected a notice");
    expect(result.message).toMatch(/not enabled/);
  });

  it("GIVEN 28 February of a non-leap year THEN today includes 29 February's anniversaries", async () => {
    const result = await runCommand(
      hotline,
      { name: "today", options: {} },
      ctx({ today: "2027-02-28" }),
    );
    if (result.kind !== "today") throw new Error("expected today");
    expect(result.digest.events.map((e) => e.date.iso)).toContain("2008-02-29");
    const leap = await runCommand(
      hotline,
      { name: "today", options: {} },
      ctx({ today: "2028-02-28" }),
    );
    if (leap.kind !== "today") throw new Error("expected today");
    expect(leap.digest.events.map((e) => e.date.iso)).not.toContain("2008-02-29");
  });

  it("GIVEN the spec THEN every subcommand runs to its own kind of result and admin ones are marked", async () => {
    expect(COMMAND.subcommands.filter((s) => s.admin).map((s) => s.name)).toEqual([
      "subscribe",
      "unsubscribe",
    ]);
    // Each subcommand reaches its own branch: a runner that sent one to the wrong branch (or to
    // help) would change a kind here. Admin ones refuse a non-admin.
    const kinds = Object.fromEntries(
      await Promise.all(
        COMMAND.subcommands.map(async (spec) => {
          const result = await runCommand(
            hotline,
            { name: spec.name, options: { question: "x y", event: "x y" } },
            ctx(),
          );
          const detail =
            result.kind === "answer"
              ? `${result.command}:${result.reply.status}`
              : result.kind === "notice"
                ? `${result.tone}:${result.message.split(" ").slice(0, 2).join(" ")}`
                : "";
          return [spec.name, `${result.kind}${detail ? ` ${detail}` : ""}`];
        }),
      ),
    );
    expect(kinds).toEqual({
      ask: "answer ask:no_answer",
      when: "answer when:no_answer",
      timeline: "timeline",
      today: "today",
      sources: "sources",
      help: "help",
      subscribe: "notice error:Only admins",
      unsubscribe: "notice error:Only admins",
    });
  });
});
