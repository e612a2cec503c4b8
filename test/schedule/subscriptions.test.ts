import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HotlineError } from "../../src/errors.js";
import { openSqliteStore } from "../../src/schedule/sqlite-store.js";
import type { ScheduleStore } from "../../src/schedule/store.js";
import {
  createSubscriptionService,
  parseConfiguredChannels,
} from "../../src/schedule/subscriptions.js";
import { fakeClock, tempDir } from "./helpers.js";

const config = { onThisDayTime: "09:00", timezone: "Europe/London", onThisDayChannels: undefined };
const channel = { platform: "slack", workspaceId: "T01", channelId: "C01" } as const;
const request = { ...channel, requestedBy: "U-admin" };
const defaults = { time: "09:00", timezone: "UTC" };

describe("parseConfiguredChannels", () => {
  it("GIVEN entries with and without time and zone THEN applies defaults and normalises", () => {
    expect(
      parseConfiguredChannels(
        " discord:123/456@9:00 europe/london, slack:T1/C2;console:local/main@17:30\nslack:T1/C3 Asia/Tokyo",
        defaults,
      ),
    ).toEqual([
      {
        platform: "discord",
        workspaceId: "123",
        channelId: "456",
        time: "09:00",
        timezone: "Europe/London",
      },
      { platform: "slack", workspaceId: "T1", channelId: "C2", time: "09:00", timezone: "UTC" },
      {
        platform: "console",
        workspaceId: "local",
        channelId: "main",
        time: "17:30",
        timezone: "UTC",
      },
      {
        platform: "slack",
        workspaceId: "T1",
        channelId: "C3",
        time: "09:00",
        timezone: "Asia/Tokyo",
      },
    ]);
  });

  it("GIVEN nothing THEN gives no entries", () => {
    expect(parseConfiguredChannels(undefined, defaults)).toEqual([]);
    expect(parseConfiguredChannels(" , ", defaults)).toEqual([]);
  });

  it.each([
    ["discord:123", 'entry "discord:123" is malformed'],
    ["irc:net/chan", 'entry "irc:net/chan" names unknown platform "irc"'],
    [
      "slack:T1/C1@25:00",
      'entry "slack:T1/C1@25:00" has time "25:00", which is not HH:MM, 24-hour',
    ],
    [
      "slack:T1/C1 Mars/Olympus",
      'entry "slack:T1/C1 Mars/Olympus" has unknown timezone "Mars/Olympus"',
    ],
    [
      "slack:T1/C1, slack:T1/C1@10:00",
      'entry "slack:T1/C1@10:00" repeats a channel listed earlier',
    ],
  ])("GIVEN %j THEN throws config_invalid naming the entry", (text, problem) => {
    expect(() => parseConfiguredChannels(text, defaults)).toThrow(HotlineError);
    expect(() => parseConfiguredChannels(text, defaults)).toThrow(
      `schedule: ONTHISDAY_CHANNELS ${problem}; expected platform:WORKSPACE/CHANNEL[@HH:MM][ TIMEZONE], e.g. discord:123/456@09:00 Europe/London`,
    );
  });
});

