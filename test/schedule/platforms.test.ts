/**
 * The on-this-day post end to end: real SQLite store, real scheduler, and the real Discord and
 * Slack adapters' senders against the local fakes of both platforms.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordBot, startDiscord } from "../../adapters/discord/bot.js";
import { type SlackHandle, startSlack } from "../../adapters/slack/app.js";
import { loadConfig } from "../../src/config.js";
import { loadHotline } from "../../src/hotline.js";
import { createScheduler } from "../../src/schedule/scheduler.js";
import { openSqliteStore } from "../../src/schedule/sqlite-store.js";
import { createSubscriptionService } from "../../src/schedule/subscriptions.js";
import { FakeDiscord } from "../fakes/discord.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack.js";
import { fakeClock, manualTick, quietLogger, tempDir } from "./helpers.js";

const hotline = loadHotline();
const event = hotline
  .timeline()
  .find((e) => e.date.precision === "day" && e.basis === "stated" && !e.date.iso.endsWith("02-29"));
if (!event) throw new Error("the corpus has no event dated to the day");
const monthDay = event.date.iso.slice(5);
// 09:00 UTC on that month-day of a later year.
const postTime = new Date(`2027-${monthDay}T09:00:30Z`);

describe("on-this-day posts through the real adapters", () => {
  let discordFake: FakeDiscord;
  let slackFake: FakeSlack;
  let discord: DiscordBot;
  let slack: SlackHandle;
  const temp = tempDir();

  beforeAll(async () => {
    discordFake = await FakeDiscord.start();
    slackFake = await startFakeSlack();
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
});
