/**
 * The on-this-day post end to end: real SQLite store, real scheduler, and the real Discord and
 * Slack adapters' senders against the local fakes of both platforms.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordBot, startDiscord } from "../../adapters/discord/bot.js";
import { createDiscordSender, partNonce } from "../../adapters/discord/sender.js";
import { type SlackHandle, startSlack } from "../../adapters/slack/app.js";
import { loadConfig } from "../../src/config.js";
import { loadHotline } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import type { DayDigest } from "../../src/model.js";
import { createScheduler } from "../../src/schedule/scheduler.js";
import { openSqliteStore } from "../../src/schedule/sqlite-store.js";
import type { ScheduleStore } from "../../src/schedule/store.js";
import { createSubscriptionService } from "../../src/schedule/subscriptions.js";
import type { ChannelRef, PartKey, PostSender } from "../../src/schedule/types.js";
import { FakeDiscord } from "../fakes/discord.js";
import { LogSink } from "../fakes/recorders.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack.js";
import { fakeClock, manualTick, quietLogger, tempDir, until } from "./helpers.js";

const hotline = loadHotline();
const event = hotline
  .timeline()
  .find((e) => e.date.precision === "day" && e.basis === "stated" && !e.date.iso.endsWith("02-29"));
if (!event) throw new Error("the corpus has no event dated to the day");
const monthDay = event.date.iso.slice(5);
// 09:00 UTC on that month-day of a later year.
const postTime = new Date(`2027-${monthDay}T09:00:30Z`);

/** The time the Slack fake stamps messages with; each test points it at its own fake clock. */
let now = () => new Date();

