/**
 * The Discord adapter under abuse and faults, through the real discord.js client against the
 * local fake: rate limits, over-long questions, admin checks on every path, and REST faults
 * (500, 429, timeouts, a deleted channel) during replies and scheduled posts.
 */

import { MessageFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { type DiscordBot, startDiscord } from "../../adapters/discord/bot.js";
import { createDiscordClient } from "../../adapters/discord/client.js";
import { loadConfig } from "../../src/config.js";
import { loadHotline } from "../../src/hotline.js";
import { MAX_QUESTION_LENGTH } from "../../src/hotline-api.js";
import { createLogger } from "../../src/log.js";
import { FAILURE_MESSAGE, rejectionText } from "../../src/present/texts.js";
import { createScheduler } from "../../src/schedule/scheduler.js";
import { openSqliteStore } from "../../src/schedule/sqlite-store.js";
import { createSubscriptionService } from "../../src/schedule/subscriptions.js";
import {
  FakeDiscord,
  type FakeUser,
  type InteractionOption,
  MEMBER_PERMISSIONS,
  PERMISSIONS,
  type RecordedRequest,
} from "../fakes/discord.js";
import { LogSink, sendPost } from "../fakes/recorders.js";
import { assertDiscordWireSafe } from "../property/safety.js";

// biome-ignore lint/suspicious/noExplicitAny: wire JSON the bot sent, asserted field by field
type Wire = any;

const hotline = loadHotline();
const NOW = new Date("2026-03-14T09:30:00Z");
const USER_LIMIT = 2;
/** DISCORD_REST_TIMEOUT_MS here: short, so a hung request is abandoned within the test. */
const REST_TIMEOUT_MS = 1_000;
const str = (name: string, value: string): InteractionOption => ({ name, type: 3, value });

let fake: FakeDiscord;
let bot: DiscordBot;
const log = new LogSink();
/** The real SQLite store (in memory) behind `/hotline subscribe` and `@bot subscribe`. */
const subscriptionStore = openSqliteStore({ path: ":memory:" });
const subscribedChannels = () => subscriptionStore.listSubscriptions();
let userCounter = 0;

/** A fresh member per test, so the per-user limit starts at zero. */
function newUser(): FakeUser {
  userCounter += 1;
  return fake.user(`4100000000000${String(userCounter).padStart(5, "0")}`, `user${userCounter}`);
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    HOTLINE_TIMEZONE: "UTC",
    RATE_LIMIT_USER_PER_MINUTE: String(USER_LIMIT),
    RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
    DISCORD_REST_TIMEOUT_MS: String(REST_TIMEOUT_MS),
  });
  bot = await startDiscord({
    hotline,
    config,
    logger: createLogger("debug", log),
    subscriptions: await createSubscriptionService({
      store: subscriptionStore,
      config,
      clock: () => NOW,
    }),
    now: () => NOW,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await subscriptionStore.close();
});

const isCallback = (token: string) => (r: RecordedRequest) => r.path.endsWith(`/${token}/callback`);
const dmMessages = (user: FakeUser) => (r: RecordedRequest) =>
  r.method === "POST" &&
  r.path === `/channels/${fake.dmChannelId(user.id)}/messages` &&
  r.status === 200;

/** Sends `/hotline help` as `user` and waits for its answer (help is cheap and never deferred). */
async function help(user: FakeUser): Promise<Wire> {
  const { token } = fake.sendCommand("help", [], { user });
  const [callback] = await fake.waitForRequests(isCallback(token));
  return callback?.body;
}