describe("createSubscriptionService", () => {
  let store: ScheduleStore;
  let cleanup: () => void;
  let path: string;
  const clock = fakeClock("2025-06-01T12:00:00Z");
  beforeEach(() => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    path = join(temp.dir, "data", "hotline.db");
    store = openSqliteStore({ path });
  });
  afterEach(async () => {
    await store.close();
    cleanup();
  });

  it("GIVEN no time or zone WHEN subscribing THEN uses the configured defaults and says created", async () => {
    const service = await createSubscriptionService({ store, config, clock: clock.clock });
    const outcome = await service.subscribe(request);
    expect(outcome).toMatchObject({
      ok: true,
      created: true,
      subscription: { ...channel, time: "09:00", timezone: "Europe/London" },
    });
  });

  it("GIVEN 9:00 and a lower-case zone WHEN subscribing THEN stores 09:00 and the canonical zone", async () => {
    const service = await createSubscriptionService({ store, config, clock: clock.clock });
    const outcome = await service.subscribe({
      ...request,
      time: "9:00",
      timezone: "america/new_york",
    });
    expect(outcome).toMatchObject({
      ok: true,
      subscription: { time: "09:00", timezone: "America/New_York" },
    });
  });

  it("GIVEN an unknown timezone THEN answers not ok naming it and stores nothing", async () => {
    const service = await createSubscriptionService({ store, config, clock: clock.clock });
    expect(await service.subscribe({ ...request, timezone: "Mars/Olympus" })).toEqual({
      ok: false,
      message:
        '"Mars/Olympus" is not a timezone I know. Use an IANA name such as Europe/London or America/New_York.',
    });
    expect(await service.list()).toEqual([]);
  });

  it.each(["25:00", "9", "09:5", "9am", "noon", "12:60", ""])(
    "GIVEN the malformed time %j THEN answers not ok naming it",
    async (time) => {
      const service = await createSubscriptionService({ store, config, clock: clock.clock });
      expect(await service.subscribe({ ...request, time })).toEqual({
        ok: false,
        message: `"${time}" is not a time of day. Use HH:MM, 24-hour, e.g. 09:00 or 17:30.`,
      });
      expect(await service.list()).toEqual([]);
    },
  );

  it("GIVEN a subscribed channel WHEN subscribing twice THEN one subscription, created false, same id", async () => {
    const service = await createSubscriptionService({ store, config, clock: clock.clock });
    const first = await service.subscribe({ ...request, time: "08:15" });
    const second = await service.subscribe(request);
    expect(second).toEqual({ ...first, created: false });
    expect(await service.list()).toHaveLength(1);
  });

  it("GIVEN a subscribed channel WHEN subscribing again with a new time THEN updates it, created false", async () => {
    const service = await createSubscriptionService({ store, config, clock: clock.clock });
    const first = await service.subscribe(request);
    const second = await service.subscribe({ ...request, time: "18:45", timezone: "Asia/Tokyo" });
    expect(second).toMatchObject({
      ok: true,
      created: false,
      subscription: {
        id: first.ok ? first.subscription.id : -1,
        time: "18:45",
        timezone: "Asia/Tokyo",
      },
    });
    expect(await service.list()).toMatchObject([{ time: "18:45", timezone: "Asia/Tokyo" }]);
  });

  it("GIVEN a subscribed channel WHEN unsubscribed twice THEN removed once, then nothing to remove", async () => {
    const service = await createSubscriptionService({ store, config, clock: clock.clock });
    await service.subscribe(request);
    expect(await service.unsubscribe(channel)).toEqual({ removed: true });
    expect(await service.unsubscribe(channel)).toEqual({ removed: false });
    expect(await service.list()).toEqual([]);
  });

  it("GIVEN ONTHISDAY_CHANNELS WHEN the service starts THEN configured and stored subscriptions are merged", async () => {
    await (await createSubscriptionService({ store, config, clock: clock.clock })).subscribe(
      request,
    );
    const service = await createSubscriptionService({
      store,
      config: { ...config, onThisDayChannels: "discord:123/456@07:00 Asia/Tokyo" },
      clock: clock.clock,
    });
    expect(await service.list()).toMatchObject([
      { ...channel, time: "09:00", source: "command" },
      {
        platform: "discord",
        workspaceId: "123",
        channelId: "456",
        time: "07:00",
        source: "config",
      },
    ]);
  });

  it("GIVEN a configured channel WHEN an admin unsubscribes or retimes it THEN it stays as configured", async () => {
    const configured = { platform: "discord", workspaceId: "123", channelId: "456" } as const;
    const service = await createSubscriptionService({
      store,
      config: { ...config, onThisDayChannels: "discord:123/456@07:00" },
      clock: clock.clock,
    });
    expect(await service.unsubscribe(configured)).toEqual({ removed: false });
    expect(await service.subscribe({ ...configured, requestedBy: "U1" })).toMatchObject({
      ok: true,
      created: false,
      subscription: { time: "07:00", timezone: "Europe/London" },
    });
    expect(await service.subscribe({ ...configured, requestedBy: "U1", time: "08:00" })).toEqual({
      ok: false,
      message:
        "This channel's posts are set in the bot's configuration (ONTHISDAY_CHANNELS) at 07:00 (Europe/London); change them there.",
    });
    expect(await service.list()).toMatchObject([
      { ...configured, time: "07:00", source: "config" },
    ]);
  });

  it("GIVEN a channel removed from ONTHISDAY_CHANNELS WHEN the service restarts THEN it is no longer subscribed", async () => {
    await createSubscriptionService({
      store,
      config: { ...config, onThisDayChannels: "discord:1/2, discord:1/3" },
      clock: clock.clock,
    });
    const service = await createSubscriptionService({
      store,
      config: { ...config, onThisDayChannels: "discord:1/3" },
      clock: clock.clock,
    });
    expect((await service.list()).map((s) => s.channelId)).toEqual(["3"]);
  });
});