describe("on-this-day posts through the real adapters", () => {
  let discordFake: FakeDiscord;
  let slackFake: FakeSlack;
  let discord: DiscordBot;
  let slack: SlackHandle;
  const temp = tempDir();

  beforeAll(async () => {
    discordFake = await FakeDiscord.start();
    // Slack stamps messages with its own clock: here the tests' fake clock.
    slackFake = await startFakeSlack({ clock: () => now() });
    const config = loadConfig({
      DISCORD_TOKEN: discordFake.token,
      DISCORD_APPLICATION_ID: discordFake.applicationId,
      DISCORD_API_URL: discordFake.apiUrl,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: "test-secret",
      SLACK_API_URL: slackFake.apiUrl,
      PORT: "0",
      HOTLINE_TIMEZONE: "UTC",
    });
    discord = await startDiscord({ hotline, config, logger: quietLogger });
    slack = await startSlack({
      hotline,
      config,
      logger: quietLogger,
      host: "127.0.0.1",
      retryConfig: { retries: 0 },
    });
  });

  afterAll(async () => {
    await discord?.stop();
    await slack?.stop();
    await discordFake?.stop();
    await slackFake?.close();
    temp.cleanup();
  });

  it("GIVEN a Discord and a Slack channel subscribed at 09:00 UTC THEN each gets the post once", async () => {
    const store = openSqliteStore({ path: join(temp.dir, "hotline.db") });
    const time = fakeClock(postTime);
    const subscriptions = await createSubscriptionService({
      store,
      config: { onThisDayTime: "09:00", timezone: "UTC", onThisDayChannels: undefined },
      clock: () => new Date("2027-01-01T00:00:00Z"),
    });
    await subscriptions.subscribe({
      platform: "discord",
      workspaceId: discordFake.guildId,
      channelId: discordFake.channelId,
      requestedBy: "admin",
    });
    await subscriptions.subscribe({
      platform: "slack",
      workspaceId: "T0001",
      channelId: "C0POSTS",
      requestedBy: "admin",
    });
    const scheduler = createScheduler({
      store,
      hotline,
      senders: [discord.sender, slack.sender],
      clock: time.clock,
      logger: quietLogger,
      tick: manualTick,
    });
    await scheduler.start();
    await scheduler.runOnce();
    time.advance(5 * 60_000);
    await scheduler.runOnce();
    await scheduler.stop();
    await store.close();

    const discordPosts = discordFake.requests.filter(
      (r) => r.method === "POST" && r.path === `/channels/${discordFake.channelId}/messages`,
    );
    expect(discordPosts).toHaveLength(1);
    const discordText = JSON.stringify(discordPosts[0]?.body);
    expect(discordText).toContain(JSON.stringify(event.quote.text).slice(1, -1));
    expect(discordPosts[0]?.body.allowed_mentions).toMatchObject({ parse: [] });

    const slackPosts = slackFake.find(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C0POSTS",
    );
    expect(slackPosts).toHaveLength(1);
    expect(JSON.stringify(slackPosts[0]?.body)).toContain("On this day in 2008");
  });

  describe("multi-part posts: retries and crashes", () => {
    const LEASE = 60_000;
    const MINUTE = 60_000;
    const temps: Array<{ cleanup: () => void }> = [];
    const stores: ScheduleStore[] = [];
    afterAll(async () => {
      for (const store of stores) await store.close();
      for (const t of temps) t.cleanup();
    });

    /**
     * A day's digest that renders to exactly five messages on `sender`'s platform: the corpus's
     * events repeated (each copy numbered) until the renderer needs five messages.
     */
    function fivePartDigest(sender: PostSender): DayDigest {
      const timeline = hotline.timeline();
      const events = Array.from({ length: 400 }, (_, i) => {
        const event = timeline[i % timeline.length] as (typeof timeline)[number];
        return { ...event, quote: { ...event.quote, text: `${event.quote.text} (${i + 1})` } };
      });
      for (let count = 1; count <= events.length; count++) {
        const digest: DayDigest = { monthDay, events: events.slice(0, count), next: null };
        const parts = sender.renderParts(digest).length;
        if (parts === 5) return digest;
        if (parts > 5) break;
      }
      throw new Error(
        `test setup: no prefix of the timeline renders to 5 ${sender.platform} parts`,
      );
    }

    /**
     * A store on a fresh file with `channel` subscribed at 09:00 UTC, and a way to make a
     * scheduler (one process) over its own connection to that file. Each test posts for its own
     * year, so Discord nonces never repeat across tests.
     */
    async function world(channel: ChannelRef, year: number, sender: PostSender) {
      const temp = tempDir();
      temps.push(temp);
      const path = join(temp.dir, "hotline.db");
      const open = () => {
        const store = openSqliteStore({ path });
        stores.push(store);
        return store;
      };
      const store = open();
      const digest = fivePartDigest(sender);
      const subscriptions = await createSubscriptionService({
        store,
        config: { onThisDayTime: "09:00", timezone: "UTC", onThisDayChannels: undefined },
        clock: () => new Date(`${year}-01-01T00:00:00Z`),
      });
      const saved = await subscriptions.subscribe({ ...channel, requestedBy: "admin" });
      if (!saved.ok) throw new Error(saved.message);
      const postTime = new Date(`${year}-${monthDay}T09:00:00Z`);
      const time = fakeClock(postTime);
      now = time.clock;
      const sink = new LogSink();
      const process = (processSender: PostSender, processStore = open()) =>
        createScheduler({
          store: processStore,
          hotline: { today: () => digest },
          senders: [processSender],
          clock: time.clock,
          logger: createLogger("info", sink),
          tick: manualTick,
          leaseMs: LEASE,
          stopTimeoutMs: 10,
          retry: { baseMs: MINUTE, maxAttempts: 3 },
        });
      const key = (index: number): PartKey => ({
        subscriptionId: saved.subscription.id,
        localDate: `${year}-${monthDay}`,
        index,
        count: 5,
      });
      return { store, open, time, sink, process, key, id: saved.subscription.id };
    }

    /**
     * The real sender, except that part `index`, on its first try, never settles: after it
     * reached the platform (`after`) or before (`before`). That process then "dies".
     */
    function dyingAt(sender: PostSender, index: number, when: "before" | "after"): PostSender {
      let died = false;
      return {
        ...sender,
        renderParts: sender.renderParts,
        async sendPart(channel, part, key) {
          if (key.index !== index || died) return sender.sendPart(channel, part, key);
          died = true;
          if (when === "after") await sender.sendPart(channel, part, key);
          await new Promise(() => {});
        },
      };
    }

    const discordChannel = (): ChannelRef => ({
      platform: "discord",
      workspaceId: discordFake.guildId,
      channelId: discordFake.channelId,
    });
    const discordSender = (clock: () => Date) => createDiscordSender(discord.client, { clock });
    /** The nonces of the messages Discord created since `from`, in order. */
    const discordNonces = (from: number) =>
      discordFake.posted.slice(from).map((posted) => posted.message.nonce);
    /** The part numbers (from their metadata) of the messages in a Slack channel, in order. */
    const slackParts = (channelId: string) =>
      (slackFake.history.get(channelId) ?? []).map(
        (message) => (message.metadata as { event_payload: { part: number } }).event_payload.part,
      );

    it("GIVEN a 5-message Discord post whose 3rd message fails once THEN exactly 5 messages are delivered, in order", async () => {
      const w = await world(
        discordChannel(),
        2031,
        discordSender(() => now()),
      );
      const before = discordFake.posted.length;
      const third = partNonce(w.key(2));
      discordFake.failNext((r) => r.method === "POST" && r.body?.nonce === third, {
        status: 403,
        body: { message: "Missing Access", code: 50001 },
      });
      const scheduler = w.process(discordSender(w.time.clock));
      await scheduler.runOnce();
      expect(discordNonces(before)).toHaveLength(2);
      w.time.advance(MINUTE);
      await scheduler.runOnce();
      await scheduler.stop();
      expect(discordNonces(before)).toEqual([0, 1, 2, 3, 4].map((i) => partNonce(w.key(i))));
      // Not even a repeat the nonce would drop: the retry started at the failed message.
      const nonces = new Set([0, 1, 2, 3, 4].map((i) => partNonce(w.key(i))));
      const sends = discordFake.find((r) => r.method === "POST" && nonces.has(r.body?.nonce));
      expect(sends.map((r) => [r.body?.nonce, r.status])).toEqual([
        [partNonce(w.key(0)), 200],
        [partNonce(w.key(1)), 200],
        [third, 403],
        [third, 200],
        [partNonce(w.key(3)), 200],
        [partNonce(w.key(4)), 200],
      ]);
      expect(await w.store.getClaim(w.id, `2031-${monthDay}`)).toMatchObject({
        status: "sent",
        partsSent: 5,
      });
    });

    it("GIVEN a 5-message Slack post whose 3rd message fails once THEN exactly 5 messages are delivered, in order", async () => {
      const channel: ChannelRef = { platform: "slack", workspaceId: "T0001", channelId: "CPARTS" };
      const w = await world(channel, 2032, slack.sender);
      let failed = false;
      const faulty: PostSender = {
        ...slack.sender,
        async sendPart(target, part, key) {
          if (key.index === 2 && !failed) {
            failed = true;
            slackFake.failNext("chat.postMessage", { error: "ratelimited" });
          }
          return slack.sender.sendPart(target, part, key);
        },
      };
      const scheduler = w.process(faulty);
      await scheduler.runOnce();
      expect(slackParts("CPARTS")).toEqual([0, 1]);
      w.time.advance(MINUTE);
      await scheduler.runOnce();
      await scheduler.stop();
      expect(slackParts("CPARTS")).toEqual([0, 1, 2, 3, 4]);
    });

    it.each(["after", "before"] as const)(
      "GIVEN a Slack process that dies on the 3rd message (%s it arrived) WHEN another starts 3 minutes later THEN the post ends with 5 messages, none twice",
      async (when) => {
        const channelId = `CCRASH${when.toUpperCase()}`;
        const channel: ChannelRef = { platform: "slack", workspaceId: "T0001", channelId };
        const w = await world(channel, when === "after" ? 2033 : 2034, slack.sender);
        const dying = w.process(dyingAt(slack.sender, 2, when));
        void dying.runOnce();
        await until(() => slackParts(channelId).length === (when === "after" ? 3 : 2));
        await dying.stop();
        w.time.advance(3 * MINUTE);
        const restarted = w.process(slack.sender);
        await restarted.start();
        await restarted.stop();
        expect(slackParts(channelId)).toEqual([0, 1, 2, 3, 4]);
        expect(w.sink.lines.filter((line) => line.level >= 50)).toEqual([]);
        expect(w.sink.has("on-this-day: resuming an interrupted post")).toBe(true);
      },
    );

    it("GIVEN a Discord process that dies after its 3rd message reached Discord WHEN another starts 90 s later (inside the nonce window) THEN the repeat is dropped and exactly 5 messages exist", async () => {
      const w = await world(
        discordChannel(),
        2035,
        discordSender(() => now()),
      );
      const before = discordFake.posted.length;
      const dying = w.process(dyingAt(discordSender(w.time.clock), 2, "after"));
      void dying.runOnce();
      await until(() => discordNonces(before).length === 3);
      await dying.stop();
      w.time.advance(90_000);
      const restarted = w.process(discordSender(w.time.clock));
      await restarted.start();
      await restarted.stop();
      const third = partNonce(w.key(2));
      // The third part went out twice with one nonce; Discord kept the first only.
      expect(discordFake.find((r) => r.method === "POST" && r.body?.nonce === third)).toHaveLength(
        2,
      );
      expect(discordNonces(before)).toEqual([0, 1, 2, 3, 4].map((i) => partNonce(w.key(i))));
      expect(w.sink.lines.filter((line) => line.level >= 50)).toEqual([]);
    });

    it("GIVEN a Discord process that dies mid-send WHEN another starts 10 minutes later (past the nonce window) THEN nothing more is sent, the post stays interrupted, and one error line says so", async () => {
      const w = await world(
        discordChannel(),
        2036,
        discordSender(() => now()),
      );
      const before = discordFake.posted.length;
      const dying = w.process(dyingAt(discordSender(w.time.clock), 2, "after"));
      void dying.runOnce();
      await until(() => discordNonces(before).length === 3);
      await dying.stop();
      w.time.advance(10 * MINUTE);
      const restarted = w.process(discordSender(w.time.clock));
      await restarted.start();
      w.time.advance(MINUTE);
      await restarted.runOnce();
      await restarted.stop();
      expect(discordNonces(before)).toHaveLength(3);
      expect(await w.store.getClaim(w.id, `2036-${monthDay}`)).toMatchObject({
        status: "interrupted",
        partsSent: 2,
      });
      const errors = w.sink.lines.filter((line) => line.level >= 50);
      expect(errors.map((line) => [line.msg, line.check])).toEqual([
        [
          "on-this-day: post interrupted mid-send; it may be incomplete and is not retried",
          "unknown",
        ],
      ]);
    });
  });
});
