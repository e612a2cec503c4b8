import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HotlineError } from "../../src/errors.js";
import { loadHotline } from "../../src/hotline.js";
import type { Hotline } from "../../src/hotline-api.js";
import { createLogger } from "../../src/log.js";
import { localDateTime } from "../../src/schedule/local-time.js";
import { createScheduler, type SchedulerOptions } from "../../src/schedule/scheduler.js";
import { openSqliteStore } from "../../src/schedule/sqlite-store.js";
import type { ScheduleStore } from "../../src/schedule/store.js";
import { createSubscriptionService } from "../../src/schedule/subscriptions.js";
import type { ChannelRef, PostSender } from "../../src/schedule/types.js";
import { LogSink } from "../fakes/recorders.js";
import {
  emptyMonthDay,
  eventMonthDays,
  fakeClock,
  findEventDayWithClockChange,
  leapDayEvents,
  manualTick,
  quietLogger,
  recordingSender,
  runTicks,
  tempDir,
  until,
} from "./helpers.js";

const hotline: Hotline = loadHotline();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A month-day with events that is not in February, so leap-year rules stay out of the way. */
const eventDay = (() => {
  const day = eventMonthDays(hotline).find((md) => !md.startsWith("02-"));
  if (!day) throw new Error("test setup: the corpus has no dated events outside February");
  return day;
})();

const discordChannel = (channelId: string): ChannelRef => ({
  platform: "discord",
  workspaceId: "guild-1",
  channelId,
});