describe("GIVEN a member asking faster than the per-user limit", () => {
  test("THEN the first extra command gets one private notice, later ones are dropped and logged at debug", async () => {
    const user = newUser();
    for (let i = 0; i < USER_LIMIT; i++)
      expect(JSON.stringify(await help(user))).not.toContain("asking quickly");
    const limited = await help(user);
    expect(limited.data.content).toMatch(/^You're asking quickly — try again in \d+ s\.$/);
    expect(limited.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    assertDiscordWireSafe(limited);
    const dropped = [
      fake.sendCommand("help", [], { user }),
      fake.sendCommand("ask", [str("question", "x")], { user }),
    ];
    // Gateway events are handled in order: once another member is answered, the drops happened.
    await help(newUser());
    for (const { token } of dropped) expect(fake.find(isCallback(token))).toHaveLength(0);
    expect(
      log.lines.filter(
        (l) => l.msg === "discord: rate limited; event dropped" && l.user === user.id,
      ),
    ).toHaveLength(2);
  });

  test("THEN mentions count too: the notice goes by direct message, once, and nothing is posted in the channel", async () => {
    const author = newUser();
    const threadsBefore = fake.find((r) => r.path.endsWith("/threads")).length;
    for (let i = 0; i < USER_LIMIT; i++) fake.sendMessage(`<@${fake.botUser.id}>`, { author });
    await fake.waitForRequests(
      (r) => r.method === "POST" && r.path.endsWith("/messages") && r.body?.message_reference,
      USER_LIMIT,
    );
    fake.sendMessage(`<@${fake.botUser.id}> what is the hotline for?`, { author });
    fake.sendMessage(`<@${fake.botUser.id}> what is the hotline for?`, { author });
    const [notice] = await fake.waitForRequests(dmMessages(author));
    expect(notice?.body.content).toMatch(/^You're asking quickly/);
    assertDiscordWireSafe(notice?.body);
    await help(newUser());
    expect(fake.find(dmMessages(author))).toHaveLength(1);
    expect(fake.find((r) => r.path.endsWith("/threads")).length).toBe(threadsBefore);
  });
});

describe("GIVEN a question longer than the limit", () => {
  const long = "why ".repeat(Math.ceil((MAX_QUESTION_LENGTH + 20) / 4));
  const rejection = hotline.ask(long);

  test("THEN /hotline ask shows the core's message only to the asker", async () => {
    expect(rejection.status).toBe("rejected");
    const { token } = fake.sendCommand("ask", [str("question", long)], { user: newUser() });
    // The public deferral is deleted and the rejection follows up ephemerally.
    await fake.waitForRequests(
      (r) => r.method === "POST" && r.path === `/webhooks/${fake.applicationId}/${token}`,
    );
    const followUp = fake.find(
      (r) => r.method === "POST" && r.path === `/webhooks/${fake.applicationId}/${token}`,
    )[0];
    expect(followUp?.body.content).toContain(
      rejection.status === "rejected" ? rejectionText(rejection) : "<not rejected>",
    );
    expect(followUp?.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  test("THEN a mention gets the message by direct message, not a public thread", async () => {
    const author = newUser();
    const threadsBefore = fake.find((r) => r.path.endsWith("/threads")).length;
    fake.sendMessage(`<@${fake.botUser.id}> ${long}`, { author });
    const [dm] = await fake.waitForRequests(dmMessages(author));
    expect(dm?.body.content).toContain(
      rejection.status === "rejected" ? rejectionText(rejection) : "<not rejected>",
    );
    expect(fake.find((r) => r.path.endsWith("/threads")).length).toBe(threadsBefore);
  });
});

describe("GIVEN admin commands on every Discord path", () => {
  test("THEN /hotline subscribe by a member is refused privately, by a Manage Server member accepted", async () => {
    const before = await subscribedChannels();
    const refused = fake.sendCommand("subscribe", [], {
      user: newUser(),
      permissions: MEMBER_PERMISSIONS,
    });
    const [r] = await fake.waitForRequests(isCallback(refused.token));
    expect(r?.body.data.content).toMatch(/Only .*admins/);
    expect(r?.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(await subscribedChannels()).toEqual(before);
    const admin = newUser();
    const allowed = fake.sendCommand("subscribe", [], {
      user: admin,
      permissions: MEMBER_PERMISSIONS | PERMISSIONS.ManageGuild,
    });
    await fake.waitForRequests(isCallback(allowed.token));
    expect(await subscribedChannels()).toEqual([
      expect.objectContaining({
        platform: "discord",
        workspaceId: fake.guildId,
        channelId: fake.channelId,
        requestedBy: admin.id,
      }),
    ]);
    // The owner's test below subscribes the same channel again.
    await subscriptionStore.deactivateSubscription(
      { platform: "discord", workspaceId: fake.guildId, channelId: fake.channelId },
      "command",
      NOW,
    );
  });

  test("THEN '@bot subscribe' and '@bot unsubscribe' by a member are refused by direct message and change nothing", async () => {
    const before = await subscribedChannels();
    const author = newUser();
    fake.sendMessage(`<@${fake.botUser.id}> subscribe`, { author });
    fake.sendMessage(`<@${fake.botUser.id}> unsubscribe`, { author });
    const dms = await fake.waitForRequests(dmMessages(author), 2);
    expect(dms).toHaveLength(2);
    for (const dm of dms) expect(dm.body.content).toMatch(/Only .*admins/);
    expect(await subscribedChannels()).toEqual(before);
  });

  test("THEN '@bot subscribe' by the server owner subscribes the channel", async () => {
    const owner = fake.user(fake.ownerId, "owner");
    fake.sendMessage(`<@${fake.botUser.id}> subscribe`, { author: owner });
    const [dm] = await fake.waitForRequests(dmMessages(owner));
    expect(dm?.body.content).toMatch(/^Subscribed/);
    expect(
      await subscriptionStore.findSubscription({
        platform: "discord",
        workspaceId: fake.guildId,
        channelId: fake.channelId,
      }),
    ).toMatchObject({ source: "command", requestedBy: fake.ownerId });
  });
});

describe("GIVEN Discord REST faults during a reply", () => {
  test("THEN a 500 on the interaction response is retried by discord.js and the asker gets one answer", async () => {
    const { token } = (() => {
      fake.failNext((r) => r.path.includes("/callback") && r.body?.type === 4, { status: 500 });
      return fake.sendCommand("help", [], { user: newUser() });
    })();
    const ok = await fake.waitForRequests((r) => isCallback(token)(r) && r.status === 204);
    expect(ok).toHaveLength(1);
    expect(fake.find(isCallback(token)).map((r) => r.status)).toEqual([500, 204]);
  });

  test("THEN a 429 with retry-after is waited out and retried", async () => {
    fake.failNext((r) => r.path.includes("/callback") && r.body?.type === 4, {
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 0.2, global: false },
      headers: { "retry-after": "0.2", "x-ratelimit-scope": "user" },
    });
    const { token } = fake.sendCommand("help", [], { user: newUser() });
    await fake.waitForRequests((r) => isCallback(token)(r) && r.status === 204);
    expect(fake.find(isCallback(token)).map((r) => r.status)).toEqual([429, 204]);
  });

  test("THEN the client's REST timeout is DISCORD_REST_TIMEOUT_MS", () => {
    expect(bot.client.rest.options.timeout).toBe(REST_TIMEOUT_MS);
    const config = loadConfig({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: "123456789012345678",
      DISCORD_REST_TIMEOUT_MS: "4321",
    });
    if (!config.discord) throw new Error("Discord not configured");
    const client = createDiscordClient(config.discord, createLogger("silent"));
    expect(client.rest.options.timeout).toBe(4321);
    const defaults = loadConfig({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: "123456789012345678",
    });
    expect(defaults.discord?.restTimeoutMs).toBe(15_000);
  });

  test("THEN a request that hangs past the REST timeout is abandoned by the client and retried once", async () => {
    const isThreadPost = (r: RecordedRequest) =>
      r.method === "POST" && r.path === `/channels/${fake.threadId}/messages`;
    const before = fake.find(isThreadPost).length;
    // Far longer than the timeout and than this test's own timeout: only the client can end it.
    fake.failNext(isThreadPost, { hangMs: 120_000 });
    fake.sendMessage(`<@${fake.botUser.id}> what is the hotline for?`, {
      author: newUser(),
      channelId: fake.threadId,
    });
    // The hang-up and the retry reach the fake at about the same moment, in either order.
    const attempts = (await fake.waitForRequests(isThreadPost, before + 2)).slice(before);
    const hung = attempts.filter((r) => r.abandoned);
    const answered = attempts.filter((r) => r.status === 200);
    expect(hung).toHaveLength(1);
    expect(hung[0]?.status).toBeUndefined();
    expect(answered).toHaveLength(1);
    expect(answered[0]?.body).toEqual(hung[0]?.body);
    assertDiscordWireSafe(answered[0]?.body);
    // Less than discord.js's own 15 s default, so this fails if DISCORD_REST_TIMEOUT_MS is ignored.
  }, 10_000);

  test("THEN a request that hangs on every retry ends in a logged failure and the bot keeps serving", async () => {
    const isThreadPost = (r: RecordedRequest) =>
      r.method === "POST" && r.path === `/channels/${fake.threadId}/messages`;
    const before = fake.find(isThreadPost).length;
    const since = log.lines.length;
    // One attempt plus discord.js's three retries, each held until the client gives up.
    for (let i = 0; i < 4; i++) fake.failNext(isThreadPost, { hangMs: 120_000 });
    const messageId = fake.sendMessage(`<@${fake.botUser.id}> what is the hotline for?`, {
      author: newUser(),
      channelId: fake.threadId,
    });
    // After the failure the bot apologises in the thread (that post is not held).
    const posts = (await fake.waitForRequests(isThreadPost, before + 5)).slice(before);
    expect(posts.filter((r) => r.abandoned)).toHaveLength(4);
    expect(posts.filter((r) => r.status === 200).map((r) => r.body.content)).toEqual([
      FAILURE_MESSAGE,
    ]);
    const failure = log.lines.slice(since).find((l) => l.msg === "discord: mention failed");
    expect(failure).toMatchObject({ messageId, platform: "discord" });
    expect(String(failure?.message)).toMatch(/abort/i);
    expect((await help(newUser())).type).toBe(4);
  });

  test("THEN a thread deleted before the answer (404 Unknown Channel) is logged with the message id and the bot keeps serving", async () => {
    const since = log.lines.length;
    const firstNew = fake.requests.length;
    fake.failNext((r) => r.method === "POST" && r.path === `/channels/${fake.threadId}/messages`, {
      status: 404,
      body: { message: "Unknown Channel", code: 10003 },
    });
    const messageId = fake.sendMessage(`<@${fake.botUser.id}> what is the hotline for?`, {
      author: newUser(),
      channelId: fake.threadId,
    });
    await fake.waitForRequests(
      (r) =>
        fake.requests.indexOf(r) >= firstNew &&
        r.method === "POST" &&
        r.path === `/channels/${fake.threadId}/messages` &&
        r.body?.content === FAILURE_MESSAGE,
    );
    const failure = log.lines.slice(since).find((l) => l.msg === "discord: mention failed");
    expect(failure).toMatchObject({ messageId, platform: "discord" });
    expect(String(failure?.message)).toContain("Unknown Channel");
    const answer = await help(newUser());
    expect(answer.type).toBe(4);
  });
});

describe("GIVEN Discord faults during a scheduled post", () => {
  let store: ReturnType<typeof openSqliteStore> | undefined;
  afterEach(() => store?.close());

  test("THEN a post that fails past discord.js's retries is retried by the scheduler, sent once, never doubled", async () => {
    store = openSqliteStore({ path: ":memory:" });
    // Subscribed before the post time, so today's post is due at NOW.
    let now = new Date("2026-03-14T08:00:00Z");
    const config = loadConfig({ HOTLINE_TIMEZONE: "UTC" });
    const service = await createSubscriptionService({ store, config, clock: () => now });
    const channelId = fake.channelId;
    await service.subscribe({
      platform: "discord",
      workspaceId: fake.guildId,
      channelId,
      time: "09:00",
      timezone: "UTC",
      requestedBy: "x",
    });
    const scheduler = createScheduler({
      store,
      hotline,
      senders: [bot.sender],
      logger: createLogger("silent"),
      clock: () => now,
      tick: () => ({ stop() {} }),
      retry: { baseMs: 60_000, maxAttempts: 3 },
    });
    const isPost = (r: RecordedRequest) =>
      r.method === "POST" &&
      r.path === `/channels/${channelId}/messages` &&
      !r.body?.message_reference;
    const before = fake.find(isPost).length;
    now = NOW;
    // One more 500 than discord.js retries: the send fails and the scheduler must retry later.
    for (let i = 0; i < 4; i++) fake.failNext(isPost, { status: 500 });
    await scheduler.runOnce();
    expect(
      fake
        .find(isPost)
        .slice(before)
        .map((r) => r.status),
    ).toEqual([500, 500, 500, 500]);
    now = new Date(NOW.getTime() + 2 * 60_000);
    await scheduler.runOnce();
    const sent = fake.find((r) => isPost(r) && r.status === 200).length;
    expect(sent).toBeGreaterThan(0);
    await scheduler.runOnce();
    now = new Date(NOW.getTime() + 60 * 60_000);
    await scheduler.runOnce();
    expect(fake.find((r) => isPost(r) && r.status === 200).length).toBe(sent);
    await scheduler.stop();
  });

  test("THEN a deleted channel (404) makes the sender throw an error naming the channel", async () => {
    fake.failNext((r) => r.method === "GET" && r.path === "/channels/399999999999999999", {
      status: 404,
      body: { message: "Unknown Channel", code: 10003 },
    });
    const digest = hotline.today("03-14");
    await expect(
      sendPost(
        bot.sender,
        { platform: "discord", workspaceId: fake.guildId, channelId: "399999999999999999" },
        digest,
      ),
    ).rejects.toThrow("discord: cannot fetch channel 399999999999999999");
  });
});