describe("createScheduler", () => {
  let dir: string;
  let cleanup: () => void;
  const stores: ScheduleStore[] = [];
  const openStore = () => {
    const store = openSqliteStore({ path: join(dir, "data", "hotline.db") });
    stores.push(store);
    return store;
  };
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    cleanup();
  });

  /** Subscribes channels (created at `since`) and returns a scheduler over the same file. */
  async function setup(
    clock: ReturnType<typeof fakeClock>,
    subscriptions: Array<{ channel: ChannelRef; time: string; timezone: string }>,
    extra: Partial<SchedulerOptions> = {},
  ) {
    const store = openStore();
    const service = await createSubscriptionService({
      store,
      config: { onThisDayTime: "09:00", timezone: "UTC", onThisDayChannels: undefined },
      clock: clock.clock,
    });
    for (const { channel, time, timezone } of subscriptions) {
      const outcome = await service.subscribe({ ...channel, time, timezone, requestedBy: "admin" });
      if (!outcome.ok) throw new Error(outcome.message);
    }
    const sender = recordingSender("discord", clock.clock);
    const scheduler = createScheduler({
      store,
      hotline,
      senders: [sender],
      clock: clock.clock,
      logger: quietLogger,
      tick: manualTick,
      retry: { baseMs: MINUTE, maxAttempts: 3 },
      ...extra,
    });
    return { store, service, sender, scheduler };
  }

  it("GIVEN subscriptions in several timezones WHEN the day passes THEN each channel gets one post at its local time", async () => {
    const year = 2025;
    const date = `${year}-${eventDay}`;
    const zones = [
      { channel: discordChannel("london"), time: "09:00", timezone: "Europe/London" },
      { channel: discordChannel("new-york"), time: "09:00", timezone: "America/New_York" },
      { channel: discordChannel("tokyo"), time: "07:30", timezone: "Asia/Tokyo" },
      { channel: discordChannel("kolkata"), time: "17:45", timezone: "Asia/Kolkata" },
    ];
    const start = new Date(Date.parse(`${date}T00:00:00Z`) - 2 * DAY);
    const clock = fakeClock(start);
    const { sender, scheduler } = await setup(clock, zones);
    await runTicks(
      clock,
      scheduler.runOnce,
      start,
      new Date(start.getTime() + 4 * DAY),
      15 * MINUTE,
    );

    for (const { channel, time, timezone } of zones) {
      const posts = sender
        .posts()
        .filter((post) => post.channel.channelId === channel.channelId)
        .filter((post) => localDateTime(post.at, timezone).date === date);
      expect(posts, channel.channelId).toHaveLength(1);
      const post = posts[0];
      expect(localDateTime(post?.at ?? new Date(0), timezone).time).toBe(time);
      expect(post?.channel).toEqual(channel);
      expect(post?.digest.events).toEqual(hotline.today(eventDay).events);
    }
    // No channel ever got two posts for one local date.
    const keys = sender.posts().map((p) => `${p.channel.channelId} ${p.digest.monthDay}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("GIVEN a day without events WHEN the whole day passes THEN nothing is sent and nothing claimed", async () => {
    const monthDay = emptyMonthDay(hotline);
    const date = `2025-${monthDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const { store, sender, scheduler, service } = await setup(clock, [
      { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
    ]);
    await runTicks(
      clock,
      scheduler.runOnce,
      new Date(`${date}T00:00:00Z`),
      new Date(`${date}T23:59:00Z`),
      30 * MINUTE,
    );
    expect(sender.calls).toEqual([]);
    const id = (await service.list())[0]?.id ?? -1;
    expect(await store.getClaim(id, date)).toBeUndefined();
  });

  describe("29 February", () => {
    const leapEvents = leapDayEvents(hotline);

    it("GIVEN a leap year WHEN 28 and 29 February pass THEN 29 February's events go out on the 29th only", async () => {
      expect(leapEvents.length).toBeGreaterThan(0);
      const clock = fakeClock("2028-02-27T12:00:00Z");
      const { sender, scheduler } = await setup(clock, [
        { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
      ]);
      await runTicks(
        clock,
        scheduler.runOnce,
        new Date("2028-02-28T00:00:00Z"),
        new Date("2028-03-01T23:30:00Z"),
        30 * MINUTE,
      );
      const byDay = new Map(sender.posts().map((p) => [p.digest.monthDay, p]));
      expect(byDay.get("02-29")?.digest.events).toEqual(leapEvents);
      expect(byDay.get("02-29")?.at.toISOString()).toBe("2028-02-29T09:00:00.000Z");
      const feb28 = hotline.today("02-28").events;
      expect(byDay.get("02-28")?.digest.events ?? []).toEqual(feb28);
      expect(sender.posts().filter((p) => p.digest.monthDay === "02-29")).toHaveLength(1);
    });

    it("GIVEN a non-leap year WHEN 28 February passes THEN 29 February's events go out that day, merged in date order", async () => {
      const clock = fakeClock("2027-02-27T12:00:00Z");
      const { sender, scheduler } = await setup(clock, [
        { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
      ]);
      await runTicks(
        clock,
        scheduler.runOnce,
        new Date("2027-02-28T00:00:00Z"),
        new Date("2027-03-01T23:30:00Z"),
        30 * MINUTE,
      );
      const feb28 = sender.posts().filter((p) => p.digest.monthDay === "02-28");
      expect(feb28).toHaveLength(1);
      expect(feb28[0]?.at.toISOString()).toBe("2027-02-28T09:00:00.000Z");
      const expected = [...hotline.today("02-28").events, ...leapEvents].sort((a, b) =>
        a.date.iso.localeCompare(b.date.iso),
      );
      expect(feb28[0]?.digest.events).toEqual(expected);
      expect(sender.posts().filter((p) => p.digest.monthDay === "02-29")).toEqual([]);
    });
  });

  describe("daylight saving", () => {
    // The days come from the corpus: with the repo's corpus the gap is America/New_York on
    // 2010-03-14 (a 02:30 subscription) and the repeat America/Santiago on 2009-03-14 (23:00).
    it("GIVEN a subscribed time inside a spring-forward gap THEN the post goes out once, right after the jump", async () => {
      const change = findEventDayWithClockChange(hotline, "gap");
      if (!change)
        throw new Error("test setup: no event day with a spring-forward gap in 2000-2040");
      // Subscribed the day before, like a real subscription.
      const clock = fakeClock(new Date((change.instants[0] as Date).getTime() - DAY));
      const { sender, scheduler } = await setup(clock, [
        { channel: discordChannel("c"), time: change.time, timezone: change.zone },
      ]);
      for (const instant of change.instants) {
        clock.set(instant);
        await scheduler.runOnce();
      }
      expect(sender.posts()).toHaveLength(1);
      const local = localDateTime(sender.posts()[0]?.at ?? new Date(0), change.zone);
      expect(local).toMatchObject({ date: change.date, time: change.firstReadingAtOrAfter });
    });

    it("GIVEN a subscribed time that a fall-back repeats THEN the post goes out once, at its first occurrence", async () => {
      const change = findEventDayWithClockChange(hotline, "repeat");
      if (!change) throw new Error("test setup: no event day with a fall-back repeat in 2000-2040");
      const clock = fakeClock(new Date((change.instants[0] as Date).getTime() - DAY));
      const { sender, scheduler } = await setup(clock, [
        { channel: discordChannel("c"), time: change.time, timezone: change.zone },
      ]);
      const occurrences = change.instants.filter(
        (instant) => localDateTime(instant, change.zone).time === change.time,
      );
      expect(occurrences).toHaveLength(2);
      for (const instant of change.instants) {
        clock.set(instant);
        await scheduler.runOnce();
      }
      expect(sender.posts().map((p) => p.at)).toEqual([occurrences[0]]);
    });
  });

  it("GIVEN a post already made WHEN the process restarts later that day THEN the new scheduler does not post again", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const first = await setup(clock, [
      { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
    ]);
    clock.set(`${date}T09:00:00Z`);
    await first.scheduler.start();
    await first.scheduler.stop();
    await first.store.close();
    expect(first.sender.posts()).toHaveLength(1);

    clock.set(`${date}T13:00:00Z`);
    const store = openStore();
    const sender = recordingSender("discord", clock.clock);
    const second = createScheduler({
      store,
      hotline,
      senders: [sender],
      clock: clock.clock,
      logger: quietLogger,
      tick: manualTick,
    });
    await second.start();
    clock.set(`${date}T18:00:00Z`);
    await second.runOnce();
    await second.stop();
    expect(sender.calls).toEqual([]);
  });

  it("GIVEN the process was down over the post time WHEN it starts later that day THEN it catches up once", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T01:00:00Z`);
    const { sender, scheduler, store, service } = await setup(clock, [
      { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
    ]);
    clock.set(`${date}T15:20:00Z`);
    await scheduler.start();
    expect(sender.posts().map((p) => p.at.toISOString())).toEqual([`${date}T15:20:00.000Z`]);
    clock.set(`${date}T15:21:00Z`);
    await scheduler.runOnce();
    await scheduler.stop();
    expect(sender.calls).toHaveLength(1);
    expect(await store.getClaim((await service.list())[0]?.id ?? -1, date)).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  });

  it("GIVEN the process was down for the whole local day THEN no late post is made the next day", async () => {
    const date = `2025-${eventDay}`;
    const nextDay = new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    const clock = fakeClock(`${date}T01:00:00Z`);
    const { sender, scheduler } = await setup(clock, [
      { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
    ]);
    clock.set(`${nextDay}T10:00:00Z`);
    await scheduler.start();
    await scheduler.stop();
    expect(sender.posts().filter((p) => p.digest.monthDay === eventDay)).toEqual([]);
  });

  it("GIVEN a channel subscribed after today's post time THEN its first post comes the next day", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T12:00:00Z`);
    const { sender, scheduler } = await setup(clock, [
      { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
    ]);
    await scheduler.start();
    await scheduler.stop();
    expect(sender.calls).toEqual([]);
  });

  it("GIVEN two schedulers on one database file WHEN both tick at the post time THEN one post is made", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const a = await setup(clock, [
      { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
    ]);
    const storeB = openStore();
    const senderB = recordingSender("discord", clock.clock);
    const b = createScheduler({
      store: storeB,
      hotline,
      senders: [senderB],
      clock: clock.clock,
      logger: quietLogger,
      tick: manualTick,
    });
    clock.set(`${date}T09:00:00Z`);
    await Promise.all([a.scheduler.start(), b.start()]);
    clock.set(`${date}T09:01:00Z`);
    await Promise.all([b.runOnce(), a.scheduler.runOnce()]);
    await Promise.all([a.scheduler.stop(), b.stop()]);
    expect(a.sender.calls.length + senderB.calls.length).toBe(1);
  });

  it("GIVEN a sender that does not own the channel (another shard) THEN it neither claims nor sends", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const notMine = recordingSender("discord", clock.clock, { owns: () => false });
    const { store, service, scheduler } = await setup(
      clock,
      [{ channel: discordChannel("c"), time: "09:00", timezone: "UTC" }],
      { senders: [notMine, recordingSender("slack", clock.clock)] },
    );
    clock.set(`${date}T10:00:00Z`);
    await scheduler.start();
    await scheduler.stop();
    expect(notMine.calls).toEqual([]);
    expect(await store.getClaim((await service.list())[0]?.id ?? -1, date)).toBeUndefined();
  });

  it("GIVEN a send that fails twice WHEN retries come due THEN exactly one successful post, with attempts recorded", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const flaky = recordingSender("discord", clock.clock, { failures: 2 });
    const { store, service, scheduler } = await setup(
      clock,
      [{ channel: discordChannel("c"), time: "09:00", timezone: "UTC" }],
      { senders: [flaky], retry: { baseMs: 2 * MINUTE, maxAttempts: 5 } },
    );
    const id = (await service.list())[0]?.id ?? -1;
    clock.set(`${date}T09:00:00Z`);
    await scheduler.start();
    expect(await store.getClaim(id, date)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "platform said 503",
      nextAttemptAt: `${date}T09:02:00.000Z`,
    });
    await runTicks(
      clock,
      scheduler.runOnce,
      new Date(`${date}T09:01:00Z`),
      new Date(`${date}T10:00:00Z`),
      MINUTE,
    );
    await scheduler.stop();
    // Backoff doubles: first retry after 2 minutes, the second 4 minutes after that.
    expect(flaky.calls.map((c) => [c.at.toISOString().slice(11, 16), c.ok])).toEqual([
      ["09:00", false],
      ["09:02", false],
      ["09:06", true],
    ]);
    expect(await store.getClaim(id, date)).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("GIVEN a send that keeps failing THEN it gives up after maxAttempts and never posts twice", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const broken = recordingSender("discord", clock.clock, { failures: 100 });
    const { store, service, scheduler } = await setup(
      clock,
      [{ channel: discordChannel("c"), time: "09:00", timezone: "UTC" }],
      { senders: [broken] },
    );
    await runTicks(
      clock,
      scheduler.runOnce,
      new Date(`${date}T09:00:00Z`),
      new Date(`${date}T12:00:00Z`),
      MINUTE,
    );
    expect(broken.calls).toHaveLength(3);
    expect(await store.getClaim((await service.list())[0]?.id ?? -1, date)).toMatchObject({
      status: "failed",
      attempts: 3,
      nextAttemptAt: null,
    });
  });

  it("GIVEN two schedulers on one file and a failed send WHEN both tick for the retries THEN one successful post", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const flakyA = recordingSender("discord", clock.clock, { failures: 1 });
    const a = await setup(
      clock,
      [{ channel: discordChannel("c"), time: "09:00", timezone: "UTC" }],
      {
        senders: [flakyA],
      },
    );
    const flakyB = recordingSender("discord", clock.clock, { failures: 1 });
    const b = createScheduler({
      store: openStore(),
      hotline,
      senders: [flakyB],
      clock: clock.clock,
      logger: quietLogger,
      tick: manualTick,
      retry: { baseMs: MINUTE, maxAttempts: 5 },
    });
    for (let minute = 0; minute < 30; minute++) {
      clock.set(new Date(Date.parse(`${date}T09:00:00Z`) + minute * MINUTE));
      await Promise.all([a.scheduler.runOnce(), b.runOnce()]);
    }
    const successes = [...flakyA.posts(), ...flakyB.posts()];
    expect(successes).toHaveLength(1);
  });

  it("GIVEN a send in flight WHEN stop is called THEN stop waits for it and its outcome is recorded", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    let release: () => void = () => {};
    const calls: string[] = [];
    const slow: PostSender = {
      platform: "discord",
      owns: () => true,
      renderParts: () => ["the post"],
      sendPart: () =>
        new Promise<void>((resolve) => {
          calls.push("sent");
          release = resolve;
        }),
      checkPart: async () => "unknown",
    };
    const { store, service, scheduler } = await setup(
      clock,
      [{ channel: discordChannel("c"), time: "09:00", timezone: "UTC" }],
      { senders: [slow] },
    );
    clock.set(`${date}T09:00:00Z`);
    const tick = scheduler.runOnce();
    await until(() => calls.length === 1);
    const stopped = scheduler.stop();
    expect(calls).toEqual(["sent"]);
    release();
    await Promise.all([tick, stopped]);
    expect((await store.getClaim((await service.list())[0]?.id ?? -1, date))?.status).toBe("sent");
    clock.set(`${date}T09:05:00Z`);
    await scheduler.runOnce();
    expect(calls).toEqual(["sent"]);
  });

  it("GIVEN the default croner driver WHEN started and stopped THEN the catch-up tick posts and stop returns", async () => {
    const date = `2025-${eventDay}`;
    const clock = fakeClock(`${date}T00:00:00Z`);
    const { sender, scheduler } = await setup(
      clock,
      [{ channel: discordChannel("c"), time: "09:00", timezone: "UTC" }],
      { tick: undefined },
    );
    clock.set(`${date}T09:30:00Z`);
    await scheduler.start();
    await scheduler.stop();
    await scheduler.stop();
    expect(sender.posts()).toHaveLength(1);
  });

  describe("per-part delivery, leases and interrupted sends", () => {
    const LEASE = MINUTE;
    const date = `2025-${eventDay}`;
    const postTime = new Date(`${date}T09:00:00Z`);
    const at = (ms: number) => new Date(postTime.getTime() + ms);

    /** A scheduler over its own connection to the shared file, logging into `sink`. */
    async function restarted(
      clock: ReturnType<typeof fakeClock>,
      sender: PostSender,
      sink = new LogSink(),
    ) {
      const scheduler = createScheduler({
        store: openStore(),
        hotline,
        senders: [sender],
        clock: clock.clock,
        logger: createLogger("info", sink),
        tick: manualTick,
        leaseMs: LEASE,
      });
      return { scheduler, sink };
    }

    /** A post claimed by a process that then died after `partsSent` parts, at the post time. */
    async function crashedClaim(store: ScheduleStore, id: number, partsSent: number) {
      expect(await store.claim(id, date, postTime, "crashed", at(LEASE))).toBe(true);
      for (let part = 0; part < partsSent; part++) {
        await store.markPartSent(id, date, "crashed", part);
      }
    }

    it("GIVEN a 5-part post whose 3rd part fails once WHEN the retry comes THEN exactly 5 parts are delivered, in order, none twice", async () => {
      const clock = fakeClock(`${date}T00:00:00Z`);
      const sender = recordingSender("discord", clock.clock, { parts: 5, failParts: { 2: 1 } });
      const { store, service, scheduler } = await setup(
        clock,
        [{ channel: discordChannel("c"), time: "09:00", timezone: "UTC" }],
        { senders: [sender] },
      );
      const id = (await service.list())[0]?.id ?? -1;
      clock.set(postTime);
      await scheduler.runOnce();
      expect(await store.getClaim(id, date)).toMatchObject({
        status: "failed",
        attempts: 1,
        partsSent: 2,
      });
      clock.set(at(MINUTE));
      await scheduler.runOnce();
      clock.set(at(30 * MINUTE));
      await scheduler.runOnce();
      expect(sender.calls.map((call) => [call.part, call.ok])).toEqual([
        [0, true],
        [1, true],
        [2, false],
        [2, true],
        [3, true],
        [4, true],
      ]);
      expect(sender.posts().map((post) => post.part)).toEqual([0, 1, 2, 3, 4]);
      expect(await store.getClaim(id, date)).toMatchObject({
        status: "sent",
        attempts: 2,
        partsSent: 5,
      });
    });

    it.each([
      ["delivered", [3, 4]],
      ["resend", [2, 3, 4]],
    ] as const)(
      "GIVEN a crash after 2 of 5 parts WHEN a restart finds the lease passed and the platform says %s THEN the post resumes and ends with parts %j",
      async (check, resumed) => {
        const clock = fakeClock(`${date}T00:00:00Z`);
        const { store, service } = await setup(clock, [
          { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
        ]);
        const id = (await service.list())[0]?.id ?? -1;
        await crashedClaim(store, id, 2);
        clock.set(at(LEASE + 1_000));
        const sender = recordingSender("discord", clock.clock, { parts: 5, check });
        const { scheduler, sink } = await restarted(clock, sender);
        await scheduler.start();
        await scheduler.stop();
        // Asked about the part in flight, from the lease's last renewal on.
        expect(sender.checks).toEqual([
          { key: { subscriptionId: id, localDate: date, index: 2, count: 5 }, since: postTime },
        ]);
        expect(sender.posts().map((post) => post.part)).toEqual(resumed);
        expect(await store.getClaim(id, date)).toMatchObject({
          status: "sent",
          partsSent: 5,
          attempts: 2,
        });
        expect(sink.lines.filter((line) => line.level >= 50)).toEqual([]);
      },
    );

    it("GIVEN a crash mid-send WHEN the platform cannot tell whether the part arrived THEN the post stays interrupted, nothing is sent, and one error line says so", async () => {
      const clock = fakeClock(`${date}T00:00:00Z`);
      const { store, service } = await setup(clock, [
        { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
      ]);
      const id = (await service.list())[0]?.id ?? -1;
      await crashedClaim(store, id, 2);
      clock.set(at(LEASE + 1_000));
      const sender = recordingSender("discord", clock.clock, { parts: 5, check: "unknown" });
      const { scheduler, sink } = await restarted(clock, sender);
      await scheduler.start();
      clock.set(at(5 * MINUTE));
      await scheduler.runOnce();
      await scheduler.stop();
      expect(sender.calls).toEqual([]);
      expect(await store.getClaim(id, date)).toMatchObject({
        status: "interrupted",
        partsSent: 2,
        claimedBy: "crashed",
      });
      const errors = sink.lines.filter((line) => line.level >= 50);
      expect(errors.map((line) => line.msg)).toEqual([
        "on-this-day: post interrupted mid-send; it may be incomplete and is not retried",
      ]);
      expect(errors[0]).toMatchObject({ localDate: date, partsSent: 2, check: "unknown" });
    });

    it("GIVEN a running scheduler WHEN another process's claim loses its lease a few minutes later THEN a later tick (not only the start) resumes it", async () => {
      const clock = fakeClock(`${date}T00:00:00Z`);
      const { store, service } = await setup(clock, [
        { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
      ]);
      const id = (await service.list())[0]?.id ?? -1;
      const sender = recordingSender("discord", clock.clock, { parts: 3, check: "resend" });
      const { scheduler } = await restarted(clock, sender);
      clock.set(at(-MINUTE));
      await scheduler.start();
      await crashedClaim(store, id, 1);
      // The lease still holds: the other process may be sending; leave it alone.
      clock.set(at(LEASE / 2));
      await scheduler.runOnce();
      expect(sender.checks).toEqual([]);
      expect((await store.getClaim(id, date))?.status).toBe("sending");
      clock.set(at(LEASE + 1_000));
      await scheduler.runOnce();
      await scheduler.stop();
      expect(sender.posts().map((post) => post.part)).toEqual([1, 2]);
      expect((await store.getClaim(id, date))?.status).toBe("sent");
    });

    /** Wraps the real store so `markFailed` rejects its first `times` calls (a disk error). */
    function failingMarkFailed(store: ScheduleStore, times: number) {
      let left = times;
      const attempts: number[] = [];
      const wrapped: ScheduleStore = Object.create(store);
      wrapped.markFailed = async (...args) => {
        attempts.push(attempts.length + 1);
        if (left-- > 0) {
          throw new HotlineError(
            "store_failed",
            "schedule store: mark failed failed on x.db: disk I/O error",
          );
        }
        return store.markFailed(...args);
      };
      return { store: wrapped, attempts };
    }

    it("GIVEN a failed send WHEN recording the failure keeps failing THEN no 'will retry' is logged, the error says no retry is scheduled, and none comes", async () => {
      const clock = fakeClock(`${date}T00:00:00Z`);
      const { store, service } = await setup(clock, [
        { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
      ]);
      const id = (await service.list())[0]?.id ?? -1;
      const broken = failingMarkFailed(store, Number.POSITIVE_INFINITY);
      const sender = recordingSender("discord", clock.clock, { failures: 1 });
      const sink = new LogSink();
      const scheduler = createScheduler({
        store: broken.store,
        hotline,
        senders: [sender],
        clock: clock.clock,
        logger: createLogger("info", sink),
        tick: manualTick,
        retry: { baseMs: MINUTE, maxAttempts: 5 },
        leaseMs: LEASE,
      });
      await runTicks(clock, scheduler.runOnce, postTime, at(15 * MINUTE), MINUTE);
      await scheduler.stop();
      expect(broken.attempts).toEqual([1, 2, 3]);
      expect(sink.has("on-this-day: post failed; will retry")).toBe(false);
      const errors = sink.lines.filter((line) => line.level >= 50).map((line) => line.msg);
      expect(errors[0]).toBe(
        "on-this-day: post failed and the failure cannot be recorded; no retry is scheduled",
      );
      // True to its word: the one failed call is the only send.
      expect(sender.calls.map((call) => call.ok)).toEqual([false]);
      expect((await store.getClaim(id, date))?.status).not.toBe("sent");
    });

    it("GIVEN a failed send WHEN recording the failure fails once THEN the record is retried, 'will retry' holds, and the retry posts once", async () => {
      const clock = fakeClock(`${date}T00:00:00Z`);
      const { store, service } = await setup(clock, [
        { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
      ]);
      const id = (await service.list())[0]?.id ?? -1;
      const flaky = failingMarkFailed(store, 1);
      const sender = recordingSender("discord", clock.clock, { failures: 1 });
      const sink = new LogSink();
      const scheduler = createScheduler({
        store: flaky.store,
        hotline,
        senders: [sender],
        clock: clock.clock,
        logger: createLogger("info", sink),
        tick: manualTick,
        retry: { baseMs: MINUTE, maxAttempts: 5 },
        leaseMs: LEASE,
      });
      await runTicks(clock, scheduler.runOnce, postTime, at(15 * MINUTE), MINUTE);
      await scheduler.stop();
      expect(flaky.attempts).toEqual([1, 2]);
      expect(sink.has("on-this-day: post failed; will retry")).toBe(true);
      expect(sender.calls.map((call) => call.ok)).toEqual([false, true]);
      expect(await store.getClaim(id, date)).toMatchObject({ status: "sent", attempts: 2 });
    });

    it("GIVEN two schedulers on two connections WHEN both read 'no claim yet' before either claims THEN only the one whose claim won sends, and the loser logs no error", async () => {
      const clock = fakeClock(`${date}T00:00:00Z`);
      const a = await setup(clock, [
        { channel: discordChannel("c"), time: "09:00", timezone: "UTC" },
      ]);
      // Both getClaim reads resolve together, so both schedulers see no claim and race to make
      // one: only the result of store.claim() can keep the loser from posting.
      let waiting: Array<() => void> = [];
      const together = (store: ScheduleStore): ScheduleStore => {
        const wrapped: ScheduleStore = Object.create(store);
        wrapped.getClaim = async (...args) => {
          const claim = await store.getClaim(...args);
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) {
              for (const release of waiting) release();
              waiting = [];
            }
          });
          return claim;
        };
        return wrapped;
      };
      const senderA = recordingSender("discord", clock.clock);
      const senderB = recordingSender("discord", clock.clock);
      const sink = new LogSink();
      const make = (store: ScheduleStore, sender: PostSender) =>
        createScheduler({
          store: together(store),
          hotline,
          senders: [sender],
          clock: clock.clock,
          logger: createLogger("info", sink),
          tick: manualTick,
        });
      const one = make(a.store, senderA);
      const two = make(openStore(), senderB);
      clock.set(postTime);
      await Promise.all([one.runOnce(), two.runOnce()]);
      expect(senderA.calls.length + senderB.calls.length).toBe(1);
      // A loser that ignored its failed claim would start sending and trip over the lease.
      expect(sink.lines.filter((line) => line.level >= 40)).toEqual([]);
      expect(sink.lines.filter((line) => line.msg === "on-this-day: posted")).toHaveLength(1);
    });
  });
});
